/**
 * Start-up and imports on the client: open duckdb-wasm, attach the reference tables and the
 * sample data, keep the reports in `app`. All work on the database goes through one
 * coordinator (db/coordinator.ts): start-up and imports are its writes (alone on the database:
 * an import uses temporary tables a second one would overwrite), the pages' queries its reads.
 * Every data file is a Vite asset of the build (same origin, no CDN, works offline).
 *
 * The sample data arrive ready: the build imported and validated them with the same import code
 * (scripts/build-sample-snapshot.ts) and wrote the tables as Arrow IPC plus the import reports;
 * start-up only attaches them (import/sample-snapshot.ts): DuckDB reads the downloaded bytes as
 * they are, nothing is decoded on the page (Parquet through parquet-wasm held the main thread for
 * 0.6 s and so delayed DuckDB's own start). So no sample file is parsed or
 * validated here, and ExcelJS is not loaded on start (only when a user imports a workbook).
 * While DuckDB starts, the start page can already draw from the build's start seed (start-seed.ts):
 * its default-state answers and the catalog, seeded into the coordinator when the data will be
 * exactly the snapshot's; everything else waits for DuckDB.
 * Timings go to the Performance timeline as measures — `dlm:sw-wait` (first visit: until the
 * service worker controls the page), `dlm:db-open` (download + compile the wasm, open DuckDB),
 * `dlm:attach` (tables, views, counts), `dlm:data-ready` (all of start-up), `dlm:seeded` (the
 * seed's answers are in, when it applies) — where the e2e tests and `npm run bench` read them;
 * nothing is put on `window`.
 */
import { openBrowserDb } from '$lib/db/browser';
import type { Db } from '$lib/db/types';
import { importFile, type InputFile } from '$lib/import/import-file';
import { attachSnapshot, type SnapshotManifest } from '$lib/import/sample-snapshot';
import { DATASETS } from '$lib/import/schemas';
import { ensureDatasetTables } from '$lib/import/tables';
import { buildSummaries } from '$lib/db/summary';
import { Coordinator } from '$lib/db/coordinator';
import { deleteFileRows, readCatalog, type Catalog } from '$lib/db/catalog';
import { checkStartSeed, seedApplies, type StartSeed } from '$lib/dashboard/start-seed';
import { fetchStartSeed } from './start-seed';
import { MARK, measure } from './draw-marks';
import { i18n, t, formatInt } from '$lib/i18n';
import { localizeReport } from '$lib/import/localize';
import { serviceWorkerReady } from './offline';
import { browserImportOptions, importDone, loadedNothing, wasCancelled } from './import-run';
import type { ImportProfile } from '$lib/import/profile';
import { app, type LoadedFile, type Source, type TableCount } from './state.svelte';
// issue 9 (own data that stays): stored Arbeitsstand restored on start, worker restarted after a crash
import { restoreStoredState, storedStateEmpty, workerCrashed } from './workspace.svelte';

import fehlerhaftUrl from '../../../data/sample/beispieldaten_fehlerhaft_einsaetze.csv?url&no-inline';

/** The sample snapshot written by the build (manifest.json + one Arrow IPC file per table), as asset URLs. */
const SNAPSHOT_URLS: Record<string, string> = Object.fromEntries(
	Object.entries(import.meta.glob('../../../.generated/sample-snapshot/*', { query: '?url&no-inline', import: 'default', eager: true }) as Record<string, string>).map(
		([file, url]) => [file.split('/').pop()!, url]
	)
);

export const DEMO_FAULTY_FILE = { name: 'beispieldaten_fehlerhaft_einsaetze.csv', url: fehlerhaftUrl };

/** the open database, set inside the start-up write (writes use it; reads go through `coordinator()`) */
let db: Db | null = null;
let coord: Coordinator | null = null;
let startup: Promise<void> | null = null;
let nextId = 1;
/** the catalog the start seed gave, until start-up read it live (refreshCounts compares the two) */
let seededCatalog: Catalog | null = null;
/** start-up's live catalog is in (a seed arriving later is not used) */
let liveCatalog = false;
/** the seed the page drew from, until DuckDB checked it */
let usedSeed: StartSeed | null = null;

