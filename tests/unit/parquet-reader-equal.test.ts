/**
 * The app's Parquet reader (hyparquet → Arrow, src/lib/import/parquet-arrow.ts) against the one it
 * replaced (parquet-wasm, arrow-rs): the same files, read by both, inserted into duckdb-wasm, must
 * give the same tables — column types (DESCRIBE) and every value in the same order.
 *
 * Files come from two writers: native DuckDB (@duckdb/node-api, what DuckDB exports: INT_8 …
 * UINT_64 converted types, DECIMAL on INT32 / INT64 / FIXED_LEN_BYTE_ARRAY, dictionary pages,
 * every codec), parquet-wasm (arrow-rs, what pyarrow-like writers give: REQUIRED columns, the
 * INTEGER / TIMESTAMP logical types with and without UTC, an embedded Arrow schema, data page v2,
 * dictionary on and off, every codec), with small row groups so batches of several groups are read,
 * and the app's own sample export (a large row group that hyparquet hands over in chunks).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import * as pq from 'parquet-wasm';
import { parquetRead } from 'hyparquet';
import { Binary, Bool, DateDay, Decimal, Dictionary, Float32, Float64, Int16, Int32, Int64, Int8, Table, TimeUnit, Timestamp, Uint16, Uint32, Uint64, Uint8, Utf8, tableToIPC, vectorFromArray, makeData, makeVector, type DataType, type Vector } from 'apache-arrow';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { openParquetBatches, parquetToIPC, type ParquetBatchSource } from '../../src/lib/import/parquet';
import { wasmParquetBatches, wasmParquetToIPC } from './helpers/parquet-wasm-reader';

let db: Db;
let native: DuckDBConnection;
let dir: string;
beforeAll(async () => {
	db = await openNodeDb();
	native = await (await DuckDBInstance.create(':memory:')).connect();
	dir = mkdtempSync(path.join(tmpdir(), 'dlm-pqeq-'));
});
afterAll(async () => {
	await db.close();
	native.closeSync();
	rmSync(dir, { recursive: true, force: true });
});

// ---- writers ----

/** every type DuckDB writes to Parquet that an export can carry; every column has NULLs */
const DUCKDB_SELECT = `
SELECT
  i::INTEGER AS id,
  CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 250 - 125)::TINYINT END AS int8,
  CASE WHEN i % 7 = 1 THEN NULL ELSE (i * 13 % 60000 - 30000)::SMALLINT END AS int16,
  CASE WHEN i % 7 = 2 THEN NULL ELSE (i * 100003 % 2000000000 - 7)::INTEGER END AS int32,
  CASE WHEN i % 7 = 3 THEN NULL ELSE (i::BIGINT * 9007199254740 - 4)::BIGINT END AS int64,
  CASE WHEN i % 5 = 0 THEN NULL ELSE (i % 256)::UTINYINT END AS uint8,
  CASE WHEN i % 5 = 1 THEN NULL ELSE (i * 7 % 65536)::USMALLINT END AS uint16,
  CASE WHEN i % 5 = 2 THEN NULL ELSE (4294967295 - i)::UINTEGER END AS uint32,
  CASE WHEN i % 5 = 3 THEN NULL ELSE (18446744073709551615 - i)::UBIGINT END AS uint64,
  CASE WHEN i % 11 = 0 THEN NULL WHEN i % 11 = 1 THEN 'NaN'::FLOAT ELSE (i / 3)::FLOAT END AS float32,
  CASE WHEN i % 11 = 2 THEN NULL WHEN i % 11 = 3 THEN 'inf'::DOUBLE WHEN i % 11 = 4 THEN '-inf'::DOUBLE ELSE i / 7 END AS float64,
  CASE WHEN i % 9 = 0 THEN NULL ELSE ((i % 2000) / 10 - 100)::DECIMAL(4,1) END AS dec4_1,
  CASE WHEN i = 1 THEN 12500.50::DECIMAL(9,2) WHEN i % 9 = 1 THEN NULL ELSE (i * 1.25 - 3000)::DECIMAL(9,2) END AS dec9_2,
  CASE WHEN i % 9 = 2 THEN NULL ELSE (i * 123456.789 - 5e8)::DECIMAL(18,3) END AS dec18_3,
  CASE WHEN i % 9 = 3 THEN NULL ELSE ('-1234567890123456789012345678.' || lpad((i % 10000000000)::VARCHAR, 10, '0'))::DECIMAL(38,10) END AS dec38_10,
  CASE WHEN i % 13 = 0 THEN NULL ELSE DATE '1969-12-25' + (i * 3)::INTEGER END AS datum,
  CASE WHEN i % 13 = 1 THEN NULL ELSE TIMESTAMP '2025-03-01 08:30:00.123456' + i * INTERVAL 17 MINUTE END AS ts_us,
  CASE WHEN i % 13 = 2 THEN NULL ELSE (TIMESTAMP '1960-01-01 00:00:00' + i * INTERVAL 1 HOUR)::TIMESTAMP_MS END AS ts_ms,
  CASE WHEN i % 13 = 3 THEN NULL ELSE (TIMESTAMP '2025-01-01 00:00:00' + i * INTERVAL 1 SECOND)::TIMESTAMP_NS END AS ts_ns,
  CASE WHEN i % 13 = 4 THEN NULL ELSE '2025-06-01 12:00:00+00'::TIMESTAMPTZ + i * INTERVAL 1 MINUTE END AS ts_tz,
  CASE WHEN i % 3 = 0 THEN NULL ELSE i % 2 = 0 END AS flag,
  CASE WHEN i % 6 = 0 THEN NULL WHEN i % 6 = 1 THEN '' ELSE (['Telefon', 'Hausbesuch', 'Müritz – Süd', 'Bürgerdialog vor Ort', '€ 5', '日本'])[i % 6 + 1] END AS text_dict,
  CASE WHEN i % 10 = 0 THEN NULL ELSE 'Zeile ' || i || ' ' || repeat('ä', i % 4) END AS text_plain,
  CASE WHEN i % 4 = 0 THEN NULL ELSE lpad((13076000 + i)::VARCHAR, 8, '0') END AS ags,
  CASE WHEN i % 8 = 0 THEN NULL ELSE ('\\x00\\xFF' || i::VARCHAR)::BLOB END AS bytes
FROM range(3000) r(i)`;

