import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { tableFromArrays, tableToIPC } from 'apache-arrow';

let db: Db;
beforeAll(async () => {
	db = await openNodeDb();
});
afterAll(async () => db.close());

describe('Node data layer (duckdb-wasm)', () => {
	it('returns plain rows with numbers, dates and parameters', async () => {
		const rows = await db.query<{ n: number; d: number; s: string; x: number }>(
			"SELECT 42::BIGINT AS n, DATE '2025-12-31' AS d, ?::VARCHAR AS s, 1234.5::DECIMAL(10,2) AS x",
			['Dömitz']
		);
		expect(rows).toEqual([{ n: 42, d: Date.UTC(2025, 11, 31), s: 'Dömitz', x: 1234.5 }]);
	});
	it('reads a registered CSV buffer keeping leading zeros', async () => {
		await db.registerFile('t.csv', new TextEncoder().encode('ags;ew\n08111000;1,5\n'));
		const rows = await db.query(
			"SELECT * FROM read_csv('t.csv', delim=';', decimal_separator=',', header=true, columns={'ags':'VARCHAR','ew':'DOUBLE'})"
		);
		expect(rows).toEqual([{ ags: '08111000', ew: 1.5 }]);
	});
	it('round-trips Arrow IPC in both directions', async () => {
		const ipc = tableToIPC(tableFromArrays({ a: Int32Array.from([1, 2, 3]) }), 'stream');
		await db.insertArrowIPC('arrow_t', ipc);
		expect(await db.query('SELECT sum(a)::INT AS s FROM arrow_t')).toEqual([{ s: 6 }]);
		const back = await db.queryIPC('SELECT a FROM arrow_t ORDER BY a');
		expect(back.byteLength).toBeGreaterThan(100);
	});
	it('fails fast instead of downloading an extension', async () => {
		await expect(db.query("SELECT * FROM read_parquet('x.parquet')")).rejects.toThrow();
	});
});
