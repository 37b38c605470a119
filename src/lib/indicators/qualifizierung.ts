/** Qualification of the Lotsen: the Grundlehrgang (seven modules) and module completions. SQL in qualifizierung-sql.ts. */
import type { IndicatorDef, Text } from './types';
import { GRUNDLEHRGANG_MODULE } from '../import/schemas';
import { absolventenSql, dauerSql, jahreSql, moduleSql, quoteSql } from './qualifizierung-sql';

const GL: Text = {
	de: `Grundlehrgang = alle sieben Module abgeschlossen (${GRUNDLEHRGANG_MODULE.join(', ')}).`,
	en: `Basic course = all seven modules completed (${GRUNDLEHRGANG_MODULE.join(', ')}).`
};
const STICHTAG: Text = {
	de: 'Stand ist das Ende des Zeitraums: Abschlüsse danach zählen nicht, auch wenn sie schon importiert sind.',
	en: 'As of the end of the period: completions after it do not count, even if already imported.'
};
const WOHNORT: Text = {
	de: 'Gebiet und Anbieter eines Lotsen: die Heimatgemeinde und der Anbieter seines ersten Grundlehrgangsmoduls.',
	en: "A navigator's area and provider: the home municipality and provider of their first basic-course module."
};
const KOHORTE: Text = {
	de: 'Kohorte: Lotsen, deren erstes Grundlehrgangsmodul im Zeitraum begann. Bei kurzen oder jungen Zeiträumen hatten viele noch keine Zeit für den Abschluss.',
	en: 'Cohort: navigators whose first basic-course module began in the period. For short or recent periods many have not had time to finish yet.'
};
const MEDIAN: Text = {
	de: 'Median der Tage vom Beginn des ersten bis zum Abschluss des letzten Grundlehrgangsmoduls, über die Lotsen, die den Grundlehrgang im Zeitraum abschlossen (bei gerader Zahl: Mittel der beiden mittleren Werte).',
	en: 'Median number of days from the start of the first to the completion of the last basic-course module, over navigators completing the course in the period (even count: mean of the two middle values).'
};

const base = {
	group: 'qualifizierung' as const,
	needs: ['qualifizierung' as const],
	sources: ['beispieldaten' as const],
	filters: []
};
const quote = {
	unit: { de: '% der Kohorte', en: '% of the cohort' },
	numerator: { de: 'davon mit abgeschlossenem Grundlehrgang (bis Ende des Zeitraums)', en: 'of these, with completed basic course (by the end of the period)' },
	denominator: { de: 'Lotsen mit erstem Grundlehrgangsmodul im Zeitraum', en: 'navigators whose first basic-course module began in the period' },
	factor: 100,
	caveats: [GL, KOHORTE, STICHTAG, WOHNORT]
};
const dauer = {
	unit: { de: 'Tage (Median)', en: 'days (median)' },
	numerator: { de: 'Tage vom ersten Modulbeginn bis zum letzten Modulabschluss', en: 'days from the first module start to the last module completion' },
	denominator: { de: 'Zahl der Absolventen im Zeitraum (n des Medians)', en: 'number of graduates in the period (n of the median)' },
	factor: null,
	formula: { de: 'Median(Tage vom ersten Modulbeginn bis zum letzten Modulabschluss); n = Absolventen im Zeitraum', en: 'median(days from first module start to last module completion); n = graduates in the period' },
	caveats: [GL, MEDIAN, WOHNORT]
};

