/**
 * What one chart becomes when it is exported: the option drawn with its title and source line
 * (showTitle, no animation), and the meta every file carries. Pure: runs in Node (tests) and in
 * the browser (menu, report pack).
 */
import type { ChartSpec, RenderedChart, ViewContext } from '../dashboard/spec';
import { periodLabel } from '../dashboard/filters';
import type { ExportMeta } from './export-meta';

/** fixed sizes in CSS pixels: a chart as wide as an A4 text column, and a 16:9 slide */
export const EXPORT_SIZES = {
	a4: { width: 760, pixelRatio: 3 },
	slide: { width: 1200, height: 675, pixelRatio: 2 }
} as const;

export interface ExportChart {
	spec: ChartSpec;
	data: unknown;
	rendered: RenderedChart;
	meta: ExportMeta;
}

export function exportChart(spec: ChartSpec, data: unknown, ctx: ViewContext): ExportChart {
	const rendered = spec.render(data, ctx, { showTitle: true, animation: false });
	const meta: ExportMeta = {
		lang: ctx.lang,
		title: rendered.title,
		summary: rendered.summary,
		source: rendered.source,
		stand: ctx.stand,
		sample: ctx.sample,
		period: periodLabel(ctx.filters, ctx.lang),
		amtName: ctx.amtName,
		notes: rendered.notes
	};
	return { spec, data, rendered, meta };
}

/** "Quelle: … · Stand: … · Beispieldaten" for captions and speaker notes */
export function captionLine(meta: ExportMeta): string {
	const de = meta.lang === 'de';
	const parts = [`${de ? 'Quelle' : 'Source'}: ${meta.source ?? ''}`];
	if (meta.stand) parts.push(`${de ? 'Stand' : 'As of'}: ${meta.stand}`);
	if (meta.sample) parts.push(de ? 'Beispieldaten' : 'Sample data');
	return parts.join(' · ');
}
