/**
 * Cancel and out-of-memory during a streamed CSV import: the report says so in the user's words
 * ("abgebrochen", "zu groß für den Browser: … Zeilen gelesen"), nothing of the file is loaded,
 * the rows of an earlier import of the same file stay, and no staging table is left behind.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { importFile, localCsvSourceWith } from '../../src/lib/import/import-file';
import type { Db } from '../../src/lib/db/types';
import { referenceDb } from './helpers/db';
import { encode, parquetBytes } from './helpers/fixtures';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

const H = 'Datum;AGS;Lotse;Format;Thema;Altersgruppe;Teilnehmende;Minuten';
const file = (n: number) => encode([H, ...Array.from({ length: n }, (_, i) => `01.03.2025;13076034;MV-L${i};Telefon;Thema;75+;1;30`)].join('\n') + '\n');
const rows = async () => (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM einsaetze WHERE _file = 'gross.csv'`))[0].n;
const hasStg = async () => (await db.query(`SELECT 1 FROM duckdb_tables() WHERE table_name = 'stg'`)).length > 0;
// 2,000 rows of ~60 bytes in chunks of 8 kB: about 15 chunks
const small = localCsvSourceWith({ chunkBytes: 8192 });
// the chunked path (a clean file would otherwise load in one pass; its cancel and out of memory: import-one-pass.test.ts)
const chunked = { csvSource: small, csvOnePass: false };

describe('cancel and out of memory', () => {
	it('loads the file once (the state the later imports must keep)', async () => {
		const r = await importFile(db, { name: 'gross.csv', bytes: file(1500) }, { csvSource: small });
		expect([r.rowsRead, r.rowsLoaded, r.fatal]).toEqual([1500, 1500, null]);
		expect(await rows()).toBe(1500);
	});

	it('a cancelled import leaves the earlier rows and no staging table', async () => {
		const ctl = new AbortController();
		const seen: number[] = [];
		const r = await importFile(db, { name: 'gross.csv', bytes: file(2000) }, {
			...chunked,
			signal: ctl.signal,
			onProgress: (p) => {
				seen.push(p.rowsRead);
				if (seen.length === 3) ctl.abort();
			}
		});
		expect(r.fatal?.code).toBe('cancelled');
		expect(r.fatal?.message).toBe('Import abgebrochen; die Daten sind wie vor dem Import.');
		expect(seen.length).toBe(3); // stopped at the next chunk
		expect(seen[2]).toBeLessThan(2000);
		expect(await rows()).toBe(1500);
		expect(await hasStg()).toBe(false);
	});

	it('running out of memory while staging gives "zu groß für den Browser" with the rows read', async () => {
		// the 4th chunk staged (Arrow rows from the JS parser, or clean lines read by DuckDB) fails
		let calls = 0;
		const oom = () => {
			// duckdb-wasm's own words when its memory limit is reached
			if (++calls === 4) throw new Error('Out of Memory Error: failed to allocate data of size 4.0 MiB (3.1 GiB/3.1 GiB used)');
		};
		const tight: Db = {
			...db,
			query: db.query.bind(db),
			async exec(sql) {
				if (sql.includes('INSERT INTO stg')) oom();
				return db.exec(sql);
			},
			async insertArrowIPC(table, ipc, create) {
				oom();
				return db.insertArrowIPC(table, ipc, create);
			}
		};
		const r = await importFile(tight, { name: 'gross.csv', bytes: file(2000) }, chunked);
		expect(r.fatal?.code).toBe('file_too_large');
		const readSoFar = Number(r.fatal?.params.rows.toString().replace(/\./g, ''));
		expect(readSoFar).toBeGreaterThan(0);
		expect(readSoFar).toBeLessThan(2000);
		expect(r.fatal?.message).toMatch(/^Die Datei ist zu groß für den Browser: [\d.]+ Zeilen gelesen/);
		expect(r.rowsLoaded).toBe(0);
		expect(await rows()).toBe(1500);
		expect(await hasStg()).toBe(false);
	});

	it('Parquet out of memory before any row is read says so, without a row count of 0', async () => {
		const tight: Db = {
			...db,
			query: db.query.bind(db),
			exec: db.exec.bind(db),
			async insertArrowIPC() {
				throw new Error('{"exception_type":"Out of Memory","exception_message":"Failed to create table \'_pq\': Allocation failure"}');
			}
		};
		const pq = parquetBytes({ Datum: ['01.03.2025'], AGS: ['13076034'], Lotse: ['MV-L1'], Format: ['Telefon'], Thema: ['T'], Altersgruppe: ['75+'], Teilnehmende: ['1'], Minuten: ['30'] });
		const r = await importFile(tight, { name: 'gross.parquet', bytes: pq });
		expect(r.fatal?.code).toBe('file_too_large_unread');
		expect(r.fatal?.message).toMatch(/^Die Datei ist zu groß für den Browser: der Speicher reichte nicht/);
	});
});
