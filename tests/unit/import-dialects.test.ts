/**
 * The same four activity rows written in every dialect users send must load to the same table
 * contents. Fixtures are written by the helpers in ./helpers, not by hand.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { importFile } from '../../src/lib/import/import-file';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';
import { csvBytes, xlsxBytes, parquetBytes, daysSinceEpoch, type CsvOptions } from './helpers/fixtures';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

const HEADER_DE = ['Datum', 'Gemeindeschlüssel', 'Lotse', 'Format', 'Thema', 'Altersgruppe', 'Teilnehmende', 'Minuten', 'Digitales Angebot'];
const HEADER_EN = ['date', 'municipality key', 'navigator id', 'channel', 'topic', 'age group', 'participants', 'minutes', 'digital offer'];
// ISO date, AGS, Lotse, format, topic, age group, participants, minutes, offer
const ROWS: [string, string, string, string, string, string, number, number, string][] = [
	['2025-12-31', '13076034', 'MV-L001', 'Hausbesuch', 'Online-Banking für Ältere', '75+', 1, 60, 'BundID'],
	['2024-03-05', '08111000', 'BW-L0001', 'Sprechstunde vor Ort', 'E-Rezept; Apotheke', '65–74', 3, 45, ''],
	['2025-01-02', '130765654034', 'MV-L002', 'Online', 'Smartphone "Grundlagen"', 'unter 50', 1, 30, 'MV-Serviceportal'],
	['2025-06-30', '08115001', 'BW-L0002', 'Bürgerdialog', 'Betrugsschutz, Phishing', '50–64', 12, 90, '']
];
const EXPECTED = [
	{ datum: Date.UTC(2025, 11, 31), ags: '13076034', lotse_id: 'MV-L001', format: 'Hausbesuch', altersgruppe: '75+', teilnehmende: 1, minuten: 60 },
	{ datum: Date.UTC(2024, 2, 5), ags: '08111000', lotse_id: 'BW-L0001', format: 'Sprechstunde vor Ort', altersgruppe: '65–74', teilnehmende: 3, minuten: 45 },
	{ datum: Date.UTC(2025, 0, 2), ags: '13076034', lotse_id: 'MV-L002', format: 'Online', altersgruppe: 'unter 50', teilnehmende: 1, minuten: 30 },
	{ datum: Date.UTC(2025, 5, 30), ags: '08115001', lotse_id: 'BW-L0002', format: 'Bürgerdialog', altersgruppe: '50–64', teilnehmende: 12, minuten: 90 }
];
const germanDate = (iso: string) => iso.split('-').reverse().join('.');

async function loadedRows(file: string) {
	return db.query(
		`SELECT datum, ags, lotse_id, format, altersgruppe, teilnehmende, minuten FROM einsaetze WHERE _file = ? ORDER BY _line`,
		[file]
	);
}

describe.each([
	['UTF-8, comma, ISO dates, English header', { delimiter: ',', encoding: 'utf-8' }, HEADER_EN, false],
	['German Excel: Windows-1252, semicolon, CRLF, German dates', { delimiter: ';', encoding: 'windows-1252', eol: '\r\n' }, HEADER_DE, true],
	['UTF-8 with BOM, tab', { delimiter: '\t', encoding: 'utf-8-bom' }, HEADER_DE, true],
	['UTF-16 LE with BOM, pipe', { delimiter: '|', encoding: 'utf-16le-bom' }, HEADER_EN, false]
] as [string, CsvOptions, string[], boolean][])('CSV dialect: %s', (label, opts, header, german) => {
	it('loads every row with the right values', async () => {
		const name = `dialect_${opts.delimiter === '\t' ? 'tab' : opts.delimiter}_${opts.encoding}.csv`;
		const rows = ROWS.map((r) => [german ? germanDate(r[0]) : r[0], ...r.slice(1)] as (string | number)[]);
		const report = await importFile(db, { name, bytes: csvBytes(header, rows, opts) });
		expect(report.fatal).toBeNull();
		expect(report.kind).toBe('einsaetze');
		expect(report.dialect?.delimiter).toBe(opts.delimiter);
		expect(report.dialect?.encoding).toBe(opts.encoding === 'utf-16le-bom' ? 'utf-16le' : opts.encoding);
		expect([report.rowsRead, report.rowsLoaded, report.rowsRejected]).toEqual([4, 4, 0]);
		expect(await loadedRows(name)).toEqual(EXPECTED);
		const topics = await db.query<{ thema: string }>(`SELECT thema FROM einsaetze WHERE _file = ? ORDER BY _line`, [name]);
		expect(topics.map((t) => t.thema)).toEqual(ROWS.map((r) => r[4]));
	});
});

describe('XLSX', () => {
	it('reads Excel date cells and restores a key that lost its leading zero', async () => {
		const rows = ROWS.map((r) => [new Date(r[0] + 'T00:00:00Z'), r[1].startsWith('0') ? Number(r[1]) : r[1], ...r.slice(2)]);
		const report = await importFile(db, { name: 'excel.xlsx', bytes: await xlsxBytes(HEADER_DE, rows) });
		expect(report.fatal).toBeNull();
		expect(report.dialect?.format).toBe('xlsx');
		expect([report.rowsRead, report.rowsLoaded, report.rowsRejected]).toEqual([4, 4, 0]);
		expect(await loadedRows('excel.xlsx')).toEqual(EXPECTED);
		// lines 3 and 5 held 8111000 and 8115001 as numbers
		expect(report.repairs.map((r) => [r.line, r.from, r.to])).toEqual([
			[3, '8111000', '08111000'],
			[5, '8115001', '08115001']
		]);
	});

	it('reads Excel serial numbers in a date column', async () => {
		// 45657 = 31.12.2024 (days since 30.12.1899)
		const report = await importFile(db, {
			name: 'serial.xlsx',
			bytes: await xlsxBytes(HEADER_DE, [[45657, '13076034', 'MV-L009', 'Telefon', 'Test', '75+', 1, 20, '']])
		});
		expect(report.rowsLoaded).toBe(1);
		expect((await db.query(`SELECT datum FROM einsaetze WHERE _file = 'serial.xlsx'`))[0]).toEqual({ datum: Date.UTC(2024, 11, 31) });
	});
});

describe('Parquet', () => {
	it('loads typed columns through parquet-wasm and Arrow', async () => {
		const bytes = parquetBytes({
			datum: { days: ROWS.map((r) => daysSinceEpoch(r[0])) },
			ags: ROWS.map((r) => r[1]),
			lotse_id: ROWS.map((r) => r[2]),
			format: ROWS.map((r) => r[3]),
			thema: ROWS.map((r) => r[4]),
			altersgruppe: ROWS.map((r) => r[5]),
			teilnehmende: Int32Array.from(ROWS.map((r) => r[6])),
			minuten: Int32Array.from(ROWS.map((r) => r[7])),
			digitales_angebot: ROWS.map((r) => r[8] || null)
		});
		const report = await importFile(db, { name: 'data.parquet', bytes });
		expect(report.fatal).toBeNull();
		expect(report.dialect?.format).toBe('parquet');
		expect([report.rowsRead, report.rowsLoaded, report.rowsRejected]).toEqual([4, 4, 0]);
		expect(await loadedRows('data.parquet')).toEqual(EXPECTED);
		expect(balanced(report)).toBe(true);
	});
});
