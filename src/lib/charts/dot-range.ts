/**
 * dot-range: an MV Amt beside its BW peer group, for ONE indicator per chart.
 * Decision: one small chart per indicator, not one normalised chart — units differ (per 1,000
 * inhabitants, %, per 10,000 …) and a normalised scale (e.g. peer median = 100) would hide the
 * values people need to read. Each chart: band Q1–Q3 of the peers, a bar for the peer median,
 * a diamond for the BW median, a triangle for the MV median, a large dot for the Amt (shape,
 * colour and legend differ). `tableDotRange` gives one table for all indicators at once.
 * Input: AmtComparisonRow (src/lib/compare/amt-comparison.ts).
 */
import type { AmtComparisonRow } from '../compare/amt-comparison';
import type { EChartsOption } from './echarts';
import { baseOption, grid, legend, tipLine, tooltip } from './base';
import { fmtAxis, fmtValue, fmtWithUnit } from './format';
import { chartLabels } from './labels';
import { colour, TEXT } from './palette';
import type { ChartOpts, TableModel } from './types';

export interface DotRangeOpts extends Omit<ChartOpts, 'title' | 'unit'> {
	/** e.g. "Amt Dömitz-Malliß" */
	amtName: string;
	/** default: the row's title / unit in `lang` */
	title?: string;
	unit?: string;
	/** first words of the summary instead of "{amtName} ({period}):", e.g. "Im Amt Dömitz-Malliß erreichten die Lotsen 2025" */
	lead?: string;
	/** summary without quartiles and BW/MV medians */
	brief?: boolean;
	/** false: no legend (the page shows one shared legend); default true */
	showLegend?: boolean;
}

const num = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const titleOf = (r: AmtComparisonRow, o: DotRangeOpts) => o.title ?? r.title[o.lang];
const unitOf = (r: AmtComparisonRow, o: DotRangeOpts) => o.unit ?? r.unit[o.lang];

export function summariseDotRange(r: AmtComparisonRow, o: DotRangeOpts): string {
	const de = o.lang === 'de';
	const d = o.digits ?? 1;
	const f = (v: number | null) => fmtValue(v, o.lang, d);
	const lead = o.lead ?? `${o.amtName}${o.period ? ` (${o.period})` : ''}:`;
	const head = `${lead} ${fmtWithUnit(r.amtValue, o.lang, unitOf(r, o), d)}`;
	const peers = de ? `der Median der BW-Vergleichsgruppe liegt bei ${f(r.peerMedian)}` : `the BW peer-group median is ${f(r.peerMedian)}`;
	if (o.brief) return `${head}; ${peers}.`;
	const iqr = num(r.peerQ1) && num(r.peerQ3) ? (de ? ` (mittlere Hälfte ${f(r.peerQ1)} bis ${f(r.peerQ3)})` : ` (middle half ${f(r.peerQ1)} to ${f(r.peerQ3)})`) : '';
	const lands = de ? `, der Median in BW bei ${f(r.bwMedian)} und in MV bei ${f(r.mvMedian)}` : `, the BW median ${f(r.bwMedian)} and the MV median ${f(r.mvMedian)}`;
	return `${head}; ${peers}${iqr}${lands}.`;
}

interface ItemParam {
	seriesId?: string;
	seriesName?: string;
	value?: unknown;
	marker?: unknown;
}

/** [x, 0] points on a hidden y axis; missing values give no point */
const point = (v: number | null) => (num(v) ? [[v, 0]] : []);

