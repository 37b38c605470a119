/**
 * `npm run bench`: the app's data path at 1 M activity rows, measured in Debian's Chromium
 * (duckdb-wasm, the built app's /bench page) and on native DuckDB (@duckdb/node-api) with the
 * same files and the same SQL. Prints medians and the ratio browser ÷ native.
 * Not a test: nothing here asserts a time.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openNativeDb } from './bench/native-db';
import { serveStatic } from './bench/serve';
import { loadReference, REFERENCE_FILES, type ReferenceName } from '../src/lib/db/reference';
import { buildSummaries } from '../src/lib/db/summary';
import { validateStaged, decideNumberFormats } from '../src/lib/import/import-file';
import { DATASETS } from '../src/lib/import/schemas';
import { q } from '../src/lib/import/validate-sql';
import { AGG_RAW, AGG_SUMMARY, dashboardSteps, median, type BenchResult } from '../src/lib/bench/queries';
import type { Db } from '../src/lib/db/types';

const N = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DIR = '.bench';
const CSV = `${DIR}/einsaetze_${N}.csv`;
const PARQUET = `${DIR}/einsaetze_${N}.parquet`;

async function makeData(db: Db) {
	if (existsSync(CSV) && existsSync(PARQUET)) return;
	mkdirSync(DIR, { recursive: true });
	// the BW sample rows, repeated with shifted Lotse ids until N rows: realistic values and skew
	await db.exec(`CREATE OR REPLACE TABLE src AS SELECT * FROM read_parquet('${path.resolve('data/sample/beispieldaten_einsaetze_bw.parquet')}')`);
	await db.exec(`CREATE OR REPLACE TABLE big AS
		SELECT datum, ags, lotse_id || '-' || r AS lotse_id, format, thema, altersgruppe, teilnehmende, minuten, digitales_angebot
		FROM src, range(${Math.ceil(N / 99_000)}) t(r) LIMIT ${N}`);
	// German Excel dialect: ; and 31.12.2025
	await db.exec(`COPY big TO '${path.resolve(CSV)}' (HEADER, DELIMITER ';', DATEFORMAT '%d.%m.%Y')`);
	await db.exec(`COPY big TO '${path.resolve(PARQUET)}' (FORMAT parquet)`);
	await db.exec('DROP TABLE big; DROP TABLE src');
}

async function time(fn: () => Promise<unknown>): Promise<number> {
	const t0 = performance.now();
	await fn();
	return performance.now() - t0;
}

/** Native: stage with DuckDB's own readers, then the app's validation SQL. */
async function nativeRuns(db: Db): Promise<BenchResult[]> {
	const spec = DATASETS.einsaetze;
	const stage = (from: string) =>
		db.exec(`CREATE OR REPLACE TABLE stg AS SELECT CAST(row_number() OVER () AS INTEGER) AS _row, CAST(row_number() OVER () + 1 AS INTEGER) AS _line,
			${spec.columns
				.flatMap((c) => [
					`NULLIF(trim(CAST(${q(c.name)} AS VARCHAR)), '') AS ${q(c.name + '_raw')}`,
					...(['int', 'decimal', 'rate'].includes(c.type) ? [`NULL::DOUBLE AS ${q(c.name + '_num')}`] : [])
				])
				.join(', ')} FROM ${from}`);
	const out: BenchResult[] = [];
	const steps: [string, () => Promise<unknown>][] = [
		['CSV-Import (1 M Zeilen, ; und Dezimalkomma)', async () => {
			await db.exec('DROP TABLE IF EXISTS einsaetze');
			await stage(`read_csv('${path.resolve(CSV)}', all_varchar=true, delim=';', header=true)`);
			await validateStaged(db, spec, await decideNumberFormats(db, spec), 'bench.csv');
		}],
		['Parquet-Import (1 M Zeilen)', async () => {
			await db.exec('DROP TABLE IF EXISTS einsaetze');
			await stage(`read_parquet('${path.resolve(PARQUET)}')`);
			await validateStaged(db, spec, await decideNumberFormats(db, spec), 'bench.parquet');
		}],
		['Summentabellen bauen', () => buildSummaries(db)],
		['Aggregat über Rohdaten (Verband × 2025)', () => db.query(AGG_RAW)],
		['Aggregat über Summentabellen', () => db.query(AGG_SUMMARY)]
	];
	const dashboard = dashboardSteps(db);
	const setups = new Map(dashboard.map((d) => [d.step, d.setup]));
	steps.push(...dashboard.map((d) => [d.step, d.run] as [string, () => Promise<unknown>]));
	for (const [step, fn] of steps) {
		await setups.get(step)?.();
		const runs: number[] = [];
		for (let i = 0; i < RUNS; i++) runs.push(await time(fn));
		out.push({ step, rows: N, runs });
	}
	return out;
}

async function browserRuns(): Promise<BenchResult[]> {
	if (!existsSync('build/index.html')) throw new Error('build/ fehlt: erst `npm run build`');
	const { chromium } = await import('playwright-core');
	const server = await serveStatic({ build: 'build', extra: { '/bench-data/': DIR } });
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		const page = await browser.newPage();
		const url = `${server.url}/bench?csv=/bench-data/${path.basename(CSV)}&parquet=/bench-data/${path.basename(PARQUET)}&runs=${RUNS}`;
		await page.goto(url);
		await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench, null, { timeout: 20 * 60_000, polling: 1000 });
		const res = await page.evaluate(() => (window as unknown as { __bench: BenchResult[] | { error: string } }).__bench);
		if (!Array.isArray(res)) throw new Error(res.error);
		return res;
	} finally {
		await browser.close();
		await server.close();
	}
}

const native = await openNativeDb();
await makeData(native);
const files = Object.fromEntries(REFERENCE_FILES.map((n) => [n, new Uint8Array(readFileSync(`data/reference/${n}.csv`))])) as Record<ReferenceName, Uint8Array>;
await loadReference(native, files);
console.log(`Benchmark: ${N.toLocaleString('de-DE')} Zeilen, ${RUNS} Durchläufe, Median in Sekunden`);
const nat = await nativeRuns(native);
await native.close();
const web = await browserRuns();
const s = (ms: number) => (ms / 1000).toLocaleString('de-DE', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
console.log(['Schritt'.padEnd(44), 'Chromium (wasm)', 'nativ', 'Verhältnis'].join(' | '));
for (const w of web) {
	const n = nat.find((x) => x.step === w.step);
	const mw = median(w.runs);
	const mn = n ? median(n.runs) : NaN;
	console.log([w.step.padEnd(44), s(mw).padStart(15), s(mn).padStart(6), (mw / mn).toLocaleString('de-DE', { maximumFractionDigits: 1 }).padStart(9) + '×'].join(' | '));
}

// the import part: app import ÷ DuckDB's own read of the same file, 1 M and 10 M rows (scripts/bench/import.ts)
if (process.env.BENCH_IMPORT !== '0') {
	const { runImportBenchmark } = await import('./bench/import');
	await runImportBenchmark();
}
