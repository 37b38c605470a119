/**
 * Issue 8: the cases a real German export brought up, each with its neighbours. Fixtures are
 * written by ./helpers; every test checks exact counts, lines and the loaded values.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { importFile } from '../../src/lib/import/import-file';
import { formatReport } from '../../src/lib/import/report-text';
import { rejectedRowsCsv } from '../../src/lib/import/rejects-csv';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';
import { csvBytes, csvString, encode, xlsxWorkbook, type Cell } from './helpers/fixtures';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

const H = ['Datum', 'Gemeindeschlüssel', 'Lotse', 'Format', 'Thema', 'Altersgruppe', 'Teilnehmende', 'Minuten'];
const row = (d: string, minutes: Cell = '30', participants: Cell = '1', topic = 'Online-Banking'): Cell[] => [d, '13076034', 'MV-L001', 'Telefon', topic, '75+', participants, minutes];
const counts = (r: { rowsRead: number; rowsLoaded: number; rowsRejected: number }) => [r.rowsRead, r.rowsLoaded, r.rowsRejected];
const loaded = (file: string, cols = 'teilnehmende, minuten, thema') => db.query(`SELECT _line, ${cols} FROM einsaetze WHERE _file = ? ORDER BY _line`, [file]);

describe('Windows-1252 Excel export with decimal durations', () => {
	it('loads 63,5 minutes as 63.5 and keeps participants whole', async () => {
		const rows = [row('01.03.2025', '63,5', '2', 'Überweisung'), row('02.03.2025', '45'), row('03.03.2025', '90,25'), row('04.03.2025', '30', '1,5')];
		const r = await importFile(db, { name: 'dauer.csv', bytes: csvBytes(H, rows, { encoding: 'windows-1252', eol: '\r\n' }) });
		expect(r.dialect?.encoding).toBe('windows-1252');
		expect(counts(r)).toEqual([4, 3, 1]);
		expect(r.rejections.map((x) => [x.line, x.column, x.value, x.code])).toEqual([[5, 'Teilnehmende', '1,5', 'not_an_integer']]);
		expect(await loaded('dauer.csv')).toEqual([
			{ _line: 2, teilnehmende: 2, minuten: 63.5, thema: 'Überweisung' },
			{ _line: 3, teilnehmende: 1, minuten: 45, thema: 'Online-Banking' },
			{ _line: 4, teilnehmende: 1, minuten: 90.25, thema: 'Online-Banking' }
		]);
	});
});

describe('Format written as the programme names it', () => {
	it('loads „Bürgerdialog vor Ort“ as Bürgerdialog and still rejects a format that is not in the list', async () => {
		const withFormat = (d: string, f: string): Cell[] => [d, '13076034', 'MV-L001', f, 'Online-Banking', '75+', '1', '30'];
		const rows = [withFormat('01.03.2025', 'Bürgerdialog vor Ort'), withFormat('02.03.2025', 'Buergerdialog vor Ort'), withFormat('03.03.2025', 'Telefonsprechstunde')];
		const r = await importFile(db, { name: 'format.csv', bytes: csvBytes(H, rows) });
		expect(counts(r)).toEqual([3, 2, 1]);
		expect(r.rejections.map((x) => [x.line, x.column, x.value])).toEqual([[4, 'Format', 'Telefonsprechstunde']]);
		expect(await loaded('format.csv', 'format')).toEqual([
			{ _line: 2, format: 'Bürgerdialog' },
			{ _line: 3, format: 'Bürgerdialog' }
		]);
	});
});

describe('title lines above the header, notes below the data', () => {
	it('skips and reports 3 title lines, a repeated header and 2 footer lines, with their line numbers', async () => {
		const text =
			'Lotsen-Einsätze Landkreis Ludwigslust-Parchim\n' + // 1
			'Stand: 31.03.2025\n' + // 2
			'\n' + // 3 blank
			'Export aus Fachverfahren;;;\n' + // 4
			csvString(H, [row('01.03.2025'), row('02.03.2025')]) + // 5 header, 6, 7
			H.join(';') + '\n' + // 8 repeated header
			row('03.03.2025').join(';') + '\n' + // 9 data
			'\n' + // 10 blank
			'Summe;;;;;;3;90\n' + // 11 footer
			'Quelle: Landkreis\n'; // 12 footer
		const r = await importFile(db, { name: 'titel.csv', bytes: encode(text) });
		expect(r.fatal).toBeNull();
		expect(counts(r)).toEqual([3, 3, 0]);
		expect(r.dialect?.headerLine).toBe(5);
		expect(r.skipped.map((s) => [s.line, s.kind])).toEqual([
			[1, 'preamble'],
			[2, 'preamble'],
			[4, 'preamble'],
			[8, 'repeated_header'],
			[11, 'footer'],
			[12, 'footer']
		]);
		expect(r.lines).toEqual({ total: 12, header: 1, blank: 2, skipped: 6, data: 3 });
		expect((await loaded('titel.csv')).map((x) => x._line)).toEqual([6, 7, 9]);
		const text_ = formatReport(r, 'de');
		expect(text_).toContain('3 Zeilen vor der Kopfzeile übersprungen (Zeilen 1, 2, 4)');
		expect(text_).toContain('Zeile 8: Kopfzeile wiederholt – nicht als Daten gelesen');
		expect(text_).toContain('Zeile 11: Hinweis- oder Summenzeile nach den Daten übersprungen [Summe;;;;;;3;90]');
		expect(text_).not.toMatch(/lotse_id|betrag_eur/);
	});

	it('one title line: "1 Zeile vor der Kopfzeile übersprungen"', async () => {
		const r = await importFile(db, { name: 'titel1.csv', bytes: encode('Lotsen-Einsätze Landkreis Rostock\n' + csvString(H, [row('01.03.2025')])) });
		expect(counts(r)).toEqual([1, 1, 0]);
		expect(formatReport(r, 'de')).toContain('1 Zeile vor der Kopfzeile übersprungen (Zeilen 1)');
		expect(await loaded('titel1.csv')).toEqual([{ _line: 3, teilnehmende: 1, minuten: 30, thema: 'Online-Banking' }]);
	});

	it('an unrecognised header names the missing columns by their German labels', async () => {
		const r = await importFile(db, { name: 'fremd.csv', bytes: encode('Lotsen-Einsätze Landkreis\nTag;Ort;Notiz\n01.01.2025;X;y\n') });
		expect(r.fatal?.code).toBe('unknown_kind');
		expect(r.fatal?.message).toContain('Lotsen-Einsätze: Gemeindeschlüssel, Lotsen-ID, Format, Thema, Altersgruppe, Teilnehmende, Minuten');
		expect(r.fatal?.message).not.toMatch(/lotse_id|betrag_eur|_/);
	});
});

describe('funding file without a project id column', () => {
	const HN = ['Projekt', 'AGS', 'Förderprogramm', 'Betrag', 'Status'];
	const rows = [
		['Coworking Alte Schule', '13076034', 'ILERL M-V', '12.500,00', 'bewilligt'],
		['Dorfbüro', '13076053', 'ILERL M-V', '40.000,00', 'bewilligt'],
		['Coworking Alte Schule', '13076034', 'ILERL M-V', '9.000,00', 'eröffnet'], // same name in the same Gemeinde: line 2 again
		['Coworking Alte Schule', '13076053', 'ILERL M-V', '9.000,00', 'eröffnet'] // same name, another Gemeinde: its own project
	];
	it('is imported; duplicates are found on Projektname + Gemeindeschlüssel, and the report says so', async () => {
		const r = await importFile(db, { name: 'ohne-id.csv', bytes: csvBytes(HN, rows) });
		expect(r.fatal).toBeNull();
		expect(r.kind).toBe('coworking');
		expect(counts(r)).toEqual([4, 3, 1]);
		expect(r.rejections.map((x) => [x.line, x.column, x.code, x.reason])).toEqual([[4, 'Projekt', 'duplicate', 'Duplikat von Zeile 2']]);
		expect(r.notes.map((n) => n.message)).toEqual(['Die Datei hat keine Spalte „Projekt-ID“: doppelte Zeilen werden an „Projektname“ und „Gemeindeschlüssel“ erkannt.']);
		expect(formatReport(r, 'de')).toContain('doppelte Zeilen werden an „Projektname“ und „Gemeindeschlüssel“ erkannt');
		// no id is invented: the column stays empty
		expect(await db.query(`SELECT _line, projekt_id, name, ags, betrag_eur FROM coworking WHERE _file = 'ohne-id.csv' ORDER BY _line`)).toEqual([
			{ _line: 2, projekt_id: null, name: 'Coworking Alte Schule', ags: '13076034', betrag_eur: 12500 },
			{ _line: 3, projekt_id: null, name: 'Dorfbüro', ags: '13076053', betrag_eur: 40000 },
			{ _line: 5, projekt_id: null, name: 'Coworking Alte Schule', ags: '13076053', betrag_eur: 9000 }
		]);
	});
	it('with a project id column, the id alone decides (no note)', async () => {
		const r = await importFile(db, { name: 'mit-id.csv', bytes: csvBytes(['Projekt-ID', ...HN], rows.map((x, i) => [`P${i}`, ...x])) });
		expect(counts(r)).toEqual([4, 4, 0]);
		expect(r.notes).toEqual([]);
	});
});

describe('funding file with near column names', () => {
	const HC = ['Aktenzeichen', 'Projekt', 'AGS', 'Förderprogramm', 'Betrag', 'Fördersatz', 'Anzahl Arbeitsplätze', 'Status', 'Eröffnungsdatum', 'Bemerkung'];
	it('"Projekt" → Projektname, "Fördersatz" → Förderquote, … and names the unused column', async () => {
		const rows = [
			['AZ-1', 'Coworking Alte Schule', '13076034', 'ILERL M-V', '12.500,00', '75 %', '8', 'eröffnet', '01.10.2024', 'Eröffnung mit Bürgermeister'],
			['AZ-2', 'Dorfbüro', '13076053', 'ILERL M-V', '40.000', '0,9', '1.000', 'bewilligt', '', '']
		];
		const r = await importFile(db, { name: 'foerder.csv', bytes: csvBytes(HC, rows) });
		expect(r.fatal).toBeNull();
		expect(r.kind).toBe('coworking');
		expect(r.columns).toMatchObject({ Aktenzeichen: 'projekt_id', Projekt: 'name', Fördersatz: 'foerderquote', 'Anzahl Arbeitsplätze': 'arbeitsplaetze', Eröffnungsdatum: 'eroeffnet_am' });
		expect(r.unusedColumns).toEqual(['Bemerkung']);
		expect(formatReport(r, 'de')).toContain('Spalten, die nicht übernommen werden: „Bemerkung“');
		// 1.000 workplaces: a whole-number field, so the point can only be a thousands separator (then 1000 > max 1000? no: = 1000)
		expect(counts(r)).toEqual([2, 2, 0]);
		expect(await db.query(`SELECT projekt_id, name, betrag_eur, foerderquote, arbeitsplaetze, eroeffnet_am FROM coworking WHERE _file = 'foerder.csv' ORDER BY _line`)).toEqual([
			{ projekt_id: 'AZ-1', name: 'Coworking Alte Schule', betrag_eur: 12500, foerderquote: 0.75, arbeitsplaetze: 8, eroeffnet_am: Date.UTC(2024, 9, 1) },
			{ projekt_id: 'AZ-2', name: 'Dorfbüro', betrag_eur: 40000, foerderquote: 0.9, arbeitsplaetze: 1000, eroeffnet_am: null }
		]);
	});
});

describe('an unclosed quote', () => {
	it('rejects only its own line; the following rows load and every line is counted', async () => {
		const text = [H.join(';'), row('01.03.2025').join(';'), '02.03.2025;13076034;MV-L001;Telefon;"Online-Banking;75+;1;30', ...['03.03.2025', '04.03.2025', '05.03.2025'].map((d) => row(d).join(';'))].join('\n') + '\n';
		const r = await importFile(db, { name: 'quote.csv', bytes: encode(text) });
		expect(counts(r)).toEqual([5, 4, 1]);
		expect(r.rejections.map((x) => [x.line, x.code, x.reason])).toEqual([[3, 'unclosed_quote', 'Anführungszeichen nicht geschlossen']]);
		expect((await loaded('quote.csv')).map((x) => x._line)).toEqual([2, 4, 5, 6]);
		expect(r.lines).toEqual({ total: 6, header: 1, blank: 0, skipped: 0, data: 5 });
	});

	it('a later quote does not pair with the broken one: rows in between still load', async () => {
		const text = [H.join(';'), '01.03.2025;13076034;MV-L001;Telefon;"kaputt;75+;1;30', row('02.03.2025').join(';'), '03.03.2025;13076034;MV-L001;Telefon;"gut; mit Semikolon";75+;1;30'].join('\r\n');
		const r = await importFile(db, { name: 'quote2.csv', bytes: encode(text) });
		expect(counts(r)).toEqual([3, 2, 1]);
		expect(r.rejections.map((x) => x.line)).toEqual([2]);
		expect(await loaded('quote2.csv')).toEqual([
			{ _line: 3, teilnehmende: 1, minuten: 30, thema: 'Online-Banking' },
			{ _line: 4, teilnehmende: 1, minuten: 30, thema: 'gut; mit Semikolon' }
		]);
	});

	it('a quoted line break inside a field stays one record', async () => {
		const text = csvString(H, [row('01.03.2025', '30', '1', 'zwei\nZeilen'), row('02.03.2025')]);
		const r = await importFile(db, { name: 'multi.csv', bytes: encode(text) });
		expect(counts(r)).toEqual([2, 2, 0]);
		expect(await loaded('multi.csv')).toEqual([
			{ _line: 2, teilnehmende: 1, minuten: 30, thema: 'zwei\nZeilen' },
			{ _line: 4, teilnehmende: 1, minuten: 30, thema: 'Online-Banking' }
		]);
		expect(r.lines).toEqual({ total: 4, header: 1, blank: 0, skipped: 0, data: 3 });
	});
});

describe('numbers per column', () => {
	const HC = ['Projekt-ID', 'Projektname', 'AGS', 'Programm', 'Betrag', 'Förderquote', 'Arbeitsplätze', 'Status'];
	const cw = (id: string, betrag: string, quote = '0,75', plaetze = '4'): string[] => [id, 'P ' + id, '13076034', 'ILERL M-V', betrag, quote, plaetze, 'bewilligt'];

	it('13.363 in a comma-separated file with no decimal mark in its column is rejected as ambiguous, never 13,363', async () => {
		const r = await importFile(db, { name: 'amb.csv', bytes: csvBytes(HC, [cw('A', '13.363', '0.75'), cw('B', '5000', '0.5')], { delimiter: ',' }) });
		expect(r.dialect?.delimiter).toBe(',');
		expect(counts(r)).toEqual([2, 1, 1]);
		expect(r.rejections.map((x) => [x.line, x.column, x.value, x.code])).toEqual([[2, 'Betrag', '13.363', 'ambiguous_number']]);
		expect(r.rejections[0].reason).toBe('mehrdeutig: 13.363 kann 13,363 oder 13363 sein (Dezimal- oder Tausendertrennzeichen?)');
		expect(await db.query(`SELECT betrag_eur, foerderquote FROM coworking WHERE _file = 'amb.csv'`)).toEqual([{ betrag_eur: 5000, foerderquote: 0.5 }]);
	});

	it('13.363 is 13363 where the column writes decimals with a comma (1.234,56)', async () => {
		const r = await importFile(db, { name: 'thousands.csv', bytes: csvBytes(HC, [cw('A', '13.363'), cw('B', '1.234,56'), cw('C', '1.000')]) });
		expect(counts(r)).toEqual([3, 3, 0]);
		expect((await db.query<{ b: number }>(`SELECT betrag_eur AS b FROM coworking WHERE _file = 'thousands.csv' ORDER BY _line`)).map((x) => x.b)).toEqual([13363, 1234.56, 1000]);
	});

	it('amounts 12500.50 and rates 0,75 in one file: each column decides for itself', async () => {
		const r = await importFile(db, { name: 'mixed.csv', bytes: csvBytes(HC, [cw('A', '12500.50', '0,75'), cw('B', '300.5', '0,9'), cw('C', '1.000', '0,5')]) });
		expect(r.dialect?.decimalByColumn).toEqual({ Betrag: '.', Förderquote: ',', Arbeitsplätze: null });
		// 1.000 in a point-decimal amount column: 1.0 or 1000? ambiguous, rejected
		expect(counts(r)).toEqual([3, 2, 1]);
		expect(r.rejections.map((x) => [x.line, x.column, x.code])).toEqual([[4, 'Betrag', 'ambiguous_number']]);
		expect(await db.query(`SELECT betrag_eur, foerderquote FROM coworking WHERE _file = 'mixed.csv' ORDER BY _line`)).toEqual([
			{ betrag_eur: 12500.5, foerderquote: 0.75 },
			{ betrag_eur: 300.5, foerderquote: 0.9 }
		]);
	});

	it('a decimal mark against the column is rejected with a reason', async () => {
		const r = await importFile(db, { name: 'against.csv', bytes: csvBytes(HC, [cw('A', '1.234,56'), cw('B', '99,5'), cw('C', '12.5')]) });
		expect(counts(r)).toEqual([3, 2, 1]);
		expect(r.rejections.map((x) => [x.line, x.code, x.reason])).toEqual([[4, 'mixed_decimal', 'Dezimaltrennzeichen passt nicht zu den übrigen Werten der Spalte (dort Komma)']]);
	});

	it('1.000 participants loads as 1000 (a whole-number field), never 1', async () => {
		const r = await importFile(db, { name: 'tn.csv', bytes: csvBytes(H, [row('01.03.2025', '30', '1.000'), row('02.03.2025', '30', '2.500'), row('03.03.2025', '30', '1.5')], { delimiter: ',' }) });
		expect(counts(r)).toEqual([3, 2, 1]);
		expect(r.rejections.map((x) => [x.line, x.column, x.code])).toEqual([[4, 'Teilnehmende', 'not_an_integer']]);
		expect((await loaded('tn.csv')).map((x) => x.teilnehmende)).toEqual([1000, 2500]);
	});

	it('Excel text cells "1.500" are read like CSV text (1500 participants; an ambiguous amount rejected), never 1.5', async () => {
		const wb = await xlsxWorkbook([
			{ name: 'Einsätze', rows: [H, [new Date(Date.UTC(2025, 2, 1)), '13076034', 'MV-L001', 'Telefon', 'T', '75+', '1.500', 63.5], [new Date(Date.UTC(2025, 2, 2)), '13076034', 'MV-L001', 'Telefon', 'T', '75+', 2, '45,5']] }
		]);
		const r = await importFile(db, { name: 'text.xlsx', bytes: wb });
		expect(counts(r)).toEqual([2, 2, 0]);
		expect(await loaded('text.xlsx', 'teilnehmende, minuten')).toEqual([
			{ _line: 2, teilnehmende: 1500, minuten: 63.5 },
			{ _line: 3, teilnehmende: 2, minuten: 45.5 }
		]);
		const wb2 = await xlsxWorkbook([{ name: 'Förderung', rows: [HC, ['A', 'P', '13076034', 'ILERL M-V', '1.500', 0.75, 3, 'bewilligt'], ['B', 'Q', '13076034', 'ILERL M-V', 2500.5, 0.5, 3, 'bewilligt']] }]);
		const r2 = await importFile(db, { name: 'text2.xlsx', bytes: wb2 });
		expect(counts(r2)).toEqual([2, 1, 1]);
		expect(r2.rejections.map((x) => [x.sheet, x.line, x.column, x.code])).toEqual([['Förderung', 2, 'Betrag', 'ambiguous_number']]);
		expect(await db.query(`SELECT betrag_eur FROM coworking WHERE _file = 'text2.xlsx'`)).toEqual([{ betrag_eur: 2500.5 }]);
	});
});

describe('dialects whose quotes must not stay in the text', () => {
	const vals = ['01.03.2025', '13076034', 'MV-L001', 'Telefon', 'Rente, Steuer', '75+', '1', '30'];
	it.each([
		['", " with double quotes', H.map((h) => `"${h}"`).join(', ') + '\n' + vals.map((v) => `"${v}"`).join(', ') + '\n'],
		["single quotes", H.join(',') + '\n' + vals.map((v) => (v.includes(',') ? `'${v}'` : v)).join(',') + '\n'],
		["', ' with single quotes", H.join(', ') + '\n' + vals.map((v) => `'${v}'`).join(', ') + '\n']
	])('%s', async (label, text) => {
		const name = `q_${label.replace(/\W/g, '')}.csv`;
		const r = await importFile(db, { name, bytes: encode(text) });
		expect(r.fatal).toBeNull();
		expect(counts(r)).toEqual([1, 1, 0]);
		expect(await loaded(name, 'lotse_id, format, thema')).toEqual([{ _line: 2, lotse_id: 'MV-L001', format: 'Telefon', thema: 'Rente, Steuer' }]);
	});

	it('backslash-escaped quotes', async () => {
		const text = H.join(',') + '\n' + '01.03.2025,13076034,MV-L001,Telefon,"Smartphone \\"Grundlagen\\", Teil 1",75+,1,30\n' + '02.03.2025,13076034,MV-L001,Telefon,"\\"WhatsApp\\" einrichten",75+,1,30\n';
		const r = await importFile(db, { name: 'bs.csv', bytes: encode(text) });
		expect(r.dialect).toMatchObject({ delimiter: ',', quote: '"', escape: 'backslash' });
		expect(counts(r)).toEqual([2, 2, 0]);
		expect((await loaded('bs.csv')).map((x) => x.thema)).toEqual(['Smartphone "Grundlagen", Teil 1', '"WhatsApp" einrichten']);
	});
});

describe('encoding decided from the whole file', () => {
	it('a UTF-8 file with one stray Windows-1252 byte keeps its umlauts and reports the byte with its line', async () => {
		const head = encode(csvString(H, [row('01.03.2025', '30', '1', 'Überweisung für Ältere'), row('02.03.2025', '30', '1', 'Straße')]));
		const tail = encode(row('03.03.2025', '30', '1', 'Gr\u0000n').join(';') + '\n');
		const bytes = new Uint8Array([...head, ...tail]);
		bytes[head.length + tail.indexOf(0)] = 0xfc; // "ü" in Windows-1252
		const r = await importFile(db, { name: 'stray.csv', bytes });
		expect(r.dialect?.encoding).toBe('utf-8');
		expect(counts(r)).toEqual([3, 3, 0]);
		expect((await loaded('stray.csv')).map((x) => x.thema)).toEqual(['Überweisung für Ältere', 'Straße', 'Grün']);
		expect(r.encodingNotes).toEqual([{ line: 4, byte: '0xFC', char: 'ü' }]);
		expect(r.repairs.map((x) => [x.line, x.code, x.reason])).toEqual([[4, 'encoding_byte', 'Zeichen 0xFC passt nicht zur Kodierung UTF-8 und wurde als Windows-1252 gelesen: „ü“']]);
	});
});

describe('a workbook with one sheet per month', () => {
	it('maps each sheet by its own header (columns in another order, other names)', async () => {
		const d = (day: number, m: number) => new Date(Date.UTC(2025, m - 1, day));
		const H2 = ['Thema', 'Datum', 'AGS', 'Lotsen-ID', 'Form', 'Alter', 'Personen', 'Dauer'];
		const wb = await xlsxWorkbook([
			{ name: 'März', rows: [H, [d(3, 3), '13076034', 'MV-L001', 'Telefon', 'A', '75+', 1, 30]] },
			{ name: 'April', rows: [H2, ['B', d(4, 4), '13076053', 'MV-L002', 'Online', '65-74', 3, '12,5'], ['C', d(5, 4), '13076053', 'MV-L002', 'Fax', '65-74', 3, 5]] }
		]);
		const r = await importFile(db, { name: 'reihenfolge.xlsx', bytes: wb });
		expect(counts(r)).toEqual([3, 2, 1]);
		expect(r.rejections.map((x) => [x.sheet, x.line, x.value, x.code])).toEqual([['April', 3, 'Fax', 'unknown_value']]);
		expect(await db.query(`SELECT ags, lotse_id, format, thema, altersgruppe, teilnehmende, minuten FROM einsaetze WHERE _file = 'reihenfolge.xlsx' ORDER BY thema`)).toEqual([
			{ ags: '13076034', lotse_id: 'MV-L001', format: 'Telefon', thema: 'A', altersgruppe: '75+', teilnehmende: 1, minuten: 30 },
			{ ags: '13076053', lotse_id: 'MV-L002', format: 'Online', thema: 'B', altersgruppe: '65–74', teilnehmende: 3, minuten: 12.5 }
		]);
		// the download puts April's values under the first sheet's header, by name (the date cell as German Excel shows it)
		const csv = rejectedRowsCsv(r, 'de').replace(/^\ufeff/, '').split('\r\n');
		expect(csv[1]).toMatch(/^April;3;.*;05\.04\.2025;13076053;MV-L002;Fax;C;65-74;3;5$/);
	});

	it('reads every sheet whose header fits, counts per sheet, and names the other sheets', async () => {
		const d = (day: number, m: number) => new Date(Date.UTC(2025, m - 1, day));
		const wb = await xlsxWorkbook([
			{ name: 'Hinweise', rows: [['Dieses Blatt erklärt die Tabellen.']] },
			{ name: 'Januar', rows: [['Einsätze Januar 2025'], H, [d(2, 1), '13076034', 'MV-L001', 'Telefon', 'A', '75+', 1, 30], [d(3, 1), '13076034', 'MV-L001', 'Brieftaube', 'B', '75+', 1, 30]] },
			{ name: 'Februar', rows: [H, [d(2, 2), '13076034', 'MV-L001', 'Online', 'C', '75+', 2, 45]] },
			{ name: 'Förderung', rows: [['Projekt-ID', 'Projektname', 'AGS', 'Programm', 'Betrag', 'Status'], ['X', 'Y', '13076034', 'P', 5, 'bewilligt']] },
			{ name: 'Leer', rows: [] }
		]);
		const r = await importFile(db, { name: 'monate.xlsx', bytes: wb });
		expect(r.fatal).toBeNull();
		expect(counts(r)).toEqual([3, 2, 1]);
		expect(r.sheets).toEqual([
			{ sheet: 'Januar', headerLine: 2, rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 },
			{ sheet: 'Februar', headerLine: 1, rowsRead: 1, rowsLoaded: 1, rowsRejected: 0 }
		]);
		expect(r.unusedSheets).toEqual([
			{ sheet: 'Hinweise', reason: 'no_header' },
			{ sheet: 'Förderung', reason: 'other_kind' },
			{ sheet: 'Leer', reason: 'empty' }
		]);
		expect(r.skipped).toEqual([{ line: 1, sheet: 'Januar', kind: 'preamble', text: 'Einsätze Januar 2025' }]);
		expect(r.rejections.map((x) => [x.sheet, x.line, x.column])).toEqual([['Januar', 4, 'Format']]);
		expect(await loaded('monate.xlsx', 'thema, teilnehmende')).toEqual([
			{ _line: 2, thema: 'C', teilnehmende: 2 },
			{ _line: 3, thema: 'A', teilnehmende: 1 }
		]);
		const t = formatReport(r, 'de');
		expect(t).toContain('Blatt „Januar“: gelesen 2, geladen 1, abgewiesen 1');
		expect(t).toContain('Blatt „Förderung“ nicht gelesen: Spalten passen nicht zu Lotsen-Einsätze');
		expect(t).toContain('Blatt „Januar“, Zeile 4, Spalte „Format“');
		// the download names the sheet of each rejected row
		const csv = rejectedRowsCsv(r, 'de').replace(/^\ufeff/, '').split('\r\n');
		expect(csv[0]).toBe('Blatt;Zeile;Grund;Datum;Gemeindeschlüssel;Lotse;Format;Thema;Altersgruppe;Teilnehmende;Minuten');
		expect(csv[1]).toBe('Januar;4;"Format: unbekannter Wert; erlaubt: Sprechstunde vor Ort, Hausbesuch, Bürgerdialog, Telefon, Online";03.01.2025;13076034;MV-L001;Brieftaube;B;75+;1;30');
	});
});
