/**
 * Import part of `npm run bench`: the app's import against DuckDB's own reader of the same file,
 * in one Chromium page and one duckdb-wasm (scripts/bench/browser/import-bench.ts does the browser side, in the benchmark's own build).
 * Prints import ÷ raw read for a German CSV and for Parquet at 1 M rows, and what happens at 10 M.
 * Run alone: `npx vite build --config scripts/bench/vite.config.ts && npx tsx scripts/bench/import.ts` (BENCH_ROWS, BENCH_BIG_ROWS, BENCH_RUNS; BENCH_IMPORT_ONLY=parquet or csv runs one format, csv-both also the chunked CSV path (csvOnePass false) before the one-pass one, csv-early the one pass without its early start (csvEarlyStart false) before it; BENCH_BIG=csv or parquet: only that large file).
 * Not a test: nothing here asserts a time.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openNativeDb } from './native-db';
import { serveStatic } from './serve';
import type { ImportBenchRow } from './browser/import-bench';

const DIR = '.bench';

/** German Excel style: `;`, 31.12.2025, decimal comma (63,5), UTF-8; and the same rows as Parquet. */
export async function makeImportData(n: number): Promise<{ csv: string; parquet: string }> {
	const csv = `${DIR}/einsaetze_de_${n}.csv`;
	const parquet = `${DIR}/einsaetze_de_${n}.parquet`;
	if (existsSync(csv) && existsSync(parquet)) return { csv, parquet };
	mkdirSync(DIR, { recursive: true });
	const db = await openNativeDb();
	await db.exec(`CREATE TABLE src AS SELECT * FROM read_parquet('${path.resolve('data/sample/beispieldaten_einsaetze_bw.parquet')}')`);
	const srcRows = Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM src'))[0].n);
	// the sample rows repeated with shifted Lotse ids; every 7th duration has a decimal part (63,5)
	await db.exec(`CREATE TABLE big AS
		SELECT datum, ags, lotse_id || '-' || r AS lotse_id, format, thema, altersgruppe, teilnehmende,
			CASE WHEN (r + teilnehmende) % 7 = 0 THEN minuten + 0.5 ELSE minuten END AS minuten, digitales_angebot
		FROM src, range(${Math.ceil(n / srcRows)}) t(r) LIMIT ${n}`);
	await db.exec(`COPY (SELECT strftime(datum, '%d.%m.%Y') AS "Datum", ags AS "AGS", lotse_id AS "Lotse", format AS "Format", thema AS "Thema",
			altersgruppe AS "Altersgruppe", teilnehmende AS "Teilnehmende", replace(CAST(minuten AS VARCHAR), '.', ',') AS "Minuten", digitales_angebot AS "Digitales Angebot" FROM big)
		TO '${path.resolve(csv)}' (HEADER, DELIMITER ';')`);
	await db.exec(`COPY big TO '${path.resolve(parquet)}' (FORMAT parquet)`);
	await db.close();
	return { csv, parquet };
}

const median = (xs: number[]) => {
	if (!xs.length) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs the import benchmark on the benchmark's own page (.bench/app, served by `baseUrl`, with /bench-data/ → .bench). */
export async function benchImport(page: Page, baseUrl: string, files: { csv: string; parquet: string; bigCsv?: string; bigParquet?: string }, runs: number): Promise<ImportBenchRow[]> {
	const u = (f: string) => `/bench-data/${path.basename(f)}`;
	const q = new URLSearchParams({ suite: 'import', csv: u(files.csv), parquet: u(files.parquet), runs: String(runs) });
	const only = process.env.BENCH_IMPORT_ONLY;
	if (only) q.set('only', only);
	if (files.bigCsv) q.set('bigcsv', u(files.bigCsv));
	if (files.bigParquet) q.set('bigparquet', u(files.bigParquet));
	page.on('console', (m) => console.log('  [Chromium]', m.text()));
	await page.goto(`${baseUrl}/?${q}`);
	await page.waitForFunction(() => document.querySelector<HTMLOutputElement>('#bench-results')?.dataset.done === 'true', null, { timeout: 60 * 60_000, polling: 1000 });
	const res = JSON.parse(await page.evaluate(() => document.querySelector<HTMLOutputElement>('#bench-results')!.value)) as ImportBenchRow[] | { error: string };
	if (!Array.isArray(res)) throw new Error(res.error);
	return res;
}

export function printImportTable(rows: ImportBenchRow[]): void {
	const s = (ms: number) => (ms / 1000).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	const x = (a: number, b: number) => (Number.isFinite(b) ? (a / b).toLocaleString('de-DE', { maximumFractionDigits: 2 }) + ' ×' : '–');
	// Parquet has two raw reads: the app's own reader (hyparquet) and parquet-wasm (until stop 9)
	console.log('| Datei | Zeilen geladen | roh s (App-Leser → Arrow → Tabelle) | roh s (parquet-wasm → Arrow → Tabelle) | App-Import s | Import ÷ roh | Import ÷ roh parquet-wasm | längste Main-Thread-Aufgabe ms | Hinweis |');
	console.log('|---|---|---|---|---|---|---|---|---|');
	for (const r of rows) {
		const raw = median(r.raw);
		const raw2 = r.raw2?.length ? median(r.raw2) : NaN;
		const app = median(r.app);
		console.log(`| ${r.what} | ${r.rows.toLocaleString('de-DE')} | ${Number.isFinite(raw) ? s(raw) : '–'} | ${Number.isFinite(raw2) ? s(raw2) : '–'} | ${s(app)} | ${x(app, raw)} | ${x(app, raw2)} | ${Math.round(r.longestTask)} | ${r.note} |`);
		console.log(`  (${r.what}: App-Import je Lauf ${r.app.map(s).join(' / ')} s; roh ${r.raw.map(s).join(' / ')}${r.raw2 ? `; roh parquet-wasm ${r.raw2.map(s).join(' / ')}` : ''})`);
	}
}

/** The whole import benchmark: data, server, Chromium, table. */
export async function runImportBenchmark(): Promise<void> {
	const n = Number(process.env.BENCH_ROWS ?? 1_000_000);
	const bigN = Number(process.env.BENCH_BIG_ROWS ?? 10_000_000);
	const runs = Number(process.env.BENCH_RUNS ?? 3);
	if (!existsSync('.bench/app/index.html')) throw new Error('.bench/app/ fehlt: erst `npx vite build --config scripts/bench/vite.config.ts`');
	const files = await makeImportData(n);
	const big = bigN > 0 ? await makeImportData(bigN) : null;
	const { chromium } = await import('playwright-core');
	const server = await serveStatic({ build: '.bench/app', extra: { '/bench-data/': DIR } });
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		const page = await browser.newPage();
		console.log(`Import-Benchmark: ${n.toLocaleString('de-DE')} Zeilen (${runs} Durchläufe, Median)${big ? `, groß: ${bigN.toLocaleString('de-DE')} Zeilen (1 Durchlauf)` : ''}`);
		const rows = await benchImport(page, server.url, { ...files, bigCsv: process.env.BENCH_BIG === 'parquet' ? undefined : big?.csv, bigParquet: process.env.BENCH_BIG === 'csv' ? undefined : big?.parquet }, runs);
		printImportTable(rows);
	} finally {
		await browser.close();
		await server.close();
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runImportBenchmark();
