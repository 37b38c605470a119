/**
 * duckdb-wasm's blocking Node build: the same engine as the browser, for tests and the CLI.
 * Queries are synchronous underneath; the async interface matches the browser's.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Db, Row } from './types';
import { CONNECTION_SETUP } from './types';
import { arrowToRows } from './rows';

const require = createRequire(import.meta.url);

export async function openNodeDb(): Promise<Db> {
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	// The CommonJS Arrow copy that duckdb-wasm itself uses (an ESM import would be a second copy).
	const arrow = require('apache-arrow');
	const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
	const bundles = {
		mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = db.connect();
	for (const s of CONNECTION_SETUP) conn.query(s);

	function run(sql: string, params?: unknown[]) {
		if (!params || params.length === 0) return conn.query(sql);
		const stmt = conn.prepare(sql);
		try {
			return stmt.query(...params);
		} finally {
			stmt.close();
		}
	}

	return {
		async query<T = Row>(sql: string, params?: unknown[]) {
			return arrowToRows<T>(run(sql, params));
		},
		async exec(sql: string) {
			run(sql);
		},
		async queryIPC(sql: string) {
			return arrow.tableToIPC(run(sql), 'stream') as Uint8Array;
		},
		async registerFile(name: string, bytes: Uint8Array) {
			db.registerFileBuffer(name, bytes);
		},
		async dropFile(name: string) {
			db.dropFile(name);
		},
		async insertArrowIPC(table: string, ipc: Uint8Array, create = true) {
			conn.insertArrowFromIPCStream(ipc, { name: table, create });
		},
		async close() {
			conn.close();
			db.reset?.();
		}
	};
}