/** The app's one coordinator; every page query is a request to it. Throws before `startApp`. */
export function coordinator(): Coordinator {
	if (!coord) throw new Error(app.error ?? 'Datenbank nicht bereit');
	return coord;
}

/**
 * Runs a job alone on the database (imports, removals, restores, saving the Arbeitsstand): a
 * write of the coordinator, so no page reads half of it. Rejects when the database is not open.
 */
export function withDb<T>(job: (db: Db) => Promise<T>): Promise<T> {
	if (!coord) return Promise.reject(new Error(app.error ?? t('import.waitForLoad')));
	return coord.write(async () => {
		if (!db) throw new Error(app.error ?? t('import.waitForLoad'));
		return job(db);
	});
}

async function fetchBytes(url: string): Promise<Uint8Array> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return new Uint8Array(await res.arrayBuffer());
}

/** duckdb-wasm never answers when its wasm cannot be loaded: give up instead of loading forever. */
const DB_OPEN_TIMEOUT_MS = 120_000;

function withTimeout<T>(p: Promise<T>, ms: number, message: () => string): Promise<T> {
	let timer: ReturnType<typeof setTimeout>;
	const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), ms)));
	return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function errorText(e: unknown): string {
	if (e instanceof Error) return e.message || e.name;
	return String(e);
}

function snapshotUrl(file: string): string {
	const url = SNAPSHOT_URLS[file];
	if (!url) throw new Error(`${file}: missing from the build (sample snapshot)`);
	return url;
}

/** `performance.measure` from `start` to now; returns the duration */
function measureSince(name: string, start: number): number {
	return performance.measure(name, { start, end: performance.now() }).duration;
}

/**
 * Opens the database and loads reference and sample data once. Never throws: failures go to
 * `app.error`. Called as early as possible (the root layout's load), so DuckDB starts while the
 * page renders; every download starts at once and runs while the wasm compiles.
 */
export function startApp(): Promise<void> {
	if (startup) return startup;
	const t0 = performance.now();
	app.phase = 'loading';
	app.seeded = false;
	seededCatalog = null;
	liveCatalog = false;
	usedSeed = null;
	app.step = { key: 'db' };
	// a first visit waits for the service worker, so that everything is downloaded once (offline.ts)
	const swP = serviceWorkerReady();
	const dbP = withTimeout(
		swP.then(() => {
			measureSince('dlm:sw-wait', t0);
			const t1 = performance.now();
			return openBrowserDb({ onCrash: onWorkerCrash }).then((d) => (measureSince('dlm:db-open', t1), d));
		}),
		DB_OPEN_TIMEOUT_MS,
		() => t('load.error.dbTimeout', { s: DB_OPEN_TIMEOUT_MS / 1000 })
	);
	const manifestP = swP.then(() => fetchBytes(snapshotUrl('manifest.json'))).then((b) => JSON.parse(new TextDecoder().decode(b)) as SnapshotManifest);
	// every table's Arrow IPC bytes download while DuckDB starts
	const ipcP = manifestP.then((m) => new Map(m.tables.filter((t) => t.file).map((t) => [t.name, fetchBytes(snapshotUrl(t.file!))])));
	for (const p of [manifestP, ipcP]) p.catch(() => undefined);
	ipcP.then((m) => m.forEach((p) => p.catch(() => undefined)), () => undefined);
	const c = (coord = new Coordinator(dbP, { concurrency: 3, onStatement: (sql, start) => measure(MARK.query, start, { sql }) }));
	// the start-up write below is asked for first, so the seed answers for the data it leaves
	const seeding = Promise.all([swP.then(fetchStartSeed), manifestP, storedStateEmpty()]);
	startup = c.write(async (opened) => {
		try {
			db = opened;
			const t1 = performance.now();
			const manifest = await manifestP;
			app.step = { key: 'sample', files: manifest.reports.length };
			const ipc = await ipcP;
			// the reference tables come with the snapshot (the build read the same CSVs)
			await attachSnapshot(db, manifest, (table) => ipc.get(table.name)!);
			if (!app.seeded) for (const report of manifest.reports) addReport(report);
			// the snapshot holds the summary tables already; a restored Arbeitsstand needs them built
			const restored = await restoreStoredState(db);
			// the seed was for the snapshot alone (never happens unless another tab stored data meanwhile)
			if (restored && app.seeded) unseed('Arbeitsstand restored');
			await refreshCounts({ summaries: restored });
			measureSince('dlm:attach', t1);
			app.loadMs = measureSince('dlm:data-ready', t0);
			app.step = null;
			app.phase = 'ready';
			if (app.seeded && usedSeed) checkSeedWhenIdle(c, usedSeed);
		} catch (e) {
			console.error(e);
			app.error = errorText(e);
			app.phase = 'error';
		}
	}).catch((e: unknown) => {
		// the database did not open: the write never ran
		console.error(e);
		app.error = errorText(e);
		app.phase = 'error';
	});
	void seeding.then(([seed, manifest, storedEmpty]) => {
		if (coord !== c || app.phase !== 'loading' || liveCatalog) return;
		if (!seedApplies(seed, { snapshot: manifest.inputs, storedEmpty })) return;
		c.seed(seed.entries);
		// the same statements as refreshCounts, answered by the seed
		return c.request((q) => readCatalog(q)).then((catalog) => {
			if (coord !== c || app.phase !== 'loading' || liveCatalog) return c.unseed();
			seededCatalog = catalog;
			usedSeed = seed;
			for (const report of manifest.reports) addReport(report);
			applyCatalog(catalog);
			app.dataVersion++;
			app.seeded = true;
			measureSince('dlm:seeded', t0);
		});
	}).catch((e: unknown) => {
		// without the seed the start waits for DuckDB, as it did before
		console.warn('start seed not used', e);
	});
	return startup;
}

