/**
 * The dataset kinds the app understands: canonical columns, their types, which header names
 * map to them (German and English variants, all in this one place) and the allowed values.
 * docs/datenformate.md describes the same for users; keep both in step.
 */

export type ColumnType =
	| 'date' // 31.12.2025, 2025-12-31, Excel serial number
	| 'int' // whole number >= 0
	| 'decimal' // number >= 0, decimal comma or point, thousands separators allowed
	| 'rate' // share 0..1; "75 %" or "75" are read as 0.75
	| 'gemeinde' // AGS (8 digits) or ARS (12 digits) of a Gemeinde in the reference
	| 'id' // free identifier (kept as text)
	| 'text'
	| 'enum';

export interface ColumnSpec {
	/** canonical column name in DuckDB (internal: never shown to users) */
	name: string;
	/** what users call the column (messages, the assistant) */
	label: { de: string; en: string };
	type: ColumnType;
	required: boolean;
	/** accepted header names; compared after normalising (lower case, umlauts folded, no spaces/punctuation).
	 *  A leading `~` marks a weak alias: used only when no other column claims the header more strongly. */
	aliases: string[];
	/** enum: canonical value → accepted spellings (canonical itself is always accepted) */
	values?: Record<string, string[]>;
	/** plausible date range (inclusive, ISO) */
	minDate?: string;
	maxDate?: string;
	/** whole numbers above this are rejected as implausible */
	max?: number;
}

export type DatasetKind = 'einsaetze' | 'qualifizierung' | 'coworking' | 'bevoelkerung';

export interface DatasetSpec {
	kind: DatasetKind;
	/** DuckDB table that loaded rows are appended to */
	table: string;
	label: { de: string; en: string };
	columns: ColumnSpec[];
	/** columns whose combination must be unique within a file (duplicates are rejected) */
	unique?: string[];
	/**
	 * duplicates are found on these columns instead when a column of `unique` has no file column
	 * (the report says so: `notes`, code `duplicate_key_fallback`)
	 */
	uniqueFallback?: string[];
	/** rules across columns: SQL over the typed columns; true = the row is rejected at `column` */
	rowChecks?: { column: string; code: string; when: string }[];
}

const PROGRAMME_START = '2018-01-01';
const LATEST = '2030-12-31';

export const FORMATE: Record<string, string[]> = {
	'Sprechstunde vor Ort': ['sprechstunde', 'vor ort', 'sprechstunde vor ort', 'office hours', 'in person', 'drop-in'],
	Hausbesuch: ['hausbesuch', 'home visit', 'hausbesuche'],
	// "Bürgerdialog vor Ort" is the programme's own name for it (the analoger Zwilling)
	'Bürgerdialog': ['buergerdialog', 'bürgerdialog', 'burgerdialog', 'bürgerdialog vor ort', 'buergerdialog vor ort', 'citizen dialogue', 'dialog vor ort'],
	Telefon: ['telefon', 'phone', 'telephone', 'telefonisch'],
	Online: ['online', 'video', 'videosprechstunde', 'digital']
};
/** formats that count as the "analoger Zwilling" of a digital offer */
export const ANALOG_FORMATE = ['Sprechstunde vor Ort', 'Hausbesuch', 'Bürgerdialog', 'Telefon'];

export const ALTERSGRUPPEN: Record<string, string[]> = {
	'unter 50': ['u50', '<50', 'unter50', 'under 50', '0-49', 'bis 49'],
	'50–64': ['50-64', '50 - 64', '50 bis 64', '50–64'],
	'65–74': ['65-74', '65 - 74', '65 bis 74', '65–74'],
	'75+': ['75 +', '75 und aelter', '75 und älter', 'ueber 75', 'über 75', '75 and over', '75 plus']
};

