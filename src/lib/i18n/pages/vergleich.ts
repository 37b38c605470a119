/** UI texts of the page "Ämter-Vergleich" (German first; `en` must have the same keys). */
export const de = {
	'vergleich.title': 'Ämter-Vergleich',
	'vergleich.intro':
		'Ein Amt in Mecklenburg-Vorpommern neben seiner Vergleichsgruppe aus Baden-Württemberg: den 15 BW-Verbänden, die ihm in Einwohnerzahl und Besiedlungsdichte am ähnlichsten sind. Jede Kennzahl zeigt den Wert des Amtes (Kreis), den Median der Vergleichsgruppe mit ihrer mittleren Hälfte (Band) und die Mediane von ganz BW und MV. Unten: die Entwicklung seit Programmstart.'
} as const;
export const en: Record<keyof typeof de, string> = {
	'vergleich.title': 'Compare Ämter',
	'vergleich.intro':
		'An Amt in Mecklenburg-Western Pomerania beside its peer group from Baden-Württemberg: the 15 BW associations most similar in population and settlement density. Each indicator shows the Amt’s value (circle), the peer-group median with its middle half (band) and the medians of all BW and MV. Below: the development since programme start.'
};