async function duckdbParquet(name: string, codec: string, o: { rows?: number; groupRows?: number } = {}): Promise<Uint8Array> {
	const f = path.join(dir, `${name}.parquet`);
	const select = DUCKDB_SELECT.replace('range(3000)', `range(${o.rows ?? 3000})`);
	await native.run(`COPY (${select}) TO '${f}' (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE ${o.groupRows ?? 2048})`);
	return new Uint8Array(readFileSync(f));
}

const n = 200;
const nullEvery = <T,>(k: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => (i % k === 0 ? null : f(i)));
/** vector with nulls, or REQUIRED (no null allowed) when `required` */
const vec = (type: DataType, values: unknown[]) => vectorFromArray(values, type);

/** an Arrow table as arrow-rs writers see them: required and optional fields, dictionary text, logical types */
function arrowTable(): Table {
	const dict = (() => {
		const words = ['Telefon', 'Hausbesuch', 'online', 'Müritz'];
		const indices = new Int32Array(n).map((_, i) => i % words.length);
		const dictionary = vectorFromArray(words, new Utf8());
		const type = new Dictionary(new Utf8(), new Int32());
		return makeVector(makeData({ type, length: n, nullCount: 0, data: indices, dictionary }));
	})();
	const cols: Record<string, Vector> = {
		req_int32: makeVector(Int32Array.from({ length: n }, (_, i) => i * 3 - 100)),
		req_float64: makeVector(Float64Array.from({ length: n }, (_, i) => i / 8)),
		int8: vec(new Int8(), nullEvery(7, (i) => (i % 200) - 100)),
		int16: vec(new Int16(), nullEvery(7, (i) => i * 150 - 15000)),
		int64: vec(new Int64(), nullEvery(5, (i) => BigInt(i) * 123456789012n - 5n)),
		uint8: vec(new Uint8(), nullEvery(5, (i) => i)),
		uint16: vec(new Uint16(), nullEvery(5, (i) => 65535 - i)),
		uint32: vec(new Uint32(), nullEvery(5, (i) => 4294967295 - i)),
		uint64: vec(new Uint64(), nullEvery(5, (i) => 18446744073709551615n - BigInt(i))),
		float32: vec(new Float32(), nullEvery(9, (i) => (i === 1 ? NaN : i / 3))),
		dec9_2: vec(new Decimal(2, 9, 128), nullEvery(9, (i) => new Uint32Array([i === 1 ? 1250050 : i * 125 + 1, 0, 0, 0]))),
		dec38_4: vec(new Decimal(4, 38, 128), nullEvery(9, (i) => new Uint32Array([0xffffffff - i, 0xffffffff, 0xffffffff, 0xffffffff]))),
		datum: vec(new DateDay(), nullEvery(11, (i) => new Date(Date.UTC(2024, 0, 1 + i * 5)))),
		ts_ms_utc: vec(new Timestamp(TimeUnit.MILLISECOND, 'UTC'), nullEvery(11, (i) => Date.UTC(2025, 2, 1) + i * 60000)),
		ts_ms_berlin: vec(new Timestamp(TimeUnit.MILLISECOND, 'Europe/Berlin'), nullEvery(11, (i) => Date.UTC(2025, 2, 1) + i * 3600000)),
		ts_us_local: vec(new Timestamp(TimeUnit.MICROSECOND), nullEvery(11, (i) => Date.UTC(2025, 2, 1) + i * 1000)),
		flag: vec(new Bool(), nullEvery(3, (i) => i % 2 === 0)),
		text: vec(new Utf8(), nullEvery(4, (i) => (i % 9 === 1 ? '' : `Wert ${i} ü€`))),
		text_dict: dict,
		bytes: vec(new Binary(), nullEvery(6, (i) => new Uint8Array([0, 255, i % 256])))
	};
	return new Table(cols);
}

