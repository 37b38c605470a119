/** UI texts shared by the dashboard pages: navigation, filters, chart menu. */
export const de = {
	'nav.ueberblick': 'Überblick',
	'nav.vergleich': 'Ämter-Vergleich',
	'nav.aeltere': 'Reichweite Ältere',
	'nav.qualifizierung': 'Qualifizierung',
	'nav.coworking': 'Coworking',
	'nav.methodik': 'Methodik',

	'filter.title': 'Filter',
	'filter.amt': 'Amt',
	'filter.amtSearch': 'Amt suchen',
	'filter.amtSearchHint': 'Namen eingeben, um die Liste zu kürzen',
	'filter.amtNoData': '(keine Einsätze)',
	'filter.from': 'Von (Monat)',
	'filter.to': 'Bis (Monat)',
	'filter.altersgruppe': 'Altersgruppe',
	'filter.format': 'Format',
	'filter.thema': 'Thema',
	'filter.all': 'alle',
	'filter.selected': '{n} gewählt',
	'filter.reset': 'Filter zurücksetzen',
	'filter.active': 'Aktive Filter: {list}',
	'filter.none': 'Keine Filter gesetzt: alle Altersgruppen, Formate und Themen.',
	'filter.period': 'Zeitraum {period}',

	'page.waiting': 'Die Daten werden noch geladen …',
	'page.loadError': 'Die Daten konnten nicht geladen werden. Details auf der Seite „Daten“.',
	'page.noActivity': 'Es sind keine Einsatzdaten geladen. Importieren Sie Dateien auf der Seite „Daten“.'
} as const;

export const en: Record<keyof typeof de, string> = {
	'nav.ueberblick': 'Overview',
	'nav.vergleich': 'Compare Ämter',
	'nav.aeltere': 'Reach among older people',
	'nav.qualifizierung': 'Qualification',
	'nav.coworking': 'Coworking',
	'nav.methodik': 'Methodology',

	'filter.title': 'Filters',
	'filter.amt': 'Amt',
	'filter.amtSearch': 'Search Amt',
	'filter.amtSearchHint': 'Type a name to shorten the list',
	'filter.amtNoData': '(no activities)',
	'filter.from': 'From (month)',
	'filter.to': 'To (month)',
	'filter.altersgruppe': 'Age group',
	'filter.format': 'Format',
	'filter.thema': 'Topic',
	'filter.all': 'all',
	'filter.selected': '{n} selected',
	'filter.reset': 'Reset filters',
	'filter.active': 'Active filters: {list}',
	'filter.none': 'No filters set: all age groups, formats and topics.',
	'filter.period': 'Period {period}',

	'page.waiting': 'The data is still loading …',
	'page.loadError': 'The data could not be loaded. Details on the “Data” page.',
	'page.noActivity': 'No activity data is loaded. Import files on the “Data” page.'
};
