/**
 * bar-areas: one value per area (e.g. the Gemeinden of an Amt), horizontal bars sorted by value
 * (missing values last, shown as "–"), highlighted areas in another colour with a pattern and a
 * bold label. Input: IndicatorRow[] of shape 'area'.
 */
import type { IndicatorRow } from '../indicators/types';
import type { EChartsOption } from './echarts';
import { autoDigits, fmtList, fmtValue, fmtWithUnit } from './format';
import { extremesClause, hbarOption, missingClause, ranked, type HBarItem } from './hbar';
import { chartLabels } from './labels';
import type { ChartOpts, TableModel } from './types';

export interface BarAreasOpts extends ChartOpts {
	/** keys of areas to highlight (the first one is named in the summary) */
	highlight?: string[];
	/** default 'desc' (highest on top); 'none' keeps the rows' order */
	order?: 'desc' | 'asc' | 'none';
	/** heading of the area column, e.g. "Gemeinde" (default "Gebiet") */
	areaLabel?: string;
	/** column headings from IndicatorDef.numerator / denominator */
	numeratorLabel?: string;
	denominatorLabel?: string;
}

export function barAreaItems(rows: IndicatorRow[], o: BarAreasOpts): HBarItem[] {
	const hl = new Set(o.highlight ?? []);
	const items = rows.map((r) => ({ key: r.key, label: r.name, value: r.value ?? null, highlight: hl.has(r.key) }));
	if (o.order === 'none') return items;
	const sign = o.order === 'asc' ? 1 : -1;
	const missing = items.filter((i) => i.value === null);
	const present = items
		.filter((i) => i.value !== null)
		.sort((a, b) => sign * ((a.value as number) - (b.value as number)) || a.label.localeCompare(b.label, o.lang));
	return [...present, ...missing];
}

const digitsOf = (rows: IndicatorRow[], o: ChartOpts) => autoDigits(rows.map((r) => r.value), o.digits);

export function summariseBarAreas(rows: IndicatorRow[], o: BarAreasOpts): string {
	const de = o.lang === 'de';
	const items = barAreaItems(rows, { ...o, order: 'desc' });
	const digits = digitsOf(rows, o);
	const per = o.period ? ` (${o.period})` : '';
	const list = (s: string[]) => fmtList(s, o.lang);
	if (!items.length) return de ? `${o.title}${per}: keine Daten.` : `${o.title}${per}: no data.`;
	const r = ranked(items, o.lang);
	if (!r.length) return de ? `${o.title}${per}: für keines der ${items.length} Gebiete liegt ein Wert vor.` : `${o.title}${per}: none of the ${items.length} areas has a value.`;
	const extremes = extremesClause(items, o.lang, o.unit, digits);
	const missing = missingClause(items, o.lang, list);
	const h = items.find((i) => i.highlight);
	if (!h) return `${o.title}${per}: ${extremes}${missing}.`;
	if (h.value === null) return `${h.label}${per}: ${fmtValue(null, o.lang)}; ${extremes}${missing}.`;
	const rank = r.findIndex((i) => i.key === h.key) + 1;
	const where = de ? `Rang ${rank} von ${r.length} Gebieten mit Wert` : `rank ${rank} of ${r.length} areas with a value`;
	return `${h.label}${per}: ${fmtWithUnit(h.value, o.lang, o.unit, digits)}, ${where}; ${extremes}${missing}.`;
}

export function buildBarAreasOption(rows: IndicatorRow[], o: BarAreasOpts): EChartsOption {
	return hbarOption(barAreaItems(rows, o), o, digitsOf(rows, o), summariseBarAreas(rows, o));
}

export function tableBarAreas(rows: IndicatorRow[], o: BarAreasOpts): TableModel {
	const L = chartLabels(o.lang);
	const digits = digitsOf(rows, o);
	const order = barAreaItems(rows, o).map((i) => i.key);
	const byKey = new Map(rows.map((r) => [r.key, r]));
	const sorted = order.map((k) => byKey.get(k) as IndicatorRow);
	const withNum = rows.some((r) => r.numerator !== null && r.numerator !== undefined);
	const withDen = rows.some((r) => r.denominator !== null && r.denominator !== undefined);
	const withEst = rows.some((r) => r.estimate);
	const columns: TableModel['columns'] = [
		{ key: 'area', label: o.areaLabel ?? L.area, numeric: false },
		{ key: 'value', label: o.unit ? `${L.value} (${o.unit})` : L.value, numeric: true, digits }
	];
	if (withNum) columns.push({ key: 'numerator', label: o.numeratorLabel ?? L.numerator, numeric: true, digits: autoDigits(rows.map((r) => r.numerator)) });
	if (withDen) columns.push({ key: 'denominator', label: o.denominatorLabel ?? L.denominator, numeric: true, digits: autoDigits(rows.map((r) => r.denominator)) });
	if (withEst) columns.push({ key: 'note', label: L.note, numeric: false });
	return {
		caption: o.period ? `${o.title} (${o.period})` : o.title,
		columns,
		rows: sorted.map((r) => {
			const row: (string | number | null)[] = [r.name, r.value ?? null];
			if (withNum) row.push(r.numerator ?? null);
			if (withDen) row.push(r.denominator ?? null);
			if (withEst) row.push(r.estimate ? L.estimate : null);
			return row;
		})
	};
}
