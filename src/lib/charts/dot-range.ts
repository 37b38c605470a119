/**
 * dot-range: an MV Amt beside its BW peer group, for ONE indicator per chart.
 * Decision: one small chart per indicator, not one normalised chart — units differ (per 1,000
 * inhabitants, %, per 10,000 …) and a normalised scale (e.g. peer median = 100) would hide the
 * values people need to read. Each chart: band Q1–Q3 of the peers, a bar for the peer median,
 * a diamond for the BW median, a triangle for the MV median, a large dot for the Amt (shape,
 * colour and legend differ). `tableDotRange` gives one table for all indicators at once.
 * A second Amt (`amt2Name` and the row's `second`): a square in another colour, and both Ämter's
 * markers then carry their name in the label (the first above, the second below), so the two
 * differ by shape and by label, not only by colour.
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
	/** the second Amt's name ("Vergleichen mit …"); drawn where the row has a `second` value */
	amt2Name?: string;
}

const num = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const titleOf = (r: AmtComparisonRow, o: DotRangeOpts) => o.title ?? r.title[o.lang];
const unitOf = (r: AmtComparisonRow, o: DotRangeOpts) => o.unit ?? r.unit[o.lang];
/** the second Amt's figures, when it is chosen and the row has them */
const secondOf = (r: AmtComparisonRow, o: DotRangeOpts) => (o.amt2Name && r.second ? { name: o.amt2Name, ...r.second } : null);

export function summariseDotRange(r: AmtComparisonRow, o: DotRangeOpts): string {
	const de = o.lang === 'de';
	const d = o.digits ?? 1;
	const f = (v: number | null) => fmtValue(v, o.lang, d);
	const lead = o.lead ?? `${o.amtName}${o.period ? ` (${o.period})` : ''}:`;
	const second = secondOf(r, o);
	const head = `${lead} ${fmtWithUnit(r.amtValue, o.lang, unitOf(r, o), d)}${second ? `; ${second.name}: ${fmtWithUnit(second.value, o.lang, unitOf(r, o), d)}` : ''}`;
	// with two Ämter, say whose peer group it is (the first Amt's)
	const group = second ? (de ? `der BW-Vergleichsgruppe von ${o.amtName}` : ` of ${o.amtName}`) : de ? 'der BW-Vergleichsgruppe' : '';
	const peers = de ? `der Median ${group} liegt bei ${f(r.peerMedian)}` : `the BW peer-group median${group} is ${f(r.peerMedian)}`;
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
	const second = secondOf(r, o);
	const values = [r.amtValue, r.peerQ1, r.peerQ3, r.peerMedian, r.bwMedian, r.mvMedian, second?.value ?? null].filter(num);
	const xv = (q: ItemParam) => (Array.isArray(q.value) ? (q.value[0] as number) : null);
	const formatTip = (p: unknown): string => {
		const q = p as ItemParam;
		if (q.seriesId === 'peerRange') return tipLine(q.marker, L.peerRange, `${fmtValue(r.peerQ1, o.lang, d)} – ${fmtValue(r.peerQ3, o.lang, d)}`);
		const who = q.seriesId === 'amt' ? o.amtName : q.seriesId === 'amt2' && second ? second.name : (q.seriesName ?? '');
		return tipLine(q.marker, who, fmtWithUnit(xv(q), o.lang, unit, d));
	};
	// with a second Amt each Amt's label names it: the two differ by label, not only by colour
	const amtLabel = (name: string) => (p: ItemParam) => (second ? `${name}: ${fmtValue(xv(p), o.lang, d)}` : fmtValue(xv(p), o.lang, d));
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
				label: { show: true, position: 'top', distance: 8, color: TEXT, fontWeight: 'bold', formatter: amtLabel(o.amtName) }
			},
			...(second
				? [
						{
							...scatter('amt2', second.name, second.value, 'roundRect', 15, colour(4), 5),
							label: { show: true, position: 'bottom' as const, distance: 8, color: TEXT, fontWeight: 'bold' as const, formatter: amtLabel(second.name) }
						}
					]
				: [])
		]
	};
}

/** all indicators in one table: one row per indicator */
export function tableDotRange(rows: AmtComparisonRow[], o: DotRangeOpts & { caption?: string }): TableModel {
	const L = chartLabels(o.lang);
	const d = o.digits ?? 1;
	const est = rows.some((r) => r.estimate);
	// a second Amt: its own value and rank column, both rank columns name their Amt
	const two = !!o.amt2Name && rows.some((r) => r.second);
	const n = (key: string, label: string, digits = d) => ({ key, label, numeric: true, digits });
	// two Ämter: both values, then both ranks, then the peer group — what is compared stands side
	// by side, and the rank heads are short (the caption names whose peer group it is)
	const columns: TableModel['columns'] = two
		? [
				{ key: 'indicator', label: L.indicator, numeric: false },
				{ key: 'unit', label: L.unit, numeric: false },
				n('amt', o.amtName),
				n('amt2', o.amt2Name!),
				n('percentile', `${o.amtName}: ${L.percentileShort}`, 0),
				n('percentile2', `${o.amt2Name!}: ${L.percentileShort}`, 0),
				n('peerMedian', L.peerMedian),
				n('peerQ1', L.peerQ1),
				n('peerQ3', L.peerQ3),
				n('bwMedian', L.bwMedian),
				n('mvMedian', L.mvMedian),
				n('peerCount', L.peerN, 0)
			]
		: [
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
			const row: (string | number | null)[] = two
				? [r.title[o.lang], r.unit[o.lang], r.amtValue, r.second?.value ?? null, r.percentile, r.second?.percentile ?? null, r.peerMedian, r.peerQ1, r.peerQ3, r.bwMedian, r.mvMedian, r.peerCount]
				: [r.title[o.lang], r.unit[o.lang], r.amtValue, r.peerMedian, r.peerQ1, r.peerQ3, r.percentile, r.bwMedian, r.mvMedian, r.peerCount];
			if (est) row.push(r.estimate ? L.estimate : null);
			return row;
		})
	};
}
