/**
 * Sources and Stand of the reference data. They travel with the tables (table `quellen`) so
 * that every view and export can name them.
 */
export interface Quelle {
	id: string;
	tabelle: string;
	titel: string;
	herausgeber: string;
	stand: string;
	lizenz: string;
	hinweis: string;
}

export const QUELLEN: Quelle[] = [
	{
		id: 'destatis_gv_2023',
		tabelle: 'gemeinden;verbaende',
		titel: 'Gemeindeverzeichnis GV-ISys, Auszug 31.12.2023',
		herausgeber: 'Statistisches Bundesamt (Destatis)',
		stand: '31.12.2023',
		lizenz: '© Statistisches Bundesamt (Destatis), 2024 – Vervielfältigung und Verbreitung, auch auszugsweise, mit Quellenangabe gestattet',
		hinweis: 'Bevölkerung fortgeschrieben auf Basis des Zensus 2011'
	},
	{
		id: 'destatis_gv_2019',
		tabelle: 'gemeinden.dichte_klasse',
		titel: 'Gemeindeverzeichnis GV-ISys, Verstädterung (Besiedlungsdichte), 31.12.2019',
		herausgeber: 'Statistisches Bundesamt (Destatis)',
		stand: '31.12.2019',
		lizenz: 'dl-de/by-2-0',
		hinweis: 'Gebietsstand 2019, über den AGS zugeordnet'
	},
	{
		id: 'inkar_2022',
		tabelle: 'kreise_alter;gemeinden.einwohner_65plus_schaetzung',
		titel: 'INKAR, Anteil der Einwohner ab 65 Jahren je Kreis',
		herausgeber: 'Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR)',
		stand: '2022',
		lizenz: 'dl-de/by-2-0',
		hinweis: 'Einwohner ab 65 je Gemeinde geschätzt: Einwohner × Kreisanteil (Schätzung)'
	},
	{
		id: 'destatis_12411_0017',
		tabelle: 'kreise_alter',
		titel: 'GENESIS 12411-0017, Bevölkerung nach Altersgruppen je Kreis',
		herausgeber: 'Statistisches Bundesamt (Destatis)',
		stand: '31.12.2019',
		lizenz: 'dl-de/by-2-0',
		hinweis: ''
	},
	{
		id: 'bkg_vg5000_2021',
		tabelle: 'geo',
		titel: 'Verwaltungsgebiete 1:5 000 000 (VG5000)',
		herausgeber: 'Bundesamt für Kartographie und Geodäsie',
		stand: '01.01.2021',
		lizenz: '© GeoBasis-DE / BKG 2021 (Daten verändert), dl-de/by-2-0',
		hinweis: ''
	}
];
