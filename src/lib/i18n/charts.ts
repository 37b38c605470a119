/**
 * Texts the chart specs compose (titles, summaries, notes) for the pages Ämter-Vergleich and
 * Reichweite Ältere and the shared notes. German first; `en` must have the same keys. Specs call
 * `translate(ctx.lang, key, params)`; numbers arrive already formatted in the language.
 */
export const de = {
	'chart.note.ignored': 'Der Filter {names} gilt für diese Kennzahl nicht (sie wird ohne ihn berechnet).',
	'chart.note.estimate': 'Schätzung: Einwohner ab 65 Jahren je Gemeinde = Einwohner × Anteil 65+ des Kreises (INKAR 2022).',
	'chart.title.estimate': 'Schätzung',
	'chart.note.landVsMedian':
		'MV und BW sind hier Landeswerte: alles im Land geteilt durch alle Einwohner des Landes, auch dort, wo keine Lotsen arbeiten. Der Ämter-Vergleich zeigt dagegen den Median der Ämter und Verbände im Programm – deshalb unterscheiden sich die Zahlen.',
	'chart.note.medianVsLand':
		'Median MV und Median BW: der mittlere Wert der Ämter und Verbände im Programm. Der Überblick zeigt dagegen Landeswerte (alles im Land geteilt durch alle Einwohner des Landes, auch wo keine Lotsen arbeiten) – deshalb unterscheiden sich die Zahlen.',
	'chart.filterName.altersgruppe': 'Altersgruppe',
	'chart.filterName.format': 'Format',
	'chart.filterName.thema': 'Thema',

	'chart.vergleich.peers': 'Vergleichsgruppe: {n} BW-Verbände',
	'chart.vergleich.aligned.title': 'Kontakte je 1.000 Einwohner seit Programmstart',
	'chart.vergleich.aligned.unit': 'Kontakte je 1.000 Einwohner',
	'chart.vergleich.aligned.note':
		'Monat 1 = erster Kalendermonat mit einem Einsatz im Gebiet; die Linie der Vergleichsgruppe ist der Median der BW-Verbände, die diesen Programmmonat erreicht haben.',

	'chart.aeltere.byGemeinde': '{indicator} nach Gemeinden – {amt}',
	'chart.aeltere.gemeinde': 'Gemeinde',
	'chart.aeltere.noValue65': 'Gemeinden ohne (geschätzte) Einwohner ab 65 haben keinen Wert (–).',
	'chart.aeltere.noValueShare': 'Gemeinden ohne Teilnahmen im Zeitraum haben keinen Wert (–).',
	'chart.aeltere.allZero': '{title} ({period}): in keiner der {n} Gemeinden gab es Teilnahmen ab 65 (alle Werte 0).',
	'chart.aeltere.window': '12 Monate bis {month}',
	'chart.aeltere.filterExcludes65':
		'Der Filter Altersgruppe {groups} schließt alle Personen ab 65 aus; für diese Kennzahl gibt es dann nichts zu zeigen.',
	'chart.aeltere.filterShare100':
		'Mit dem Filter Altersgruppe {groups} zählen nur Teilnahmen ab 65: Der Anteil ab 65 ist dann per Definition überall 100 % und sagt nichts aus.',
	'chart.aeltere.coverage.title': 'Abdeckung – {amt}',
	'chart.aeltere.coverage.share': 'Anteil',
	'chart.aeltere.coverage.gemeinden': 'Gemeinden mit Kontakt',
	'chart.aeltere.coverage.bevoelkerung': 'Einwohner abgedeckt',
	'chart.aeltere.coverage.summary':
		'{amt} ({window}): {gNum} von {gDen} Gemeinden hatten mindestens einen Kontakt ({gPct}); dort leben {bPct} der Einwohner ({bNum} von {bDen}).',
	'chart.aeltere.coverage.withContact': 'mit Kontakt',
	'chart.aeltere.coverage.total': 'insgesamt',
	'chart.aeltere.ohneKontakt.all': '{amt} ({window}): Alle Gemeinden hatten Kontakt ({n} von {n}).',
	'chart.aeltere.ohneKontakt.none': '{amt} ({window}): Keine der {n} Gemeinden hatte einen Kontakt (zusammen {ew}).',
	'chart.aeltere.ohneKontakt.some': '{amt} ({window}): {k} von {n} Gemeinden ohne Kontakt – {names} (zusammen {ew}).',
	'chart.aeltere.zwilling.title': 'Analog und online je digitalem Angebot – {amt}',
	'chart.aeltere.zwilling.unit': '% der Kontakte zum Angebot',
	'chart.aeltere.angebot': 'Digitales Angebot',
	'chart.aeltere.zwilling.rangeSame': 'analoger Anteil bei allen {n} Angeboten {p}',
	'chart.aeltere.zwilling.rangeOne': 'analoger Anteil bei {offer} {p}',
	'chart.aeltere.zwilling.range': 'analoger Anteil zwischen {lo} ({loOffer}) und {hi} ({hiOffer})',
	'chart.aeltere.zwilling.summary': '{amt} ({period}): {range}; bei {mostly} von {n} digitalen Angeboten mit Kontakten überwiegen analoge Kontakte.',
	'chart.aeltere.zwilling.online': 'Online-Kontakte zum Angebot',
	'chart.aeltere.zwilling.without': 'Ohne analoge oder Online-Kontakte im Zeitraum (nicht gezeigt): {list}.',
	'chart.aeltere.formatFilter':
		'Der Formatfilter gilt auch hier: Gezählt werden nur Kontakte in den gewählten Formaten ({list}); der Anteil analog/online ergibt sich dann aus dem Filter.',
	'chart.aeltere.ohneAnalog.one': '{amt} ({period}): 1 digitales Angebot nur online – {names}.',
	'chart.aeltere.ohneAnalog.many': '{amt} ({period}): {n} digitale Angebote nur online – {names}.',
	'chart.aeltere.ohneAnalog.every': '{amt} ({period}): Zu jedem digitalen Angebot mit Online-Kontakten gab es auch analoge Kontakte.'
} as const;

