/**
 * stacked-share: each area's category shares as one 100 % bar (format mix, analog vs online per
 * offer). Segments differ by colour and decal pattern, with white gaps between them. Areas
 * without any data get no bar and a "–" label. Input: IndicatorRow[] of shape 'breakdown'
 * (area × category); `value` is taken as the share in %, or with `normalise` the shares are
 * computed from `numerator` (counts) per area.
 */
import type { IndicatorRow } from '../indicators/types';
import type { EChartsOption } from './echarts';
import { baseOption, grid, legend, tipLine, tipTitle, tooltip } from './base';
import { decal, noDecal } from './decals';
import { DASH, fmtList, fmtPercent, fmtValue } from './format';
import { chartLabels } from './labels';
import { colour, TEXT } from './palette';
import type { ChartOpts, TableModel } from './types';

export interface StackedShareOpts extends ChartOpts {
	/** category order (default: order of first appearance) */
	categories?: string[];
	/** display names of categories (default: the category text) */
	categoryLabels?: Record<string, string>;
	/** compute shares from `numerator` instead of using `value` */
	normalise?: boolean;
	/** area keys to highlight (bold label); the first is the one the summary describes */
	highlight?: string[];
	areaLabel?: string;
}

interface Model {
	areas: { key: string; name: string }[];
	cats: string[];
	/** share[area][cat] in %, null when the area has no data */
	share: (number | null)[][];
	count: (number | null)[][];
}

export function shareModel(rows: IndicatorRow[], o: StackedShareOpts): Model {
	const areas: Model['areas'] = [];
	const seen = new Set<string>();
	const cats = [...(o.categories ?? [])];
	for (const r of rows) {
		if (!seen.has(r.key)) (seen.add(r.key), areas.push({ key: r.key, name: r.name }));
		const c = r.category ?? '';
		if (!cats.includes(c)) cats.push(c);
	}
	const cell = new Map(rows.map((r) => [`${r.key}\u0000${r.category ?? ''}`, r]));
	const count = areas.map((a) => cats.map((c) => cell.get(`${a.key}\u0000${c}`)?.numerator ?? null));
	const share = areas.map((a, i) => {
		if (o.normalise) {
			const total = count[i].reduce<number>((s, v) => s + (v ?? 0), 0);
			return count[i].map((v) => (total > 0 ? ((v ?? 0) / total) * 100 : null));
		}
		const v = cats.map((c) => cell.get(`${a.key}\u0000${c}`)?.value ?? null);
		return v.every((x) => x === null) ? v : v.map((x) => x ?? 0);
	});
	return { areas, cats, share, count };
}

const catLabel = (c: string, o: StackedShareOpts) => o.categoryLabels?.[c] ?? c;
const hasData = (s: (number | null)[]) => s.some((v) => v !== null);

export function summariseStackedShare(rows: IndicatorRow[], o: StackedShareOpts): string {
	const de = o.lang === 'de';
	const m = shareModel(rows, o);
	const per = o.period ? ` (${o.period})` : '';
	if (!m.areas.length) return de ? `${o.title}${per}: keine Daten.` : `${o.title}${per}: no data.`;
	const fi = Math.max(0, m.areas.findIndex((a) => o.highlight?.includes(a.key)));
	const focus = m.areas[fi];
	const top = (s: (number | null)[]) => s.map((v, j) => [v ?? -1, j]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, j]) => j);
	const p = (v: number | null) => fmtPercent(v, o.lang, 1);
	let head: string;
	if (!hasData(m.share[fi])) head = `${focus.name}${per}: ${DASH}`;
	else {
		const [a, b] = top(m.share[fi]);
		const first = `${catLabel(m.cats[a], o)} (${p(m.share[fi][a])})`;
		const second = b !== undefined ? `${catLabel(m.cats[b], o)} (${p(m.share[fi][b])})` : '';
		head = de
			? `${focus.name}${per}: den größten Anteil hat ${first}${second ? `, danach ${second}` : ''}`
			: `${focus.name}${per}: the largest share is ${first}${second ? `, followed by ${second}` : ''}`;
	}
	const withData = m.share.filter(hasData);
	let across = '';
	if (m.areas.length > 1 && withData.length) {
		const wins = m.cats.map(() => 0);
		for (const s of withData) wins[top(s)[0]]++;
		const best = wins.indexOf(Math.max(...wins));
		across = de
			? `; ${catLabel(m.cats[best], o)} ist in ${wins[best]} von ${withData.length} Gebieten der größte Anteil`
			: `; ${catLabel(m.cats[best], o)} is the largest share in ${wins[best]} of ${withData.length} areas`;
	}
	const none = m.areas.filter((_, i) => !hasData(m.share[i])).map((a) => a.name);
	const missing = m.areas.length > 1 && none.length ? (de ? `; ohne Daten (${DASH}): ${fmtList(none, o.lang)}` : `; no data (${DASH}): ${fmtList(none, o.lang)}`) : '';
	return `${head}${across}${missing}.`;
}

