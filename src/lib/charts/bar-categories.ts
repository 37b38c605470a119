/**
 * bar-categories: simple categorical bars in the given order (modules 1…7, providers,
 * Gemeinden with coworking funding, project status). Input: a plain list of
 * { key?, label, value }; `categoriesFromRows` makes it from IndicatorRow[] (breakdown/list rows
 * by `category`, or area rows by `name`).
 */
import type { IndicatorRow } from '../indicators/types';
import type { EChartsOption } from './echarts';
import { autoDigits, fmtList, fmtWithUnit } from './format';
import { extremesClause, hbarOption, missingClause, ranked, type HBarItem } from './hbar';
import { chartLabels } from './labels';
import type { ChartOpts, TableModel } from './types';

export interface CategoryDatum {
	/** unique key; default: the label */
	key?: string;
	label: string;
	value: number | null;
}

export interface BarCategoriesOpts extends ChartOpts {
	/** heading of the category column, e.g. "Modul" (default "Kategorie") */
	categoryLabel?: string;
	/** sort by value, highest first (default: keep the given order) */
	sort?: boolean;
	/** say the total in the summary (for counts and sums, not for rates) */
	total?: boolean;
	/** keys to highlight */
	highlight?: string[];
}

/** rows of one area → categories: `by: 'category'` for breakdown/list rows, `'name'` for area rows */
export function categoriesFromRows(rows: IndicatorRow[], by: 'category' | 'name' = 'category'): CategoryDatum[] {
	return rows.map((r) =>
		by === 'name'
			? { key: r.key, label: r.name, value: r.value ?? null }
			: { key: r.category_key ?? r.category ?? r.key, label: r.category ?? r.name, value: r.value ?? null }
	);
}

function items(data: CategoryDatum[], o: BarCategoriesOpts): HBarItem[] {
	const hl = new Set(o.highlight ?? []);
	const list = data.map((d) => ({ key: d.key ?? d.label, label: d.label, value: d.value ?? null, highlight: hl.has(d.key ?? d.label) }));
	if (!o.sort) return list;
	const r = ranked(list, o.lang);
	return [...r, ...list.filter((i) => i.value === null)];
}

const digitsOf = (data: CategoryDatum[], o: ChartOpts) => autoDigits(data.map((d) => d.value), o.digits);

export function summariseBarCategories(data: CategoryDatum[], o: BarCategoriesOpts): string {
	const de = o.lang === 'de';
	const it = items(data, o);
	const digits = digitsOf(data, o);
	const per = o.period ? ` (${o.period})` : '';
	if (!it.length) return de ? `${o.title}${per}: keine Daten.` : `${o.title}${per}: no data.`;
	const withValue = ranked(it, o.lang);
	if (!withValue.length) return de ? `${o.title}${per}: für keine der ${it.length} Kategorien liegt ein Wert vor.` : `${o.title}${per}: none of the ${it.length} categories has a value.`;
	const count = de ? `${it.length} Kategorien` : `${it.length} categories`;
	const sum = withValue.reduce((s, i) => s + (i.value as number), 0);
	const total = o.total ? (de ? `, zusammen ${fmtWithUnit(sum, o.lang, o.unit, digits)}` : `, together ${fmtWithUnit(sum, o.lang, o.unit, digits)}`) : '';
	const extremes = extremesClause(it, o.lang, o.unit, digits, { de: 'bei', en: 'for' });
	return `${o.title}${per}: ${count}${total}; ${extremes}${missingClause(it, o.lang, (s) => fmtList(s, o.lang))}.`;
}

export function buildBarCategoriesOption(data: CategoryDatum[], o: BarCategoriesOpts): EChartsOption {
	return hbarOption(items(data, o), o, digitsOf(data, o), summariseBarCategories(data, o));
}

export function tableBarCategories(data: CategoryDatum[], o: BarCategoriesOpts): TableModel {
	const L = chartLabels(o.lang);
	return {
		caption: o.period ? `${o.title} (${o.period})` : o.title,
		columns: [
			{ key: 'category', label: o.categoryLabel ?? L.category, numeric: false },
			{ key: 'value', label: o.unit ? `${L.value} (${o.unit})` : L.value, numeric: true, digits: digitsOf(data, o) }
		],
		rows: items(data, o).map((i) => [i.label, i.value])
	};
}