export const GRUNDLEHRGANG_MODULE = [
	'Change-Management',
	'Open Data',
	'E-Government',
	'E-Partizipation',
	'Status quo der Digitalisierung',
	'Unterstützungsangebote für Kommunen',
	'Agiles Projektmanagement'
];
export const MODULE: Record<string, string[]> = {
	'Change-Management': ['change management', 'changemanagement'],
	'Open Data': ['opendata', 'offene daten'],
	'E-Government': ['egovernment', 'e government'],
	'E-Partizipation': ['epartizipation', 'e-participation', 'eparticipation', 'e-beteiligung'],
	'Status quo der Digitalisierung': ['status quo', 'status quo digitalisierung'],
	'Unterstützungsangebote für Kommunen': ['unterstuetzungsangebote', 'unterstützungsangebote', 'support offers'],
	'Agiles Projektmanagement': ['agiles projektmanagement', 'agile project management'],
	'Aufbaumodul Datenschutz': ['datenschutz', 'data protection'],
	'Aufbaumodul Barrierefreiheit': ['barrierefreiheit', 'accessibility'],
	'Aufbaumodul Didaktik für Ältere': ['didaktik', 'didaktik fuer aeltere', 'teaching older adults']
};

export const KURS_STATUS: Record<string, string[]> = {
	abgeschlossen: ['completed', 'bestanden', 'fertig', 'done'],
	laufend: ['in progress', 'ongoing', 'begonnen', 'started'],
	abgebrochen: ['cancelled', 'dropped', 'aborted']
};

export const FOERDER_STATUS: Record<string, string[]> = {
	beantragt: ['applied', 'antrag gestellt'],
	bewilligt: ['approved', 'genehmigt'],
	eröffnet: ['eroeffnet', 'opened', 'in betrieb', 'open'],
	abgelehnt: ['rejected', 'declined'],
	zurückgezogen: ['zurueckgezogen', 'withdrawn']
};

const gemeindeAliases = ['gemeindeschluessel', 'gemeindeschlüssel', 'gemeinde', 'ags', 'ars', 'gkz', 'municipality', 'municipality key', 'regionalschluessel', 'regionalschlüssel', 'gemeinde ags', 'gemeindekennziffer',
	// abbreviations in Ämter's exports ("Gem.-Schlüssel" → "gem schluessel" after normaliseHeader)
	'gem schluessel', 'gem schl', 'gemeindeschl', 'gemeinde schluessel', 'gem kennziffer', 'gem kennz', 'gemeindenummer', 'gemeinde nr', 'gem nr', 'amtlicher gemeindeschluessel', 'amtl gemeindeschluessel'];

