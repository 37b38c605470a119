/** UI texts of the page "karte" (German first; `en` must have the same keys). */
export const de = {
	'nav.karte': 'Karte',
	'karte.title': 'Karte',
	'karte.intro':
		'Wo wirken die Digitallotsen? Oben die Gemeinden des gewählten Amtes, darunter die Gemeinden seines Landkreises, unten alle Ämter und Verbände in Mecklenburg-Vorpommern und Baden-Württemberg. Je dunkler die Fläche, desto höher der Wert; schraffierte Flächen haben keine Daten. Ein Klick auf ein MV-Amt wählt es als Amt für alle Seiten, ein Klick auf eine Gemeinde zeigt ihre Werte. Jede Karte hat eine Datentabelle mit denselben Werten.',
	'karte.gemeinden': 'Gemeinden des Amtes',
	'karte.kreis': 'Gemeinden des Landkreises (die Gemeinden des Amtes umrandet)',
	'karte.aemter': 'Ämter und Verbände in MV und BW',
	'karte.geoLoading': 'Kartengrenzen werden geladen …',
	'karte.geoError': 'Die Kartengrenzen konnten nicht geladen werden: {message}',
	'karte.detail': 'Werte für {name}',
	'karte.close': 'Schließen',
	'karte.chooseGemeinde': 'Werte einer Gemeinde anzeigen:'
} as const;
export const en: Record<keyof typeof de, string> = {
	'nav.karte': 'Map',
	'karte.title': 'Map',
	'karte.intro':
		'Where are the digital navigators active? At the top the municipalities of the chosen Amt, then those of its district, below all Ämter and associations in Mecklenburg-Western Pomerania and Baden-Württemberg. The darker an area, the higher its value; hatched areas have no data. Clicking an MV Amt chooses it for every page, clicking a municipality shows its figures. Every map has a data table with the same values.',
	'karte.gemeinden': 'Municipalities of the Amt',
	'karte.kreis': 'Municipalities of the district (those of the Amt outlined)',
	'karte.aemter': 'Ämter and associations in MV and BW',
	'karte.geoLoading': 'Loading map boundaries …',
	'karte.geoError': 'The map boundaries could not be loaded: {message}',
	'karte.detail': 'Figures for {name}',
	'karte.close': 'Close',
	'karte.chooseGemeinde': 'Show the figures of a municipality:'
};
