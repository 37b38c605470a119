/**
 * `npm run bench` (builds the app and the benchmark's own page first): measures in Debian's
 * Chromium and on native DuckDB, prints the figures next to their floors and writes them to
 * bench/results.json and into README.md's "Messen" table (between the bench markers).
 *
 * 1. Start (the built app under `npm start`'s server, scripts/serve.ts; scripts/bench/startup.ts):
 *    - cold start: first visit, navigation → first chart painted; floor: DuckDB start (download
 *      and compile the wasm, open) + attaching the data, measured by the app in the same run;
 *    - warm start: second visit (service worker cache); floor as above, from that visit;
 *    - first-visit bytes (on the wire, service worker included); floor: the compressed wasm and
 *      app JS the visit actually used, as the server sends them;
 *    - app JS (compressed, as sent): what the first visit used, and the whole build.
 * 2. Interaction (p50/p95 of an Amt change, charts on screen): scripts/bench/interaction.ts, with
 *    the sample data and with 1 M generated activity rows imported through the Daten page.
 * 3. Data path at BENCH_ROWS activity rows: CSV and Parquet import, summaries, aggregates and the
 *    Ämter-Vergleich in Chromium (the benchmark's own page, .bench/app/, never in the app's
 *    build) and on native DuckDB (@duckdb/node-api) with the same files and SQL.
 * Not a test: nothing here asserts a time. BENCH_ROWS (default 250 000), BENCH_RUNS (3),
 * BENCH_STARTUP_RUNS (3) change the work; a run takes a few minutes. BENCH_ONLY=startup
 * (`npm run bench:bytes`) measures the start only, lists every file of the first visit with its
 * bytes and writes .bench/startup.json; BENCH_BUILD measures another build folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNativeDb } from './bench/native-db';
import { serveStatic } from './bench/serve';
import { measureStartup, QUIET_FLAGS, type StartupRun } from './bench/startup';
import { startAppServer } from './serve';
import { loadReference, REFERENCE_FILES, type ReferenceName } from '../src/lib/db/reference';
import { buildSummaries } from '../src/lib/db/summary';
import { validateStaged, decideNumberFormats } from '../src/lib/import/import-file';
import { DATASETS } from '../src/lib/import/schemas';
import { q } from '../src/lib/import/validate-sql';
import { AGG_RAW, AGG_SUMMARY, dashboardSteps, median, type BenchResult } from './bench/queries';
import type { Db } from '../src/lib/db/types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.BENCH_ROWS ?? 250_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const DIR = path.join(ROOT, '.bench');
const CSV = `${DIR}/einsaetze_${N}.csv`;
const PARQUET = `${DIR}/einsaetze_${N}.parquet`;
/** BENCH_BUILD: another build folder to measure (e.g. an older build, for a before/after under the same load) */
const BUILD = process.env.BENCH_BUILD ? path.resolve(process.env.BENCH_BUILD) : path.join(ROOT, 'build');
const RESULTS = path.join(ROOT, 'bench/results.json');
const README = path.join(ROOT, 'README.md');

// ---------- 1. start ----------

/** bytes the server sends for `file` to a browser accepting `encoding` (brotli/gzip twin if present) */
function sentSize(file: string, encoding: string): number {
	const full = path.join(BUILD, file);
	for (const [token, ext] of [
		['br', '.br'],
		['gzip', '.gz']
	] as const) {
		if (encoding.includes(token) && existsSync(full + ext)) return statSync(full + ext).size;
	}
	return statSync(full).size;
}

function walkJs(dir: string): string[] {
	const out: string[] = [];
	for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
		if (e.isFile() && e.name.endsWith('.js')) out.push(path.relative(BUILD, path.join(e.parentPath, e.name)));
	return out;
}

