/**
 * DuckDB's read_csv was reported to mistype decimal-comma columns after 2,047 lines
 * (duckdb #12856). Our import parses numbers itself, but a long file proves it end to end.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { importFile } from '../../src/lib/import/import-file';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';
import { csvBytes } from './helpers/fixtures';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

describe('a 3,000-row decimal-comma file', () => {
	it('keeps every amount right, also after line 2,048', async () => {
		const H = ['Projekt-ID', 'Projektname', 'AGS', 'Programm', 'Betrag', 'Status'];
		const N = 3000;
		// amounts: rows before 2,048 are whole numbers, later ones carry cents, so a sniffer that
		// decides on the first 2,047 lines would guess wrong.
		const de = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2 });
		const amount = (i: number) => (i < 2100 ? String(1000 + i) : de.format(1000 + i + (i % 100) / 100)); // "3.100,00"
		const rows = Array.from({ length: N }, (_, i) => [`P${i}`, `Projekt ${i}`, '13076034', 'ILERL M-V', amount(i), 'bewilligt']);
		expect(rows[2999][4]).toBe('3.999,99');
		const report = await importFile(db, { name: 'long.csv', bytes: csvBytes(H, rows) });
		expect(report.fatal).toBeNull();
		expect([report.rowsRead, report.rowsLoaded, report.rowsRejected]).toEqual([N, N, 0]);
		expect(balanced(report)).toBe(true);
		const sum = (await db.query<{ s: number; n: number; last: number }>(
			`SELECT round(sum(betrag_eur), 2) AS s, count(*)::INT AS n, max(betrag_eur) AS last FROM coworking WHERE _file = 'long.csv'`
		))[0];
		// sum_{i<2100}(1000+i) = 2100*1000 + 2099*2100/2 = 4,303,950
		// sum_{2100<=i<3000}(1000+i) = 900*1000 + (2100+2999)*900/2 = 3,194,550; cents: (i % 100) over 9 full centuries = 9 * 4950 / 100 = 445.50
		expect(sum).toEqual({ s: 4303950 + 3194550 + 445.5, n: N, last: 3999.99 });
	});
});
