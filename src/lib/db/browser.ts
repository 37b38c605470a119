/**
 * duckdb-wasm in a Web Worker. The wasm and worker bundles are Vite asset URLs: the app
 * serves them itself (no CDN). `selectBundle` picks eh or mvp by the browser's features. The worker
 * starts with duckdb-worker-start.js, which compiles the wasm so that the browser's code cache
 * is used on the next start (see there).
 * Import this module only on the client: under SSR the package resolves to its Node build.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableToIPC } from 'apache-arrow';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import workerStart from './duckdb-worker-start.js?url&no-inline';
import type { Db, Row } from './types';
import { CONNECTION_SETUP } from './types';
import { arrowToRows } from './rows';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

export interface BrowserDbOptions {
	/**
	 * Called once when the worker dies after start-up (an uncaught error or abort inside it).
	 * duckdb-wasm then forgets its pending requests; every query of this Db rejects from then on.
	 */
	onCrash?: (message: string) => void;
}

export async function openBrowserDb(opts: BrowserDbOptions = {}): Promise<Db> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	// duckdb-worker-start.js compiles the wasm at once, so that Chromium caches the compiled code
	const urls = { script: new URL(bundle.mainWorker!, location.href).href, wasm: new URL(bundle.mainModule, location.href).href };
	const worker = new Worker(workerStart, { name: JSON.stringify(urls) });
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	// A worker that fails to load or crashes would leave `instantiate` pending forever.
	const failed = new Promise<never>((_, reject) => {
		worker.addEventListener('error', (e) => reject(new Error(`DuckDB-Worker: ${e.message || 'konnte nicht gestartet werden'}`)), { once: true });
	});
	await Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker), failed]);
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = await db.connect();
	for (const s of CONNECTION_SETUP) await conn.query(s);

	// after start-up: a dead worker rejects every pending and later call instead of hanging
	let crash: Error | null = null;
	let rejectCrashed: (e: Error) => void = () => undefined;
	const crashed = new Promise<never>((_, reject) => (rejectCrashed = reject));
	crashed.catch(() => undefined);
	worker.addEventListener('error', (e) => {
		if (crash) return;
		crash = new Error(`DuckDB-Worker abgestürzt: ${e.message || 'unbekannter Fehler'}`);
		rejectCrashed(crash);
		worker.terminate();
		opts.onCrash?.(crash.message);
	});
	const guard = <T>(p: Promise<T>): Promise<T> => (crash ? Promise.reject(crash) : Promise.race([p, crashed]));

	async function run(sql: string, params?: unknown[]) {
		if (!params || params.length === 0) return guard(conn.query(sql));
		const stmt = await guard(conn.prepare(sql));
		try {
			return await guard(stmt.query(...params));
		} finally {
			if (!crash) await stmt.close();
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
			await guard(db.registerFileBuffer(name, bytes));
		},
		async registerBlob(name: string, blob: Blob) {
			// read by FileReaderSync in the database's worker (works with the eh/mvp bundles, not with coi)
			await guard(db.registerFileHandle(name, blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true));
		},
		async dropFile(name: string) {
			await guard(db.dropFile(name));
		},
		async insertArrowIPC(table: string, ipc: Uint8Array, create = true) {
			await guard(conn.insertArrowFromIPCStream(ipc, { name: table, create }));
		},
		async close() {
			if (!crash) await conn.close();
			await db.terminate();
		}
	};
}
