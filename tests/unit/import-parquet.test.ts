/**
 * Parquet files are checked on their typed columns, in batches of row groups (parquet-validate.ts).
 * Every file here is written by parquet-wasm with small row groups and imported both as one
 * batch and in batches of a few rows, so the batch ends fall between rows that depend on each
 * other (a duplicate and its first row, a decimal mark and the value it decides).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { importFile, type ImportOptions } from '../../src/lib/import/import-file';
import type { Db } from '../../src/lib/db/types';
import type { ImportReport } from '../../src/lib/import/report';
import { referenceDb, balanced } from './helpers/db';
import { parquetBytes, daysSinceEpoch } from './helpers/fixtures';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

const d = daysSinceEpoch;
const brief = (r: ImportReport) => r.rejections.map((x) => [x.line, x.column, x.code]);

// line = index + 2 (header = line 1); the comment says what the row must give
const EINSAETZE = {
	Datum: { days: [d('2025-03-01'), d('2025-03-02'), null, d('2017-12-31'), d('2025-03-05'), d('2025-03-06'), d('2025-03-07'), d('2025-03-08'), d('2025-03-09'), d('2025-03-10'), d('2025-03-11'), d('2030-12-31')] },
	Gemeindeschlüssel: ['13076034', '8111000', '13076034', '13076034', '99999999', '13076034', '13076034', '13076034', '13076034', '13076034', '13076034', '130765654034'],
	Lotse: ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9', 'L10', 'L11', 'L12'],
	Format: ['Telefon', 'Hausbesuch', 'Telefon', 'Telefon', 'Telefon', 'Fax', 'Telefon', 'Telefon', 'Telefon', 'Telefon', 'Telefon', 'online'],
	Thema: ['E-Rezept', 'BundID', 'T', 'T', 'T', 'T', 'T', 'T', 'T', 'T', null, 'Banking'],
	Altersgruppe: ['75+', '65–74', '75+', '75+', '75+', '75+', '75+', '75+', '75+', '75+', '75+', '65-74'],
	Teilnehmende: { int32: [1, 2, 1, 1, 1, 1, -2, null, 1, 1, 1, 12] },
	Minuten: { float64: [30, 63.5, 30, 30, 30, 30, 30, 30, NaN, 2000, 30, 90.25] },
	'Digitales Angebot': ['BundID', null, null, null, null, null, null, null, null, null, null, 'Serviceportal']
};
// worked out by hand from the rows above: lines 2, 3 and 13 load; every other line has one error
const EINSAETZE_REJECTED = [
	[4, 'Datum', 'missing_value'],
	[5, 'Datum', 'date_out_of_range'],
	[6, 'Gemeindeschlüssel', 'unknown_key'],
	[7, 'Format', 'unknown_value'],
	[8, 'Teilnehmende', 'negative'],
	[9, 'Teilnehmende', 'missing_value'],
	[10, 'Minuten', 'not_a_number'],
	[11, 'Minuten', 'too_large'],
	[12, 'Thema', 'missing_value']
];

async function loaded(file: string) {
	return db.query(`SELECT datum, ags, lotse_id, format, thema, altersgruppe, teilnehmende, minuten, digitales_angebot, _line FROM einsaetze WHERE _file = ? ORDER BY _line`, [file]);
}

describe('Parquet checked on typed columns, in batches', () => {
	const bytes = parquetBytes(EINSAETZE, { rowGroupRows: 3 });

	it.each([
		['one batch', {}],
		['batches of 3 rows (4 batches)', { parquetBatchRows: 3 }],
		['batches of 6 rows', { parquetBatchRows: 5 }]
	] as [string, ImportOptions][])('typed dates and numbers, text keys and lists: exact counts, lines and values (%s)', async (_, opts) => {
		const name = `typed-${opts.parquetBatchRows ?? 0}.parquet`;
		const r = await importFile(db, { name, bytes }, opts);
		expect(r.fatal).toBeNull();
		expect([r.rowsRead, r.rowsLoaded, r.rowsRejected]).toEqual([12, 3, 9]);
		expect(balanced(r)).toBe(true);
		expect(brief(r)).toEqual(EINSAETZE_REJECTED);
		expect(r.rejections.find((x) => x.line === 6)?.value).toBe('99999999');
		expect(r.rejections.find((x) => x.line === 11)?.value).toBe('2000.0');
		// the key that lost its leading zero is repaired and says so
		expect(r.repairs.map((x) => [x.line, x.column, x.from, x.to])).toEqual([[3, 'Gemeindeschlüssel', '8111000', '08111000']]);
		// the rejected rows as the file holds them, for the download
		expect(r.rejectedRecords.rows.map((x) => x.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
		expect(r.rejectedRecords.rows.find((x) => x.line === 7)?.values).toEqual(['2025-03-06', '13076034', 'L6', 'Fax', 'T', '75+', '1', '30.0', '']);
		expect(r.dialect?.decimalByColumn).toEqual({ Teilnehmende: null, Minuten: null });
		expect(await loaded(name)).toEqual([
			{ datum: Date.UTC(2025, 2, 1), ags: '13076034', lotse_id: 'L1', format: 'Telefon', thema: 'E-Rezept', altersgruppe: '75+', teilnehmende: 1, minuten: 30, digitales_angebot: 'BundID', _line: 2 },
			{ datum: Date.UTC(2025, 2, 2), ags: '08111000', lotse_id: 'L2', format: 'Hausbesuch', thema: 'BundID', altersgruppe: '65–74', teilnehmende: 2, minuten: 63.5, digitales_angebot: null, _line: 3 },
			// ARS 13 076 5654 034 is the Gemeinde 13076034; 'online' and '65-74' are spellings of the allowed values
			{ datum: Date.UTC(2030, 11, 31), ags: '13076034', lotse_id: 'L12', format: 'Online', thema: 'Banking', altersgruppe: '65–74', teilnehmende: 12, minuten: 90.25, digitales_angebot: 'Serviceportal', _line: 13 }
		]);
		// nothing of the batches stays behind
		const temp = await db.query<{ table_name: string }>(`SELECT table_name FROM duckdb_tables() WHERE table_name IN ('_pqb', '_chk', '_pq_seen', '_pq_rej')`);
		expect(temp).toEqual([]);
	});

	it('a fraction in a whole-number field and a whole number in a decimal field (typed Float64 / Int32)', async () => {
		const r = await importFile(
			db,
			{
				name: 'frac.parquet',
				bytes: parquetBytes({ ...Object.fromEntries(Object.entries(EINSAETZE).map(([k, v]) => [k, Array.isArray(v) ? v.slice(0, 2) : 'days' in v ? { days: v.days.slice(0, 2) } : v])), Teilnehmende: { float64: [1.5, 3] }, Minuten: { int32: [45, -1] } })
			},
			{ parquetBatchRows: 1 }
		);
		expect([r.rowsRead, r.rowsLoaded, r.rowsRejected]).toEqual([2, 0, 2]);
		expect(brief(r)).toEqual([
			[2, 'Teilnehmende', 'not_an_integer'],
			[3, 'Minuten', 'negative']
		]);
	});

	it('a number field written as text gets its decimal mark from the whole file, not from its batch', async () => {
		// '1.000' in the first batch is 1000 only because '63,5' in the last batch shows the decimal comma
		const base = { Datum: { days: [d('2025-03-01'), d('2025-03-02'), d('2025-03-03'), d('2025-03-04')] }, AGS: ['13076034', '13076034', '13076034', '13076034'], Lotse: ['A', 'B', 'C', 'D'], Format: ['Telefon', 'Telefon', 'Telefon', 'Telefon'], Thema: ['T', 'T', 'T', 'T'], Altersgruppe: ['75+', '75+', '75+', '75+'], Teilnehmende: ['1', '2', '1.500', '4'] };
		const withComma = parquetBytes({ ...base, Minuten: ['1.000', '30', '45', '63,5'] }, { rowGroupRows: 1 });
		const r = await importFile(db, { name: 'text-numbers.parquet', bytes: withComma }, { parquetBatchRows: 1 });
		expect(r.fatal).toBeNull();
		expect([r.rowsRead, r.rowsLoaded, r.rowsRejected]).toEqual([4, 4, 0]);
		expect(r.dialect?.decimalByColumn).toEqual({ Teilnehmende: null, Minuten: ',' });
		// participants are whole numbers: 1.500 can only be 1500
		expect(await db.query(`SELECT teilnehmende, minuten FROM einsaetze WHERE _file = 'text-numbers.parquet' ORDER BY _line`)).toEqual([
			{ teilnehmende: 1, minuten: 1000 },
			{ teilnehmende: 2, minuten: 30 },
			{ teilnehmende: 1500, minuten: 45 },
			{ teilnehmende: 4, minuten: 63.5 }
		]);
		// without the proof, 1.000 minutes is ambiguous and rejected, never loaded as 1
		const noProof = parquetBytes({ ...base, Minuten: ['1.000', '30', '45', '63'] }, { rowGroupRows: 1 });
		const r2 = await importFile(db, { name: 'text-numbers-2.parquet', bytes: noProof }, { parquetBatchRows: 1 });
		expect(brief(r2)).toEqual([[2, 'Minuten', 'ambiguous_number']]);
		expect([r2.rowsRead, r2.rowsLoaded, r2.rowsRejected]).toEqual([4, 3, 1]);
	});

	it('free text is trimmed as before whether or not its batch needs it (spaces, no-break space, blank)', async () => {
		const n = 6;
		const text = parquetBytes(
			{
				Datum: { days: Array(n).fill(d('2025-03-01')) },
				AGS: Array(n).fill('13076034'),
				// batch 1 needs no trim; batch 2 has a no-break space and a trailing space; batch 3 a blank
				Lotse: ['Ölmühle-1', 'B', '\u00a0C', 'D ', '  ', 'E '],
				Format: Array(n).fill('Telefon'),
				Thema: Array(n).fill('T'),
				Altersgruppe: Array(n).fill('75+'),
				Teilnehmende: { int32: Array(n).fill(1) },
				Minuten: { int32: Array(n).fill(30) }
			},
			{ rowGroupRows: 2 }
		);
		for (const opts of [{}, { parquetBatchRows: 2 }] as ImportOptions[]) {
			const r = await importFile(db, { name: 'text.parquet', bytes: text }, opts);
			expect([r.rowsRead, r.rowsLoaded, r.rowsRejected]).toEqual([6, 5, 1]);
			expect(brief(r)).toEqual([[6, 'Lotse', 'missing_value']]);
			expect((await db.query<{ lotse_id: string }>(`SELECT lotse_id FROM einsaetze WHERE _file = 'text.parquet' ORDER BY _line`)).map((x) => x.lotse_id)).toEqual(['Ölmühle-1', 'B', 'C', 'D', 'E']);
		}
	});

	it('finds duplicate keys across batches, with the line of the first occurrence', async () => {
		const pop = parquetBytes(
			{
				Gemeindeschlüssel: ['13076034', '08111000', '13076053', '13076034', '8111000', '13076053', '99999999'],
				'Einwohner 65+': { int32: [100, 200, 300, 400, 500, -1, 700] },
				Stichtag: { days: [d('2024-12-31'), d('2024-12-31'), d('2024-12-31'), d('2024-12-31'), d('2024-12-31'), d('2024-12-31'), d('2024-12-31')] }
			},
			{ rowGroupRows: 2 }
		);
		const reports: ImportReport[] = [];
		for (const opts of [{}, { parquetBatchRows: 2 }, { parquetBatchRows: 1 }] as ImportOptions[]) {
			const r = await importFile(db, { name: 'pop.parquet', bytes: pop }, opts);
			expect([r.rowsRead, r.rowsLoaded, r.rowsRejected]).toEqual([7, 3, 4]);
			// line 5 repeats line 2; line 6 (8111000 → 08111000) repeats line 3; line 7 repeats line 4 and is negative
			expect(r.rejections.map((x) => [x.line, x.column, x.code, x.params.first ?? ''])).toEqual([
				[5, 'Gemeindeschlüssel', 'duplicate', 2],
				[6, 'Gemeindeschlüssel', 'duplicate', 3],
				[7, 'Einwohner 65+', 'negative', ''],
				[7, 'Gemeindeschlüssel', 'duplicate', 4],
				[8, 'Gemeindeschlüssel', 'unknown_key', '']
			]);
			expect(await db.query(`SELECT ags, einwohner_65plus, _line FROM bevoelkerung_65plus WHERE _file = 'pop.parquet' ORDER BY _line`)).toEqual([
				{ ags: '13076034', einwohner_65plus: 100, _line: 2 },
				{ ags: '08111000', einwohner_65plus: 200, _line: 3 },
				{ ags: '13076053', einwohner_65plus: 300, _line: 4 }
			]);
			reports.push(r);
		}
		expect(reports[1]).toEqual(reports[0]);
		expect(reports[2]).toEqual(reports[0]);
	});

	it.each([true, false])('out of memory in a later batch: "zu groß" with the rows read, and the earlier rows of the file stay (pre-check %s)', async (parquetPrecheck) => {
		const name = 'oom.parquet';
		const first = await importFile(db, { name, bytes });
		expect(first.rowsLoaded).toBe(3);
		// DuckDB runs out of memory on the first Arrow insert after the first batch (3 rows) was handed over
		let handedOver = 0;
		const tight: Db = {
			...db,
			query: db.query.bind(db),
			exec: db.exec.bind(db),
			async insertArrowIPC(table, ipc, create) {
				if (handedOver >= 3) throw new Error('{"exception_type":"Out of Memory","exception_message":"Allocation failure"}');
				return db.insertArrowIPC(table, ipc, create);
			}
		};
		const r = await importFile(tight, { name, bytes }, { parquetBatchRows: 3, parquetPrecheck, onProgress: (p) => (handedOver = p.rowsRead) });
		expect(r.fatal?.code).toBe('file_too_large');
		expect(r.fatal?.message).toMatch(/^Die Datei ist zu groß für den Browser: 3 Zeilen gelesen/);
		expect(r.rowsLoaded).toBe(0);
		expect((await loaded(name)).map((x) => x._line)).toEqual([2, 3, 13]);
		expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name IN ('_pqb', '_chk', '_pq_seen', '_pq_rej', 'stg')`)).toEqual([]);
	});

	it('a Parquet file without rows is "header only"', async () => {
		const empty = parquetBytes({ Datum: { days: [] }, AGS: [], Lotse: [], Format: [], Thema: [], Altersgruppe: [], Teilnehmende: { int32: [] }, Minuten: { float64: [] } });
		const r = await importFile(db, { name: 'empty.parquet', bytes: empty });
		expect(r.fatal?.code).toBe('header_only');
	});
});