export const DATASETS: Record<DatasetKind, DatasetSpec> = {
	einsaetze: {
		kind: 'einsaetze',
		table: 'einsaetze',
		label: { de: 'Lotsen-Einsätze', en: 'Navigator activities' },
		columns: [
			{ name: 'datum', label: { de: 'Datum', en: 'Date' }, type: 'date', required: true, aliases: ['datum', 'date', 'einsatzdatum', 'tag', 'day'], minDate: PROGRAMME_START, maxDate: LATEST },
			{ name: 'ags', label: { de: 'Gemeindeschlüssel', en: 'Municipality key' }, type: 'gemeinde', required: true, aliases: gemeindeAliases },
			{ name: 'lotse_id', label: { de: 'Lotsen-ID', en: 'Navigator ID' }, type: 'id', required: true, aliases: ['lotse', 'lotse id', 'lotsen id', 'lotsenid', 'lotse_id', 'navigator', 'navigator id', 'pseudonym'] },
			{ name: 'format', label: { de: 'Format', en: 'Format' }, type: 'enum', required: true, aliases: ['format', 'form', 'einsatzform', 'kanal', 'channel'], values: FORMATE },
			{ name: 'thema', label: { de: 'Thema', en: 'Topic' }, type: 'text', required: true, aliases: ['thema', 'topic', 'anliegen', 'subject'] },
			{ name: 'altersgruppe', label: { de: 'Altersgruppe', en: 'Age group' }, type: 'enum', required: true, aliases: ['altersgruppe', 'alter', 'age group', 'agegroup', 'age'], values: ALTERSGRUPPEN },
			{ name: 'teilnehmende', label: { de: 'Teilnehmende', en: 'Participants' }, type: 'int', required: true, aliases: ['teilnehmende', 'teilnehmer', 'personen', 'participants', 'anzahl', 'teilnehmerzahl'], max: 10000 },
			{ name: 'minuten', label: { de: 'Minuten', en: 'Minutes' }, type: 'decimal', required: true, aliases: ['minuten', 'dauer', 'dauer min', 'dauer minuten', 'minutes', 'duration', 'duration min'], max: 1440 },
			{ name: 'digitales_angebot', label: { de: 'Digitales Angebot', en: 'Digital offer' }, type: 'text', required: false, aliases: ['digitales angebot', 'angebot', 'online dienst', 'onlinedienst', 'digital offer', 'service', 'digital service'] }
		]
	},
	qualifizierung: {
		kind: 'qualifizierung',
		table: 'qualifizierung',
		label: { de: 'Qualifizierung', en: 'Course completions' },
		unique: ['lotse_id', 'modul'],
		rowChecks: [
			{ column: 'abschluss', code: 'date_order', when: 'abschluss < beginn' },
			{ column: 'abschluss', code: 'completion_missing', when: "status = 'abgeschlossen' AND abschluss IS NULL" }
		],
		columns: [
			{ name: 'lotse_id', label: { de: 'Lotsen-ID', en: 'Navigator ID' }, type: 'id', required: true, aliases: ['lotse', 'lotse id', 'lotsen id', 'lotsenid', 'lotse_id', 'navigator', 'navigator id', 'teilnehmer id', 'pseudonym'] },
			{ name: 'ags', label: { de: 'Gemeindeschlüssel', en: 'Municipality key' }, type: 'gemeinde', required: true, aliases: [...gemeindeAliases, 'heimatgemeinde', 'wohngemeinde', 'home municipality'] },
			{ name: 'anbieter', label: { de: 'Anbieter', en: 'Provider' }, type: 'text', required: true, aliases: ['anbieter', 'traeger', 'träger', 'bildungstraeger', 'bildungsträger', 'provider'] },
			{ name: 'modul', label: { de: 'Modul', en: 'Module' }, type: 'enum', required: true, aliases: ['modul', 'module', 'kurs', 'course', 'baustein'], values: MODULE },
			{ name: 'beginn', label: { de: 'Beginn', en: 'Start' }, type: 'date', required: true, aliases: ['beginn', 'start', 'startdatum', 'kursbeginn', 'start date'], minDate: PROGRAMME_START, maxDate: LATEST },
			{ name: 'abschluss', label: { de: 'Abschluss', en: 'Completion' }, type: 'date', required: false, aliases: ['abschluss', 'abschlussdatum', 'ende', 'completion', 'completion date', 'completed on', 'end'], minDate: PROGRAMME_START, maxDate: LATEST },
			{ name: 'status', label: { de: 'Status', en: 'Status' }, type: 'enum', required: true, aliases: ['status', 'stand', 'state'], values: KURS_STATUS }
		]
	},
	coworking: {
		kind: 'coworking',
		table: 'coworking',
		label: { de: 'Coworking-Förderung', en: 'Coworking funding' },
		unique: ['projekt_id'],
		// files without a project id are imported; duplicates are then a project name twice in one Gemeinde
		uniqueFallback: ['name', 'ags'],
		columns: [
			{ name: 'projekt_id', label: { de: 'Projekt-ID', en: 'Project ID' }, type: 'id', required: false, aliases: ['projekt id', 'projektid', '~projekt', 'aktenzeichen', 'projektnummer', 'projekt nr', 'foerderkennzeichen', 'kennzeichen', 'project id', 'project', 'id', 'vorhaben id'] },
			{ name: 'name', label: { de: 'Projektname', en: 'Project name' }, type: 'text', required: true, aliases: ['name', 'projektname', 'projekt', 'projekttitel', 'projektbezeichnung', 'bezeichnung', 'vorhaben', 'project name', 'title'] },
			{ name: 'ags', label: { de: 'Gemeindeschlüssel', en: 'Municipality key' }, type: 'gemeinde', required: true, aliases: gemeindeAliases },
			{ name: 'programm', label: { de: 'Förderprogramm', en: 'Funding programme' }, type: 'text', required: true, aliases: ['programm', 'foerderprogramm', 'förderprogramm', 'richtlinie', 'programme', 'program'] },
			{ name: 'bewilligt_am', label: { de: 'Bewilligt am', en: 'Approved on' }, type: 'date', required: false, aliases: ['bewilligt am', 'bewilligung', 'bewilligungsdatum', 'approval date', 'approved on'], minDate: '2014-01-01', maxDate: LATEST },
			{ name: 'betrag_eur', label: { de: 'Betrag (EUR)', en: 'Amount (EUR)' }, type: 'decimal', required: true, aliases: ['betrag', 'betrag eur', 'betrag €', 'betrag in eur', 'zuwendung', 'zuwendung eur', 'foerdersumme', 'fördersumme', 'amount', 'amount eur'] },
			{ name: 'foerderquote', label: { de: 'Förderquote', en: 'Funding rate' }, type: 'rate', required: false, aliases: ['foerderquote', 'förderquote', 'foerdersatz', 'fördersatz', 'quote', 'funding rate', 'rate'] },
			{ name: 'arbeitsplaetze', label: { de: 'Arbeitsplätze', en: 'Workplaces' }, type: 'int', required: false, aliases: ['arbeitsplaetze', 'arbeitsplätze', 'plaetze', 'plätze', 'workplaces', 'desks', 'arbeitsplaetze anzahl', 'anzahl arbeitsplaetze', 'anzahl arbeitsplätze', 'anzahl plaetze'], max: 1000 },
			{ name: 'status', label: { de: 'Status', en: 'Status' }, type: 'enum', required: true, aliases: ['status', 'stand', 'state'], values: FOERDER_STATUS },
			{ name: 'eroeffnet_am', label: { de: 'Eröffnet am', en: 'Opened on' }, type: 'date', required: false, aliases: ['eroeffnet am', 'eröffnet am', 'eroeffnung', 'eröffnung', 'eroeffnungsdatum', 'eröffnungsdatum', 'opening date', 'opened on'], minDate: '2014-01-01', maxDate: LATEST }
		]
	},
	bevoelkerung: {
		kind: 'bevoelkerung',
		table: 'bevoelkerung_65plus',
		label: { de: 'Bevölkerung nach Alter', en: 'Population by age' },
		unique: ['ags'],
		columns: [
			{ name: 'ags', label: { de: 'Gemeindeschlüssel', en: 'Municipality key' }, type: 'gemeinde', required: true, aliases: gemeindeAliases },
			{ name: 'einwohner_65plus', label: { de: 'Einwohner 65+', en: 'Residents 65+' }, type: 'int', required: true, aliases: ['einwohner 65plus', 'einwohner 65+', 'ew 65 plus', 'ew65plus', '65+', '65 und aelter', '65 und älter', 'population 65plus', 'aged 65 and over'], max: 1_000_000 },
			{ name: 'stichtag', label: { de: 'Stichtag', en: 'Reference date' }, type: 'date', required: false, aliases: ['stichtag', 'reference date', 'stand am'], minDate: '2000-01-01', maxDate: LATEST },
			{ name: 'quelle', label: { de: 'Quelle', en: 'Source' }, type: 'text', required: false, aliases: ['quelle', 'source'] }
		]
	}
};
