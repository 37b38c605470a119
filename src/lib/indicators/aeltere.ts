/** Reach among older people: participations of people aged 65+ (age groups 65–74 and 75+). */
import type { IndicatorDef, IndicatorParams } from './types';
import { FILTER_KEYS } from './types';
import { rowColumns, scope } from './scope';
import { litList } from './sql-lit';

export const ALTER_65PLUS = ['65–74', '75+'];

function aeltereSql(p: IndicatorParams, what: 'je_1000_65plus' | 'anteil'): string {
	const s = scope(p, FILTER_KEYS);
	const cols =
		what === 'je_1000_65plus'
			? // estimate: true as soon as one Gemeinde of the area has no official 65+ figure
				rowColumns(s, 'COALESCE(f.n65, 0)', 'a.ew65', 1000, 'a.estimate AS estimate')
			: rowColumns(s, 'COALESCE(f.n65, 0)', 'COALESCE(f.n, 0)', 100);
	return `WITH ${s.ctes},
	f AS (
		SELECT geo.key,
			sum(CASE WHEN s.altersgruppe IN ${litList(ALTER_65PLUS)} THEN s.teilnehmende ELSE 0 END) AS n65,
			sum(s.teilnehmende) AS n
		FROM ${s.activity} s JOIN geo ON geo.ags = s.ags
		WHERE s.monat BETWEEN ${s.fromD} AND ${s.toD}${s.filter('s')}
		GROUP BY geo.key)
	${cols}
	FROM areas a LEFT JOIN f ON f.key = a.key
	ORDER BY a.key`;
}

const ALTERSGRUPPE = {
	de: 'Die Altersgruppe wird je Einsatz erfasst, nicht je Person; bei gemischten Gruppen zählt die überwiegende Gruppe.',
	en: 'The age group is recorded per activity, not per person; mixed groups count under the predominant group.'
};

export const AELTERE: IndicatorDef[] = [
	{
		id: 'teilnehmende_65plus_je_1000_65plus',
		group: 'aeltere',
		shape: 'area',
		title: { de: 'Teilnahmen 65+ je 1.000 Einwohner ab 65', en: 'Participations 65+ per 1,000 inhabitants aged 65+' },
		explanation: {
			de: 'Wie gut erreicht das Angebot ältere Menschen? Teilnahmen in den Altersgruppen 65–74 und 75+ im Verhältnis zur Zahl der Einwohner ab 65 Jahren.',
			en: 'How well does the programme reach older people? Participations in the age groups 65–74 and 75+ relative to the number of inhabitants aged 65 and over.'
		},
		unit: { de: 'je 1.000 Einwohner ab 65', en: 'per 1,000 inhabitants aged 65+' },
		numerator: { de: 'Teilnehmende in Einsätzen der Altersgruppen 65–74 und 75+', en: 'participants in activities of age groups 65–74 and 75+' },
		denominator: { de: 'Einwohner ab 65 Jahren (amtlich, sonst Schätzung)', en: 'inhabitants aged 65+ (official, else estimated)' },
		factor: 1000,
		estimateColumn: true,
		needs: ['einsaetze'],
		sources: ['beispieldaten', 'inkar_2022', 'destatis_gv_2023'],
		caveats: [
			{
				de: 'Schätzung: Ohne importierte amtliche Zahlen ist die Zahl der Einwohner ab 65 geschätzt (Einwohner der Gemeinde × Anteil 65+ des Kreises, INKAR 2022). Spalte „estimate“ zeigt das an.',
				en: 'Estimate: without imported official figures, inhabitants aged 65+ are estimated (municipal population × district share aged 65+, INKAR 2022). Column "estimate" flags this.'
			},
			{ de: 'Teilnahmen, nicht Personen.', en: 'Participations, not people.' },
			ALTERSGRUPPE
		],
		filters: FILTER_KEYS,
		sql: (p) => aeltereSql(p, 'je_1000_65plus')
	},
	{
		id: 'anteil_teilnehmende_65plus',
		group: 'aeltere',
		shape: 'area',
		title: { de: 'Anteil der Teilnahmen ab 65 Jahren', en: 'Share of participations aged 65+' },
		explanation: {
			de: 'Welcher Teil der Teilnahmen entfällt auf Menschen ab 65 (Altersgruppen 65–74 und 75+)?',
			en: 'What share of participations comes from people aged 65+ (age groups 65–74 and 75+)?'
		},
		unit: { de: '%', en: '%' },
		numerator: { de: 'Teilnehmende der Altersgruppen 65–74 und 75+', en: 'participants of age groups 65–74 and 75+' },
		denominator: { de: 'alle Teilnehmenden', en: 'all participants' },
		factor: 100,
		needs: ['einsaetze'],
		sources: ['beispieldaten'],
		caveats: [ALTERSGRUPPE],
		filters: FILTER_KEYS,
		sql: (p) => aeltereSql(p, 'anteil')
	}
];
