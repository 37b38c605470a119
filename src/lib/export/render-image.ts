/**
 * Browser only: a chart option as SVG (ECharts' SVG renderer, text stays text) and as PNG at
 * print resolution. Rendered off-screen from the option, so the chart on the page is untouched.
 * PNG: the SVG is drawn onto a canvas `pixelRatio` times larger (Chromium rasterises SVG text
 * with the system fonts, the same the page uses).
 */
import { renderSvg } from '../charts/ssr';
import type { EChartsOption } from '../charts/echarts';

export function chartSvg(option: EChartsOption, o: { width: number; height: number; label: string }): string {
	const svg = renderSvg({ ...option, animation: false }, o);
	return svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg.replace(/^<svg\b(?![^>]*xmlns=)/, '<svg xmlns="http://www.w3.org/2000/svg"')}`;
}

export async function svgToPng(svg: string, o: { width: number; height: number; pixelRatio: number }): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.decoding = 'async';
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('SVG konnte nicht als Bild gelesen werden'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(o.width * o.pixelRatio);
		canvas.height = Math.round(o.height * o.pixelRatio);
		const g = canvas.getContext('2d');
		if (!g) throw new Error('Canvas nicht verfügbar');
		g.fillStyle = '#ffffff';
		g.fillRect(0, 0, canvas.width, canvas.height);
		g.drawImage(img, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG konnte nicht erzeugt werden'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}

export async function blobToDataUrl(b: Blob): Promise<string> {
	return new Promise((resolve, reject) => {
		const r = new FileReader();
		r.onload = () => resolve(String(r.result));
		r.onerror = () => reject(r.error);
		r.readAsDataURL(b);
	});
}