export const QUALIFIZIERUNG: IndicatorDef[] = [
	{
		...base,
		id: 'gl_absolventen',
		shape: 'area',
		title: { de: 'Absolventen des Grundlehrgangs', en: 'Basic-course graduates' },
		explanation: { de: 'Lotsen, die im Zeitraum das letzte der sieben Grundlehrgangsmodule abschlossen.', en: 'Navigators who completed the last of the seven basic-course modules in the period.' },
		unit: { de: 'Lotsen', en: 'navigators' },
		numerator: { de: 'Lotsen mit Abschluss des siebten Moduls im Zeitraum', en: 'navigators completing the seventh module in the period' },
		denominator: null,
		factor: null,
		caveats: [GL, WOHNORT],
		sql: absolventenSql
	},
	{
		...base,
		...quote,
		id: 'gl_abschlussquote',
		shape: 'area',
		title: { de: 'Abschlussquote Grundlehrgang', en: 'Basic-course completion rate' },
		explanation: { de: 'Welcher Teil der Lotsen, die den Grundlehrgang im Zeitraum begannen, hat alle sieben Module abgeschlossen?', en: 'What share of the navigators who began the basic course in the period completed all seven modules?' },
		sql: (p) => quoteSql(p, null)
	},
	{
		...base,
		...dauer,
		id: 'gl_dauer_median',
		shape: 'area',
		title: { de: 'Dauer bis zum Grundlehrgangsabschluss (Median)', en: 'Time to complete the basic course (median)' },
		explanation: { de: 'Wie lange brauchen Lotsen vom ersten Modul bis zum Abschluss des Grundlehrgangs?', en: 'How long do navigators take from the first module to completing the basic course?' },
		sql: (p) => dauerSql(p, null)
	},
	{
		...base,
		...quote,
		id: 'gl_abschlussquote_anbieter',
		shape: 'breakdown',
		title: { de: 'Abschlussquote Grundlehrgang je Anbieter', en: 'Basic-course completion rate per provider' },
		explanation: { de: 'Abschlussquote des Grundlehrgangs getrennt nach Bildungsanbieter.', en: 'Completion rate of the basic course by training provider.' },
		sql: (p) => quoteSql(p, 'anbieter')
	},
	{
		...base,
		...dauer,
		id: 'gl_dauer_median_anbieter',
		shape: 'breakdown',
		title: { de: 'Dauer bis zum Grundlehrgangsabschluss je Anbieter (Median)', en: 'Time to complete the basic course per provider (median)' },
		explanation: { de: 'Median-Dauer des Grundlehrgangs getrennt nach Bildungsanbieter.', en: 'Median duration of the basic course by training provider.' },
		sql: (p) => dauerSql(p, 'anbieter')
	},
	{
		...base,
		id: 'gl_module_abschluesse',
		shape: 'breakdown',
		title: { de: 'Modulabschlüsse je Modul', en: 'Module completions per module' },
		explanation: { de: 'Abgeschlossene Module im Zeitraum, je Modul (Grundlehrgang und Aufbaumodule).', en: 'Modules completed in the period, per module (basic course and advanced modules).' },
		unit: { de: 'Abschlüsse', en: 'completions' },
		numerator: { de: 'Lotsen mit Abschluss des Moduls im Zeitraum', en: 'navigators completing the module in the period' },
		denominator: null,
		factor: null,
		caveats: [{ de: 'Gebiet: die im Kursdatensatz angegebene Heimatgemeinde.', en: 'Area: the home municipality given in the course record.' }],
		sql: moduleSql
	},
	{
		...base,
		id: 'gl_absolventen_jahr',
		shape: 'breakdown',
		title: { de: 'Absolventen des Grundlehrgangs je Jahr', en: 'Basic-course graduates per year' },
		explanation: { de: 'Absolventen des Grundlehrgangs nach Jahr des Abschlusses (nur Jahre im Zeitraum).', en: 'Basic-course graduates by year of completion (years within the period only).' },
		unit: { de: 'Lotsen', en: 'navigators' },
		numerator: { de: 'Lotsen mit Abschluss des siebten Moduls im Jahr', en: 'navigators completing the seventh module in the year' },
		denominator: null,
		factor: null,
		caveats: [GL, WOHNORT, { de: 'Angeschnittene Jahre am Rand des Zeitraums zählen nur ihre Monate im Zeitraum.', en: 'Partial years at the edges of the period only count their months inside it.' }],
		sql: jahreSql
	}
];
