/**
 * Printing without the browser's `beforeprint` event (print servers, headless `page.pdf()`):
 * ECharts' SVG renderer draws at fixed pixel sizes without a viewBox, so a chart laid out for a
 * wide screen is clipped on an A4 page (and the Amt's own dot at the right end with it). Giving
 * the SVG a viewBox that follows each render lets the print CSS in theme.css scale the whole
 * drawing to the column (`width: 100%; height: auto`) by CSS alone, whatever width it was drawn at.
 */
import type { EChartsType } from '$lib/charts/echarts';

export function keepViewBox(chart: EChartsType, node: HTMLElement): () => void {
	const sync = () => {
		const svg = node.querySelector('svg');
		if (!svg) return;
		const box = `0 0 ${chart.getWidth()} ${chart.getHeight()}`;
		if (svg.getAttribute('viewBox') !== box) svg.setAttribute('viewBox', box);
	};
	chart.on('rendered', sync);
	sync();
	return () => chart.off('rendered', sync);
}