export function buildDotRangeOption(r: AmtComparisonRow, o: DotRangeOpts): EChartsOption {
	const L = chartLabels(o.lang);
	const d = o.digits ?? 1;
	const unit = unitOf(r, o);
	const opts: ChartOpts = { ...o, title: titleOf(r, o), unit };
	const values = [r.amtValue, r.peerQ1, r.peerQ3, r.peerMedian, r.bwMedian, r.mvMedian].filter(num);
	const xv = (q: ItemParam) => (Array.isArray(q.value) ? (q.value[0] as number) : null);
	const formatTip = (p: unknown): string => {
		const q = p as ItemParam;
		if (q.seriesId === 'peerRange') return tipLine(q.marker, L.peerRange, `${fmtValue(r.peerQ1, o.lang, d)} – ${fmtValue(r.peerQ3, o.lang, d)}`);
		return tipLine(q.marker, q.seriesId === 'amt' ? o.amtName : (q.seriesName ?? ''), fmtWithUnit(xv(q), o.lang, unit, d));
	};
	const scatter = (id: string, name: string, v: number | null, symbol: string, size: number | number[], c: string, z: number) => ({
		type: 'scatter' as const,
		id,
		name,
		data: point(v),
		symbol,
		symbolSize: size,
		z,
		itemStyle: { color: c, borderColor: '#ffffff', borderWidth: 1.5, opacity: 1 }
	});
	const show = o.showLegend ?? true;
	return {
		...baseOption(opts, summariseDotRange(r, o)),
		grid: grid(opts, { right: 24, bottom: show ? 56 : 8 }),
		legend: show ? legend() : { show: false },
		tooltip: tooltip('item', formatTip),
		xAxis: {
			type: 'value',
			name: unit,
			nameLocation: 'middle',
			nameGap: 26,
			min: values.every((v) => v >= 0) ? 0 : undefined,
			axisLabel: { formatter: (v: number) => fmtAxis(v, o.lang) }
		},
		yAxis: { type: 'value', show: false, min: -1, max: 1 },
		series: [
			{
				type: 'line',
				id: 'peerRange',
				name: L.peerRange,
				data: num(r.peerQ1) && num(r.peerQ3) ? [[r.peerQ1, 0], [r.peerQ3, 0]] : [],
				symbol: 'none',
				lineStyle: { color: colour(5), width: 14, cap: 'butt' },
				itemStyle: { color: colour(5) },
				z: 1
			},
			scatter('peerMedian', L.peerMedian, r.peerMedian, 'rect', [4, 26], TEXT, 3),
			scatter('bwMedian', L.bwMedian, r.bwMedian, 'diamond', 14, colour(2), 4),
			scatter('mvMedian', L.mvMedian, r.mvMedian, 'triangle', 14, colour(3), 4),
			{
				...scatter('amt', o.amtName, r.amtValue, 'circle', 16, colour(1), 5),
				label: { show: true, position: 'top', distance: 8, color: TEXT, fontWeight: 'bold', formatter: (p: ItemParam) => fmtValue(xv(p), o.lang, d) }
			}
		]
	};
}

/** all indicators in one table: one row per indicator */
export function tableDotRange(rows: AmtComparisonRow[], o: DotRangeOpts & { caption?: string }): TableModel {
	const L = chartLabels(o.lang);
	const d = o.digits ?? 1;
	const est = rows.some((r) => r.estimate);
	const n = (key: string, label: string, digits = d) => ({ key, label, numeric: true, digits });
	const columns: TableModel['columns'] = [
		{ key: 'indicator', label: L.indicator, numeric: false },
		{ key: 'unit', label: L.unit, numeric: false },
		n('amt', o.amtName),
		n('peerMedian', L.peerMedian),
		n('peerQ1', L.peerQ1),
		n('peerQ3', L.peerQ3),
		n('percentile', L.percentile, 0),
		n('bwMedian', L.bwMedian),
		n('mvMedian', L.mvMedian),
		n('peerCount', L.peerN, 0)
	];
	if (est) columns.push({ key: 'note', label: L.note, numeric: false });
	const caption = o.caption ?? o.title ?? (rows.length === 1 ? rows[0].title[o.lang] : o.amtName);
	return {
		caption: o.period ? `${caption} (${o.period})` : caption,
		columns,
		rows: rows.map((r) => {
			const row: (string | number | null)[] = [r.title[o.lang], r.unit[o.lang], r.amtValue, r.peerMedian, r.peerQ1, r.peerQ3, r.percentile, r.bwMedian, r.mvMedian, r.peerCount];
			if (est) row.push(r.estimate ? L.estimate : null);
			return row;
		})
	};
}
