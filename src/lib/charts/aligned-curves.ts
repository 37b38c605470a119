/**
 * aligned-curves: programme month 1…n on the x axis (month 1 = an area's first month with
 * activity), the Amt (solid, thick, dots) beside the peers' median curve (dashed) and, optionally,
 * other areas as thin grey context lines. Input: the result of `alignedPeerComparison`
 * (src/lib/compare/aligned.ts) plus optional `others` from `alignedSeries`; values are
 * `kontakte_je_1000` (median/q1/q3 for the peer curve).
 */
import type { AlignedRow, PeerCurvePoint } from '../compare/aligned';
import type { EChartsOption } from './echarts';
import { baseOption, grid, legend, tipLine, tipTitle, tooltip } from './base';
import { fmtAxis, fmtMonth, fmtValue, fmtWithUnit } from './format';
import { chartLabels } from './labels';
import { colour, NEUTRAL } from './palette';
import type { ChartOpts, TableModel } from './types';

export interface AlignedInput {
	amt: AlignedRow[];
	peerCurve: PeerCurvePoint[];
	/** other areas (thin grey lines); cut at the last month of the Amt or the peer curve */
	others?: AlignedRow[];
}

export interface AlignedCurvesOpts extends ChartOpts {
	/** default: the Amt rows' name */
	amtName?: string;
}

const val = (r: AlignedRow | undefined) => r?.kontakte_je_1000 ?? null;

/** programme months 1…n, n = the last month of the Amt or of the peer curve */
export function programmeMonths(input: AlignedInput): number[] {
	const n = Math.max(0, ...input.amt.map((r) => r.programm_monat), ...input.peerCurve.map((p) => p.programm_monat));
	return Array.from({ length: n }, (_, i) => i + 1);
}

const nameOf = (input: AlignedInput, o: AlignedCurvesOpts) => o.amtName ?? input.amt[0]?.name ?? '';

interface AxisParam {
	seriesId?: string;
	seriesName?: string;
	axisValue?: string;
	value?: unknown;
	marker?: unknown;
}

export function summariseAlignedCurves(input: AlignedInput, o: AlignedCurvesOpts): string {
	const de = o.lang === 'de';
	const name = nameOf(input, o);
	const last = [...input.amt].sort((a, b) => b.programm_monat - a.programm_monat)[0];
	if (!last) return de ? `${name}: noch keine Programmmonate mit Daten.` : `${name}: no programme months with data yet.`;
	const d = o.digits ?? 1;
	const k = last.programm_monat;
	const cal = last.monat ? ` (${fmtMonth(last.monat, o.lang)})` : '';
	const peer = input.peerCurve.find((p) => p.programm_monat === k);
	const m = fmtValue(peer?.median ?? null, o.lang, d);
	const n = peer?.n ?? 0;
	const v = fmtWithUnit(val(last), o.lang, o.unit, d);
	return de
		? `${name}, Programmmonat ${k}${cal}: ${v}; der Median der Vergleichsgruppe lag im selben Programmmonat bei ${m} (${n} ${n === 1 ? 'Gebiet' : 'Gebiete'}).`
		: `${name}, programme month ${k}${cal}: ${v}; the peer-group median in the same programme month was ${m} (${n} ${n === 1 ? 'area' : 'areas'}).`;
}

export function buildAlignedCurvesOption(input: AlignedInput, o: AlignedCurvesOpts): EChartsOption {
	const L = chartLabels(o.lang);
	const d = o.digits ?? 1;
	const months = programmeMonths(input);
	const name = nameOf(input, o);
	const byMonth = <T extends { programm_monat: number }>(rows: T[], f: (r: T) => number | null) => {
		const m = new Map(rows.map((r) => [r.programm_monat, r]));
		return months.map((i) => (m.has(i) ? f(m.get(i) as T) : null));
	};
	const groups = new Map<string, AlignedRow[]>();
	for (const r of input.others ?? []) groups.set(r.key, [...(groups.get(r.key) ?? []), r]);
	const others = [...groups].map(([key, rows]) => ({
		type: 'line' as const,
		id: `other:${key}`,
		name: L.otherAreas,
		data: byMonth(rows, (r) => val(r)),
		symbol: 'none',
		silent: true,
		z: 1,
		itemStyle: { color: NEUTRAL },
		lineStyle: { color: NEUTRAL, width: 1, opacity: 0.6 },
		emphasis: { disabled: true }
	}));
	const formatTip = (p: unknown): string => {
		const ps = ((Array.isArray(p) ? p : [p]) as AxisParam[]).filter((q) => q.seriesId === 'amt' || q.seriesId === 'peerMedian');
		const head = tipTitle(`${L.programmeMonth} ${ps[0]?.axisValue ?? ''}`);
		return head + ps.map((q) => tipLine(q.marker, q.seriesName ?? '', fmtValue(q.value as number | null, o.lang, d))).join('<br>');
	};
	return {
		...baseOption(o, summariseAlignedCurves(input, o)),
		grid: grid(o, { bottom: 36 }),
		legend: { ...legend(), data: [name, L.peerMedian, ...(others.length ? [L.otherAreas] : [])] },
		tooltip: tooltip('axis', formatTip),
		xAxis: {
			type: 'category',
			boundaryGap: false,
			name: L.programmeMonth,
			nameLocation: 'middle',
			nameGap: 26,
			data: months.map(String),
			axisLabel: { hideOverlap: true }
		},
		yAxis: { type: 'value', name: o.unit, nameLocation: 'end', min: 0, axisLabel: { formatter: (v: number) => fmtAxis(v, o.lang) } },
		series: [
			...others,
			{
				type: 'line',
				id: 'peerMedian',
				name: L.peerMedian,
				data: byMonth(input.peerCurve, (p) => p.median),
				symbol: 'none',
				z: 2,
				itemStyle: { color: colour(6) },
				lineStyle: { color: colour(6), width: 2.5, type: 'dashed' }
			},
			{
				type: 'line',
				id: 'amt',
				name,
				data: byMonth(input.amt, (r) => val(r)),
				symbol: 'circle',
				symbolSize: 6,
				z: 3,
				itemStyle: { color: colour(1) },
				lineStyle: { color: colour(1), width: 3, type: 'solid' }
			}
		]
	};
}

export function tableAlignedCurves(input: AlignedInput, o: AlignedCurvesOpts): TableModel {
	const L = chartLabels(o.lang);
	const d = o.digits ?? 1;
	const amt = new Map(input.amt.map((r) => [r.programm_monat, r]));
	const peer = new Map(input.peerCurve.map((p) => [p.programm_monat, p]));
	const n = (key: string, label: string, digits = d) => ({ key, label, numeric: true, digits });
	return {
		caption: o.title,
		columns: [
			n('programm_monat', L.programmeMonth, 0),
			{ key: 'monat', label: `${L.calendarMonth} (${nameOf(input, o)})`, numeric: false },
			n('amt', nameOf(input, o)),
			n('peerMedian', L.peerMedian),
			n('peerQ1', L.peerQ1),
			n('peerQ3', L.peerQ3),
			n('peerN', L.peerReached, 0)
		],
		rows: programmeMonths(input).map((i) => {
			const a = amt.get(i);
			const p = peer.get(i);
			return [i, a ? fmtMonth(a.monat, o.lang) : null, val(a), p?.median ?? null, p?.q1 ?? null, p?.q3 ?? null, p?.n ?? null];
		})
	};
}
