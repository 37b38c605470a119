/**
 * Horizontal bars, one per item, shared by bar-areas (sorted, highlighted areas) and
 * bar-categories (given order). Missing values: no bar, a "–" label in its place.
 * Highlighted items differ three ways: colour, a striped decal and a bold axis label.
 */
import type { EChartsOption } from './echarts';
import { baseOption, grid, tipLine, tipTitle, tooltip, topSpace } from './base';
import { decal, noDecal } from './decals';
import { DASH, fmtAxis, fmtValue, fmtWithUnit } from './format';
import { chartLabels } from './labels';
import { colour, TEXT } from './palette';
import type { ChartOpts, Lang } from './types';

export interface HBarItem {
	/** unique key (AGS, category key, …): the category axis runs on keys so equal names stay apart */
	key: string;
	label: string;
	value: number | null;
	highlight?: boolean;
}

/** height in px that fits `n` bars plus title and axis */
export function hbarHeight(n: number, o: ChartOpts): number {
	return topSpace(o) + Math.max(n, 1) * 30 + 56;
}

interface TipParams {
	seriesId?: string;
	dataIndex: number;
	marker?: unknown;
}

export function hbarOption(items: HBarItem[], o: ChartOpts, digits: number, summary: string): EChartsOption {
	const L = chartLabels(o.lang);
	const labelOf = new Map(items.map((i) => [i.key, i.label]));
	const allPositive = items.every((i) => i.value === null || i.value >= 0);
	// shares in %: the axis ends at 100 (ECharts would round up to 120, a value no share can take)
	const share = /%/.test(o.unit) && items.every((i) => i.value === null || (i.value >= 0 && i.value <= 100));
	const formatTip = (p: unknown): string => {
		const q = p as TipParams;
		const it = items[q.dataIndex];
		if (!it) return '';
		return tipTitle(it.label) + tipLine(q.marker, o.unit || L.value, fmtValue(it.value, o.lang, digits));
	};
	return {
		...baseOption(o, summary),
		grid: grid(o, { right: 56 }),
		tooltip: tooltip('item', formatTip),
		xAxis: {
			type: 'value',
			name: o.unit,
			nameLocation: 'middle',
			nameGap: 28,
			min: allPositive ? 0 : undefined,
			max: share ? 100 : undefined,
			axisLabel: { formatter: (v: number) => fmtAxis(v, o.lang) }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: items.map((i) => (i.highlight ? { value: i.key, textStyle: { fontWeight: 'bold' as const } } : i.key)),
			axisTick: { show: false },
			axisLabel: { formatter: (k: string) => labelOf.get(k) ?? k, width: 180, overflow: 'truncate', color: TEXT }
		},
		series: [
			{
				type: 'bar',
				id: 'value',
				name: o.unit || L.value,
				barMaxWidth: 24,
				data: items.map((i) => ({
					value: i.value,
					itemStyle: i.highlight ? { color: colour(1), decal: decal(0) } : { color: colour(0), decal: noDecal() }
				})),
				label: { show: true, position: 'right', color: TEXT, formatter: (p: { value: unknown }) => fmtValue(p.value as number, o.lang, digits) }
			},
			{
				// zero-length stand-ins for missing values, only there to carry the "–" label
				type: 'bar',
				id: 'missing',
				name: DASH,
				barGap: '-100%',
				barMaxWidth: 24,
				silent: true,
				tooltip: { show: false },
				itemStyle: { color: 'transparent', decal: noDecal() },
				data: items.map((i) => (i.value === null ? 0 : null)),
				label: { show: true, position: 'right', color: TEXT, formatter: DASH }
			}
		]
	};
}

/** items with a value, highest first (ties: label) */
export function ranked(items: HBarItem[], lang: Lang): HBarItem[] {
	return items
		.filter((i): i is HBarItem & { value: number } => i.value !== null)
		.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, lang));
}

/** "höchster Wert in A (3,0 Einheit), niedrigster in B (1,0)" — `prep`: de/en preposition before a label */
export function extremesClause(items: HBarItem[], lang: Lang, unit: string, digits: number, prep = { de: 'in', en: 'in' }): string {
	const r = ranked(items, lang);
	if (!r.length) return '';
	const top = r[0];
	const bot = r[r.length - 1];
	const tv = fmtWithUnit(top.value, lang, unit, digits);
	const bv = fmtValue(bot.value, lang, digits);
	const p = prep[lang];
	if (r.length === 1) return lang === 'de' ? `einziger Wert ${p} ${top.label} (${tv})` : `only value ${p} ${top.label} (${tv})`;
	return lang === 'de'
		? `höchster Wert ${p} ${top.label} (${tv}), niedrigster ${p} ${bot.label} (${bv})`
		: `highest value ${p} ${top.label} (${tv}), lowest ${p} ${bot.label} (${bv})`;
}

/** "; ohne Wert: A und B" or '' */
export function missingClause(items: HBarItem[], lang: Lang, list: (s: string[]) => string): string {
	const m = items.filter((i) => i.value === null).map((i) => i.label);
	if (!m.length) return '';
	return lang === 'de' ? `; ohne Wert (${DASH}): ${list(m)}` : `; no value (${DASH}): ${list(m)}`;
}

