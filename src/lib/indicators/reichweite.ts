/** Reach: contacts, participants and hours of help, absolute and per 1,000 inhabitants (from s_einsaetze). */
import type { IndicatorDef, IndicatorParams, Text } from './types';
import { FILTER_KEYS } from './types';
import { rowColumns, scope } from './scope';

type Measure = 'kontakte' | 'teilnehmende' | 'stunden';

const MEASURE_SQL: Record<Measure, string> = {
	kontakte: 'sum(s.kontakte)',
	teilnehmende: 'sum(s.teilnehmende)',
	// hours of help: the minutes of all contacts ÷ 60
	stunden: 'sum(s.minuten) / 60.0'
};

/** SQL of "measure in the period per area", optionally per `perInhabitants` inhabitants. */
export function activitySql(p: IndicatorParams, measure: Measure, perInhabitants: number | null): string {
	const s = scope(p, FILTER_KEYS);
	return `WITH ${s.ctes},
	f AS (
		SELECT geo.key, ${MEASURE_SQL[measure]} AS n
		FROM ${s.activity} s JOIN geo ON geo.ags = s.ags
		WHERE s.monat BETWEEN ${s.fromD} AND ${s.toD}${s.filter('s')}
		GROUP BY geo.key)
	${rowColumns(s, 'COALESCE(f.n, 0)', perInhabitants ? 'a.einwohner' : null, perInhabitants)}
	FROM areas a LEFT JOIN f ON f.key = a.key
	ORDER BY a.key`;
}

const TEILNAHMEN: Text = {
	de: 'Gezählt werden Teilnahmen, nicht Personen: wer mehrmals kommt, zählt mehrmals.',
	en: 'Counts participations, not people: someone who comes twice counts twice.'
};
const EINWOHNER: Text = {
	de: 'Einwohner laut Gemeindeverzeichnis 31.12.2023 (fortgeschrieben auf Basis Zensus 2011).',
	en: 'Inhabitants from the municipal register of 31 Dec 2023 (projected from the 2011 census).'
};
const EW_DEN: Text = { de: 'Einwohner des Gebiets', en: 'inhabitants of the area' };

interface MeasureText {
	title: Text;
	explanation: Text;
	unit: Text;
	numerator: Text;
	caveats: Text[];
}

const TEXTS: Record<Measure, MeasureText> = {
	kontakte: {
		title: { de: 'Kontakte', en: 'Contacts' },
		explanation: {
			de: 'Zahl der dokumentierten Einsätze (Sprechstunden, Hausbesuche, Bürgerdialoge, Telefonate, Online-Termine) im Zeitraum.',
			en: 'Number of documented activities (office hours, home visits, citizen dialogues, phone calls, online sessions) in the period.'
		},
		unit: { de: 'Kontakte', en: 'contacts' },
		numerator: { de: 'Einsätze im Zeitraum', en: 'activities in the period' },
		caveats: [
			{ de: 'Ein Kontakt ist ein dokumentierter Einsatz, gleich wie viele Personen teilnahmen.', en: 'A contact is one documented activity, however many people took part.' }
		]
	},
	teilnehmende: {
		title: { de: 'Teilnahmen', en: 'Participations' },
		explanation: { de: 'Summe der Teilnehmenden aller Einsätze im Zeitraum.', en: 'Sum of participants over all activities in the period.' },
		unit: { de: 'Teilnahmen', en: 'participations' },
		numerator: { de: 'Summe der Teilnehmenden', en: 'sum of participants' },
		caveats: [TEILNAHMEN]
	},
	stunden: {
		title: { de: 'Hilfestunden', en: 'Hours of help' },
		explanation: { de: 'Dauer aller Einsätze im Zeitraum in Stunden (Minuten ÷ 60).', en: 'Duration of all activities in the period in hours (minutes ÷ 60).' },
		unit: { de: 'Stunden', en: 'hours' },
		numerator: { de: 'Summe der Minuten ÷ 60', en: 'sum of minutes ÷ 60' },
		caveats: [{ de: 'Dauer je Einsatz, nicht je teilnehmende Person; Wegezeiten sind nicht enthalten.', en: 'Duration per activity, not per participant; travel time is not included.' }]
	}
};

function pair(measure: Measure): IndicatorDef[] {
	const t = TEXTS[measure];
	const base = { group: 'reichweite' as const, shape: 'area' as const, needs: ['einsaetze' as const], filters: FILTER_KEYS };
	return [
		{
			...base,
			id: measure,
			...t,
			denominator: null,
			factor: null,
			sources: ['beispieldaten'],
			sql: (p) => activitySql(p, measure, null)
		},
		{
			...base,
			id: `${measure}_je_1000`,
			title: { de: `${t.title.de} je 1.000 Einwohner`, en: `${t.title.en} per 1,000 inhabitants` },
			explanation: {
				de: `${t.explanation.de} Bezogen auf die Einwohnerzahl, damit große und kleine Gebiete vergleichbar sind.`,
				en: `${t.explanation.en} Related to population so that large and small areas can be compared.`
			},
			unit: { de: 'je 1.000 Einwohner', en: 'per 1,000 inhabitants' },
			numerator: t.numerator,
			denominator: EW_DEN,
			factor: 1000,
			sources: ['beispieldaten', 'destatis_gv_2023'],
			caveats: [...t.caveats, EINWOHNER],
			sql: (p) => activitySql(p, measure, 1000)
		}
	];
}

export const REICHWEITE: IndicatorDef[] = [...pair('kontakte'), ...pair('teilnehmende'), ...pair('stunden')];