function wasmParquet(codec: pq.Compression, o: { dictionary?: boolean; v2?: boolean } = {}): Uint8Array {
	let props = new pq.WriterPropertiesBuilder().setCompression(codec).setMaxRowGroupSize(30).setDictionaryEnabled(o.dictionary ?? true);
	if (o.v2) props = props.setWriterVersion(pq.WriterVersion.V2);
	return pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(arrowTable(), 'stream')), props.build());
}

// ---- comparison ----

async function loadBatches(table: string, source: ParquetBatchSource, bytes: Uint8Array, batchRows: number): Promise<number> {
	const batches = await source({ bytes }, batchRows);
	await db.exec(`DROP TABLE IF EXISTS ${table}`);
	let first = true;
	let count = 0;
	for (let ipc = await batches.next(); ipc; ipc = await batches.next()) {
		await db.insertArrowIPC(table, ipc, first);
		first = false;
		count++;
	}
	batches.close();
	return count;
}

const describe_ = (t: string) => db.query<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${t})`);
const count = async (sql: string) => (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${sql})`))[0].n;

/** same columns and types, same rows in the same order (rowid = insertion order) */
async function expectSameTable(a: string, b: string, rows: number) {
	expect(await describe_(b)).toEqual(await describe_(a));
	expect(await count(`SELECT * FROM ${a}`)).toBe(rows);
	expect(await count(`SELECT * FROM ${b}`)).toBe(rows);
	expect(await count(`SELECT rowid, * FROM ${a} EXCEPT ALL SELECT rowid, * FROM ${b}`)).toBe(0);
	expect(await count(`SELECT rowid, * FROM ${b} EXCEPT ALL SELECT rowid, * FROM ${a}`)).toBe(0);
}