export const en: Record<keyof typeof de, string> = {
	'chart.note.ignored': 'The {names} filter does not apply to this indicator (it is computed without it).',
	'chart.note.estimate': 'Estimate: inhabitants aged 65+ per municipality = inhabitants × the district share 65+ (INKAR 2022).',
	'chart.title.estimate': 'estimate',
	'chart.note.landVsMedian':
		'MV and BW are Land totals here: everything in the Land divided by all its inhabitants, including places where no navigators work. The Ämter comparison shows the median of the Ämter and associations in the programme instead – that is why the figures differ.',
	'chart.note.medianVsLand':
		'MV median and BW median: the middle value of the Ämter and associations in the programme. The Overview shows Land totals instead (everything in the Land divided by all its inhabitants, including places where no navigators work) – that is why the figures differ.',
	'chart.filterName.altersgruppe': 'age group',
	'chart.filterName.format': 'format',
	'chart.filterName.thema': 'topic',

	'chart.vergleich.peers': 'Peer group: {n} BW associations',
	'chart.vergleich.aligned.title': 'Contacts per 1,000 inhabitants since programme start',
	'chart.vergleich.aligned.unit': 'contacts per 1,000 inhabitants',
	'chart.vergleich.aligned.note':
		'Month 1 = first calendar month with an activity in the area; the peer line is the median of the BW associations that have reached that programme month.',

	'chart.aeltere.byGemeinde': '{indicator} by municipality – {amt}',
	'chart.aeltere.gemeinde': 'Municipality',
	'chart.aeltere.noValue65': 'Municipalities without (estimated) inhabitants aged 65+ have no value (–).',
	'chart.aeltere.noValueShare': 'Municipalities without participations in the period have no value (–).',
	'chart.aeltere.allZero': '{title} ({period}): no participations aged 65+ in any of the {n} municipalities (all values 0).',
	'chart.aeltere.window': '12 months to {month}',
	'chart.aeltere.filterExcludes65':
		'The age group filter {groups} excludes everyone aged 65+; for this indicator there is then nothing to show.',
	'chart.aeltere.filterShare100':
		'With the age group filter {groups} only participations aged 65+ are counted: the share aged 65+ is then 100 % everywhere by definition and says nothing.',
	'chart.aeltere.coverage.title': 'Coverage – {amt}',
	'chart.aeltere.coverage.share': 'Share',
	'chart.aeltere.coverage.gemeinden': 'Municipalities reached',
	'chart.aeltere.coverage.bevoelkerung': 'Inhabitants covered',
	'chart.aeltere.coverage.summary':
		'{amt} ({window}): {gNum} of {gDen} municipalities had at least one contact ({gPct}); they are home to {bPct} of the inhabitants ({bNum} of {bDen}).',
	'chart.aeltere.coverage.withContact': 'with contact',
	'chart.aeltere.coverage.total': 'total',
	'chart.aeltere.ohneKontakt.all': '{amt} ({window}): All municipalities had contact ({n} of {n}).',
	'chart.aeltere.ohneKontakt.none': '{amt} ({window}): none of the {n} municipalities had a contact (together {ew}).',
	'chart.aeltere.ohneKontakt.some': '{amt} ({window}): {k} of {n} municipalities without contact – {names} (together {ew}).',
	'chart.aeltere.zwilling.title': 'Analog and online per digital offer – {amt}',
	'chart.aeltere.zwilling.unit': '% of contacts about the offer',
	'chart.aeltere.angebot': 'Digital offer',
	'chart.aeltere.zwilling.rangeSame': 'analog share {p} for all {n} offers',
	'chart.aeltere.zwilling.rangeOne': 'analog share for {offer} {p}',
	'chart.aeltere.zwilling.range': 'analog share between {lo} ({loOffer}) and {hi} ({hiOffer})',
	'chart.aeltere.zwilling.summary': '{amt} ({period}): {range}; analog contacts prevail for {mostly} of {n} digital offers with contacts.',
	'chart.aeltere.zwilling.online': 'online contacts about the offer',
	'chart.aeltere.zwilling.without': 'No analog or online contacts in the period (not shown): {list}.',
	'chart.aeltere.formatFilter':
		'The format filter applies here too: only contacts in the chosen formats ({list}) count, so the analog/online balance follows from the filter.',
	'chart.aeltere.ohneAnalog.one': '{amt} ({period}): 1 digital offer only online – {names}.',
	'chart.aeltere.ohneAnalog.many': '{amt} ({period}): {n} digital offers only online – {names}.',
	'chart.aeltere.ohneAnalog.every': '{amt} ({period}): every digital offer with online contacts also had analog contacts.'
};
