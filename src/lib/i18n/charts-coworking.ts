/** Texts the Coworking specs compose. German first; `en` must have the same keys. */
export const de = {
	'chart.cw.programme.one': 'Förderprogramm {list}',
	'chart.cw.programme.many': 'Förderprogramme {list}',
	'chart.cw.kreisShort': 'LK {name}',
	'chart.cw.cityShort': '{name} (Stadt)',
	'chart.cw.foerderTitle': 'Bewilligte Coworking-Förderung nach Gemeinden in M-V',
	'chart.cw.gemeinde': 'Gemeinde',
	'chart.cw.together.one': 'zusammen {total} in 1 Gemeinde',
	'chart.cw.together.many': 'zusammen {total} in {n} Gemeinden',
	'chart.cw.noFunding': 'Coworking-Förderung in M-V ({period}): im Zeitraum wurde keine Förderung bewilligt.',
	'chart.cw.byKreis': '{title} nach Kreisen in M-V',
	'chart.cw.kreis': 'Kreis',
	'chart.cw.mvTotal': 'M-V insgesamt {value}',
	'chart.cw.noShare': 'Kreise ohne bewilligte Förderung im Zeitraum haben keinen Anteil (–).',
	'chart.cw.statusTitle': 'Coworking-Projekte in M-V: bewilligt und eröffnet',
	'chart.cw.projects': 'Projekte',
	'chart.cw.approved': 'bewilligt',
	'chart.cw.opened': 'eröffnet',
	'chart.cw.statusSummary': 'M-V ({period}): {approved} Coworking-Projekte bewilligt und {opened} Coworking-Orte eröffnet.',
	'chart.cw.statusNote':
		'Bewilligt zählt im Zeitraum der Bewilligung, eröffnet im Zeitraum der Eröffnung: ein Projekt kann in beiden Balken stehen, oder die Eröffnung fällt in einen späteren Zeitraum.'
} as const;

export const en: Record<keyof typeof de, string> = {
	'chart.cw.programme.one': 'funding programme {list}',
	'chart.cw.programme.many': 'funding programmes {list}',
	'chart.cw.kreisShort': '{name}',
	'chart.cw.cityShort': '{name} (city)',
	'chart.cw.foerderTitle': 'Coworking funding granted by municipality in M-V',
	'chart.cw.gemeinde': 'Municipality',
	'chart.cw.together.one': 'together {total} in 1 municipality',
	'chart.cw.together.many': 'together {total} in {n} municipalities',
	'chart.cw.noFunding': 'Coworking funding in M-V ({period}): no funding was granted in the period.',
	'chart.cw.byKreis': '{title} by district in M-V',
	'chart.cw.kreis': 'District',
	'chart.cw.mvTotal': 'M-V overall {value}',
	'chart.cw.noShare': 'Districts without funding granted in the period have no share (–).',
	'chart.cw.statusTitle': 'Coworking projects in M-V: approved and opened',
	'chart.cw.projects': 'projects',
	'chart.cw.approved': 'approved',
	'chart.cw.opened': 'opened',
	'chart.cw.statusSummary': 'M-V ({period}): {approved} coworking projects approved and {opened} coworking spaces opened.',
	'chart.cw.statusNote': 'Approved counts in the period of approval, opened in the period of opening: a project may appear in both bars, or open in a later period.'
};
