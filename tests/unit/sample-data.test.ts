/** The committed sample files: each imports completely; the faulty one exactly as documented. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { importFile } from '../../src/lib/import/import-file';
import { rejectedRowsCsv } from '../../src/lib/import/rejects-csv';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

const load = (f: string) => importFile(db, { name: f, bytes: new Uint8Array(readFileSync(`data/sample/${f}`)) });

describe('sample data', () => {
	it.each([
		['beispieldaten_einsaetze_bw.parquet', 'einsaetze', 'parquet'],
		['beispieldaten_einsaetze_mv.csv', 'einsaetze', 'csv'],
		['beispieldaten_coworking_mv.csv', 'coworking', 'csv'],
		['beispieldaten_qualifizierung.xlsx', 'qualifizierung', 'xlsx']
	])('%s loads every row and is marked as sample data', async (file, kind, format) => {
		const r = await load(file);
		expect(r.fatal).toBeNull();
		expect([r.kind, r.dialect?.format, r.sample]).toEqual([kind, format, true]);
		expect(r.rowsRejected).toBe(0);
		expect(r.rowsRead).toBeGreaterThan(0);
		expect(balanced(r)).toBe(true);
	});

	it('the German Excel CSV is Windows-1252 with € and typographic quotes intact', async () => {
		const r = await load('beispieldaten_coworking_mv.csv');
		expect(r.dialect).toMatchObject({ encoding: 'windows-1252', delimiter: ';', decimal: ',' });
		const names = await db.query<{ name: string }>(`SELECT name FROM coworking WHERE name LIKE '%€%' OR name LIKE '%„%'`);
		expect(names.length).toBeGreaterThan(0);
		expect(names.every((n) => !/[\u0080-\u009f]/.test(n.name))).toBe(true);
	});

	it('the faulty file is rejected exactly where its sidecar says', async () => {
		const expected = JSON.parse(readFileSync('tests/fixtures/beispieldaten_fehlerhaft_einsaetze.expected.json', 'utf8'));
		const r = await load('beispieldaten_fehlerhaft_einsaetze.csv');
		expect([r.rowsRead, r.rowsLoaded, r.rowsRejected]).toEqual([expected.rowsRead, expected.rowsLoaded, expected.rowsRejected]);
		const canonical = (col: string) => (col === '' ? null : r.columns[col]);
		expect(r.rejections.map((x) => [x.line, canonical(x.column)])).toEqual(
			expected.rejected.map((x: { line: number; column: string | null }) => [x.line, x.column])
		);
		// the 7-digit key on line 2 is repaired, not rejected
		expect(r.repairs.map((x) => [x.line, x.from, x.to])).toEqual([[2, '8235033', '08235033']]);
		// the formula in a topic is loaded as text; the rejected-rows CSV neutralises formulas
		const f = await db.query<{ thema: string }>(`SELECT thema FROM einsaetze WHERE thema LIKE '=%'`);
		expect(f.length).toBe(1);
		const csv = rejectedRowsCsv(r);
		expect(csv.startsWith('\ufeffZeile;Grund;')).toBe(true);
		expect(csv.split('\r\n').filter((l) => /^\d+;/.test(l)).map((l) => Number(l.split(';')[0]))).toEqual(expected.rejected.map((x: { line: number }) => x.line));
	});
});
