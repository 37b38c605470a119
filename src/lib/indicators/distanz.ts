/**
 * Reach by distance: how far do people have to go to the nearest place where a Lotse was there
 * in person for everyone (a "Sprechstunde vor Ort" or a "Bürgerdialog") in the period?
 *
 * Per Gemeinde: the great-circle (haversine) distance from its centroid (reference table
 * `gemeinden`, lon/lat of the Gemeindeverzeichnis) to the nearest Gemeinde of the same Land with
 * at least one such activity in the period; 0 km where there was one in the Gemeinde itself.
 * Per larger area: (1) the distance weighted by inhabitants aged 65+, (2) the share of people
 * aged 65+ (estimate unless official figures were imported) living in Gemeinden more than
 * 10 km from one. Without any such place in the Land in the period there is no value (NULL),
 * never a made-up distance.
 */
import type { IndicatorDef, IndicatorParams, Text } from './types';
import { rowColumns, scope } from './scope';
import { litList } from './sql-lit';

/** formats where the Lotse is present in the Gemeinde for everyone who comes (import/schemas.ts FORMATE) */
export const VOR_ORT_FORMATE = ['Sprechstunde vor Ort', 'Bürgerdialog'];
/** the threshold of the share indicator, km */
export const DISTANZ_SCHWELLE_KM = 10;
/** mean Earth radius (IUGG), km */
export const ERDRADIUS_KM = 6371.0088;

/** haversine distance in km between two lon/lat points given as SQL expressions in degrees */
export function haversineSql(lon1: string, lat1: string, lon2: string, lat2: string): string {
	return `2 * ${ERDRADIUS_KM} * asin(sqrt(
		power(sin(radians(${lat2} - ${lat1}) / 2), 2)
		+ cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2)))`;
}

/**
 * CTEs after the scope's: `orte` (Gemeinden with a Sprechstunde vor Ort or Bürgerdialog in the
 * period) and `dist` (per Gemeinde of `geo`: km to the nearest of them in the same Land and its name).
 */
function distanceCtes(p: IndicatorParams) {
	const s = scope(p, []);
	const ctes = `${s.ctes},
	orte AS (
		SELECT g.ags, g.name, g.land, g.lon, g.lat
		FROM gemeinden g
		WHERE g.ags IN (SELECT s.ags FROM s_einsaetze s
			WHERE s.monat BETWEEN ${s.fromD} AND ${s.toD} AND s.format IN ${litList(VOR_ORT_FORMATE)} AND s.kontakte > 0)),
	dist AS (
		SELECT ags, arg_min(ort, km) AS naechster_ort, min(km) AS km
		FROM (SELECT g.ags, o.name AS ort, ${haversineSql('g.lon', 'g.lat', 'o.lon', 'o.lat')} AS km
			FROM gemeinden g JOIN orte o ON o.land = g.land
			WHERE g.ags IN (SELECT ags FROM geo))
		GROUP BY ags)`;
	return { s, ctes };
}

function distanzSql(p: IndicatorParams): string {
	const { s, ctes } = distanceCtes(p);
	// one Gemeinde: its own distance; larger areas: weighted by inhabitants 65+ (NULL without any place in the Land)
	return `WITH ${ctes},
	f AS (
		SELECT geo.key,
			CASE WHEN count(d.km) = 0 THEN NULL
				WHEN count(*) = 1 THEN min(d.km)
				ELSE sum(d.km * geo.ew65) / NULLIF(sum(CASE WHEN d.km IS NOT NULL THEN geo.ew65 END), 0) END AS km,
			CASE WHEN count(*) = 1 THEN min(d.naechster_ort) END AS naechster_ort
		FROM geo LEFT JOIN dist d ON d.ags = geo.ags
		GROUP BY geo.key)
	${rowColumns(s, 'f.km', null, null, 'f.naechster_ort AS category, a.estimate AS estimate')}
	FROM areas a LEFT JOIN f ON f.key = a.key
	ORDER BY a.key`;
}

function anteilSql(p: IndicatorParams): string {
	const { s, ctes } = distanceCtes(p);
	return `WITH ${ctes},
	f AS (
		SELECT geo.key,
			sum(CASE WHEN d.km > ${DISTANZ_SCHWELLE_KM} THEN geo.ew65 ELSE 0 END) AS n,
			-- no place in the Land at all: no distance, so no share
			count(d.km) > 0 AS known
		FROM geo LEFT JOIN dist d ON d.ags = geo.ags
		GROUP BY geo.key)
	${rowColumns(s, 'CASE WHEN f.known THEN f.n END', 'CASE WHEN f.known THEN a.ew65 END', 100, 'a.estimate AS estimate')}
	FROM areas a LEFT JOIN f ON f.key = a.key
	ORDER BY a.key`;
}

