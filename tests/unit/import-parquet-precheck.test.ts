/**
 * The guard of the Parquet pre-check (parquet-precheck.ts): the same files imported with the
 * pre-check on and off (the option `parquetPrecheck`) give equal reports (counts, lines, columns,
 * reasons, repairs, rejected rows) and equal tables, and the loaded values are the ones worked
 * out by hand below. Every file is written with one row per row group and imported as one batch
 * and in batches of 1, 2, 3, 5 and 6 rows, so good rows and rows for the SQL path share batches
 * in every arrangement. The test also counts the rows the pre-check appended itself, so it
 * cannot pass with the pre-check doing nothing.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { tableFromIPC, Table, vectorFromArray, Utf8 } from 'apache-arrow';
import { importFile, type ImportOptions } from '../../src/lib/import/import-file';
import { splitBatch, MAX_RUNS, type PrecheckRules } from '../../src/lib/import/parquet-precheck';
import { newProfile } from '../../src/lib/import/profile';
import type { Db } from '../../src/lib/db/types';
import type { ImportReport } from '../../src/lib/import/report';
import { referenceDb, balanced } from './helpers/db';
import { parquetBytes, daysSinceEpoch as d, type ParquetColumn } from './helpers/fixtures';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

/** rows the pre-check appended to a kind's table itself (Arrow inserts into it, not into `_pqb`) */
let appended = 0;
const counting = (): Db => ({
	...db,
	query: db.query.bind(db),
	exec: db.exec.bind(db),
	async insertArrowIPC(table, ipc, create) {
		if (table !== '_pqb') appended += tableFromIPC(ipc).numRows;
		return db.insertArrowIPC(table, ipc, create);
	}
});

const BATCHES: (number | undefined)[] = [undefined, 1, 2, 3, 5, 6];
const brief = (r: ImportReport) => r.rejections.map((x) => [x.line, x.column, x.code]);

/** batch sizes for the smaller cases (the first case runs each of BATCHES as its own test) */
const SOME: (number | undefined)[] = [undefined, 1, 3];

/**
 * Imports `bytes` with the pre-check off, then on, for every batch size; asserts equal reports and
 * tables each time; returns the last report, the table rows and the rows appended by the
 * pre-check per batch size.
 */
