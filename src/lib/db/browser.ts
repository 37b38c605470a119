/**
 * duckdb-wasm in a Web Worker. The wasm and worker bundles are Vite asset URLs: the app
 * serves them itself (no CDN). `selectBundle` picks eh or mvp by the browser's features.
 * Import this module only on the client: under SSR the package resolves to its Node build.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableToIPC } from 'apache-arrow';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Db, Row } from './types';
import { CONNECTION_SETUP } from './types';
import { arrowToRows } from './rows';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

export async function openBrowserDb(): Promise<Db> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	// A worker that fails to load or crashes would leave `instantiate` pending forever.
	const failed = new Promise<never>((_, reject) => {
		worker.addEventListener('error', (e) => reject(new Error(`DuckDB-Worker: ${e.message || 'konnte nicht gestartet werden'}`)), { once: true });
	});
	await Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker), failed]);
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = await db.connect();
	for (const s of CONNECTION_SETUP) await conn.query(s);

	async function run(sql: string, params?: unknown[]) {
		if (!params || params.length === 0) return conn.query(sql);
		const stmt = await conn.prepare(sql);
		try {
			return await stmt.query(...params);
		} finally {
			await stmt.close();
		}
	}

	return {
		async query<T = Row>(sql: string, params?: unknown[]) {
			return arrowToRows<T>(await run(sql, params));
		},
		async exec(sql: string) {
			await run(sql);
		},
		async queryIPC(sql: string) {
			return tableToIPC(await run(sql), 'stream');
		},
		async registerFile(name: string, bytes: Uint8Array) {
			await db.registerFileBuffer(name, bytes);
		},
		async dropFile(name: string) {
			await db.dropFile(name);
		},
		async insertArrowIPC(table: string, ipc: Uint8Array, create = true) {
			await conn.insertArrowFromIPCStream(ipc, { name: table, create });
		},
		async close() {
			await conn.close();
			await db.terminate();
		}
	};
}
