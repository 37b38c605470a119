/**
 * "Analoger Zwilling": every digital offer should have an analog way in. Share of contacts in
 * analog formats (ANALOG_FORMATE) among analog + Online contacts, overall and per digital offer,
 * and the offers of an area that were only ever served online in the period.
 */
import type { IndicatorDef, IndicatorParams } from './types';
import { FILTER_KEYS } from './types';
import { ANALOG_FORMATE } from '../import/schemas';
import { rowColumns, scope } from './scope';
import { lit, litList } from './sql-lit';

const ANALOG = `format IN ${litList(ANALOG_FORMATE)}`;
const ONLINE = `format = 'Online'`;
const OHNE = "'(ohne Angabe)'";

function anteilSql(p: IndicatorParams): string {
	const s = scope(p, FILTER_KEYS);
	return `WITH ${s.ctes},
	f AS (
		SELECT geo.key,
			sum(CASE WHEN s.${ANALOG} THEN s.kontakte ELSE 0 END) AS analog,
			sum(CASE WHEN s.${ANALOG} OR s.${ONLINE} THEN s.kontakte ELSE 0 END) AS alle
		FROM ${s.activity} s JOIN geo ON geo.ags = s.ags
		WHERE s.monat BETWEEN ${s.fromD} AND ${s.toD}${s.filter('s')}
		GROUP BY geo.key)
	${rowColumns(s, 'COALESCE(f.analog, 0)', 'COALESCE(f.alle, 0)', 100)}
	FROM areas a LEFT JOIN f ON f.key = a.key
	ORDER BY a.key`;
}

/** s_angebote has no age group or topic, hence only the format filter */
function proAngebotCte(s: ReturnType<typeof scope>): string {
	return `f AS (
		SELECT geo.key, s.digitales_angebot AS category,
			sum(CASE WHEN s.${ANALOG} THEN s.kontakte ELSE 0 END) AS analog,
			sum(CASE WHEN s.${ONLINE} THEN s.kontakte ELSE 0 END) AS online
		FROM s_angebote s JOIN geo ON geo.ags = s.ags
		WHERE s.monat BETWEEN ${s.fromD} AND ${s.toD} AND s.digitales_angebot <> ${OHNE}${s.filter('s')}
		GROUP BY ALL)`;
}

function anteilAngebotSql(p: IndicatorParams): string {
	const s = scope(p, ['format']);
	// every offer ever recorded is a category, so each area has the same rows (NULL where no contact)
	return `WITH ${s.ctes}, ${proAngebotCte(s)},
	cats AS (SELECT DISTINCT digitales_angebot AS category FROM s_angebote WHERE digitales_angebot <> ${OHNE})
	${rowColumns(s, 'COALESCE(f.analog, 0)', 'COALESCE(f.analog, 0) + COALESCE(f.online, 0)', 100, 'c.category AS category')}
	FROM areas a CROSS JOIN cats c LEFT JOIN f ON f.key = a.key AND f.category = c.category
	ORDER BY a.key, c.category`;
}

function ohneAnalogSql(p: IndicatorParams): string {
	const s = scope(p, ['format']);
	return `WITH ${s.ctes}, ${proAngebotCte(s)}
	SELECT ${lit(s.level)} AS level, a.key, a.name, a.land,
		CAST(f.online AS DOUBLE) AS value, CAST(f.online AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator,
		f.category AS category, f.category AS category_key
	FROM areas a JOIN f ON f.key = a.key
	WHERE f.online > 0 AND f.analog = 0
	ORDER BY a.key, f.category`;
}

const FORMATE_TEXT = {
	de: `Analog: ${ANALOG_FORMATE.join(', ')}; digital: Online.`,
	en: `Analog: ${ANALOG_FORMATE.join(', ')}; digital: Online.`
};
const ANGEBOT = {
	de: 'Das digitale Angebot ist freiwillig anzugeben; Einsätze ohne Angabe fehlen in der Auswertung je Angebot.',
	en: 'The digital offer is an optional field; activities without it are left out of the per-offer figures.'
};
const base = { group: 'zwilling' as const, needs: ['einsaetze' as const], sources: ['beispieldaten' as const] };

export const ZWILLING: IndicatorDef[] = [
	{
		...base,
		id: 'analog_anteil',
		shape: 'area',
		title: { de: 'Anteil analoger Kontakte', en: 'Share of analog contacts' },
		explanation: {
			de: 'Welcher Teil der Kontakte findet analog statt (vor Ort, zu Hause, im Bürgerdialog oder am Telefon) statt online?',
			en: 'What share of contacts happens in analog form (in person, at home, in a citizen dialogue or by phone) rather than online?'
		},
		unit: { de: '% der Kontakte', en: '% of contacts' },
		numerator: { de: 'Kontakte in analogen Formaten', en: 'contacts in analog formats' },
		denominator: { de: 'Kontakte in analogen Formaten und online', en: 'contacts in analog formats and online' },
		factor: 100,
		caveats: [FORMATE_TEXT],
		filters: FILTER_KEYS,
		sql: anteilSql
	},
	{
		...base,
		id: 'analog_anteil_angebot',
		shape: 'breakdown',
		title: { de: 'Anteil analoger Kontakte je digitalem Angebot', en: 'Share of analog contacts per digital offer' },
		explanation: {
			de: 'Für jedes digitale Angebot (z. B. BundID, E-Rezept): Anteil der Kontakte, die analog stattfanden.',
			en: 'For each digital offer (e.g. BundID, e-prescription): share of contacts that happened in analog form.'
		},
		unit: { de: '% der Kontakte zum Angebot', en: '% of contacts about the offer' },
		numerator: { de: 'analoge Kontakte zum Angebot', en: 'analog contacts about the offer' },
		denominator: { de: 'analoge und Online-Kontakte zum Angebot', en: 'analog and online contacts about the offer' },
		factor: 100,
		caveats: [FORMATE_TEXT, ANGEBOT],
		filters: ['format'],
		sql: anteilAngebotSql
	},
	{
		...base,
		id: 'angebote_ohne_analog',
		shape: 'list',
		title: { de: 'Digitale Angebote ohne analogen Zwilling', en: 'Digital offers without an analog twin' },
		explanation: {
			de: 'Digitale Angebote, zu denen es im Gebiet im Zeitraum Online-Kontakte, aber keinen einzigen analogen Kontakt gab.',
			en: 'Digital offers that had online contacts but not a single analog contact in the area during the period.'
		},
		unit: { de: 'Online-Kontakte', en: 'online contacts' },
		numerator: { de: 'Online-Kontakte zum Angebot', en: 'online contacts about the offer' },
		denominator: null,
		factor: null,
		caveats: [FORMATE_TEXT, ANGEBOT],
		filters: ['format'],
		sql: ohneAnalogSql
	}
];
