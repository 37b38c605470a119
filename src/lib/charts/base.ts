/** The parts every chart option shares: title + source line, aria with decals, animation, grid. */
import type { EChartsOption } from './echarts';
import { DECALS } from './decals';
import { escapeHtml } from './escape';
import { chartLabels } from './labels';
import { MUTED, PALETTE, TEXT } from './palette';
import type { ChartOpts, Lang } from './types';

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

/** "Quelle: … · Stand: … · Beispieldaten" (parts left out when not given) */
export function sourceLine(o: { lang: Lang; source?: string; stand?: string; sample: boolean }): string {
	const L = chartLabels(o.lang);
	const parts: string[] = [];
	if (o.source) parts.push(`${L.source}: ${o.source}`);
	if (o.stand) parts.push(`${L.stand}: ${o.stand}`);
	if (o.sample) parts.push(L.sample);
	return parts.join(' · ');
}

export function showsTitle(o: ChartOpts): boolean {
	return o.showTitle ?? true;
}

/** space above the plot: title + subtext when drawn, else a little air */
export function topSpace(o: ChartOpts): number {
	return showsTitle(o) ? 64 : 16;
}

/**
 * Options common to all charts. `summary` becomes the aria description ECharts puts on the
 * chart element in the browser (SSR output does not carry it: wrap SVG strings yourself).
 */
export function baseOption(o: ChartOpts, summary: string): EChartsOption {
	return {
		animation: o.animation ?? true,
		color: [...PALETTE],
		backgroundColor: '#ffffff',
		textStyle: { fontFamily: FONT, color: TEXT },
		title: {
			show: showsTitle(o),
			text: o.title,
			subtext: sourceLine(o),
			left: 0,
			top: 0,
			textStyle: { fontSize: 15, fontWeight: 'bold', color: TEXT },
			subtextStyle: { fontSize: 12, color: MUTED }
		},
		aria: {
			enabled: true,
			label: { enabled: true, description: summary },
			decal: { show: true, decals: DECALS.map((d) => ({ ...d })) }
		}
	};
}

/** tooltip shell: HTML, kept inside the chart; the formatter must escape all data text */
export function tooltip(trigger: 'item' | 'axis', formatter: (p: unknown) => string): EChartsOption['tooltip'] {
	return { trigger, confine: true, renderMode: 'html', textStyle: { color: TEXT }, formatter: formatter as never, ...(trigger === 'axis' ? { axisPointer: { type: 'line' } } : {}) };
}

/** one tooltip line: ECharts' colour marker (its own HTML), escaped label, formatted value */
export function tipLine(marker: unknown, label: string, value: string): string {
	return `${typeof marker === 'string' ? marker : ''}${escapeHtml(label)}: <b>${escapeHtml(value)}</b>`;
}

export function tipTitle(text: string): string {
	return `<div style="font-weight:bold">${escapeHtml(text)}</div>`;
}

/** a grid whose box contains axis labels and axis names */
export function grid(o: ChartOpts, extra: { left?: number; right?: number; bottom?: number } = {}): EChartsOption['grid'] {
	return {
		top: topSpace(o),
		left: extra.left ?? 8,
		right: extra.right ?? 24,
		bottom: extra.bottom ?? 8,
		outerBoundsMode: 'same',
		outerBoundsContain: 'all'
	};
}

export function legend(): EChartsOption['legend'] {
	return { bottom: 0, left: 0, itemGap: 16, textStyle: { color: TEXT, fontSize: 12 } };
}
