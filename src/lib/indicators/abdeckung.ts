/**
 * Coverage: which Gemeinden of an area had at least one contact in the 12 months ending with
 * the month of `to` (`from` is not used: coverage is a state, not a flow).
 */
import type { IndicatorDef, IndicatorParams } from './types';
import { FILTER_KEYS } from './types';
import { rowColumns, scope, type Scope } from './scope';
import { addMonths, dateLit, lit } from './sql-lit';

/** CTE `aktiv`: Gemeinden with ≥ 1 contact in the 12-month window */
function aktivCte(s: Scope): string {
	const w0 = dateLit(addMonths(s.to, -11));
	return `aktiv AS (
		SELECT s.ags FROM ${s.activity} s
		WHERE s.monat BETWEEN ${w0} AND ${s.toD}${s.filter('s')}
		GROUP BY s.ags HAVING sum(s.kontakte) > 0)`;
}

function abdeckungSql(p: IndicatorParams, basis: 'gemeinden' | 'einwohner'): string {
	const s = scope(p, FILTER_KEYS);
	const [num, den] = basis === 'gemeinden' ? ['COALESCE(f.n_gem, 0)', 'a.gemeinden'] : ['COALESCE(f.n_ew, 0)', 'a.einwohner'];
	return `WITH ${s.ctes}, ${aktivCte(s)},
	f AS (SELECT geo.key, count(*) AS n_gem, sum(geo.einwohner) AS n_ew FROM geo JOIN aktiv ON aktiv.ags = geo.ags GROUP BY geo.key)
	${rowColumns(s, num, den, 100)}
	FROM areas a LEFT JOIN f ON f.key = a.key
	ORDER BY a.key`;
}

/** One row per Gemeinde without contact: category = its name, category_key = AGS, value = its inhabitants. */
function ohneKontaktSql(p: IndicatorParams): string {
	const s = scope(p, FILTER_KEYS);
	return `WITH ${s.ctes}, ${aktivCte(s)}
	SELECT ${lit(s.level)} AS level, a.key, a.name, a.land,
		CAST(geo.einwohner AS DOUBLE) AS value, CAST(geo.einwohner AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator,
		geo.gemeinde AS category, geo.ags AS category_key
	FROM areas a JOIN geo ON geo.key = a.key LEFT JOIN aktiv ON aktiv.ags = geo.ags
	WHERE aktiv.ags IS NULL
	ORDER BY a.key, geo.gemeinde, geo.ags`;
}

const FENSTER = {
	de: 'Betrachtet werden die 12 Monate bis einschließlich des Monats von „bis“; der Beginn des gewählten Zeitraums spielt keine Rolle.',
	en: 'Uses the 12 months up to and including the month of "to"; the start of the chosen period is ignored.'
};
const ORT = {
	de: 'Gezählt wird die Gemeinde, in der der Einsatz stattfand, nicht der Wohnort der Teilnehmenden.',
	en: 'Counts the municipality where the activity took place, not where participants live.'
};

const base = { group: 'abdeckung' as const, needs: ['einsaetze' as const], filters: FILTER_KEYS, caveats: [FENSTER, ORT] };

export const ABDECKUNG: IndicatorDef[] = [
	{
		...base,
		id: 'abdeckung_gemeinden',
		shape: 'area',
		title: { de: 'Abgedeckte Gemeinden', en: 'Municipalities covered' },
		explanation: {
			de: 'Anteil der Gemeinden des Gebiets mit mindestens einem Kontakt in den letzten 12 Monaten.',
			en: 'Share of the municipalities in the area with at least one contact in the last 12 months.'
		},
		unit: { de: '% der Gemeinden', en: '% of municipalities' },
		numerator: { de: 'Gemeinden mit ≥ 1 Kontakt in 12 Monaten', en: 'municipalities with ≥ 1 contact in 12 months' },
		denominator: { de: 'alle Gemeinden des Gebiets', en: 'all municipalities of the area' },
		factor: 100,
		sources: ['beispieldaten', 'destatis_gv_2023'],
		sql: (p) => abdeckungSql(p, 'gemeinden')
	},
	{
		...base,
		id: 'abdeckung_bevoelkerung',
		shape: 'area',
		title: { de: 'Abgedeckte Bevölkerung', en: 'Population covered' },
		explanation: {
			de: 'Anteil der Einwohner, die in einer Gemeinde mit mindestens einem Kontakt in den letzten 12 Monaten leben.',
			en: 'Share of inhabitants living in a municipality with at least one contact in the last 12 months.'
		},
		unit: { de: '% der Einwohner', en: '% of inhabitants' },
		numerator: { de: 'Einwohner der Gemeinden mit ≥ 1 Kontakt in 12 Monaten', en: 'inhabitants of municipalities with ≥ 1 contact in 12 months' },
		denominator: { de: 'Einwohner des Gebiets', en: 'inhabitants of the area' },
		factor: 100,
		sources: ['beispieldaten', 'destatis_gv_2023'],
		sql: (p) => abdeckungSql(p, 'einwohner')
	},
	{
		...base,
		id: 'gemeinden_ohne_kontakt',
		shape: 'list',
		title: { de: 'Gemeinden ohne Kontakt', en: 'Municipalities without contact' },
		explanation: {
			de: 'Liste der Gemeinden im Gebiet ohne einen einzigen Kontakt in den letzten 12 Monaten, mit ihrer Einwohnerzahl.',
			en: 'List of the municipalities in the area without a single contact in the last 12 months, with their population.'
		},
		unit: { de: 'Einwohner', en: 'inhabitants' },
		numerator: { de: 'Einwohner der Gemeinde', en: 'inhabitants of the municipality' },
		denominator: null,
		factor: null,
		sources: ['beispieldaten', 'destatis_gv_2023'],
		sql: ohneKontaktSql
	}
];
