/** UI texts of the page "Methodik" (German first; `en` must have the same keys). */
export const de = {
	'methodik.intro':
		'Wie jede Kennzahl des Monitors berechnet wird: Definition, Formel, Einheit, Quellen mit Stand und Hinweise zur Auslegung. Der Text wird aus demselben Indikatorregister erzeugt, das auch die Zahlen berechnet; Seite, Exporte und docs/methodik.md sagen daher dasselbe.',
	'methodik.toc': 'Inhalt',
	'methodik.rules': 'Grundsätze',
	'methodik.indicators': 'Kennzahlen',
	'methodik.id': 'Kennung',
	'methodik.formula': 'Formel',
	'methodik.numerator': 'Zähler',
	'methodik.denominator': 'Nenner',
	'methodik.unit': 'Einheit',
	'methodik.shape': 'Form',
	'methodik.needs': 'Benötigte Daten',
	'methodik.filters': 'Mögliche Filter',
	'methodik.sources': 'Quellen',
	'methodik.caveats': 'Hinweise',
	'methodik.none': 'keine',
	'methodik.stand': 'Stand',
	'methodik.referenceTitle': 'Quellen der Referenzdaten',
	'methodik.publisher': 'Herausgeber',
	'methodik.licence': 'Lizenz',
	'methodik.note': 'Hinweis',
	'methodik.top': 'Zum Inhalt'
} as const;
export const en: Record<keyof typeof de, string> = {
	'methodik.intro':
		'How each figure of the monitor is computed: definition, formula, unit, sources with their date and notes on interpretation. The text is generated from the same indicator registry that computes the numbers, so the page, the exports and docs/methodik.md all say the same.',
	'methodik.toc': 'Contents',
	'methodik.rules': 'Principles',
	'methodik.indicators': 'Indicators',
	'methodik.id': 'Identifier',
	'methodik.formula': 'Formula',
	'methodik.numerator': 'Numerator',
	'methodik.denominator': 'Denominator',
	'methodik.unit': 'Unit',
	'methodik.shape': 'Shape',
	'methodik.needs': 'Data needed',
	'methodik.filters': 'Possible filters',
	'methodik.sources': 'Sources',
	'methodik.caveats': 'Caveats',
	'methodik.none': 'none',
	'methodik.stand': 'as of',
	'methodik.referenceTitle': 'Sources of the reference data',
	'methodik.publisher': 'Publisher',
	'methodik.licence': 'Licence',
	'methodik.note': 'Note',
	'methodik.top': 'Back to contents'
};
