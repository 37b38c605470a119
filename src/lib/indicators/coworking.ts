/**
 * Coworking funding. "Granted" = status bewilligt or eröffnet with bewilligt_am in the period
 * (a project opened later still counts in the period of its approval); "opened" = status
 * eröffnet with eroeffnet_am in the period. The area is the Gemeinde of the project.
 */
import type { IndicatorDef, IndicatorParams, Text } from './types';
import { rowColumns, scope } from './scope';

type Measure = 'summe' | 'eur_je_ew' | 'plaetze_je_10000' | 'anteil_gering' | 'bewilligt' | 'eroeffnet';

const COLUMNS: Record<Measure, [num: string, den: string | null, factor: number | null]> = {
	summe: ['COALESCE(f.eur, 0)', null, null],
	eur_je_ew: ['COALESCE(f.eur, 0)', 'a.einwohner', 1],
	plaetze_je_10000: ['COALESCE(f.plaetze, 0)', 'a.einwohner', 10000],
	anteil_gering: ['COALESCE(f.eur_gering, 0)', 'COALESCE(f.eur, 0)', 100],
	bewilligt: ['COALESCE(f.n_bewilligt, 0)', null, null],
	eroeffnet: ['COALESCE(f.n_eroeffnet, 0)', null, null]
};

function coworkingSql(p: IndicatorParams, m: Measure): string {
	const s = scope(p, []);
	const granted = `c.status IN ('bewilligt', 'eröffnet') AND c.bewilligt_am >= ${s.fromD} AND c.bewilligt_am < ${s.endD}`;
	const opened = `c.status = 'eröffnet' AND c.eroeffnet_am >= ${s.fromD} AND c.eroeffnet_am < ${s.endD}`;
	const [num, den, factor] = COLUMNS[m];
	return `WITH ${s.ctes},
	f AS (
		SELECT geo.key,
			sum(c.betrag_eur) FILTER (WHERE ${granted}) AS eur,
			sum(c.betrag_eur) FILTER (WHERE ${granted} AND geo.dichte_klasse = 'gering besiedelt') AS eur_gering,
			sum(COALESCE(c.arbeitsplaetze, 0)) FILTER (WHERE ${granted}) AS plaetze,
			count(*) FILTER (WHERE ${granted}) AS n_bewilligt,
			count(*) FILTER (WHERE ${opened}) AS n_eroeffnet
		FROM coworking c JOIN geo ON geo.ags = c.ags
		GROUP BY geo.key)
	${rowColumns(s, num, den, factor)}
	FROM areas a LEFT JOIN f ON f.key = a.key
	ORDER BY a.key`;
}

const BEWILLIGT: Text = {
	de: 'Bewilligt = Status „bewilligt“ oder „eröffnet“ mit Bewilligungsdatum im Zeitraum; Projekte ohne Bewilligungsdatum fehlen.',
	en: 'Granted = status "bewilligt" or "eröffnet" with approval date in the period; projects without an approval date are missing.'
};
const NUR_MV: Text = {
	de: 'Förderdaten liegen nur für Programme vor, deren Daten importiert wurden (Beispieldaten: nur M-V); fehlende Daten erscheinen als 0.',
	en: 'Funding data exist only for programmes whose data were imported (sample data: M-V only); missing data appear as 0.'
};
const base = { group: 'coworking' as const, shape: 'area' as const, needs: ['coworking' as const], filters: [] };
const EW: Text = { de: 'Einwohner des Gebiets', en: 'inhabitants of the area' };
const EUR: Text = { de: 'bewilligte Fördersumme (EUR)', en: 'funding granted (EUR)' };

function def(id: string, m: Measure, t: Pick<IndicatorDef, 'title' | 'explanation' | 'unit' | 'numerator' | 'denominator'>, extra: Text[] = []): IndicatorDef {
	const [, den, factor] = COLUMNS[m];
	return {
		...base,
		...t,
		id,
		factor: den ? factor : null,
		sources: den === 'a.einwohner' ? ['beispieldaten', 'destatis_gv_2023'] : m === 'anteil_gering' ? ['beispieldaten', 'destatis_gv_2019'] : ['beispieldaten'],
		caveats: [BEWILLIGT, NUR_MV, ...extra],
		sql: (p) => coworkingSql(p, m)
	};
}

