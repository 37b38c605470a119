/**
 * Property: whatever dialect a file is written in (delimiter, space after it, quote, escape,
 * encoding, line end, title lines, number format, date format, header language, XLSX sheets),
 * the loaded values equal the generated ones. Seeded, so a failure names its seed; bounded in time.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { importFile } from '../../src/lib/import/import-file';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';
import { csvFileBytes, csvText, prng, randomDialect, randomRows, xlsxFileBytes, type ActivityRow } from './helpers/generate';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

// Up to 240 CSV files and 16 workbooks, but generation stops when the time budget is spent
// (the machine running CI may be slower); at least MIN_* files must have been checked.
const CSV_FILES = 240;
const XLSX_FILES = 16;
const BUDGET_MS = 35_000;
const MIN_CSV = 120;
const MIN_XLSX = 8;

async function loadedRows(file: string): Promise<ActivityRow[]> {
	const rows = await db.query<{ datum: number; ags: string; lotse_id: string; format: string; thema: string; altersgruppe: string; teilnehmende: number; minuten: number }>(
		`SELECT datum, ags, lotse_id, format, thema, altersgruppe, teilnehmende, minuten FROM einsaetze WHERE _file = ? ORDER BY _line, lotse_id`,
		[file]
	);
	return rows.map((x) => ({ ...x, datum: new Date(x.datum).toISOString().slice(0, 10) }));
}

const byId = (a: ActivityRow, b: ActivityRow) => a.lotse_id.localeCompare(b.lotse_id, 'en', { numeric: true });

describe('property: loaded values equal generated values in every dialect', () => {
	it(`up to ${CSV_FILES} CSV files and ${XLSX_FILES} workbooks, time-bounded`, async () => {
		const t0 = performance.now();
		let files = 0;
		const csvBudget = BUDGET_MS * 0.75;
		let csvFiles = 0;
		let xlsxFiles = 0;
		for (let seed = 1; seed <= CSV_FILES && (csvFiles < MIN_CSV || performance.now() - t0 < csvBudget); seed++) {
			const r = prng(seed);
			const d = randomDialect(r);
			const rows = randomRows(r, r.int(1, 12), seed, true);
			const name = `prop_${seed}.csv`;
			const report = await importFile(db, { name, bytes: csvFileBytes(rows, d) });
			const ctx = `seed ${seed}, dialect ${JSON.stringify(d)}\n${csvText(rows, d).slice(0, 600)}\n${JSON.stringify(report.rejections.slice(0, 3))}`;
			expect(report.fatal, ctx).toBeNull();
			expect([report.rowsRead, report.rowsLoaded, report.rowsRejected], ctx).toEqual([rows.length, rows.length, 0]);
			expect(report.dialect?.delimiter, ctx).toBe(d.delimiter);
			expect(report.skipped.map((s) => s.line), ctx).toEqual(d.preamble.map((_, i) => i + 1));
			expect((await loadedRows(name)).sort(byId), ctx).toEqual([...rows].sort(byId));
			await db.exec(`DELETE FROM einsaetze WHERE _file = '${name}'`);
			files++;
			csvFiles++;
		}
		for (let seed = 1001; seed < 1001 + XLSX_FILES && (xlsxFiles < MIN_XLSX || performance.now() - t0 < BUDGET_MS); seed++) {
			const r = prng(seed);
			const d = randomDialect(r);
			const sheets = Array.from({ length: r.int(1, 3) }, (_, s) => randomRows(r, r.int(1, 6), seed * 10 + s, false));
			const name = `prop_${seed}.xlsx`;
			const report = await importFile(db, { name, bytes: await xlsxFileBytes(r, sheets, d) });
			const all = sheets.flat();
			const ctx = `seed ${seed}, dialect ${JSON.stringify(d)} ${JSON.stringify(report.rejections.slice(0, 3))}`;
			expect(report.fatal, ctx).toBeNull();
			expect(balanced(report)).toBe(true);
			expect([report.rowsRead, report.rowsLoaded], ctx).toEqual([all.length, all.length]);
			expect(report.sheets.map((s) => [s.sheet, s.rowsRead, s.rowsLoaded]), ctx).toEqual(sheets.map((s, i) => [`Monat ${i + 1}`, s.length, s.length]));
			expect((await loadedRows(name)).sort(byId), ctx).toEqual([...all].sort(byId));
			files++;
			xlsxFiles++;
		}
		const ms = performance.now() - t0;
		console.log(`property test: ${csvFiles} CSV + ${xlsxFiles} XLSX files in ${Math.round(ms)} ms`);
		expect(csvFiles).toBeGreaterThanOrEqual(MIN_CSV);
		expect(xlsxFiles).toBeGreaterThanOrEqual(MIN_XLSX);
	}, 120_000);
});
