/** UI texts of the page "coworking" (German first; `en` must have the same keys). */
export const de = {
	'coworking.title': 'Coworking',
	'coworking.intro':
		'Die Förderung von Coworking-Orten in Mecklenburg-Vorpommern (Programm ILERL M-V) im gewählten Zeitraum: die bewilligten Summen je Gemeinde, bewilligte und eröffnete Projekte, Förderung und Arbeitsplätze im Verhältnis zur Einwohnerzahl je Kreis und wie viel der Förderung in gering besiedelte Gemeinden geht. Bewilligungen zählen im Monat der Bewilligung, Eröffnungen im Monat der Eröffnung.'
} as const;
export const en: Record<keyof typeof de, string> = {
	'coworking.title': 'Coworking',
	'coworking.intro':
		'Funding for coworking spaces in Mecklenburg-Western Pomerania (programme ILERL M-V) in the chosen period: the sums granted per municipality, projects approved and opened, funding and workplaces relative to population per district, and how much of the funding goes to thinly populated municipalities. Approvals count in the month of approval, openings in the month of opening.'
};
