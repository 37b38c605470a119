/**
 * Fixed words of the charts, their tables and the Chart component, German first.
 * (Candidates for src/lib/i18n/messages.ts as `chart.*` keys; kept here so builders stay pure.)
 */
import type { Lang } from './types';

const de = {
	source: 'Quelle',
	stand: 'Stand',
	sample: 'Beispieldaten',
	sampleTitle: 'Synthetische Beispieldaten, keine echten Einsatzdaten',
	area: 'Gebiet',
	value: 'Wert',
	numerator: 'Zähler',
	denominator: 'Nenner',
	note: 'Hinweis',
	estimate: 'Schätzung',
	category: 'Kategorie',
	indicator: 'Kennzahl',
	unit: 'Einheit',
	month: 'Monat',
	monthly: 'Monatswert',
	mean3m: 'Gleitender Dreimonatsmittelwert',
	programmeMonth: 'Programmmonat',
	calendarMonth: 'Kalendermonat',
	peerRange: 'BW-Vergleichsgruppe, mittlere Hälfte (Q1–Q3)',
	peerMedian: 'Median der BW-Vergleichsgruppe',
	peerQ1: 'Vergleichsgruppe Q1',
	peerQ3: 'Vergleichsgruppe Q3',
	peerN: 'Gebiete in der Vergleichsgruppe',
	peerReached: 'Vergleichsgebiete, die diesen Programmmonat erreicht haben',
	bwMedian: 'Median BW (alle Verbände)',
	mvMedian: 'Median MV (alle Verbände)',
	percentile: 'Perzentilrang in der Vergleichsgruppe (%)',
	percentileShort: 'Perzentilrang (%)',
	otherAreas: 'Weitere Gebiete',
	showTable: 'Datentabelle anzeigen',
	definition: 'Definition',
	definitionTitle: 'Zur Methodik: wie diese Kennzahl berechnet wird',
	loading: 'Diagramm wird geladen …',
	empty: 'Keine Daten für die gewählte Auswahl',
	error: 'Das Diagramm konnte nicht erstellt werden.'
};

export type ChartLabels = typeof de;

const en: ChartLabels = {
	source: 'Source',
	stand: 'As of',
	sample: 'Sample data',
	sampleTitle: 'Synthetic sample data, not real activity data',
	area: 'Area',
	value: 'Value',
	numerator: 'Numerator',
	denominator: 'Denominator',
	note: 'Note',
	estimate: 'estimate',
	category: 'Category',
	indicator: 'Indicator',
	unit: 'Unit',
	month: 'Month',
	monthly: 'Monthly value',
	mean3m: '3-month moving average',
	programmeMonth: 'Programme month',
	calendarMonth: 'Calendar month',
	peerRange: 'BW peer group, middle half (Q1–Q3)',
	peerMedian: 'BW peer-group median',
	peerQ1: 'Peer group Q1',
	peerQ3: 'Peer group Q3',
	peerN: 'Areas in the peer group',
	peerReached: 'Peers that have reached this programme month',
	bwMedian: 'BW median (all Verbände)',
	mvMedian: 'MV median (all Verbände)',
	percentile: 'Percentile rank among peers (%)',
	percentileShort: 'Percentile rank (%)',
	otherAreas: 'Other areas',
	showTable: 'Show data table',
	definition: 'Definition',
	definitionTitle: 'Methodology: how this indicator is computed',
	loading: 'Loading chart …',
	empty: 'No data for the selected filters',
	error: 'The chart could not be drawn.'
};

export const CHART_LABELS: Record<Lang, ChartLabels> = { de, en };

export function chartLabels(lang: Lang): ChartLabels {
	return CHART_LABELS[lang];
}