export const COWORKING: IndicatorDef[] = [
	def('cw_foerdersumme', 'summe', {
		title: { de: 'Bewilligte Coworking-Förderung', en: 'Coworking funding granted' },
		explanation: { de: 'Summe der bewilligten Zuwendungen für Coworking-Orte im Zeitraum.', en: 'Total grants approved for coworking spaces in the period.' },
		unit: { de: 'EUR', en: 'EUR' },
		numerator: EUR,
		denominator: null
	}),
	def('cw_eur_je_einwohner', 'eur_je_ew', {
		title: { de: 'Coworking-Förderung je Einwohner', en: 'Coworking funding per inhabitant' },
		explanation: { de: 'Bewilligte Fördersumme im Verhältnis zur Einwohnerzahl.', en: 'Funding granted relative to population.' },
		unit: { de: 'EUR je Einwohner', en: 'EUR per inhabitant' },
		numerator: EUR,
		denominator: EW
	}),
	def('cw_arbeitsplaetze_je_10000', 'plaetze_je_10000', {
		title: { de: 'Geförderte Coworking-Arbeitsplätze je 10.000 Einwohner', en: 'Funded coworking workplaces per 10,000 inhabitants' },
		explanation: { de: 'Arbeitsplätze der im Zeitraum bewilligten Projekte im Verhältnis zur Einwohnerzahl.', en: 'Workplaces of the projects approved in the period relative to population.' },
		unit: { de: 'je 10.000 Einwohner', en: 'per 10,000 inhabitants' },
		numerator: { de: 'Arbeitsplätze der bewilligten Projekte', en: 'workplaces of approved projects' },
		denominator: EW
	}, [{ de: 'Bei noch nicht eröffneten Projekten sind die Arbeitsplätze geplant, nicht vorhanden.', en: 'For projects not yet opened the workplaces are planned, not existing.' }]),
	def('cw_anteil_gering', 'anteil_gering', {
		title: { de: 'Anteil der Förderung in gering besiedelten Gemeinden', en: 'Share of funding in thinly populated municipalities' },
		explanation: { de: 'Welcher Teil der bewilligten Förderung geht in Gemeinden der Klasse „gering besiedelt“?', en: 'What share of the funding granted goes to municipalities classed as thinly populated?' },
		unit: { de: '% der Fördersumme', en: '% of funding' },
		numerator: { de: 'Förderung an gering besiedelte Gemeinden', en: 'funding to thinly populated municipalities' },
		denominator: EUR
	}, [{ de: 'Besiedlungsdichte nach Gebietsstand 2019 (Destatis).', en: 'Degree of urbanisation as of 2019 (Destatis).' }]),
	def('cw_projekte_bewilligt', 'bewilligt', {
		title: { de: 'Bewilligte Coworking-Projekte', en: 'Coworking projects approved' },
		explanation: { de: 'Zahl der im Zeitraum bewilligten Projekte (auch wenn sie inzwischen eröffnet sind).', en: 'Number of projects approved in the period (including those opened since).' },
		unit: { de: 'Projekte', en: 'projects' },
		numerator: { de: 'Projekte mit Bewilligung im Zeitraum', en: 'projects approved in the period' },
		denominator: null
	}),
	def('cw_projekte_eroeffnet', 'eroeffnet', {
		title: { de: 'Eröffnete Coworking-Orte', en: 'Coworking spaces opened' },
		explanation: { de: 'Zahl der im Zeitraum eröffneten Projekte.', en: 'Number of projects opened in the period.' },
		unit: { de: 'Projekte', en: 'projects' },
		numerator: { de: 'Projekte mit Eröffnung im Zeitraum', en: 'projects opened in the period' },
		denominator: null
	})
];
