/**
 * Active Lotsen: distinct pseudonyms with at least one contact in the area and period.
 * Read from s_lotsen_monat (ags × month × lotse_id), which has no format/age/topic, so these
 * indicators take no filters.
 */
import type { IndicatorDef, IndicatorParams } from './types';
import { rowColumns, scope } from './scope';

function lotsenSql(p: IndicatorParams, perInhabitants: number | null): string {
	const s = scope(p, []);
	// distinct per area, so a Lotse active in two Gemeinden of one Amt counts once for the Amt
	return `WITH ${s.ctes},
	f AS (
		SELECT geo.key, count(DISTINCT l.lotse_id) AS n
		FROM s_lotsen_monat l JOIN geo ON geo.ags = l.ags
		WHERE l.monat BETWEEN ${s.fromD} AND ${s.toD}
		GROUP BY geo.key)
	${rowColumns(s, 'COALESCE(f.n, 0)', perInhabitants ? 'a.einwohner' : null, perInhabitants)}
	FROM areas a LEFT JOIN f ON f.key = a.key
	ORDER BY a.key`;
}

const PSEUDONYM = {
	de: 'Lotsen werden über ihr Pseudonym gezählt; wer in mehreren Gemeinden hilft, zählt in jeder Gemeinde, im übergeordneten Gebiet aber einmal.',
	en: 'Lotsen are counted by pseudonym; someone helping in several municipalities counts in each, but once in the enclosing area.'
};

export const LOTSEN: IndicatorDef[] = [
	{
		id: 'lotsen_aktiv',
		group: 'lotsen',
		shape: 'area',
		title: { de: 'Aktive Digitallotsen', en: 'Active digital navigators' },
		explanation: {
			de: 'Zahl der verschiedenen Lotsen mit mindestens einem Einsatz im Gebiet im Zeitraum.',
			en: 'Number of distinct navigators with at least one activity in the area during the period.'
		},
		unit: { de: 'Lotsen', en: 'navigators' },
		numerator: { de: 'verschiedene Lotsen-Pseudonyme mit ≥ 1 Einsatz', en: 'distinct navigator pseudonyms with ≥ 1 activity' },
		denominator: null,
		factor: null,
		needs: ['einsaetze'],
		sources: ['beispieldaten'],
		caveats: [PSEUDONYM],
		filters: [],
		sql: (p) => lotsenSql(p, null)
	},
	{
		id: 'lotsen_je_10000',
		group: 'lotsen',
		shape: 'area',
		title: { de: 'Aktive Digitallotsen je 10.000 Einwohner', en: 'Active digital navigators per 10,000 inhabitants' },
		explanation: {
			de: 'Aktive Lotsen im Verhältnis zur Einwohnerzahl: wie dicht ist das Netz der Helfenden?',
			en: 'Active navigators relative to population: how dense is the network of helpers?'
		},
		unit: { de: 'je 10.000 Einwohner', en: 'per 10,000 inhabitants' },
		numerator: { de: 'verschiedene Lotsen-Pseudonyme mit ≥ 1 Einsatz', en: 'distinct navigator pseudonyms with ≥ 1 activity' },
		denominator: { de: 'Einwohner des Gebiets', en: 'inhabitants of the area' },
		factor: 10000,
		needs: ['einsaetze'],
		sources: ['beispieldaten', 'destatis_gv_2023'],
		caveats: [PSEUDONYM],
		filters: [],
		sql: (p) => lotsenSql(p, 10000)
	}
];