const LUFTLINIE: Text = {
	de: 'Luftlinie zwischen den Mittelpunkten der Gemeinden (Haversine-Formel, Erdradius 6.371 km), nicht Weg oder Fahrzeit; wer am Rand einer großen Gemeinde wohnt, hat es weiter.',
	en: 'Straight-line distance between the centres of the municipalities (haversine formula, Earth radius 6,371 km), not road distance or travel time; people at the edge of a large municipality travel further.'
};
const ORTE: Text = {
	de: 'Als Ort zählt jede Gemeinde mit mindestens einer „Sprechstunde vor Ort“ oder einem „Bürgerdialog“ im Zeitraum, auch in einem anderen Amt desselben Landes. Hausbesuche, Telefon und Online zählen nicht.',
	en: 'A place is any municipality with at least one "Sprechstunde vor Ort" (office hours) or "Bürgerdialog" (citizen dialogue) in the period, also in another Amt of the same Land. Home visits, phone and online do not count.'
};
const KEIN_ORT: Text = {
	de: 'Gab es im Land im Zeitraum keinen solchen Ort, hat die Kennzahl keinen Wert (–). Die Filter Format, Altersgruppe und Thema gelten nicht.',
	en: 'If there was no such place in the Land in the period, the indicator has no value (–). The format, age group and topic filters do not apply.'
};

export const DISTANZ: IndicatorDef[] = [
	{
		id: 'distanz_vor_ort_km',
		group: 'abdeckung',
		shape: 'area',
		title: { de: 'Entfernung zum nächsten Vor-Ort-Angebot', en: 'Distance to the nearest in-person offer' },
		explanation: {
			de: 'Wie weit ist es von einer Gemeinde bis zur nächsten Gemeinde, in der im Zeitraum eine Sprechstunde vor Ort oder ein Bürgerdialog stattfand? 0 km: in der Gemeinde selbst. Für Ämter und größere Gebiete: Mittel über ihre Gemeinden, gewichtet mit den Einwohnern ab 65.',
			en: 'How far is it from a municipality to the nearest municipality with office hours on site or a citizen dialogue in the period? 0 km: in the municipality itself. For Ämter and larger areas: mean over their municipalities, weighted by inhabitants aged 65+.'
		},
		unit: { de: 'km', en: 'km' },
		numerator: { de: 'Entfernung in km (Luftlinie)', en: 'distance in km (straight line)' },
		denominator: null,
		factor: null,
		formula: {
			de: 'min über Orte o im selben Land: 2 · 6.371 km · asin(√(sin²(Δφ/2) + cos φ₁ · cos φ₂ · sin²(Δλ/2))); Gebiete: Σ(km × Einwohner 65+) ÷ Σ Einwohner 65+',
			en: 'min over places o in the same Land: 2 · 6,371 km · asin(√(sin²(Δφ/2) + cos φ₁ · cos φ₂ · sin²(Δλ/2))); areas: Σ(km × inhabitants 65+) ÷ Σ inhabitants 65+'
		},
		estimateColumn: true,
		needs: ['einsaetze'],
		sources: ['beispieldaten', 'destatis_gv_2023'],
		caveats: [LUFTLINIE, ORTE, KEIN_ORT],
		filters: [],
		sql: distanzSql
	},
	{
		id: 'anteil_65plus_ueber_10km',
		group: 'abdeckung',
		shape: 'area',
		title: { de: 'Einwohner ab 65 über 10 km vom nächsten Vor-Ort-Angebot (Schätzung)', en: 'Inhabitants 65+ over 10 km from the nearest in-person offer (estimate)' },
		explanation: {
			de: 'Welcher Teil der Menschen ab 65 wohnt in einer Gemeinde, deren Mittelpunkt mehr als 10 km Luftlinie von der nächsten Gemeinde mit Sprechstunde vor Ort oder Bürgerdialog im Zeitraum entfernt ist?',
			en: 'What share of people aged 65+ live in a municipality whose centre is more than 10 km (straight line) from the nearest municipality with office hours on site or a citizen dialogue in the period?'
		},
		unit: { de: '% der Einwohner ab 65', en: '% of inhabitants aged 65+' },
		numerator: { de: 'Einwohner ab 65 in Gemeinden mit mehr als 10 km Entfernung', en: 'inhabitants aged 65+ in municipalities more than 10 km away' },
		denominator: { de: 'Einwohner ab 65 (amtlich, sonst Schätzung)', en: 'inhabitants aged 65+ (official, else estimated)' },
		factor: 100,
		estimateColumn: true,
		needs: ['einsaetze'],
		sources: ['beispieldaten', 'inkar_2022', 'destatis_gv_2023'],
		caveats: [
			{
				de: 'Schätzung: Ohne importierte amtliche Zahlen ist die Zahl der Einwohner ab 65 geschätzt (Einwohner der Gemeinde × Anteil 65+ des Kreises, INKAR 2022).',
				en: 'Estimate: without imported official figures, inhabitants aged 65+ are estimated (municipal population × district share aged 65+, INKAR 2022).'
			},
			{ de: 'Alle Einwohner einer Gemeinde zählen mit der Entfernung ihres Mittelpunkts.', en: 'All inhabitants of a municipality count with the distance of its centre.' },
			LUFTLINIE,
			ORTE,
			KEIN_ORT
		],
		filters: [],
		sql: anteilSql
	}
];
