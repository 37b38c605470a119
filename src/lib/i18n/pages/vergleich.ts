/** UI texts of the page "Ämter-Vergleich" (German first; `en` must have the same keys). */
export const de = {
	'vergleich.title': 'Ämter-Vergleich',
	'vergleich.intro':
		'Ein Amt in Mecklenburg-Vorpommern neben seiner Vergleichsgruppe aus Baden-Württemberg: den 15 BW-Verbänden, die ihm in Einwohnerzahl und Besiedlungsdichte am ähnlichsten sind. Jede Kennzahl zeigt den Wert des Amtes (Kreis), den Median der Vergleichsgruppe mit ihrer mittleren Hälfte (Band) und die Mediane von ganz BW und MV. Unten: die Entwicklung seit Programmstart.',
	'filter.amt2': 'Vergleichen mit …',
	'filter.amt2None': '– kein zweites Amt –',
	'filter.amt2Hint': 'ein zweites Amt als Quadrat neben dem ersten',
	'filter.amt2Shown': 'im Vergleich mit {amt}',
	'vergleich.bothTitle': 'Beide Ämter, alle Kennzahlen',
	'vergleich.bothCaption': '{amt} und {amt2} neben der BW-Vergleichsgruppe von {amt} ({n} Verbände)'
} as const;
export const en: Record<keyof typeof de, string> = {
	'vergleich.title': 'Compare Ämter',
	'vergleich.intro':
		'An Amt in Mecklenburg-Western Pomerania beside its peer group from Baden-Württemberg: the 15 BW associations most similar in population and settlement density. Each indicator shows the Amt’s value (circle), the peer-group median with its middle half (band) and the medians of all BW and MV. Below: the development since programme start.',
	'filter.amt2': 'Compare with …',
	'filter.amt2None': '– no second Amt –',
	'filter.amt2Hint': 'a second Amt as a square beside the first',
	'filter.amt2Shown': 'compared with {amt}',
	'vergleich.bothTitle': 'Both Ämter, every indicator',
	'vergleich.bothCaption': '{amt} and {amt2} beside the BW peer group of {amt} ({n} associations)'
};