async function expectReadersEqual(bytes: Uint8Array, rows: number, batchRows: number, minBatches: number) {
	const oldBatches = await loadBatches('old_b', wasmParquetBatches, bytes, batchRows);
	const newBatches = await loadBatches('new_b', openParquetBatches, bytes, batchRows);
	expect(newBatches).toBe(oldBatches);
	expect(newBatches).toBeGreaterThanOrEqual(minBatches);
	await expectSameTable('old_b', 'new_b', rows);
	// the whole file at once (the import assistant's preview)
	await db.insertArrowIPC('old_w', wasmParquetToIPC(bytes), true);
	await db.insertArrowIPC('new_w', await parquetToIPC(bytes), true);
	await expectSameTable('old_w', 'new_w', rows);
	await db.exec('DROP TABLE old_w; DROP TABLE new_w');
}

describe('hyparquet reader equals parquet-wasm, files written by DuckDB', () => {
	// DuckDB writes row groups of 2048 rows here: 3000 rows = 2 groups (2048 + 952); batches of ≥ 1500 rows = 2
	for (const codec of ['uncompressed', 'snappy', 'gzip', 'zstd', 'lz4_raw', 'brotli']) {
		it(`${codec}: every type, NULLs, two row groups in two batches`, async () => {
			const bytes = await duckdbParquet(`duckdb_${codec}`, codec);
			await expectReadersEqual(bytes, 3000, 1500, 2);
		});
	}

	it('the sample export (one row group of 99,512 rows that hyparquet hands over in several chunks), one batch', async () => {
		const bytes = new Uint8Array(readFileSync('data/sample/beispieldaten_einsaetze_bw.parquet'));
		// the premise: hyparquet delivers some column of this file in more than one chunk
		const ab = bytes.slice().buffer;
		const chunks: string[] = [];
		await parquetRead({ file: ab, onChunk: (c) => void chunks.push(c.columnName) });
		expect(chunks.filter((c) => c === 'datum').length).toBeGreaterThan(1);
		await expectReadersEqual(bytes, 99_512, 250_000, 1);
	}, 120_000);

	it('gives the DuckDB types of the exporting database (DECIMAL stays DECIMAL, 12500.50 exact)', async () => {
		await loadBatches('new_b', openParquetBatches, await duckdbParquet('duckdb_types', 'snappy'), 250_000);
		const types = Object.fromEntries((await describe_('new_b')).map((r) => [r.column_name, r.column_type]));
		expect(types).toEqual({
			id: 'INTEGER', int8: 'TINYINT', int16: 'SMALLINT', int32: 'INTEGER', int64: 'BIGINT',
			uint8: 'UTINYINT', uint16: 'USMALLINT', uint32: 'UINTEGER', uint64: 'UBIGINT',
			float32: 'FLOAT', float64: 'DOUBLE',
			dec4_1: 'DECIMAL(4,1)', dec9_2: 'DECIMAL(9,2)', dec18_3: 'DECIMAL(18,3)', dec38_10: 'DECIMAL(38,10)',
			datum: 'DATE', ts_us: 'TIMESTAMP', ts_ms: 'TIMESTAMP_MS', ts_ns: 'TIMESTAMP_NS', ts_tz: 'TIMESTAMP WITH TIME ZONE',
			flag: 'BOOLEAN', text_dict: 'VARCHAR', text_plain: 'VARCHAR', ags: 'VARCHAR', bytes: 'BLOB'
		});
		// row i = 1 holds 12500.50; rows 2 and 3 by the SELECT's arithmetic: 2 × 1.25 − 3000 = −2997.50, 3 × 1.25 − 3000 = −2996.25
		const r = await db.query<{ v: string }>(`SELECT dec9_2::VARCHAR AS v FROM new_b WHERE id IN (1, 2, 3) ORDER BY id`);
		expect(r.map((x) => x.v)).toEqual(['12500.50', '-2997.50', '-2996.25']);
		// id 3: dec38_10 = -1234567890123456789012345678.0000000003 (lpad of 3 to ten digits)
		const big = await db.query<{ v: string }>(`SELECT dec38_10::VARCHAR AS v FROM new_b WHERE id = 4`);
		expect(big[0].v).toBe('-1234567890123456789012345678.0000000004');
		// the text keeps its leading zero and umlauts: id 2 → lpad(13076002) stays 8 digits
		const t = await db.query<{ ags: string; text_dict: string }>(`SELECT ags, text_dict FROM new_b WHERE id = 2`);
		expect(t[0]).toEqual({ ags: '13076002', text_dict: 'Müritz – Süd' });
	});
});