async function onAndOff(name: string, bytes: Uint8Array, table: string, columns: string, opts: ImportOptions = {}, batches = BATCHES) {
	const fast: number[] = [];
	let last: { report: ImportReport; rows: unknown[] } | null = null;
	for (const parquetBatchRows of batches) {
		const off = await importFile(db, { name, bytes }, { ...opts, parquetBatchRows, parquetPrecheck: false });
		expect(off.fatal).toBeNull();
		const offRows = await db.query(`SELECT ${columns}, _line FROM ${table} WHERE _file = ? ORDER BY _line`, [name]);
		appended = 0;
		const on = await importFile(counting(), { name, bytes }, { ...opts, parquetBatchRows, parquetPrecheck: true });
		const onRows = await db.query(`SELECT ${columns}, _line FROM ${table} WHERE _file = ? ORDER BY _line`, [name]);
		expect(on.fatal).toBeNull();
		expect(balanced(on)).toBe(true);
		expect(on).toEqual(off);
		expect(onRows).toEqual(offRows);
		if (last) expect(on).toEqual(last.report);
		fast.push(appended);
		last = { report: on, rows: onRows };
	}
	const temp = await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name IN ('_pqb', '_chk', '_pq_seen', '_pq_rej')`);
	expect(temp).toEqual([]);
	return { ...last!, fast };
}

// Einsätze: typed DATE, dictionary text (Lotse), text keys and lists, Int64 participants, Decimal(18,1) minutes.
// line = index + 2; the comment says what the row must give and which way it goes
const E: Record<string, ParquetColumn> = {
	Datum: { days: [d('2025-03-01'), d('2025-03-02'), null, d('2017-12-31'), d('2025-03-05'), d('2025-03-06'), d('2025-03-07'), d('2025-03-08'), d('2025-03-09'), d('2025-03-10'), d('2025-03-11'), d('2025-03-12'), d('2025-03-13'), d('2025-03-14'), d('2025-03-15'), d('2025-03-16'), d('2025-03-17'), d('2030-12-31'), d('2025-03-19'), d('2018-01-01')] },
	Gemeindeschlüssel: ['13076034', '8111000', '13076034', '13076034', '99999999', '13076034', '13076034', '13076034', '13076034', '13076034', '13076034', '13076034', '08111000', '130765654034', '13076034', '13076034', '13076034', '13076034', '13076034', '08111000'],
	Lotse: { dict: ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9', 'L10', 'L11', 'L12', 'L13', 'L14', 'L15', 'Ä16', 'L17', 'L18', '', 'L20'] },
	Format: ['Telefon', 'Hausbesuch', 'Telefon', 'Telefon', 'Telefon', 'Fax', 'Telefon', 'Telefon', 'Telefon', 'Telefon', 'Telefon', 'online', 'Bürgerdialog', 'Telefon', 'Telefon', 'Online', 'Telefon', 'Telefon', 'Telefon', 'Hausbesuch'],
	Thema: ['E-Rezept', 'BundID', 'T', 'T', 'T', 'T', 'T', 'T', 'T', null, ' T ', 'T', 'T', 'T', 'T', 'Ölmühle', '\u00a0T', 'T', 'T', 'Wohngeld'],
	Altersgruppe: ['75+', '65–74', '75+', '75+', '75+', '75+', '75+', '75+', '75+', '75+', '75+', '75+', 'unter 50', '65-74', '75+', '75+', '75+', '75+', '75+', '50–64'],
	Teilnehmende: { int64: [1, 2, 1, 1, 1, 1, -2, null, 1, 1, 1, 1, 3, 1, 10001, 1, 1, 1, 1, 10000] },
	Minuten: { decimal: [300, 635, 300, 300, 300, 300, 300, 300, 20000, 300, 300, 300, 300, 300, 300, 14400, 300, 635, 300, 1], scale: 1 },
	'Digitales Angebot': ['BundID', null, null, null, null, null, null, null, null, null, null, null, '', null, null, 'Serviceportal', null, null, null, null]
};

describe('Parquet pre-check: the same reports and tables on and off', () => {
	const bytes = parquetBytes(E, { rowGroupRows: 1 });
	it.each(BATCHES.map((b) => [b === undefined ? 'one batch' : `batches of ${b} rows`, b]))('typed, dictionary and text columns, nulls, one bad value per rule (%s)', async (_, batch) => {
		const { report: r, rows, fast } = await onAndOff('pre.parquet', bytes, 'einsaetze', 'datum, ags, lotse_id, format, thema, altersgruppe, teilnehmende, minuten, digitales_angebot', {}, [batch as number | undefined]);
		expect([r.rowsRead, r.rowsLoaded, r.rowsRejected]).toEqual([20, 10, 10]);
		expect(brief(r)).toEqual([
			[4, 'Datum', 'missing_value'],
			[5, 'Datum', 'date_out_of_range'],
			[6, 'Gemeindeschlüssel', 'unknown_key'],
			[7, 'Format', 'unknown_value'],
			[8, 'Teilnehmende', 'negative'],
			[9, 'Teilnehmende', 'missing_value'],
			[10, 'Minuten', 'too_large'],
			[11, 'Thema', 'missing_value'],
			[16, 'Teilnehmende', 'too_large'],
			[20, 'Lotse', 'missing_value']
		]);
		expect(r.repairs.map((x) => [x.line, x.from, x.to])).toEqual([[3, '8111000', '08111000']]);
		const day = (iso: string) => Date.parse(iso + 'T00:00:00Z');
		const row = (iso: string, ags: string, lotse: string, format: string, thema: string, alter: string, tn: number, min: number, da: string | null, line: number) => ({
			datum: day(iso), ags, lotse_id: lotse, format, thema, altersgruppe: alter, teilnehmende: tn, minuten: min, digitales_angebot: da, _line: line
		});
		expect(rows).toEqual([
			row('2025-03-01', '13076034', 'L1', 'Telefon', 'E-Rezept', '75+', 1, 30, 'BundID', 2), // pre-check
			row('2025-03-02', '08111000', 'L2', 'Hausbesuch', 'BundID', '65–74', 2, 63.5, null, 3), // SQL: the key gets its leading zero back
			row('2025-03-11', '13076034', 'L11', 'Telefon', 'T', '75+', 1, 30, null, 12), // SQL: ' T ' trimmed
			row('2025-03-12', '13076034', 'L12', 'Online', 'T', '75+', 1, 30, null, 13), // SQL: 'online' is a spelling of Online
			row('2025-03-13', '08111000', 'L13', 'Bürgerdialog', 'T', 'unter 50', 3, 30, null, 14), // pre-check; '' in an optional field is NULL
			row('2025-03-14', '13076034', 'L14', 'Telefon', 'T', '65–74', 1, 30, null, 15), // SQL: the ARS and '65-74'
			row('2025-03-16', '13076034', 'Ä16', 'Online', 'Ölmühle', '75+', 1, 1440, 'Serviceportal', 17), // pre-check: 1440,0 is the maximum
			row('2025-03-17', '13076034', 'L17', 'Telefon', 'T', '75+', 1, 30, null, 18), // SQL: a no-break space trimmed
			row('2030-12-31', '13076034', 'L18', 'Telefon', 'T', '75+', 1, 63.5, null, 19), // pre-check: the last allowed day
			row('2018-01-01', '08111000', 'L20', 'Hausbesuch', 'Wohngeld', '50–64', 10000, 0.1, null, 21) // pre-check: the first day, the largest group
		]);
		// lines 2, 14, 17, 19, 21 are certainly good; every other row goes the SQL way
		expect(fast).toEqual([5]);
	}, 120_000);
});

describe('Parquet pre-check: other column types and kinds', () => {
	it('Float64 minutes and Int32 participants: NaN, ∞, −0, a fraction, the maximum and just above it', async () => {
		const n = 8;
		const bytes = parquetBytes(
			{
				Datum: { days: Array(n).fill(d('2025-03-01')) },
				AGS: Array(n).fill('13076034'),
				Lotse: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
				Format: Array(n).fill('Telefon'),
				Thema: Array(n).fill('T'),
				Altersgruppe: Array(n).fill('75+'),
				Teilnehmende: { float64: [1, 2, 1.5, 1, 1, 1, 1, 1] },
				Minuten: { float64: [30, NaN, 30, Infinity, -0, 1440, 1440.0000001, 0.25] }
			},
			{ rowGroupRows: 1 }
		);
		const { report: r, rows, fast } = await onAndOff('float.parquet', bytes, 'einsaetze', 'lotse_id, teilnehmende, minuten', {}, SOME);
		expect(brief(r)).toEqual([
			[3, 'Minuten', 'not_a_number'],
			[4, 'Teilnehmende', 'not_an_integer'],
			[5, 'Minuten', 'not_a_number'],
			[8, 'Minuten', 'too_large']
		]);
		// −0 is not below 0: it loads (as −0, the value the file holds)
		expect(rows).toEqual([
			{ lotse_id: 'A', teilnehmende: 1, minuten: 30, _line: 2 },
			{ lotse_id: 'E', teilnehmende: 1, minuten: -0, _line: 6 },
			{ lotse_id: 'F', teilnehmende: 1, minuten: 1440, _line: 7 },
			{ lotse_id: 'H', teilnehmende: 1, minuten: 0.25, _line: 9 }
		]);
		expect(fast).toEqual([4, 4, 4]);
	}, 120_000);

	it('an import profile that maps an allowed value to another: the pre-check leaves that value to SQL', async () => {
		const n = 4;
		const header = ['Datum', 'AGS', 'Lotse', 'Format', 'Thema', 'Altersgruppe', 'Teilnehmende', 'Minuten'];
		const bytes = parquetBytes(
			{
				Datum: { days: Array(n).fill(d('2025-03-01')) },
				AGS: Array(n).fill('13076034'),
				Lotse: ['A', 'B', 'C', 'D'],
				Format: ['Telefon', 'Hausbesuch', 'Telefon', 'Online'],
				Thema: Array(n).fill('T'),
				Altersgruppe: Array(n).fill('75+'),
				Teilnehmende: { int32: Array(n).fill(1) },
				Minuten: { int32: Array(n).fill(30) }
			},
			{ rowGroupRows: 1 }
		);
		// the user's profile: „Telefon“ in this file means Online, „Hausbesuch“ is refused
		const profile = newProfile(header, { values: { format: { Telefon: 'Online', Hausbesuch: null } } });
		const { report: r, rows, fast } = await onAndOff('profile.parquet', bytes, 'einsaetze', 'lotse_id, format', { profile }, SOME);
		expect(brief(r)).toEqual([[3, 'Format', 'unknown_value']]);
		expect(rows).toEqual([
			{ lotse_id: 'A', format: 'Online', _line: 2 },
			{ lotse_id: 'C', format: 'Online', _line: 4 },
			{ lotse_id: 'D', format: 'Online', _line: 5 }
		]);
		// only „Online“ loads as written
		expect(fast).toEqual([1, 1, 1]);
	}, 120_000);

	it('a kind with a uniqueness rule goes the SQL way: duplicates within and across batches', async () => {
		const bytes = parquetBytes(
			{
				Gemeindeschlüssel: ['13076034', '08111000', '13076053', '13076034', '8111000', '13076053', '99999999'],
				'Einwohner 65+': { int32: [100, 200, 300, 400, 500, -1, 700] },
				Stichtag: { days: Array(7).fill(d('2024-12-31')) }
			},
			{ rowGroupRows: 1 }
		);
		const { report: r, rows, fast } = await onAndOff('pop-pre.parquet', bytes, 'bevoelkerung_65plus', 'ags, einwohner_65plus', {}, SOME);
		expect(r.rejections.map((x) => [x.line, x.column, x.code, x.params.first ?? ''])).toEqual([
			[5, 'Gemeindeschlüssel', 'duplicate', 2],
			[6, 'Gemeindeschlüssel', 'duplicate', 3],
			[7, 'Einwohner 65+', 'negative', ''],
			[7, 'Gemeindeschlüssel', 'duplicate', 4],
			[8, 'Gemeindeschlüssel', 'unknown_key', '']
		]);
		expect(rows).toEqual([
			{ ags: '13076034', einwohner_65plus: 100, _line: 2 },
			{ ags: '08111000', einwohner_65plus: 200, _line: 3 },
			{ ags: '13076053', einwohner_65plus: 300, _line: 4 }
		]);
		expect(fast).toEqual([0, 0, 0]);
	}, 120_000);

	it('numbers and dates written as text cannot be judged: the whole file goes the SQL way (decimal vote over the file)', async () => {
		const bytes = parquetBytes(
			{
				Datum: ['01.03.2025', '2025-03-02', '03.03.2025', '04.03.2025'],
				AGS: Array(4).fill('13076034'),
				Lotse: ['A', 'B', 'C', 'D'],
				Format: Array(4).fill('Telefon'),
				Thema: Array(4).fill('T'),
				Altersgruppe: Array(4).fill('75+'),
				Teilnehmende: ['1', '2', '1.500', '4'],
				Minuten: ['1.000', '30', '45', '63,5']
			},
			{ rowGroupRows: 1 }
		);
		const { report: r, rows, fast } = await onAndOff('text-pre.parquet', bytes, 'einsaetze', 'datum, teilnehmende, minuten', {}, SOME);
		expect([r.rowsRead, r.rowsLoaded, r.rowsRejected]).toEqual([4, 4, 0]);
		expect(rows.map((x) => (x as { minuten: number }).minuten)).toEqual([1000, 30, 45, 63.5]);
		expect(fast).toEqual([0, 0, 0]);
	}, 120_000);
});

describe('splitBatch (pure)', () => {
	const rules: PrecheckRules = { fileName: 'f.parquet', fields: [{ name: 'thema', type: 'text', required: true, column: 't' }] };

	it('never takes a text whose first or last character DuckDB’s trim removes (every code point checked in DuckDB)', async () => {
		// every code point (surrogates aside) that trim removes at either end of a text
		const trimmed = (
			await db.query<{ cp: number }>(
				`SELECT cp::INTEGER AS cp FROM range(1, 1114112) t(cp) WHERE (cp < 55296 OR cp > 57343)
				AND (trim(chr(cp::INTEGER) || 'x') <> chr(cp::INTEGER) || 'x' OR trim('x' || chr(cp::INTEGER)) <> 'x' || chr(cp::INTEGER))`
			)
		).map((r) => r.cp);
		expect(trimmed).toContain(0x20);
		expect(trimmed).toContain(0xa0);
		const values = trimmed.flatMap((cp) => [String.fromCodePoint(cp) + 'x', 'x' + String.fromCodePoint(cp)]);
		const s = splitBatch(new Table({ t: vectorFromArray(values, new Utf8()) }), rules, 0);
		expect(s.goodRows).toBe(0);
		// and texts that start and end with letters, digits, punctuation or symbols are taken
		const fine = ['x', 'Ölmühle', '€ 5', '(Notiz)', '„Zitat“', '日本', '😀'];
		const t = splitBatch(new Table({ t: vectorFromArray(fine, new Utf8()) }), rules, 0);
		expect(t.goodRows).toBe(fine.length);
		expect(t.rest).toBeNull();
	});

	it('a batch whose good and other rows alternate too often goes the SQL way whole, unchanged', () => {
		const values = Array.from({ length: MAX_RUNS + 2 }, (_, i) => (i % 2 ? ' x' : 'x'));
		const table = new Table({ t: vectorFromArray(values, new Utf8()) });
		const s = splitBatch(table, rules, 0);
		expect([s.goodRows, s.positions, s.rest === table]).toEqual([0, false, true]);
		// one run fewer: split, with the other rows' positions and the good rows' lines
		const few = splitBatch(new Table({ t: vectorFromArray(values.slice(0, MAX_RUNS), new Utf8()) }), rules, 10);
		expect(few.goodRows).toBe(MAX_RUNS / 2);
		expect(few.rest!.getChild('_pq_pos')!.toArray().slice(0, 3)).toEqual(new Int32Array([1, 3, 5]));
		expect(few.good!.getChild('_line')!.toArray().slice(0, 3)).toEqual(new Int32Array([12, 14, 16]));
		expect(few.good!.getChild('_file')!.get(0)).toBe('f.parquet');
	});
});
