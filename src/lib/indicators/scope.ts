/**
 * The SQL pieces every indicator shares: which areas (driven by the reference, so areas without
 * activity still get a row), the period, the filters, and the final row shape.
 *
 *   geo   : one row per Gemeinde with the key of its area at the requested level
 *   areas : one row per area with inhabitants, inhabitants 65+ and whether that is an estimate
 */
import type { FilterKey, IndicatorParams, Level } from './types';
import { FILTER_KEYS, LEVELS } from './types';
import { addMonths, dateLit, lit, litList, monthStart, q } from './sql-lit';

const LAND_NAME = `CASE g.land WHEN 'MV' THEN 'Mecklenburg-Vorpommern' WHEN 'BW' THEN 'Baden-Württemberg' ELSE g.land END`;

export const LEVEL_COLUMNS: Record<Level, { key: string; name: string }> = {
	gemeinde: { key: 'g.ags', name: 'g.name' },
	verband: { key: 'g.verband_ars', name: 'g.verband_name' },
	kreis: { key: 'g.kreis_ags', name: 'g.kreis_name' },
	land: { key: 'g.land', name: LAND_NAME }
};

export interface Scope {
	level: Level;
	/** 'YYYY-MM-01' of the first and last month, and of the month after the period */
	from: string;
	to: string;
	end: string;
	/** DATE literals of the same */
	fromD: string;
	toD: string;
	endD: string;
	/** "geo AS (…), areas AS (…)" — to be placed after WITH */
	ctes: string;
	/** the activity summary to read: with topics only when a topic filter needs them (db/summary.ts) */
	activity: 's_einsaetze' | 's_einsaetze_thema';
	/** " AND alias.format IN (…) …" for the filters given (empty when none); `only`: just these keys */
	filter(alias: string, only?: FilterKey[]): string;
}

export function checkLevel(level: string): Level {
	if (!LEVELS.includes(level as Level)) throw new Error(`Unbekannte Ebene: ${JSON.stringify(level)}`);
	return level as Level;
}

/** Validates the parameters and builds the shared pieces; `allowed` = filters this indicator can apply. */
export function scope(p: IndicatorParams, allowed: readonly FilterKey[]): Scope {
	const level = checkLevel(p.level);
	const from = monthStart(p.from);
	const to = monthStart(p.to);
	if (from > to) throw new Error(`Zeitraum leer: von ${p.from} liegt nach bis ${p.to}`);
	const end = addMonths(to, 1);
	const active = Object.entries(p.filters ?? {}).filter(([, v]) => v && v.length > 0) as [FilterKey, string[]][];
	for (const [k] of active) {
		if (!FILTER_KEYS.includes(k)) throw new Error(`Unbekannter Filter: ${k}`);
		if (!allowed.includes(k)) throw new Error(`Filter „${k}“ ist für diesen Indikator nicht möglich`);
	}
	const { key, name } = LEVEL_COLUMNS[level];
	const areaWhere = p.areas ? `WHERE ${key} IN ${litList(p.areas)}` : '';
	const ctes = `geo AS (
		SELECT g.ags, g.name AS gemeinde, ${key} AS key, ${name} AS name, g.land, g.einwohner, g.dichte_klasse,
			p65.einwohner_65plus AS ew65, p65.ist_schaetzung
		FROM gemeinden g LEFT JOIN gemeinden_65plus p65 ON p65.ags = g.ags
		${areaWhere}),
	areas AS (
		SELECT key, min(name) AS name, min(land) AS land, sum(einwohner) AS einwohner,
			sum(ew65) AS ew65, bool_or(ist_schaetzung) AS estimate, count(*) AS gemeinden
		FROM geo GROUP BY key)`;
	return {
		level,
		from,
		to,
		end,
		fromD: dateLit(from),
		toD: dateLit(to),
		endD: dateLit(end),
		ctes,
		activity: active.some(([k]) => k === 'thema') ? 's_einsaetze_thema' : 's_einsaetze',
		filter: (alias, only) =>
			active
				.filter(([k]) => !only || only.includes(k))
				.map(([k, v]) => ` AND ${alias}.${q(k)} IN ${litList(v)}`)
				.join('')
	};
}

/** numerator ÷ denominator × factor, NULL when the denominator is 0 or NULL */
export function ratio(num: string, den: string, factor: number): string {
	return `CASE WHEN (${den}) IS NULL OR (${den}) = 0 THEN NULL ELSE CAST(${num} AS DOUBLE) * ${factor} / (${den}) END`;
}

/**
 * The common row: level, key, name, land, value, numerator, denominator (+ extra columns).
 * `den` null → a count: value = numerator, denominator NULL.
 */
export function rowColumns(s: Scope, num: string, den: string | null, factor: number | null, extra = ''): string {
	const value = den === null ? `CAST(${num} AS DOUBLE)` : ratio(num, den, factor ?? 1);
	return `SELECT ${lit(s.level)} AS level, a.key, a.name, a.land,
		${value} AS value, CAST(${num} AS DOUBLE) AS numerator, ${den === null ? 'CAST(NULL AS DOUBLE)' : `CAST(${den} AS DOUBLE)`} AS denominator${extra ? ', ' + extra : ''}`;
}