/**
 * Once DuckDB is ready and the page idle: every seeded statement again, live (outside the
 * coordinator, which keeps answering from its cache). A difference takes the seed back, so
 * every chart asks again; the unit test start-seed.test.ts makes sure this never happens.
 */
function checkSeedWhenIdle(c: Coordinator, seed: StartSeed) {
	const version = c.version;
	const run = () => {
		if (coord !== c || !db || c.version !== version) return;
		const t0 = performance.now();
		checkStartSeed(db, seed)
			.then((wrong) => {
				measureSince('dlm:seed-checked', t0);
				if (wrong.length && coord === c && c.version === version) {
					console.error('start seed differs from the data', wrong);
					unseed('answers differ');
				}
			})
			.catch((e: unknown) => console.warn('start seed not checked', e));
	};
	if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
	else setTimeout(run, 500);
}

/** the seed's answers are not those of the data: the coordinator forgets them, every client asks again */
function unseed(why: string) {
	console.warn(`start seed taken back: ${why}`);
	coord?.unseed();
	seededCatalog = null;
	app.seeded = false;
	app.dataVersion++;
}

function addReport(report: LoadedFile['report']): LoadedFile {
	const entry: LoadedFile = { id: nextId++, report };
	// importing a file again replaces its rows in the database, so its report replaces the old one
	app.files = [entry, ...app.files.filter((f) => f.report.file !== report.file)];
	return entry;
}

/**
 * Imports user files one after another; each gets a report. A file may bring the import profile
 * chosen for it (the import assistant). Returns the new entries (none when the database is not open).
 */