interface StartupFigures {
	coldMs: number;
	coldFloorMs: number;
	warmMs: number;
	warmFloorMs: number;
	firstVisitBytes: number;
	bytesFloor: number;
	wasmBytes: number;
	appJsUsedBytes: number;
	appJsBuildBytes: number;
	encoding: string;
	/** export libraries (ExcelJS, PptxGenJS) among the scripts the first visit loaded: should be none */
	exportLibsOnStart: string[];
	/** what the first visit used, with the bytes sent */
	usedFiles: { file: string; bytes: number }[];
	/** every file the first (median-free: first run's) visit fetched, with the bytes the server sends for it, largest first */
	sentFiles: { file: string; bytes: number; used: boolean; times: number }[];
	chromium: string;
	runs: Pick<StartupRun, 'coldMs' | 'warmMs' | 'firstVisitBytes' | 'coldMarks' | 'warmMarks'>[];
}

async function startupFigures(): Promise<StartupFigures> {
	if (!existsSync(path.join(BUILD, 'index.html'))) throw new Error('build/ fehlt: erst `npm run build`');
	const server = await startAppServer({ dir: BUILD, port: 0, host: '127.0.0.1' });
	let result: Awaited<ReturnType<typeof measureStartup>>;
	try {
		result = await measureStartup(server.url, STARTUP_RUNS);
	} finally {
		await server.close();
	}
	const runs = result.runs;
	const floorOf = (m: Record<string, number>) => (m['dlm:db-open'] ?? NaN) + (m['dlm:attach'] ?? NaN);
	const encoding = runs[0].acceptEncoding;
	const used = new Set(runs.flatMap((r) => r.usedPaths).filter((p) => existsSync(path.join(BUILD, p)) && statSync(path.join(BUILD, p)).isFile()));
	const size = (files: string[]) => files.reduce((s, f) => s + sentSize(f, encoding), 0);
	const usedList = [...used].map((p) => p.replace(/^\//, ''));
	const wasmBytes = size(usedList.filter((f) => f.endsWith('.wasm')));
	const appJsUsedBytes = size(usedList.filter((f) => f.endsWith('.js')));
	// ExcelJS and PptxGenJS chunks carry no name in the build; they are known by the OOXML part names inside
	const exportLibsOnStart = usedList
		.filter((f) => f.endsWith('.js'))
		.flatMap((f) => {
			const text = readFileSync(path.join(BUILD, f), 'utf8');
			return [text.includes('ppt/presentation.xml') ? `PptxGenJS (${f})` : text.includes('xl/workbook.xml') ? `ExcelJS (${f})` : ''].filter(Boolean);
		});
	return {
		coldMs: median(runs.map((r) => r.coldMs)),
		coldFloorMs: median(runs.map((r) => floorOf(r.coldMarks))),
		warmMs: median(runs.map((r) => r.warmMs)),
		warmFloorMs: median(runs.map((r) => floorOf(r.warmMarks))),
		firstVisitBytes: median(runs.map((r) => r.firstVisitBytes)),
		bytesFloor: wasmBytes + appJsUsedBytes,
		wasmBytes,
		appJsUsedBytes,
		appJsBuildBytes: size(walkJs(path.join(BUILD, '_app'))),
		encoding,
		exportLibsOnStart,
		usedFiles: usedList.sort().map((file) => ({ file, bytes: sentSize(file, encoding) })),
		sentFiles: [...new Set(runs[0].firstVisitRequests.map((r) => r.split(' ')[1].split('?')[0]))]
			.filter((p) => existsSync(path.join(BUILD, p)) && statSync(path.join(BUILD, p)).isFile())
			.map((p) => ({ file: p.replace(/^\//, ''), bytes: sentSize(p, encoding), used: used.has(p), times: runs[0].firstVisitRequests.filter((r) => r.split(' ')[1].split('?')[0] === p).length }))
			.sort((a, b) => b.bytes - a.bytes),
		chromium: result.chromium,
		runs: runs.map(({ coldMs, warmMs, firstVisitBytes, coldMarks, warmMarks }) => ({ coldMs, warmMs, firstVisitBytes, coldMarks, warmMarks }))
	};
}

// ---------- 2. interaction ----------

type InteractionFigures = import('./bench/interaction').InteractionBench;

/**
 * p50/p95 of an Amt change on Ämter-Vergleich and Reichweite Ältere (scripts/bench/interaction.ts:
 * the app's marks `dlm:filter-change` → `dlm:charts-drawn`, the charts on screen), with the sample
 * data and after importing BENCH_INTERACTION_ROWS (1 M) generated activity rows through the Daten
 * page; the floor of each change is the time of its queries plus its setOption calls.
 */
async function interactionFigures(): Promise<InteractionFigures> {
	const { runInteractionBench } = await import('./bench/interaction');
	const server = await startAppServer({ dir: BUILD, port: 0, host: '127.0.0.1' });
	try {
		return await runInteractionBench({ url: server.url, log: (x) => console.log('  ' + x) });
	} finally {
		await server.close();
	}
}

// ---------- 3. data path ----------

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
		['CSV-Import (; und Dezimalkomma)', async () => {
			await db.exec('DROP TABLE IF EXISTS einsaetze');
			await stage(`read_csv('${path.resolve(CSV)}', all_varchar=true, delim=';', header=true)`);
			await validateStaged(db, spec, await decideNumberFormats(db, spec), 'bench.csv');
		}],
		['Parquet-Import', async () => {
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
	const app = path.join(DIR, 'app');
	if (!existsSync(path.join(app, 'index.html'))) throw new Error('.bench/app fehlt: erst `vite build --config scripts/bench/vite.config.ts` (npm run bench tut das)');
	const { chromium } = await import('playwright-core');
	const server = await serveStatic({ build: app, extra: { '/bench-data/': DIR } });
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: QUIET_FLAGS });
	try {
		const page = await browser.newPage();
		await page.goto(`${server.url}/?csv=/bench-data/${path.basename(CSV)}&parquet=/bench-data/${path.basename(PARQUET)}&runs=${RUNS}`);
		await page.waitForFunction(() => document.querySelector<HTMLOutputElement>('#bench-results')?.dataset.done === 'true', null, { timeout: 20 * 60_000, polling: 1000 });
		const res = JSON.parse(await page.evaluate(() => document.querySelector<HTMLOutputElement>('#bench-results')!.value)) as BenchResult[] | { error: string };
		if (!Array.isArray(res)) throw new Error(res.error);
		return res;
	} finally {
		await browser.close();
		await server.close();
	}
}

async function dataPath(): Promise<{ step: string; browserMs: number; nativeMs: number }[]> {
	const native = await openNativeDb();
	await makeData(native);
	const files = Object.fromEntries(REFERENCE_FILES.map((n) => [n, new Uint8Array(readFileSync(`data/reference/${n}.csv`))])) as Record<ReferenceName, Uint8Array>;
	await loadReference(native, files);
	const nat = await nativeRuns(native);
	await native.close();
	const web = await browserRuns();
	return web.map((w) => ({ step: w.step, browserMs: median(w.runs), nativeMs: median(nat.find((x) => x.step === w.step)?.runs ?? [NaN]) }));
}

// ---------- report ----------

const de = (n: number, digits = 0) => n.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const sec = (ms: number) => `${de(ms / 1000, 2)} s`;
const mb = (b: number) => `${de(b / 1e6, 1)} MB`;
const kb = (b: number) => `${de(b / 1e3)} kB`;
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${de(a / b, 2)} ×` : '–');

function machine() {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model.trim() ?? 'unbekannt',
		cores: cpus.length,
		memoryGiB: Math.round(os.totalmem() / 2 ** 30),
		os: `${os.type()} ${os.release()}`,
		node: process.version,
		loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10)
	};
}

/** the app's start-up measures (dlm:sw-wait, seeded, db-open, attach, data-ready), medians over the runs */
function marksText(runs: Record<string, number>[]): string {
	return ['sw-wait', 'seeded', 'db-open', 'attach', 'data-ready'].map((k) => `${k} ${sec(median(runs.map((m) => m[`dlm:${k}`] ?? NaN)))}`).join(' · ');
}

function startupRows(s: StartupFigures): string[][] {
	return [
		['Kaltstart (erster Besuch, Navigation → erstes Diagramm)', sec(s.coldMs), sec(s.coldFloorMs), ratio(s.coldMs, s.coldFloorMs), `Untergrenze: DuckDB starten (wasm laden und übersetzen) + Daten anhängen; ${marksText(s.runs.map((r) => r.coldMarks))}`],
		['Warmstart (zweiter Besuch, Service-Worker-Cache)', sec(s.warmMs), sec(s.warmFloorMs), ratio(s.warmMs, s.warmFloorMs), `Ziel ≤ 1,5 s; die Startseite zeichnet aus den beim Build berechneten Startwerten (seeded), bevor DuckDB bereit ist: die Spalte „Untergrenze“ (DuckDB starten + anhängen) begrenzt hier nur alles Weitere; ${marksText(s.runs.map((r) => r.warmMarks))}`],
		['Übertragen beim ersten Besuch', mb(s.firstVisitBytes), mb(s.bytesFloor), ratio(s.firstVisitBytes, s.bytesFloor), 'Untergrenze: komprimierte wasm + benutzte App-JS; Ziel ≤ 1,3 ×'],
		['App-JS, komprimiert, vom ersten Besuch benutzt', kb(s.appJsUsedBytes), '', '', `ganzer Build ${kb(s.appJsBuildBytes)}; wasm komprimiert ${mb(s.wasmBytes)}`],
		['Export-Bibliotheken beim Start geladen', s.exportLibsOnStart.length ? s.exportLibsOnStart.join(', ') : 'keine', 'keine', '', 'ExcelJS/PptxGenJS erst beim Export']
	];
}

function interactionRows(i: InteractionFigures): string[][] {
	const page = (p: string) => (p === '/vergleich' ? 'Ämter-Vergleich' : p === '/aeltere' ? 'Reichweite Ältere' : p);
	const row = (r: InteractionFigures['sample'][number], data: string, target: number) => [
		`Filterwechsel (Amt) ${page(r.page)}, ${data}, p50 / p95`,
		`${de(r.p50)} / ${de(r.p95)} ms`,
		`${de(r.floorP95)} ms`,
		ratio(r.p95, r.floorP95),
		`Ziel p95 ≤ ${target} ms; ${r.changes} Wechsel; gezählt: ${r.chartsDrawn} Diagramme im Bild, ${r.chartsDeferred} darunter werden danach gezeichnet (alle fertig p50/p95 ${de(r.allChartsP50)} / ${de(r.allChartsP95)} ms); Untergrenze: Abfragen + setOption`
	];
	return [
		...i.sample.map((r) => row(r, 'Beispieldaten', 150)),
		...i.big.map((r) => row(r, `${de(i.bigRows)} Einsatzzeilen`, 250)),
		[`Import der ${de(i.bigRows)} Einsatzzeilen (Parquet) über die Seite „Daten“`, sec(i.bigImportMs), '', '', 'Datei wählen → geladen, im Worker']
	];
}

function markdownTable(rows: string[][]): string {
	const head = ['Messgröße', 'gemessen', 'Untergrenze', 'Verhältnis', 'Anmerkung'];
	return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function updateReadme(section: string): boolean {
	const text = readFileSync(README, 'utf8');
	const start = '<!-- bench:start -->';
	const end = '<!-- bench:end -->';
	const a = text.indexOf(start);
	const b = text.indexOf(end);
	if (a < 0 || b < a) return false;
	writeFileSync(README, text.slice(0, a + start.length) + '\n' + section + '\n' + text.slice(b));
	return true;
}

const started = new Date();
const m = machine();
console.log(`Messung ${started.toISOString()} auf ${m.cpu}, ${m.cores} Kerne, ${m.memoryGiB} GiB, Last ${m.loadAverage.join(' / ')}`);
console.log(`Start: ${STARTUP_RUNS} erste und zweite Besuche …`);
const startup = await startupFigures();
// BENCH_ONLY=startup (`npm run bench:bytes`): the start figures and what the first visit was sent, nothing else
if (process.env.BENCH_ONLY === 'startup') {
	console.log(`Last am Ende ${os.loadavg().map((x) => de(x, 1)).join(' / ')}`);
	console.log('\n' + markdownTable(startupRows(startup)));
	console.log(`\nErster Besuch, Dateien (Bytes wie gesendet, ${startup.encoding}); „benutzt“ = von Seite oder Workern angefragt:`);
	for (const f of startup.sentFiles) console.log(`${kb(f.bytes).padStart(12)}  ${f.used ? 'benutzt ' : 'Vorrat  '} ${f.times > 1 ? `${f.times}× ` : ''}${f.file}`);
	const other = startup.firstVisitBytes - startup.sentFiles.reduce((s, f) => s + f.bytes * f.times, 0);
	console.log(`${kb(other).padStart(12)}  Rest (Kopfzeilen, Navigation, doppelte Abrufe)`);
	mkdirSync(DIR, { recursive: true });
	writeFileSync(path.join(DIR, 'startup.json'), JSON.stringify({ date: started.toISOString(), machine: m, startup }, null, '\t') + '\n');
	process.exit(0);
}
console.log('Filterwechsel …');
const interaction = await interactionFigures();
console.log(`Datenweg: ${de(N)} Einsatzzeilen, ${RUNS} Durchläufe …`);
const data = await dataPath();

const rows = [...startupRows(startup), ...interactionRows(interaction)];
const dataRows = data.map((d) => [d.step, sec(d.browserMs), sec(d.nativeMs), ratio(d.browserMs, d.nativeMs)]);
console.log(`Last am Ende ${os.loadavg().map((x) => de(x, 1)).join(' / ')}`);
console.log('\n' + markdownTable(rows));
console.log('\n' + [['Schritt', 'Chromium (wasm)', 'nativ', 'Verhältnis'], ['---', '---', '---', '---'], ...dataRows].map((r) => `| ${r.join(' | ')} |`).join('\n'));

mkdirSync(path.dirname(RESULTS), { recursive: true });
writeFileSync(
	RESULTS,
	JSON.stringify(
		{
			date: started.toISOString(),
			machine: { ...m, chromium: startup.chromium },
			settings: { rows: N, runs: RUNS, startupRuns: STARTUP_RUNS },
			startup,
			interaction,
			dataPath: data
		},
		null,
		'\t'
	) + '\n'
);
const section = [
	`Stand ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${m.cpu} (${m.cores} Kerne, ${m.memoryGiB} GiB), ${m.os}, Node ${m.node}, Chromium ${startup.chromium}, Last beim Start ${m.loadAverage.map((x) => de(x, 1)).join(' / ')}; Mediane aus ${STARTUP_RUNS} Starts.`,
	'',
	markdownTable(rows),
	'',
	`Datenweg bei ${de(N)} Einsatzzeilen (Median aus ${RUNS} Durchläufen):`,
	'',
	[['Schritt', 'Chromium (wasm)', 'nativ', 'Verhältnis'], ['---', '---:', '---:', '---:'], ...dataRows].map((r) => `| ${r.join(' | ')} |`).join('\n')
].join('\n');
console.log(`\n${path.relative(ROOT, RESULTS)} geschrieben${updateReadme(section) ? '; README.md („Messen“) aktualisiert' : ''}.`);

// The import part (issue 8): the app's import ÷ DuckDB's own read of the same file in the same
// page, at BENCH_ROWS (default 1 M here) and BENCH_BIG_ROWS (default 10 M) rows; BENCH_IMPORT=0 skips it.
if (process.env.BENCH_IMPORT !== '0') {
	const { runImportBenchmark } = await import('./bench/import');
	await runImportBenchmark();
}
