/**
 * Browser half of the import benchmark (scripts/bench/import.ts): in one page and one duckdb-wasm,
 * DuckDB's own `read_csv` of a German CSV into a table against the app's import of the same
 * bytes (worker parse → Arrow chunks → validation SQL), and for Parquet two raw reads against the
 * app's import: the app's own reader (hyparquet → Arrow → table, `raw`) and parquet-wasm → Arrow →
 * table (`raw2`, the reader the app had until stop 9). Bytes are fetched before the clock starts for both sides alike.
 * Also watches the main thread: the longest task seen during each app import.
 */
import { openBrowserDb } from '$lib/db/browser';
import { loadReference, type ReferenceName } from '$lib/db/reference';
import { importFile } from '$lib/import/import-file';
import { workerCsvSource } from '$lib/import/csv-stream-worker-source';
import { workerParquetBatches } from '$lib/import/parquet-worker-source';
import { parquetToIPC } from '$lib/import/parquet';
import { wasmParquetToIPC } from './parquet-wasm-raw';

export interface ImportBenchRow {
	what: string;
	rows: number;
	raw: number[];
	/** Parquet: the second raw read (parquet-wasm → Arrow → table) */
	raw2?: number[];
	app: number[];
	/** longest main-thread task during the app imports (ms) */
	longestTask: number;
	note: string;
}

