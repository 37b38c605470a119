/** Texts the Qualifizierung specs compose. German first; `en` must have the same keys. */
export const de = {
	'chart.quali.land': 'Land',
	'chart.quali.moduleTitle': 'Modulabschlüsse je Modul: {name}',
	'chart.quali.module': 'Modul',
	'chart.quali.provider': 'Anbieter (Land)',
	'chart.quali.providerN': 'n = Zahl der Absolventen im Zeitraum, über die der Median gebildet ist.',
	'chart.quali.providerShown': 'Gezeigt werden Anbieter mit mindestens einem Lotsen in der Kohorte.',
	'chart.quali.yearLand': 'Jahr und Land',
	'chart.quali.moduleNote':
		'Die ersten sieben Module bilden den Grundlehrgang; die Aufbaumodule sind freiwillig. Gezählt werden Lotsen mit Abschluss des Moduls im Zeitraum.',
	'chart.quali.yearNote': 'Alle Jahre seit dem ersten Kursbeginn in den Daten ({first}) bis zum Ende des gewählten Zeitraums; M-V hervorgehoben.'
} as const;

export const en: Record<keyof typeof de, string> = {
	'chart.quali.land': 'Land',
	'chart.quali.moduleTitle': 'Module completions per module: {name}',
	'chart.quali.module': 'Module',
	'chart.quali.provider': 'Provider (Land)',
	'chart.quali.providerN': 'n = number of graduates in the period the median is taken over.',
	'chart.quali.providerShown': 'Shown are providers with at least one navigator in the cohort.',
	'chart.quali.yearLand': 'Year and Land',
	'chart.quali.moduleNote':
		'The first seven modules make up the basic course; the advanced modules are optional. Counted are navigators completing the module in the period.',
	'chart.quali.yearNote': 'Every year since the first course start in the data ({first}) up to the end of the chosen period; MV highlighted.'
};
