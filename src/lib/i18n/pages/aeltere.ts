/** UI texts of the page "aeltere" (German first; `en` must have the same keys). */
export const de = {
	'aeltere.title': 'Reichweite Ältere',
	'aeltere.intro':
		'Wie gut erreichen die Digitallotsen eines Amtes Menschen ab 65 Jahren? Oben je Gemeinde die Teilnahmen ab 65 im Verhältnis zu den älteren Einwohnern und ihr Anteil an allen Teilnahmen, darunter die Abdeckung: welche Gemeinden in den letzten 12 Monaten Kontakt hatten und welche nicht. Unten der „analoge Zwilling“: Zu jedem digitalen Angebot (etwa BundID oder E-Rezept) soll es auch einen analogen Zugang geben – Sprechstunde vor Ort, Hausbesuch, Bürgerdialog oder Telefon –, damit niemand nur online Hilfe findet.'
} as const;
export const en: Record<keyof typeof de, string> = {
	'aeltere.title': 'Reach among older people',
	'aeltere.intro':
		'How well do an Amt’s digital guides reach people aged 65 and over? At the top, per municipality, participations aged 65+ relative to the older inhabitants and their share of all participations; below that, coverage: which municipalities had contact in the last 12 months and which did not. At the bottom the “analog twin”: every digital offer (such as BundID or the e-prescription) should also have an analog way in – office hours on site, home visits, citizen dialogues or the telephone – so that nobody finds help only online.'
};
