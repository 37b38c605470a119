/**
 * SQL of the qualification indicators. Everything is "as of the end of the period": a module
 * counts as completed when its status is abgeschlossen and its abschluss lies before the end of
 * `to`'s month, so a past period gives the same answer after later imports.
 *
 * Per Lotse (CTE `lotse`, Grundlehrgang modules only):
 *   ags / anbieter   of the Lotse's first Grundlehrgang module (ties: alphabetically first)
 *   erster_beginn    first beginn of any Grundlehrgang module
 *   komplett         all seven GRUNDLEHRGANG_MODULE completed by the end of the period
 *   abschluss_gl     the date of the last of the seven completions (when komplett)
 */
import type { IndicatorParams } from './types';
import { GRUNDLEHRGANG_MODULE, MODULE } from '../import/schemas';
import { rowColumns, scope, type Scope } from './scope';
import { lit, litArray, litList } from './sql-lit';

function lotseCte(s: Scope): string {
	const done = `status = 'abgeschlossen' AND abschluss < ${s.endD}`;
	return `lotse_raw AS (
		SELECT lotse_id,
			arg_min(ags, strftime(beginn, '%Y-%m-%d') || ags) AS ags,
			arg_min(anbieter, strftime(beginn, '%Y-%m-%d') || anbieter) AS anbieter,
			min(beginn) AS erster_beginn,
			count(DISTINCT CASE WHEN ${done} THEN modul END) AS module_fertig,
			max(CASE WHEN ${done} THEN abschluss END) AS letzter_abschluss
		FROM qualifizierung
		WHERE modul IN ${litList(GRUNDLEHRGANG_MODULE)} AND beginn < ${s.endD}
		GROUP BY lotse_id),
	lotse AS (
		SELECT l.*, geo.key, module_fertig = ${GRUNDLEHRGANG_MODULE.length} AS komplett,
			CASE WHEN module_fertig = ${GRUNDLEHRGANG_MODULE.length} THEN letzter_abschluss END AS abschluss_gl
		FROM lotse_raw l JOIN geo ON geo.ags = l.ags)`;
}

/** Lotsen whose Grundlehrgang was completed in the period */
const IM_ZEITRAUM = (s: Scope) => `komplett AND abschluss_gl >= ${s.fromD}`;

/** per area or per area × provider; `by` = 'anbieter' adds the provider as category */
function grid(by: 'anbieter' | null) {
	if (!by) return { cats: '', from: 'areas a', join: 'f.key = a.key', select: 'key', group: 'key', extra: '', order: 'a.key' };
	return {
		cats: `, cats AS (SELECT DISTINCT anbieter AS category FROM qualifizierung WHERE modul IN ${litList(GRUNDLEHRGANG_MODULE)})`,
		from: 'areas a CROSS JOIN cats c',
		join: 'f.key = a.key AND f.category = c.category',
		select: 'key, anbieter AS category',
		group: 'key, anbieter',
		extra: 'c.category AS category',
		order: 'a.key, c.category'
	};
}

export function absolventenSql(p: IndicatorParams): string {
	const s = scope(p, []);
	return `WITH ${s.ctes}, ${lotseCte(s)},
	f AS (SELECT key, count(*) AS n FROM lotse WHERE ${IM_ZEITRAUM(s)} GROUP BY key)
	${rowColumns(s, 'COALESCE(f.n, 0)', null, null)}
	FROM areas a LEFT JOIN f ON f.key = a.key
	ORDER BY a.key`;
}

/** cohort: Lotsen who began their first Grundlehrgang module in the period; share completed by its end */
export function quoteSql(p: IndicatorParams, by: 'anbieter' | null): string {
	const s = scope(p, []);
	const g = grid(by);
	return `WITH ${s.ctes}, ${lotseCte(s)}${g.cats},
	f AS (
		SELECT ${g.select}, count(*) AS begonnen, count(*) FILTER (WHERE komplett) AS komplett
		FROM lotse WHERE erster_beginn >= ${s.fromD} GROUP BY ${g.group})
	${rowColumns(s, 'COALESCE(f.komplett, 0)', 'COALESCE(f.begonnen, 0)', 100, g.extra)}
	FROM ${g.from} LEFT JOIN f ON ${g.join}
	ORDER BY ${g.order}`;
}

/** median days from the first module's beginn to the last module's abschluss, over Lotsen completing in the period */
export function dauerSql(p: IndicatorParams, by: 'anbieter' | null): string {
	const s = scope(p, []);
	const g = grid(by);
	return `WITH ${s.ctes}, ${lotseCte(s)}${g.cats},
	f AS (
		SELECT ${g.select},
			median(abschluss_gl - erster_beginn) AS tage, count(*) AS n
		FROM lotse WHERE ${IM_ZEITRAUM(s)} GROUP BY ${g.group})
	SELECT ${lit(s.level)} AS level, a.key, a.name, a.land,
		CAST(f.tage AS DOUBLE) AS value, CAST(NULL AS DOUBLE) AS numerator, CAST(COALESCE(f.n, 0) AS DOUBLE) AS denominator
		${g.extra ? ', ' + g.extra : ''}
	FROM ${g.from} LEFT JOIN f ON ${g.join}
	ORDER BY ${g.order}`;
}

/** completed modules (distinct Lotse × module) with abschluss in the period, by module; area = the row's Gemeinde */
export function moduleSql(p: IndicatorParams): string {
	const s = scope(p, []);
	return `WITH ${s.ctes},
	cats AS (SELECT unnest(${litArray(Object.keys(MODULE))}) AS category),
	f AS (
		SELECT geo.key, q.modul AS category, count(DISTINCT q.lotse_id) AS n
		FROM qualifizierung q JOIN geo ON geo.ags = q.ags
		WHERE q.status = 'abgeschlossen' AND q.abschluss >= ${s.fromD} AND q.abschluss < ${s.endD}
		GROUP BY ALL)
	${rowColumns(s, 'COALESCE(f.n, 0)', null, null, 'c.category AS category')}
	FROM areas a CROSS JOIN cats c LEFT JOIN f ON f.key = a.key AND f.category = c.category
	ORDER BY a.key, c.category`;
}

/** Grundlehrgang completions by calendar year of completion, the years of the period as categories */
export function jahreSql(p: IndicatorParams): string {
	const s = scope(p, []);
	const years: string[] = [];
	for (let y = Number(s.from.slice(0, 4)); y <= Number(s.to.slice(0, 4)); y++) years.push(String(y));
	return `WITH ${s.ctes}, ${lotseCte(s)},
	cats AS (SELECT unnest(${litArray(years)}) AS category),
	f AS (SELECT key, CAST(year(abschluss_gl) AS VARCHAR) AS category, count(*) AS n FROM lotse WHERE ${IM_ZEITRAUM(s)} GROUP BY ALL)
	${rowColumns(s, 'COALESCE(f.n, 0)', null, null, 'c.category AS category')}
	FROM areas a CROSS JOIN cats c LEFT JOIN f ON f.key = a.key AND f.category = c.category
	ORDER BY a.key, c.category`;
}
