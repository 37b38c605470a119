/**
 * Issue 8: a rejected value from an Excel number or date cell is shown as the user sees it in
 * Excel (German `1,5`, `01.03.2025`; English `1.5`, `01/03/2025`), in the report, the rejected
 * rows' download and the command line; a text cell keeps its text exactly as written; the
 * loaded values and the report's `value` (what the file means) do not change.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importFile } from '../../src/lib/import/import-file';
import { formatReport } from '../../src/lib/import/report-text';
import { rejectedRowsCsv } from '../../src/lib/import/rejects-csv';
import { localizeReport } from '../../src/lib/import/localize';
import { shownValue } from '../../src/lib/import/cell-value';
import { message } from '../../src/lib/import/messages';
import { inspectFile } from '../../src/lib/import/inspect';
import type { ImportReport } from '../../src/lib/import/report';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';
import { xlsxWorkbook, type Cell } from './helpers/fixtures';

let db: Db;
let bytes: Uint8Array;
let report: ImportReport;
beforeAll(async () => {
	db = await referenceDb();
	bytes = await xlsxWorkbook([{ name: 'Einsätze', rows: [H, ...ROWS] }]);
	report = await importFile(db, { name: 'zahlen.xlsx', bytes });
});
afterAll(() => db.close());

const H = ['Datum', 'Gemeindeschlüssel', 'Lotse', 'Format', 'Thema', 'Altersgruppe', 'Teilnehmende', 'Minuten'];
const day = (d: number, m = 3, y = 2025) => new Date(Date.UTC(y, m - 1, d));
const r = (datum: Date | string, teilnehmende: Cell, minuten: Cell): (Cell | Date)[] => [datum, '13076034', 'MV-L001', 'Telefon', 'T', '75+', teilnehmende, minuten];
// strings are text cells, JS numbers number cells, Dates date cells (sheet row = index + 2)
const ROWS = [
	r(day(1), 1.5, 30), // 2: number cell 1.5 in a whole-number column
	r(day(2), '1,5', 30), // 3: text cell "1,5": rejected too, shown as written
	r(day(3), '1.500', 30), // 4: text cell "1.500" with the comma above: 1500 participants, loads
	r(day(4), 2, 63.5), // 5: loads
	r(day(5), 0.1 + 0.2, 30), // 6: 0.30000000000000004, Excel shows 0,3 (15 significant digits)
	r(day(6), -3, 30), // 7: negative number cell
	r(day(7), 2, 1500.25), // 8: number cell above 1440 minutes
	r(day(8), 2, '2000.5'), // 9: text cell above 1440 minutes (the column's only text: decimal point)
	r(day(3, 5, 2010), 2, 30), // 10: date cell before 2018
	r('03.05.2010', 2, 30) // 11: the same date as text
];

describe('rejected values from Excel number and date cells', () => {
	it('keeps the value as the file means it, marks number and date cells, loads the good rows unchanged', async () => {
		expect([report.rowsRead, report.rowsLoaded, report.rowsRejected]).toEqual([10, 2, 8]);
		expect(balanced(report)).toBe(true);
		expect(report.rejections.map((x) => [x.line, x.column, x.value, x.cell ?? null, x.code])).toEqual([
			[2, 'Teilnehmende', '1.5', 'number', 'not_an_integer'],
			[3, 'Teilnehmende', '1,5', null, 'not_an_integer'],
			[6, 'Teilnehmende', '0.30000000000000004', 'number', 'not_an_integer'],
			[7, 'Teilnehmende', '-3', 'number', 'negative'],
			[8, 'Minuten', '1500.25', 'number', 'too_large'],
			[9, 'Minuten', '2000.5', null, 'too_large'],
			[10, 'Datum', '2010-05-03', 'date', 'date_out_of_range'],
			[11, 'Datum', '03.05.2010', null, 'date_out_of_range']
		]);
		// "1.500" text = 1500 (the comma in row 3 decides the column), 63.5 stays 63.5
		expect(await db.query(`SELECT _line, teilnehmende, minuten FROM einsaetze WHERE _file = 'zahlen.xlsx' ORDER BY _line`)).toEqual([
			{ _line: 4, teilnehmende: 1500, minuten: 30 },
			{ _line: 5, teilnehmende: 2, minuten: 63.5 }
		]);
	});

	it('shows them as Excel does, German first; text cells exactly as written (the report table)', () => {
		const shown = (lang: 'de' | 'en') => report.rejections.map((x) => shownValue(x.value, x.cell, lang));
		expect(shown('de')).toEqual(['1,5', '1,5', '0,3', '-3', '1500,25', '2000.5', '03.05.2010', '03.05.2010']);
		expect(shown('en')).toEqual(['1.5', '1,5', '0.3', '-3', '1500.25', '2000.5', '03/05/2010', '03.05.2010']);
	});

	it('the command-line text report, German and English', () => {
		const de = formatReport(report, 'de').split('\n');
		expect(de).toContain('  Blatt „Einsätze“, Zeile 2, Spalte „Teilnehmende“: keine ganze Zahl [1,5]');
		expect(de).toContain('  Blatt „Einsätze“, Zeile 3, Spalte „Teilnehmende“: keine ganze Zahl [1,5]');
		expect(de).toContain('  Blatt „Einsätze“, Zeile 6, Spalte „Teilnehmende“: keine ganze Zahl [0,3]');
		expect(de).toContain('  Blatt „Einsätze“, Zeile 8, Spalte „Minuten“: unplausibel groß (höchstens 1440) [1500,25]');
		expect(de).toContain('  Blatt „Einsätze“, Zeile 9, Spalte „Minuten“: unplausibel groß (höchstens 1440) [2000.5]');
		expect(de).toContain('  Blatt „Einsätze“, Zeile 10, Spalte „Datum“: Datum außerhalb des plausiblen Bereichs 01.01.2018 bis 31.12.2030 [03.05.2010]');
		const en = formatReport(localizeReport(report, 'en'), 'en').split('\n');
		expect(en).toContain('  sheet „Einsätze“, line 2, column „Teilnehmende“: not a whole number [1.5]');
		expect(en).toContain('  sheet „Einsätze“, line 3, column „Teilnehmende“: not a whole number [1,5]');
		expect(en).toContain('  sheet „Einsätze“, line 8, column „Minuten“: implausibly large (at most 1440) [1500.25]');
		expect(en).toContain('  sheet „Einsätze“, line 10, column „Datum“: date outside the plausible range 01/01/2018 to 31/12/2030 [03/05/2010]');
		expect(en.some((l) => l.includes('line 11, column „Datum“') && l.endsWith('[03.05.2010]'))).toBe(true);
	});

	it('the assistant preview marks number and date cells too (shown as Excel shows them), text cells as written', async () => {
		const ins = await inspectFile(bytes, 'zahlen.xlsx');
		const shown = (lang: 'de' | 'en') => ins.preview.slice(0, 3).map((p) => p.fields.map((f, i) => shownValue(f, p.cells?.[i], lang)));
		expect(shown('de')).toEqual([
			['01.03.2025', '13076034', 'MV-L001', 'Telefon', 'T', '75+', '1,5', '30'],
			['02.03.2025', '13076034', 'MV-L001', 'Telefon', 'T', '75+', '1,5', '30'],
			['03.03.2025', '13076034', 'MV-L001', 'Telefon', 'T', '75+', '1.500', '30']
		]);
		expect(shown('en')[0]).toEqual(['01/03/2025', '13076034', 'MV-L001', 'Telefon', 'T', '75+', '1.5', '30']);
		expect(shown('en')[1][6]).toBe('1,5');
		expect(ins.preview[0].fields[6]).toBe('1.5');
	});

	it('a report stored before the English range existed (no min_en) still names its range', () => {
		expect(message('date_out_of_range', 'en', { min: '01.01.2018', max: '31.12.2030' })).toBe('date outside the plausible range 01.01.2018 to 31.12.2030');
		expect(message('date_out_of_range', 'en', { min: '01.01.2018', max: '31.12.2030', min_en: '01/01/2018', max_en: '31/12/2030' })).toBe('date outside the plausible range 01/01/2018 to 31/12/2030');
	});

	it('the rejected rows download: number and date cells as German Excel reads them, in both languages; text as written', () => {
		for (const lang of ['de', 'en'] as const) {
			const lines = rejectedRowsCsv(report, lang).split('\r\n');
			const row = (line: number) => lines.find((l) => l.startsWith(`Einsätze;${line};`))!.split(';');
			// Blatt; Zeile; Grund; then the file's columns: Datum … Teilnehmende (index 9), Minuten (10)
			expect(row(2)[3]).toBe('01.03.2025');
			expect([row(2)[9], row(2)[10]]).toEqual(['1,5', '30']);
			expect(row(3)[9]).toBe('1,5');
			expect(row(6)[9]).toBe('0,3');
			expect(row(7)[9]).toBe('-3');
			expect(row(8)[10]).toBe('1500,25');
			expect(row(9)[10]).toBe('2000.5');
			expect(row(10)[3]).toBe('03.05.2010');
			expect(row(11)[3]).toBe('03.05.2010');
			expect(lines.filter((l) => l.startsWith('Einsätze;')).length).toBe(8);
		}
	});

	it('npm run validate: the text shows 1,5 (English: formatReport above); --json keeps the value as the file means it and names the cell', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'dlm-xlnum-'));
		const f = path.join(dir, 'zahlen.xlsx');
		writeFileSync(f, bytes);
		const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...args], { encoding: 'utf8' });
		const de = run(f);
		expect(de.status).toBe(1);
		expect(de.stdout).toContain('Zeile 2, Spalte „Teilnehmende“: keine ganze Zahl [1,5]');
		expect(de.stdout).toContain('Zeile 10, Spalte „Datum“: Datum außerhalb des plausiblen Bereichs 01.01.2018 bis 31.12.2030 [03.05.2010]');
		const json = run(f, '--json');
		const rej = JSON.parse(json.stdout).files[0].rejections as { line: number; value: string; cell?: string }[];
		expect(rej.map((x) => [x.line, x.value, x.cell ?? null])).toEqual([
			[2, '1.5', 'number'],
			[3, '1,5', null],
			[6, '0.30000000000000004', 'number'],
			[7, '-3', 'number'],
			[8, '1500.25', 'number'],
			[9, '2000.5', null],
			[10, '2010-05-03', 'date'],
			[11, '03.05.2010', null]
		]);
	}, 60_000);
});
