/**
 * Browser only: a chart option as SVG (ECharts' SVG renderer, text stays text) and as PNG at
 * print resolution. Rendered off-screen from the option, so the chart on the page is untouched.
 * PNG: the SVG is drawn onto a canvas `pixelRatio` times larger (Chromium rasterises SVG text
 * with the system fonts, the same the page uses).
 */
import { renderSvg } from '../charts/ssr';
import type { EChartsOption } from '../charts/echarts';

type TitleOpt = { show?: boolean; subtext?: string; subtextStyle?: object };

/**
 * The notes under a chart on screen ("Schätzung: …", "Der Filter … gilt nicht", "Teilnahmen,
 * nicht Personen") go into the image as text too: one line each under the source line, so a PNG
 * or SVG that travels alone still says what the figure means. Charts drawn without a title
 * (slides that carry the notes as text) are returned unchanged.
 */
export function withNotes(option: EChartsOption, notes: readonly string[] | undefined): EChartsOption {
	const title = option.title as TitleOpt | undefined;
	const lines = (notes ?? []).map((n) => n.trim()).filter(Boolean);
	if (!title || title.show === false || !lines.length) return option;
	return { ...option, title: { ...title, subtext: [title.subtext ?? '', ...lines].filter(Boolean).join('\n') } } as EChartsOption;
}

/**
 * The source line (and notes) under the title can be longer than the export is wide: wrap them
 * and move the plot down by the extra lines (ECharts neither wraps nor measures titles by itself).
 * Each "\n" starts a new line. Returns the option and the extra height in px.
 */
export function wrapSubtext(option: EChartsOption, width: number): { option: EChartsOption; extra: number } {
	const title = option.title as TitleOpt | undefined;
	if (!title || title.show === false || !title.subtext) return { option, extra: 0 };
	// ~6.6 px per character at 12 px system sans
	const lines = title.subtext.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil((p.length * 6.6) / (width - 24))), 0);
	if (lines <= 1) return { option, extra: 0 };
	const extra = (lines - 1) * 16;
	const grid = option.grid as { top?: number } | undefined;
	// boxes placed without a grid (maps: series, legend, panel headings) move down as well
	const down = <T,>(x: T): T => {
		const top = (x as { top?: unknown } | null)?.top;
		return typeof top === 'number' ? ({ ...(x as object), top: top + extra } as T) : x;
	};
	const each = <T,>(x: T | T[] | undefined) => (Array.isArray(x) ? x.map(down) : x === undefined ? x : down(x));
	return {
		option: {
			...option,
			title: { ...title, subtextStyle: { ...title.subtextStyle, width: width - 24, overflow: 'break', lineHeight: 16 } },
			grid: grid && typeof grid.top === 'number' ? { ...grid, top: grid.top + extra } : grid,
			...(option.grid ? {} : { series: each(option.series), visualMap: each(option.visualMap), graphic: each(option.graphic) })
		} as EChartsOption,
		extra
	};
}

/** the option of an exported image (PNG, SVG): title, source line and notes drawn, wrapped to `width` */
export function imageOption(rendered: { option: EChartsOption | null; notes?: string[] }, width: number): { option: EChartsOption; extra: number } {
	if (!rendered.option) throw new Error('nothing to draw');
	return wrapSubtext(withNotes(rendered.option, rendered.notes), width);
}

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
