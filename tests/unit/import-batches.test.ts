/**
 * A CSV checked batch by batch while it is read (validate-staged.ts `BatchValidation`, the path
 * of files larger than one batch) loads exactly what the whole file read at once loads: the same
 * report and the same rows. Batches are tiny here (7–13 rows) so every rule meets a batch
 * boundary: a duplicate of a row of an earlier batch, a decimal mark the first batch votes for
 * and the whole file does not, a file that turns unclean at one line.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { importFile, localCsvSourceWith } from '../../src/lib/import/import-file';
import type { ImportReport } from '../../src/lib/import/report';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';
import { encode } from './helpers/fixtures';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

/** the database, counting the statements that match `re` */
function counting(re: RegExp): { db: Db; count: () => number } {
	let n = 0;
	const wrapped: Db = {
		...db,
		exec: async (sql) => {
			if (re.test(sql)) n++;
			return db.exec(sql);
		},
		query: async (sql, params) => {
			if (re.test(sql)) n++;
			return db.query(sql, params);
		}
	} as Db;
	return { db: wrapped, count: () => n };
}

async function load(name: string, text: string, mode: 'whole' | { chunkBytes: number; batch: number }, useDb: Db = db) {
	const report = await importFile(
		useDb,
		{ name, bytes: encode(text) },
		// csvOnePass false: the batched chunked path (a clean file would otherwise load in one pass, import-one-pass.test.ts)
		mode === 'whole' ? { csvMode: 'whole' } : { csvSource: localCsvSourceWith({ chunkBytes: mode.chunkBytes }), validateBatchRows: mode.batch, csvOnePass: false }
	);
	const table = report.kind === 'qualifizierung' ? 'qualifizierung' : 'einsaetze';
	const rows = report.kind ? await db.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE _file = '${name}' ORDER BY _line`) : [];
	return { report, rows };
}

/** the batched read equals the whole read; returns the whole read's report and rows */
async function sameBothWays(name: string, text: string, batch: number, chunkBytes = 256, marker = /^INSERT INTO _load|INSERT INTO "_load"/) {
	const whole = await load(name, text, 'whole');
	expect(balanced(whole.report)).toBe(true);
	const c = counting(marker);
	const batched = await load(name, text, { chunkBytes, batch }, c.db);
	// more than one batch was checked (or this test would not test the batched path)
	expect(c.count()).toBeGreaterThan(1);
	expect(batched.report).toEqual(whole.report as ImportReport);
	expect(batched.rows).toEqual(whole.rows);
	return whole;
}

describe('checked batch by batch = whole file', () => {
	it('finds a duplicate of a row of an earlier batch, with the first row’s line', async () => {
		const head = 'Lotsen-ID;Gemeindeschlüssel;Anbieter;Modul;Beginn;Abschluss;Status';
		const lines = [head];
		// 60 rows (lines 2–61), each Lotse + module once; line 50 repeats line 10's Lotse and module
		for (let i = 0; i < 60; i++) lines.push(`L${i};13076034;VHS;${i % 2 ? 'Open Data' : 'E-Government'};01.02.2024;01.03.2024;abgeschlossen`);
		lines[49] = lines[9].replace('01.02.2024', '05.02.2024');
		const { report, rows } = await sameBothWays('quali-dup.csv', lines.join('\n') + '\n', 7, 256, /^INSERT INTO _keys/);
		expect(report.rowsRead).toBe(60);
		expect(report.rowsLoaded).toBe(59);
		expect(report.rejections.map((r) => [r.line, r.column, r.code, r.reason])).toEqual([[50, 'Lotsen-ID', 'duplicate', 'Duplikat von Zeile 10']]);
		expect(rows.map((r) => r._line)).not.toContain(50);
		// one read: nothing made the file be read again
		const starts = counting(/^DROP TABLE IF EXISTS stg$/);
		await load('quali-dup.csv', lines.join('\n') + '\n', { chunkBytes: 256, batch: 7 }, starts.db);
		expect(starts.count()).toBe(1);
		expect(rows.find((r) => r._line === 10)).toMatchObject({ lotse_id: 'L8', modul: 'E-Government', ags: '13076034' });
	});

	it('votes the decimal mark over the whole file, not its first batch', async () => {
		const lines = ['Datum;AGS;Lotse;Format;Thema;Altersgruppe;Teilnehmende;Minuten'];
		// rows 1–20 (lines 2–21) write 63,5; rows 21–80 (lines 22–81) write 45.5: the point wins 60 : 20
		for (let i = 0; i < 80; i++) lines.push(`03.03.2025;13076034;L${i};Telefon;Thema ${i};75+;2;${i < 20 ? '63,5' : '45.5'}`);
		const { report, rows } = await sameBothWays('vote.csv', lines.join('\n') + '\n', 13);
		expect(report.dialect?.decimalByColumn?.Minuten).toBe('.');
		expect(report.rowsLoaded).toBe(60);
		expect(report.rejections.map((r) => r.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
		expect(new Set(report.rejections.map((r) => `${r.column} ${r.code} ${r.value}`))).toEqual(new Set(['Minuten mixed_decimal 63,5']));
		expect(rows.map((r) => r.minuten)).toEqual(Array(60).fill(45.5));
		expect(rows[0]._line).toBe(22);
		// the first batch (rows 1–14 or so, all 63,5) voted for the comma: the file was read a second time
		const starts = counting(/^DROP TABLE IF EXISTS stg$/);
		await load('vote.csv', lines.join('\n') + '\n', { chunkBytes: 256, batch: 13 }, starts.db);
		expect(starts.count()).toBe(2);
	});

	it('a file that turns unclean at line 150: exact lines rejected, the rows around it loaded as written', async () => {
		const lines = ['Datum;AGS;Lotse;Format;Thema;Altersgruppe;Teilnehmende;Minuten'];
		const row = (i: number) => `${(i % 28) + 1}.04.2025;13076034;L${i};Hausbesuch;Thema ${i};65-74;${(i % 3) + 1};${30 + (i % 4)},5`;
		for (let line = 2; line <= 300; line++) {
			if (line === 150) lines.push('01.04.2025;13076034;L-x;Telefon;"offen ohne Ende;75+;1;30');
			else if (line === 151) lines.push(row(line) + ';zu viel');
			else if (line === 152) lines.push(row(line).replace('Hausbesuch', 'Brieftaube'));
			else lines.push(row(line));
		}
		const { report, rows } = await sameBothWays('unclean.csv', lines.join('\r\n') + '\r\n', 11, 1024);
		expect(report.rowsRead).toBe(299);
		expect(report.rowsLoaded).toBe(296);
		expect(report.rejections.map((r) => [r.line, r.code])).toEqual([
			[150, 'unclosed_quote'],
			[151, 'too_many_fields'],
			[152, 'unknown_value']
		]);
		// line 149: row(149) = 10.04.2025 (149 % 28 = 9), 3 participants (149 % 3 = 2), 31,5 minutes (149 % 4 = 1)
		expect(rows.find((r) => r._line === 149)).toMatchObject({ lotse_id: 'L149', teilnehmende: 3, minuten: 31.5, altersgruppe: '65–74' });
		// line 153: 14.04.2025 (153 % 28 = 13), 1 participant (153 % 3 = 0), 31,5 minutes (153 % 4 = 1)
		expect(rows.find((r) => r._line === 153)).toMatchObject({ lotse_id: 'L153', teilnehmende: 1, minuten: 31.5, datum: Date.UTC(2025, 3, 14) });
	});

	it('cancelled after some batches were checked: the file’s earlier rows stay, nothing of the new read', async () => {
		const row = (i: number, minutes: string) => `03.03.2025;13076034;L${i};Telefon;Thema ${i};75+;2;${minutes}`;
		const head = 'Datum;AGS;Lotse;Format;Thema;Altersgruppe;Teilnehmende;Minuten';
		// first import: 5 rows of 30 minutes, read whole
		const first = await load('cancel.csv', [head, ...Array.from({ length: 5 }, (_, i) => row(i, '30'))].join('\n') + '\n', 'whole');
		expect(first.report.rowsLoaded).toBe(5);
		// the same file name again, 200 rows of 45 minutes, cancelled once 60 rows were read (batches of 9 checked by then)
		const ctrl = new AbortController();
		const c = counting(/INSERT INTO "_load"/);
		const text = [head, ...Array.from({ length: 200 }, (_, i) => row(i, '45'))].join('\n') + '\n';
		const report = await importFile(
			c.db,
			{ name: 'cancel.csv', bytes: encode(text) },
			{ csvSource: localCsvSourceWith({ chunkBytes: 256 }), validateBatchRows: 9, csvOnePass: false, signal: ctrl.signal, onProgress: (p) => p.rowsRead >= 60 && ctrl.abort() }
		);
		expect(report.fatal?.code).toBe('cancelled');
		expect(c.count()).toBeGreaterThan(1);
		const rows = await db.query<{ minuten: number; _line: number }>(`SELECT minuten, _line FROM einsaetze WHERE _file = 'cancel.csv' ORDER BY _line`);
		expect(rows).toEqual([2, 3, 4, 5, 6].map((l) => ({ minuten: 30, _line: l })));
		expect((await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name IN ('stg', '_load', '_keys', '_chk')`))[0].n).toBe(0);
	});
});
