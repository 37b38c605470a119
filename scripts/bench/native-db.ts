/**
 * The `Db` interface over native DuckDB (@duckdb/node-api), for the benchmark only: the same SQL
 * as the app, on the engine the app is compared with. Registered "files" are written to a temp
 * folder on DuckDB's file_search_path.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db, Row } from '../../src/lib/db/types';

export async function openNativeDb(): Promise<Db> {
	const inst = await DuckDBInstance.create(':memory:');
	const conn = await inst.connect();
	const dir = mkdtempSync(path.join(tmpdir(), 'dlm-native-'));
	await conn.run(`SET file_search_path='${dir}'`);
	const plain = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);
	return {
		async query<T = Row>(sql: string, params?: unknown[]) {
			const r = await conn.runAndReadAll(sql, params as never);
			return r.getRowObjects().map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, plain(v)]))) as T[];
		},
		async exec(sql: string) {
			await conn.run(sql);
		},
		async queryIPC() {
			throw new Error('not needed for the benchmark');
		},
		async registerFile(name: string, bytes: Uint8Array) {
			writeFileSync(path.join(dir, name), bytes);
		},
		async dropFile(name: string) {
			rmSync(path.join(dir, name), { force: true });
		},
		async insertArrowIPC() {
			throw new Error('not needed for the benchmark');
		},
		async close() {
			conn.closeSync();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
