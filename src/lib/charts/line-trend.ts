/**
 * line-trend: monthly values of one area and their 3-month moving mean. The two lines differ by
 * colour, dash (monthly: dashed with dots; mean: solid, thicker) and legend entry.
 * Input: IndicatorRow[] of shape 'series' (monat 'YYYY-MM', value, mittel_3m).
 */
import type { IndicatorRow } from '../indicators/types';
import type { EChartsOption } from './echarts';
import { baseOption, grid, legend, tipLine, tipTitle, tooltip } from './base';
import { autoDigits, fmtAxis, fmtMonth, fmtValue, fmtWithUnit } from './format';
import { chartLabels } from './labels';
import { colour } from './palette';
import type { ChartOpts, TableModel } from './types';

export interface LineTrendOpts extends ChartOpts {
	/** the area to draw when rows hold several (default: the first row's key) */
	key?: string;
	/** name in the summary (default: the rows' name) */
	areaName?: string;
	/** fraction digits of the moving mean (default 1) */
	meanDigits?: number;
}

/** the chosen area's rows in month order */
export function trendRows(rows: IndicatorRow[], o: LineTrendOpts): IndicatorRow[] {
	const key = o.key ?? rows[0]?.key;
	return rows.filter((r) => r.key === key && r.monat).sort((a, b) => (a.monat as string).localeCompare(b.monat as string));
}

const digitsOf = (rows: IndicatorRow[], o: LineTrendOpts) => autoDigits(rows.map((r) => r.value), o.digits);

interface AxisParam {
	seriesId?: string;
	seriesName?: string;
	axisValue?: string;
	value?: unknown;
	marker?: unknown;
}

export function summariseLineTrend(rows: IndicatorRow[], o: LineTrendOpts): string {
	const de = o.lang === 'de';
	const r = trendRows(rows, o);
	const name = o.areaName ?? r[0]?.name ?? '';
	if (!r.length) return de ? `${o.title}: keine Daten.` : `${o.title}: no data.`;
	const d = digitsOf(r, o);
	const md = o.meanDigits ?? 1;
	const first = fmtMonth(r[0].monat, o.lang);
	const lastRow = r[r.length - 1];
	const last = fmtMonth(lastRow.monat, o.lang);
	const range = r.length > 1 ? (de ? `, ${first} bis ${last}` : `, ${first} to ${last}`) : `, ${first}`;
	const v = fmtWithUnit(lastRow.value, o.lang, o.unit, d);
	const m = fmtValue(lastRow.mittel_3m ?? null, o.lang, md);
	const withValue = r.filter((x) => x.value !== null && x.value !== undefined);
	const max = withValue.reduce<IndicatorRow | null>((best, x) => (best === null || (x.value as number) > (best.value as number) ? x : best), null);
	const peak = max
		? de
			? `; höchster Monatswert ${fmtValue(max.value, o.lang, d)} im ${fmtMonth(max.monat, o.lang)}`
			: `; highest monthly value ${fmtValue(max.value, o.lang, d)} in ${fmtMonth(max.monat, o.lang)}`
		: '';
	return de
		? `${name}${range}: zuletzt (${last}) ${v}, gleitender Dreimonatsmittelwert ${m}${peak}.`
		: `${name}${range}: latest (${last}) ${v}, 3-month moving average ${m}${peak}.`;
}

export function buildLineTrendOption(rows: IndicatorRow[], o: LineTrendOpts): EChartsOption {
	const L = chartLabels(o.lang);
	const r = trendRows(rows, o);
	const d = digitsOf(r, o);
	const md = o.meanDigits ?? 1;
	const formatTip = (p: unknown): string => {
		const ps = (Array.isArray(p) ? p : [p]) as AxisParam[];
		const head = tipTitle(fmtMonth(ps[0]?.axisValue, o.lang));
		const lines = ps.map((q) => tipLine(q.marker, q.seriesName ?? '', fmtValue(q.value as number | null, o.lang, q.seriesId === 'mean3m' ? md : d)));
		return head + lines.join('<br>');
	};
	return {
		...baseOption(o, summariseLineTrend(rows, o)),
		grid: grid(o, { bottom: 36 }),
		legend: legend(),
		tooltip: tooltip('axis', formatTip),
		xAxis: {
			type: 'category',
			boundaryGap: false,
			data: r.map((x) => x.monat as string),
			axisLabel: { formatter: (m: string) => fmtMonth(m, o.lang), hideOverlap: true }
		},
		yAxis: {
			type: 'value',
			name: o.unit,
			nameLocation: 'end',
			min: 0,
			axisLabel: { formatter: (v: number) => fmtAxis(v, o.lang) }
		},
		series: [
			{
				type: 'line',
				id: 'monthly',
				name: L.monthly,
				data: r.map((x) => x.value ?? null),
				connectNulls: false,
				symbol: 'circle',
				symbolSize: 6,
				itemStyle: { color: colour(0) },
				lineStyle: { color: colour(0), width: 1.5, type: 'dashed' }
			},
			{
				type: 'line',
				id: 'mean3m',
				name: L.mean3m,
				data: r.map((x) => x.mittel_3m ?? null),
				connectNulls: false,
				symbol: 'none',
				itemStyle: { color: colour(1) },
				lineStyle: { color: colour(1), width: 3, type: 'solid' }
			}
		]
	};
}

export function tableLineTrend(rows: IndicatorRow[], o: LineTrendOpts): TableModel {
	const L = chartLabels(o.lang);
	const r = trendRows(rows, o);
	const name = o.areaName ?? r[0]?.name;
	return {
		caption: name ? `${o.title}: ${name}` : o.title,
		columns: [
			{ key: 'monat', label: L.month, numeric: false },
			{ key: 'value', label: o.unit ? `${L.monthly} (${o.unit})` : L.monthly, numeric: true, digits: digitsOf(r, o) },
			{ key: 'mittel_3m', label: L.mean3m, numeric: true, digits: o.meanDigits ?? 1 }
		],
		rows: r.map((x) => [fmtMonth(x.monat, o.lang), x.value ?? null, x.mittel_3m ?? null])
	};
}
