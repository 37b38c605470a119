/** Topic mix and format mix: each category's share of an area's contacts in the period. */
import type { FilterKey, IndicatorDef, IndicatorParams } from './types';
import { FILTER_KEYS } from './types';
import { FORMATE } from '../import/schemas';
import { rowColumns, scope } from './scope';
import { litArray } from './sql-lit';

function mixSql(p: IndicatorParams, dim: 'thema' | 'format'): string {
	const s = scope(p, FILTER_KEYS);
	// categories: every format the app knows; every topic ever recorded (free text) — restricted
	// by a filter on the same dimension, so all areas get the same category rows
	const only: FilterKey[] = [dim];
	const all = dim === 'format' ? `SELECT unnest(${litArray(Object.keys(FORMATE))}) AS format` : 'SELECT DISTINCT thema FROM s_einsaetze_thema';
	return `WITH ${s.ctes},
	cats AS (SELECT c.${dim} AS category FROM (${all}) c WHERE true${s.filter('c', only)}),
	f AS (
		SELECT geo.key, s.${dim} AS category, sum(s.kontakte) AS n
		FROM ${dim === 'thema' ? 's_einsaetze_thema' : s.activity} s JOIN geo ON geo.ags = s.ags
		WHERE s.monat BETWEEN ${s.fromD} AND ${s.toD}${s.filter('s')}
		GROUP BY ALL),
	tot AS (SELECT key, sum(n) AS n FROM f GROUP BY key)
	${rowColumns(s, 'COALESCE(f.n, 0)', 'COALESCE(tot.n, 0)', 100, 'c.category AS category')}
	FROM areas a CROSS JOIN cats c
		LEFT JOIN f ON f.key = a.key AND f.category = c.category
		LEFT JOIN tot ON tot.key = a.key
	ORDER BY a.key, c.category`;
}

const base = {
	group: 'mix' as const,
	shape: 'breakdown' as const,
	needs: ['einsaetze' as const],
	sources: ['beispieldaten' as const],
	filters: FILTER_KEYS,
	unit: { de: '% der Kontakte', en: '% of contacts' },
	denominator: { de: 'alle Kontakte des Gebiets im Zeitraum', en: 'all contacts of the area in the period' },
	factor: 100
};

export const MIX: IndicatorDef[] = [
	{
		...base,
		id: 'themenmix',
		title: { de: 'Themenmix', en: 'Topic mix' },
		explanation: {
			de: 'Anteil jedes Themas (z. B. Online-Banking, E-Rezept) an den Kontakten des Gebiets.',
			en: 'Share of each topic (e.g. online banking, e-prescription) in the contacts of the area.'
		},
		numerator: { de: 'Kontakte zum Thema', en: 'contacts on the topic' },
		caveats: [
			{
				de: 'Themen sind Freitext der Länder; gleiche Themen mit verschiedener Schreibweise erscheinen getrennt. Je Einsatz wird ein Hauptthema erfasst.',
				en: 'Topics are free text from the Länder; the same topic spelled differently appears separately. One main topic is recorded per activity.'
			}
		],
		sql: (p) => mixSql(p, 'thema')
	},
	{
		...base,
		id: 'formatmix',
		title: { de: 'Formatmix', en: 'Format mix' },
		explanation: {
			de: 'Anteil jedes Formats (Sprechstunde vor Ort, Hausbesuch, Bürgerdialog, Telefon, Online) an den Kontakten des Gebiets.',
			en: 'Share of each format (office hours, home visit, citizen dialogue, phone, online) in the contacts of the area.'
		},
		numerator: { de: 'Kontakte im Format', en: 'contacts in the format' },
		caveats: [],
		sql: (p) => mixSql(p, 'format')
	}
];
