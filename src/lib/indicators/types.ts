/**
 * The shape of an indicator definition. The SQL returned by `sql(params)` is the only place a
 * number is computed; titles, formula texts and caveats travel with it so that the page, the
 * exports and docs/methodik.md all say the same thing.
 */
import type { DatasetKind } from '../import/schemas';

export interface Text {
	de: string;
	en: string;
}

export type Level = 'gemeinde' | 'verband' | 'kreis' | 'land';
export const LEVELS: Level[] = ['gemeinde', 'verband', 'kreis', 'land'];

/** Filters on the activity data; each indicator says which it can apply (its summary table's grain). */
export type FilterKey = 'format' | 'altersgruppe' | 'thema';
export const FILTER_KEYS: FilterKey[] = ['format', 'altersgruppe', 'thema'];

export interface IndicatorParams {
	/** 'YYYY-MM-DD'; the period is the whole months from `from`'s month to `to`'s month, inclusive */
	from: string;
	to: string;
	level: Level;
	/** an empty or missing list means "no restriction" */
	filters?: Partial<Record<FilterKey, string[]>>;
	/** keys at `level` (AGS, Verband-ARS, Kreis-AGS, 'MV'/'BW'); missing = every area of that level */
	areas?: string[];
}

/**
 * area:      one row per area
 * breakdown: one row per area × category (column `category`), e.g. topic shares
 * series:    one row per area × month (columns `monat` 'YYYY-MM', `mittel_3m`)
 * list:      one row per area × listed item (columns `category` = item name, `category_key`)
 */
export type Shape = 'area' | 'breakdown' | 'series' | 'list';

/** ids of table `quellen` (src/lib/reference/quellen.ts) plus the programme data themselves */
export type SourceId = 'destatis_gv_2023' | 'destatis_gv_2019' | 'inkar_2022' | 'destatis_12411_0017' | 'beispieldaten';

export type GroupId = 'reichweite' | 'lotsen' | 'aeltere' | 'abdeckung' | 'zwilling' | 'mix' | 'qualifizierung' | 'coworking';

export interface IndicatorDef {
	id: string;
	group: GroupId;
	shape: Shape;
	title: Text;
	explanation: Text;
	unit: Text;
	numerator: Text;
	/** null: a plain count or sum; `value` = numerator and the row's `denominator` is NULL */
	denominator: Text | null;
	/** value = numerator ÷ denominator × factor; null for counts and medians */
	factor: number | null;
	/** overrides the generated formula text (medians) */
	formula?: Text;
	needs: DatasetKind[];
	sources: SourceId[];
	caveats: Text[];
	/** the rows carry an `estimate` column (65+ population partly estimated) */
	estimateColumn?: boolean;
	/** filters the SQL can apply; any other filter makes `sql` throw */
	filters: FilterKey[];
	sql(params: IndicatorParams): string;
}

/** What every indicator query returns (numbers as JS numbers, NULL as null). */
export interface IndicatorRow {
	level: Level;
	key: string;
	name: string;
	land: string;
	/** NULL (shown as "–") when the denominator is 0 or unknown */
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	category?: string;
	category_key?: string;
	monat?: string;
	mittel_3m?: number | null;
	/** true when a 65+ population in the denominator is (partly) an estimate */
	estimate?: boolean;
}
