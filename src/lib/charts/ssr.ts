/**
 * An option as a standalone SVG string (Node tests, export). ECharts' SSR output carries no
 * aria-label, so role="img" and aria-label (the summary) are added to the root element here.
 */
import { echarts, withMaps, type EChartsOption } from './echarts';
import { escapeHtml } from './escape';

export function renderSvg(option: EChartsOption, o: { width?: number; height?: number; label?: string } = {}): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: o.width ?? 800, height: o.height ?? 400 });
	try {
		chart.setOption(withMaps({ ...option, animation: false }));
		const svg = chart.renderToSVGString();
		const label = o.label ?? '';
		return label ? svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}"`) : svg;
	} finally {
		chart.dispose();
	}
}