export function importFiles(files: (InputFile & { profile?: ImportProfile | null })[]): Promise<LoadedFile[]> {
	if (!coord) {
		app.notice = () => t('import.waitForLoad');
		return Promise.resolve([]);
	}
	return coord.write(async () => {
		if (!db) {
			app.notice = () => (app.phase === 'error' ? (app.error ?? '') : t('import.waitForLoad'));
			return [];
		}
		const notes: (() => string)[] = [];
		const entries: LoadedFile[] = [];
		for (const f of files) {
			app.busy = f.name;
			try {
				const report = await importFile(db, { name: f.name, bytes: f.bytes }, { lang: i18n.lang, profile: f.profile ?? null, ...browserImportOptions() });
				if (loadedNothing(report)) {
					// nothing of the file was loaded and an earlier import of it stays: its report stays too
					notes.push(() => t('import.fatal', { file: f.name, message: localizeReport(report, i18n.lang).fatal!.message }));
					if (wasCancelled(report)) break;
					continue;
				}
				const entry = addReport(report);
				entries.push(entry);
				notes.push(() => {
					const report = localizeReport(entry.report, i18n.lang);
					return report.fatal
						? t('import.fatal', { file: f.name, message: report.fatal.message })
						: t('import.done', {
								file: f.name,
								loaded: formatInt(report.rowsLoaded, i18n.lang),
								read: formatInt(report.rowsRead, i18n.lang),
								rejected: formatInt(report.rowsRejected, i18n.lang)
							});
				});
			} catch (e) {
				// importFile reports problems itself; this is a defect, but the user still gets a message
				console.error(e);
				const detail = errorText(e);
				notes.push(() => t('import.fatal', { file: f.name, message: detail }));
			}
		}
		app.busy = null;
		importDone();
		try {
			await refreshCounts();
		} catch (e) {
			console.error(e);
		}
		app.notice = () => notes.map((n) => n()).join(' ');
		return entries;
	});
}

/** Reads browser File objects (picker or drop) and imports them. */
export async function importBrowserFiles(list: FileList | File[]): Promise<void> {
	const files = await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), blob: f as Blob })));
	if (files.length) await importFiles(files);
}

/** Whether the database is open (an import can run). */
export function dbReady(): boolean {
	return db !== null;
}

/** The import demo: the deliberately faulty sample file. */
export async function importDemoFile(): Promise<void> {
	await importFiles([{ name: DEMO_FAULTY_FILE.name, bytes: await fetchBytes(DEMO_FAULTY_FILE.url) }]);
}

/** Deletes the rows of every sample file and their reports. */
export function removeSampleData(): Promise<void> {
	if (!coord) return Promise.resolve();
	return coord.write(async () => {
		if (!db) return;
		await dropSampleRows(db);
		await refreshCounts();
		app.notice = () => t('data.sampleRemoved');
	});
}

/** The rows and reports of the sample files go (inside a queued job; the caller refreshes). */
export async function dropSampleRows(db: Db): Promise<void> {
	for (const f of app.files) {
		const kind = f.report.kind;
		if (!f.report.sample || !kind) continue;
		await deleteFileRows(db, DATASETS[kind].table, f.rowsFile ?? f.report.file);
	}
	app.files = app.files.filter((f) => !f.report.sample);
}

/** The worker died: forget the database and start again (the stored Arbeitsstand comes back). */
function onWorkerCrash(message: string) {
	console.error(message);
	db = null;
	coord = null;
	startup = null;
	app.files = [];
	workerCrashed(message);
	void startApp();
}

/**
 * After every change of the data (inside the write that changed them, so no page reads half of
 * it): summary tables for the indicators, then the counts and the filters' choices. The
 * coordinator dropped its cache and temp tables when the write began. `summaries: false` when
 * the tables came with the sample snapshot.
 */
export async function refreshCounts(o: { summaries: boolean } = { summaries: true }) {
	if (!db) return;
	await ensureDatasetTables(db);
	if (o.summaries) await buildSummaries(db);
	const catalog = await readCatalog(db);
	liveCatalog = true;
	if (seededCatalog) {
		const same = JSON.stringify(catalog) === JSON.stringify(seededCatalog);
		seededCatalog = null;
		// what the pages drew from the seed holds: nothing is asked or drawn again
		if (same) return;
		unseed('catalog differs');
	}
	app.dataVersion++;
	applyCatalog(catalog);
}

function applyCatalog(c: Catalog) {
	app.counts = c.counts as TableCount[];
	app.lastMonth = c.choices.lastMonth;
	app.aemter = c.choices.aemter;
	app.themen = c.choices.themen;
	app.reference = c.reference;
	app.sources = c.sources as Source[];
}
