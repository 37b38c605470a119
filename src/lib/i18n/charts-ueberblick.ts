/**
 * Texts the Überblick specs compose (titles, summaries, notes). German first; `en` must have the
 * same keys. Numbers arrive already formatted in the language.
 */
export const de = {
	'chart.ueberblick.keySummary': '{period}: {mv} {mvContacts} ({mvRate}), {bw} {bwContacts} ({bwRate}), {amt} {amtContacts} ({amtRate}).',
	'chart.ueberblick.landVsMedian':
		'Die Werte für MV und BW sind Landeswerte: alle Kontakte geteilt durch alle Einwohner des Landes. Der Median der Ämter im Programm – das mittlere Amt – liegt in MV bei {mvMedian} und in BW bei {bwMedian} {unit}; er weicht vom Landeswert ab, weil dieser auch die Einwohner zählt, bei denen keine Lotsen arbeiten.',
	'chart.ueberblick.trendTitle': 'Kontakte je Monat: {name}',
	'chart.ueberblick.rankingTitle': 'Ämter in M-V im Programm: Kontakte je 1.000 Einwohner',
	'chart.ueberblick.rankingArea': 'Amt / amtsfreie Gemeinde',
	'chart.ueberblick.rankingNote':
		'Im Programm: Ämter und amtsfreie Gemeinden mit mindestens einem Einsatz seit Programmbeginn; das gewählte Amt ist immer dabei.'
} as const;

export const en: Record<keyof typeof de, string> = {
	'chart.ueberblick.keySummary': '{period}: {mv} {mvContacts} ({mvRate}), {bw} {bwContacts} ({bwRate}), {amt} {amtContacts} ({amtRate}).',
	'chart.ueberblick.landVsMedian':
		'The figures for MV and BW are Land totals: all contacts divided by all inhabitants of the Land. The median of the Ämter in the programme – the middle Amt – is {mvMedian} in MV and {bwMedian} in BW {unit}; it differs from the Land total because the total also counts the inhabitants where no navigators work.',
	'chart.ueberblick.trendTitle': 'Contacts per month: {name}',
	'chart.ueberblick.rankingTitle': 'MV Ämter in the programme: contacts per 1,000 inhabitants',
	'chart.ueberblick.rankingArea': 'Amt / unassociated municipality',
	'chart.ueberblick.rankingNote': 'In the programme: Ämter and unassociated municipalities with at least one activity since the programme began; the chosen Amt is always included.'
};