interface ItemParam {
	seriesIndex?: number;
	dataIndex: number;
	marker?: unknown;
}

export function buildStackedShareOption(rows: IndicatorRow[], o: StackedShareOpts): EChartsOption {
	const m = shareModel(rows, o);
	const hl = new Set(o.highlight ?? []);
	const names = new Map(m.areas.map((a) => [a.key, a.name]));
	const formatTip = (p: unknown): string => {
		const q = p as ItemParam;
		const j = q.seriesIndex ?? 0;
		const v = m.share[q.dataIndex]?.[j] ?? null;
		const c = m.count[q.dataIndex]?.[j];
		const extra = c === null || c === undefined ? '' : ` (${fmtValue(c, o.lang, Number.isInteger(c) ? 0 : 1)})`;
		return tipTitle(m.areas[q.dataIndex]?.name ?? '') + tipLine(q.marker, catLabel(m.cats[j], o), fmtPercent(v, o.lang, 1) + extra);
	};
	return {
		...baseOption(o, summariseStackedShare(rows, o)),
		grid: grid(o, { right: 32, bottom: 40 }),
		legend: { ...legend(), data: m.cats.map((c) => catLabel(c, o)) },
		tooltip: tooltip('item', formatTip),
		xAxis: { type: 'value', min: 0, max: 100, name: o.unit, nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: (v: number) => fmtPercent(v, o.lang, 0) } },
		yAxis: {
			type: 'category',
			inverse: true,
			data: m.areas.map((a) => (hl.has(a.key) ? { value: a.key, textStyle: { fontWeight: 'bold' as const } } : a.key)),
			axisTick: { show: false },
			axisLabel: { formatter: (k: string) => names.get(k) ?? k, width: 180, overflow: 'truncate', color: TEXT }
		},
		series: [
			...m.cats.map((c, j) => ({
				type: 'bar' as const,
				id: `cat:${c}`,
				name: catLabel(c, o),
				stack: 'share',
				barMaxWidth: 28,
				data: m.share.map((s) => s[j]),
				itemStyle: { color: colour(j), decal: decal(j), borderColor: '#ffffff', borderWidth: 1 }
			})),
			{
				type: 'bar' as const,
				id: 'missing',
				name: DASH,
				stack: 'missing',
				barGap: '-100%',
				barMaxWidth: 28,
				silent: true,
				tooltip: { show: false },
				itemStyle: { color: 'transparent', decal: noDecal() },
				data: m.share.map((s) => (hasData(s) ? null : 0)),
				label: { show: true, position: 'right', color: TEXT, formatter: DASH }
			}
		]
	};
}

export function tableStackedShare(rows: IndicatorRow[], o: StackedShareOpts): TableModel {
	const L = chartLabels(o.lang);
	const m = shareModel(rows, o);
	return {
		caption: o.period ? `${o.title} (${o.period})` : o.title,
		columns: [
			{ key: 'area', label: o.areaLabel ?? L.area, numeric: false },
			...m.cats.map((c) => ({ key: `cat:${c}`, label: `${catLabel(c, o)} (%)`, numeric: true, digits: o.digits ?? 1 }))
		],
		rows: m.areas.map((a, i) => [a.name, ...m.share[i]])
	};
}