describe('hyparquet reader equals parquet-wasm, files written by parquet-wasm (arrow-rs)', () => {
	const cases: [string, pq.Compression, { dictionary?: boolean; v2?: boolean }][] = [
		['uncompressed', pq.Compression.UNCOMPRESSED, {}],
		['snappy', pq.Compression.SNAPPY, {}],
		['snappy, no dictionary', pq.Compression.SNAPPY, { dictionary: false }],
		['snappy, data page v2', pq.Compression.SNAPPY, { v2: true }],
		['gzip', pq.Compression.GZIP, {}],
		['zstd', pq.Compression.ZSTD, {}],
		['zstd, data page v2, no dictionary', pq.Compression.ZSTD, { v2: true, dictionary: false }],
		['lz4_raw', pq.Compression.LZ4_RAW, {}],
		['brotli', pq.Compression.BROTLI, {}]
	];
	for (const [label, codec, o] of cases) {
		it(`${label}: required and optional columns, logical types, row groups of 30 in batches of ≥ 70`, async () => {
			// 200 rows in groups of 30 = 7 groups; batches of ≥ 70 rows = 3 groups each → 3 batches
			await expectReadersEqual(wasmParquet(codec, o), n, 70, 3);
		});
	}
});

describe('what the hyparquet reader refuses or changes on purpose', () => {
	it('refuses a STRING column with invalid UTF-8, as parquet-wasm does', async () => {
		await native.run(`COPY (SELECT 'Müller' AS name FROM range(3)) TO '${dir}/utf8.parquet' (FORMAT parquet, COMPRESSION uncompressed)`);
		const bytes = new Uint8Array(readFileSync(`${dir}/utf8.parquet`));
		// 'ü' is C3 BC; a lone C3 followed by 'l' is not UTF-8
		const at = bytes.findIndex((b, i) => b === 0xc3 && bytes[i + 1] === 0xbc);
		expect(at).toBeGreaterThan(0);
		bytes[at + 1] = 0x6c;
		expect(() => wasmParquetToIPC(bytes)).toThrow();
		await expect(parquetToIPC(bytes)).rejects.toThrow(/UTF-8/);
	});

	it('gives a nested column as JSON text (parquet-wasm gave an Arrow list; no import field is a list)', async () => {
		await native.run(`COPY (SELECT 1::INTEGER AS id, [1, 2]::INTEGER[] AS l, {'a': 'x'} AS s UNION ALL SELECT 2, NULL, NULL) TO '${dir}/nested.parquet' (FORMAT parquet)`);
		await db.insertArrowIPC('nested', await parquetToIPC(new Uint8Array(readFileSync(`${dir}/nested.parquet`))), true);
		expect(await db.query(`SELECT id, l, s FROM nested ORDER BY id`)).toEqual([
			{ id: 1, l: '[1,2]', s: '{"a":"x"}' },
			{ id: 2, l: null, s: null }
		]);
		await db.exec('DROP TABLE nested');
	});
});