export async function runImportBench(opts: {
	csv: string;
	parquet: string;
	big?: { csv?: string; parquet?: string };
	runs: number;
	/** 'csv' or 'parquet': only that format (BENCH_IMPORT_ONLY) */
	only?: string;
	referenceUrls: Record<ReferenceName, string>;
	log?: (s: string) => void;
}): Promise<ImportBenchRow[]> {
	const log = opts.log ?? (() => {});
	const ref = await Promise.all(Object.entries(opts.referenceUrls).map(async ([k, u]) => [k, new Uint8Array(await (await fetch(u)).arrayBuffer())]));
	const open = async () => {
		const d = await openBrowserDb();
		// copies: the database takes (detaches) the buffers it is given
		await loadReference(d, Object.fromEntries(ref.map(([k, b]) => [k, (b as Uint8Array).slice()])));
		return d;
	};
	let db = await open();
	/** a new duckdb-wasm for each large file: after running out of memory an instance is not usable again */
	const fresh = async () => {
		await db.close().catch(() => undefined);
		db = await open();
	};
	let longest = 0;
	const obs = new PerformanceObserver((l) => {
		for (const e of l.getEntries()) longest = Math.max(longest, e.duration);
	});
	obs.observe({ type: 'longtask', buffered: false });
	const fetchBytes = async (u: string) => new Uint8Array(await (await fetch(u)).arrayBuffer());
	const clock = async (fn: () => Promise<unknown>) => {
		const t0 = performance.now();
		await fn();
		return performance.now() - t0;
	};
	const rawCsv = async (bytes: Uint8Array) => {
		await db.registerFile('raw.csv', bytes);
		await db.exec(`CREATE OR REPLACE TABLE raw_csv AS SELECT * FROM read_csv('raw.csv', delim=';', header=true, decimal_separator=',', dateformat='%d.%m.%Y')`);
	};
	const rawParquet = async (bytes: Uint8Array) => {
		await db.exec('DROP TABLE IF EXISTS raw_pq');
		await db.insertArrowIPC('raw_pq', await parquetToIPC(bytes), true);
	};
	const rawParquetWasm = async (bytes: Uint8Array) => {
		await db.exec('DROP TABLE IF EXISTS raw_pq');
		await db.insertArrowIPC('raw_pq', await wasmParquetToIPC(bytes), true);
	};
	const count = async (t: string) => Number((await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0].n);
	/** time spent in the database per kind of statement during one import (where the time goes) */
	const spent = new Map<string, number>();
	/** when the one-pass INSERT ran, in ms from the import's start (the early start overlaps it with the scan) */
	let importStart = 0;
	const insertSpan: number[] = [];
	const kindOf = (sql: string) =>
		/^INSERT INTO "[a-z_0-9]+" SELECT .* FROM \(WITH _src AS/s.test(sql) ? 'one pass (read_csv → table)' : /_op_seq|_key_written|^SELECT _u\.v, _em\.canonical FROM \(VALUES/.test(sql) && !/^INSERT INTO _repairs/.test(sql) ? 'one pass (setup, error rows)' : /_stg_seq/.test(sql) ? 'stage (DuckDB read_csv)' : /^CREATE OR REPLACE TEMP TABLE "_m_/.test(sql) ? 'memos' : /_repairs/.test(sql) ? 'repairs' : /^SELECT count\(\*\)::INTEGER AS n FROM stg/.test(sql) ? 'stage counts' : /^CREATE OR REPLACE TEMP TABLE _chk|^CREATE TEMP TABLE _chk/.test(sql) ? 'check (_chk)' : /^INSERT INTO _errors/.test(sql) ? 'errors' : /^INSERT INTO "/.test(sql) ? 'check + insert target' : /SELECT DISTINCT ags AS v FROM _key_lookup|FROM _enum_map WHERE col =/.test(sql) ? 'pre-check rules' : /^COMMIT/.test(sql) ? 'commit' : /FILTER \(WHERE/.test(sql) ? 'number vote' : 'other SQL';
	// made per import: it wraps the database of the moment (`fresh` replaces it)
	const timedDb = (): typeof db => ({
		...db,
		async exec(sql) {
			const t0 = performance.now();
			try {
				return await db.exec(sql);
			} finally {
				const k = kindOf(sql.trimStart());
				spent.set(k, (spent.get(k) ?? 0) + performance.now() - t0);
			}
		},
		async query(sql, params) {
			const t0 = performance.now();
			try {
				return await db.query(sql, params);
			} finally {
				const k = kindOf(sql.trimStart());
				spent.set(k, (spent.get(k) ?? 0) + performance.now() - t0);
				if (k === 'one pass (read_csv → table)') insertSpan.push(t0 - importStart, performance.now() - importStart);
			}
		},
		async registerFile(name, bytes) {
			const t0 = performance.now();
			try {
				return await db.registerFile(name, bytes);
			} finally {
				spent.set('registerFile', (spent.get('registerFile') ?? 0) + performance.now() - t0);
			}
		},
		async insertArrowIPC(table, ipc, create) {
			const t0 = performance.now();
			try {
				return await db.insertArrowIPC(table, ipc, create);
			} finally {
				// Parquet with the pre-check: good rows appended to the kind's table itself, the others staged in `_pqb`
				const k = table === '_pqb' || create ? 'stage (Arrow from JS)' : 'append pre-checked rows (Arrow)';
				spent.set(k, (spent.get(k) ?? 0) + performance.now() - t0);
			}
		}
	});
	const appImport = async (bytes: Uint8Array, blob: Blob, name: string, csvOnePass = true, csvEarlyStart = true) => {
		let report;
		spent.clear();
		insertSpan.length = 0;
		importStart = performance.now();
		const ms = await clock(async () => {
			report = await importFile(timedDb(), { name, bytes, blob }, { csvSource: workerCsvSource, parquetSource: workerParquetBatches, csvOnePass, csvEarlyStart });
		});
		log(`  ${name}: ` + [...spent].map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ') + `; not in the database ${(ms - [...spent.values()].reduce((a, b) => a + b, 0)).toFixed(0)} ms` + (insertSpan.length ? `; one-pass INSERT ran ${insertSpan.map((x) => x.toFixed(0)).join('–')} ms of ${ms.toFixed(0)}` : ''));
		return { ms, report: report! as Awaited<ReturnType<typeof importFile>> };
	};
	const out: ImportBenchRow[] = [];
	const pair = async (what: string, url: string, raw: (b: Uint8Array) => Promise<void>, rawTable: string, name: string, runs: number, raw2?: (b: Uint8Array) => Promise<void>, csvOnePass = true, csvEarlyStart = true) => {
		const bytes = await fetchBytes(url);
		const row: ImportBenchRow = { what, rows: 0, raw: [], app: [], longestTask: 0, note: '', ...(raw2 ? { raw2: [] } : {}) };
		for (let i = 0; i < runs; i++) {
			await db.exec(`DROP TABLE IF EXISTS einsaetze; DROP TABLE IF EXISTS ${rawTable}`);
			try {
				const copy = bytes.slice(); // registerFileBuffer detaches what it gets; copy outside the clock
				row.raw.push(await clock(() => raw(copy)));
				if (i === 0) row.note = `raw ${await count(rawTable)} Zeilen`;
			} catch (e) {
				row.note = `raw: ${String((e as Error).message ?? e).slice(0, 120)}`;
			}
			if (raw2) {
				await db.exec(`DROP TABLE IF EXISTS ${rawTable}`);
				try {
					const copy = bytes.slice();
					row.raw2!.push(await clock(() => raw2(copy)));
				} catch (e) {
					row.note += `; raw2: ${String((e as Error).message ?? e).slice(0, 120)}`;
				}
			}
			await db.exec(`DROP TABLE IF EXISTS ${rawTable}`);
			await db.dropFile('raw.csv').catch(() => undefined);
			// the picked File stands for itself (a copy made here, before the long-task watch starts)
			const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
			await new Promise((r) => setTimeout(r, 100));
			longest = 0;
			let run;
			try {
				run = await appImport(bytes, blob, name, csvOnePass, csvEarlyStart);
			} catch (e) {
				// the app's import threw instead of reporting: recorded, not hidden
				row.note += `; App: Fehler „${String((e as Error).message ?? e).slice(0, 120)}“`;
				log(`${what}: raw ${row.raw.at(-1)?.toFixed(0)} ms, app threw: ${String((e as Error).message ?? e).slice(0, 120)}`);
				continue;
			}
			const { ms, report } = run;
			await new Promise((r) => setTimeout(r, 50)); // let the observer deliver
			row.longestTask = Math.max(row.longestTask, longest);
			row.app.push(ms);
			row.rows = report.rowsLoaded;
			if (report.fatal || report.rowsRejected) row.note += `; App: ${report.fatal?.message ?? ''} ${report.rowsRead} gelesen, ${report.rowsLoaded} geladen, ${report.rowsRejected} abgewiesen`;
			log(`${what}: raw ${row.raw.at(-1)?.toFixed(0)} ms${raw2 ? `, raw parquet-wasm ${row.raw2!.at(-1)?.toFixed(0)} ms` : ''}, app ${ms.toFixed(0)} ms, longest task ${longest.toFixed(0)} ms`);
		}
		out.push(row);
	};
	const csvToo = opts.only !== 'parquet';
	const parquetToo = !opts.only || opts.only === 'parquet';
	// only=csv-both: the chunked path (csvOnePass false, as before stop 10) first, in the same page and load
	if (opts.only === 'csv-both') await pair('CSV in Blöcken (csvOnePass: false)', opts.csv, rawCsv, 'raw_csv', 'bench-chunked.csv', opts.runs, undefined, false);
	// only=csv-early: the one pass with its INSERT started only after the whole scan (csvEarlyStart false) first
	if (opts.only === 'csv-early') await pair('CSV ohne frühen Start (csvEarlyStart: false)', opts.csv, rawCsv, 'raw_csv', 'bench-late.csv', opts.runs, undefined, true, false);
	if (csvToo) await pair('CSV (; Dezimalkomma, dd.mm.yyyy)', opts.csv, rawCsv, 'raw_csv', 'bench.csv', opts.runs);
	if (parquetToo) await pair('Parquet', opts.parquet, rawParquet, 'raw_pq', 'bench.parquet', opts.runs, rawParquetWasm);
	if (opts.big?.csv && csvToo) {
		await fresh();
		await pair('CSV groß', opts.big.csv, rawCsv, 'raw_csv', 'bench-big.csv', 1);
	}
	if (opts.big?.parquet && parquetToo) {
		await fresh();
		await pair('Parquet groß', opts.big.parquet, rawParquet, 'raw_pq', 'bench-big.parquet', 1, rawParquetWasm);
	}
	obs.disconnect();
	await db.close();
	return out;
}
