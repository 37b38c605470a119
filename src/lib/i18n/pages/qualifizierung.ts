/** UI texts of the page "Qualifizierung" (German first; `en` must have the same keys). */
export const de = {
	'qualifizierung.title': 'Qualifizierung',
	'qualifizierung.intro':
		'Wie werden die Lotsen ausgebildet? In Baden-Württemberg besuchen sie den Grundlehrgang der Digitalakademie@bw mit sieben Modulen: Change-Management, Open Data, E-Government, E-Partizipation, Status quo der Digitalisierung, Unterstützungsangebote für Kommunen und Agiles Projektmanagement. Die Lotsen in Mecklenburg-Vorpommern werden an der Kreisvolkshochschule (KVHS) Ludwigslust-Parchim qualifiziert. Wer alle sieben Module abgeschlossen hat, zählt als Absolvent des Grundlehrgangs; Aufbaumodule sind freiwillig. Alle Werte gelten zum Ende des gewählten Zeitraums.'
} as const;
export const en: Record<keyof typeof de, string> = {
	'qualifizierung.title': 'Qualification',
	'qualifizierung.intro':
		'How are the navigators trained? In Baden-Württemberg they attend the basic course (Grundlehrgang) of the Digitalakademie@bw with seven modules: change management, open data, e-government, e-participation, status quo of digitalisation, support offers for municipalities and agile project management. The navigators in Mecklenburg-Western Pomerania are trained at the Kreisvolkshochschule (KVHS, district adult education centre) Ludwigslust-Parchim. Whoever has completed all seven modules counts as a basic-course graduate; advanced modules are optional. All values are as of the end of the chosen period.'
};
