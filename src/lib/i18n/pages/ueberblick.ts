/** UI texts of the page "Überblick" (German first; `en` must have the same keys). */
export const de = {
	'ueberblick.title': 'Überblick',
	'ueberblick.intro':
		'Die wichtigsten Kennzahlen der Kommunalen Digitallotsen in Mecklenburg-Vorpommern und Baden-Württemberg, daneben das gewählte Amt (Modellprojekt: Amt Dömitz-Malliß). Darunter der monatliche Verlauf der Kontakte und die Ämter in M-V im Programm im Vergleich.',
	'ueberblick.keyFigures.title': 'Kennzahlen auf einen Blick',
	'ueberblick.keyFigures.unit': 'Einheit',
	'ueberblick.keyFigures.loading': 'Kennzahlen werden geladen …',
	'ueberblick.keyFigures.error': 'Die Kennzahlen konnten nicht berechnet werden.'
} as const;
export const en: Record<keyof typeof de, string> = {
	'ueberblick.title': 'Overview',
	'ueberblick.intro':
		'The key figures of the municipal digital navigators (Kommunale Digitallotsen) in Mecklenburg-Western Pomerania and Baden-Württemberg, with the chosen Amt beside them (model project: Amt Dömitz-Malliß). Below: the monthly trend of contacts and the MV Ämter in the programme compared.',
	'ueberblick.keyFigures.title': 'Key figures at a glance',
	'ueberblick.keyFigures.unit': 'Unit',
	'ueberblick.keyFigures.loading': 'Loading key figures …',
	'ueberblick.keyFigures.error': 'The key figures could not be computed.'
};
