/**
 * Start-up and imports on the client: open duckdb-wasm, load the reference tables, import the
 * sample files, keep the reports in `app`. All work on the database runs through one queue:
 * an import uses temporary tables that a second import at the same time would overwrite.
 * Every data file is a Vite asset of the build (same origin, no CDN, works offline).
 */
import { openBrowserDb } from '$lib/db/browser';
import { loadReference, type ReferenceName } from '$lib/db/reference';
import type { Db } from '$lib/db/types';
import { importFile, type InputFile } from '$lib/import/import-file';
import { workerCsvSource, workerParquetToIPC } from '$lib/import/csv-stream-worker-source';
import '$lib/import/parquet-browser';
import { DATASETS } from '$lib/import/schemas';
import { ensureDatasetTables } from '$lib/import/tables';
import { buildSummaries } from '$lib/db/summary';
import { dropCacheTables, QueryCache } from '$lib/db/query-cache';
import { i18n, t, formatInt } from '$lib/i18n';
import { localizeReport } from '$lib/import/localize';
import { app, type LoadedFile, type Source, type TableCount } from './state.svelte';

import gemeindenUrl from '../../../data/reference/gemeinden.csv?url&no-inline';
import verbaendeUrl from '../../../data/reference/verbaende.csv?url&no-inline';
import kreiseAlterUrl from '../../../data/reference/kreise_alter.csv?url&no-inline';
import quellenUrl from '../../../data/reference/quellen.csv?url&no-inline';
import einsaetzeMvUrl from '../../../data/sample/beispieldaten_einsaetze_mv.csv?url&no-inline';
import einsaetzeBwUrl from '../../../data/sample/beispieldaten_einsaetze_bw.parquet?url&no-inline';
import coworkingMvUrl from '../../../data/sample/beispieldaten_coworking_mv.csv?url&no-inline';
import qualifizierungUrl from '../../../data/sample/beispieldaten_qualifizierung.xlsx?url&no-inline';
import fehlerhaftUrl from '../../../data/sample/beispieldaten_fehlerhaft_einsaetze.csv?url&no-inline';

/** The reference CSVs as asset URLs of the build (also used by the /bench route). */
export const REFERENCE_URLS: Record<ReferenceName, string> = {
	gemeinden: gemeindenUrl,
	verbaende: verbaendeUrl,
	kreise_alter: kreiseAlterUrl,
	quellen: quellenUrl
};

/** The sample data shown on start (the faulty file is only for the import demo). */
export const SAMPLE_FILES: { name: string; url: string }[] = [
	{ name: 'beispieldaten_einsaetze_mv.csv', url: einsaetzeMvUrl },
	{ name: 'beispieldaten_einsaetze_bw.parquet', url: einsaetzeBwUrl },
	{ name: 'beispieldaten_qualifizierung.xlsx', url: qualifizierungUrl },
	{ name: 'beispieldaten_coworking_mv.csv', url: coworkingMvUrl }
];
export const DEMO_FAULTY_FILE = { name: 'beispieldaten_fehlerhaft_einsaetze.csv', url: fehlerhaftUrl };

declare global {
	interface Window {
		/** ms from start of loading to "sample data loaded" (read by the e2e test) */
		__dlmLoadMs?: number;
	}
}

let db: Db | null = null;
/** results shared by the charts of a page; replaced whenever the data change */
let cache = new QueryCache();

/** the query cache of the current data version (see dashboard/cache.ts) */
export function queryCache(): QueryCache {
	return cache;
}
let queue: Promise<unknown> = Promise.resolve();
let started = false;
let nextId = 1;

/**
 * Runs a read-only job on the database after every pending import (pages call this for their
 * indicator queries). Rejects when the database is not open.
 */
export function withDb<T>(job: (db: Db) => Promise<T>): Promise<T> {
	return enqueue(async () => {
		if (!db) throw new Error(app.error ?? 'Datenbank nicht bereit');
		return job(db);
	});
}

function enqueue<T>(job: () => Promise<T>): Promise<T> {
	const run = queue.then(job, job);
	queue = run.catch(() => undefined);
	return run;
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

/** Opens the database and loads reference and sample data once. Never throws: failures go to `app.error`. */
export function startApp(): Promise<void> {
	if (started) return queue.then(() => undefined);
	started = true;
	const t0 = performance.now();
	app.phase = 'loading';
	app.step = { key: 'db' };
	return enqueue(async () => {
		try {
			// downloads run while the database starts
			const dbP = openBrowserDb();
			const refP = Promise.all(Object.entries(REFERENCE_URLS).map(async ([k, url]) => [k, await fetchBytes(url)] as const));
			const sampleP = SAMPLE_FILES.map((f) => fetchBytes(f.url));
			refP.catch(() => undefined);
			sampleP.forEach((p) => p.catch(() => undefined));
			db = await withTimeout(dbP, DB_OPEN_TIMEOUT_MS, () => t('load.error.dbTimeout', { s: DB_OPEN_TIMEOUT_MS / 1000 }));
			app.step = { key: 'reference' };
			await loadReference(db, Object.fromEntries(await refP) as Record<ReferenceName, Uint8Array>);
			await refreshSources();
			for (let i = 0; i < SAMPLE_FILES.length; i++) {
				const f = SAMPLE_FILES[i];
				app.step = { key: 'sample', current: i + 1, total: SAMPLE_FILES.length, file: f.name };
				const bytes = await sampleP[i];
				addReport(await importFile(db, { name: f.name, bytes }, { lang: i18n.lang }));
			}
			await refreshCounts();
			const ms = performance.now() - t0;
			app.loadMs = ms;
			window.__dlmLoadMs = ms;
			app.step = null;
			app.phase = 'ready';
		} catch (e) {
			console.error(e);
			app.error = errorText(e);
			app.phase = 'error';
		}
	});
}

function addReport(report: LoadedFile['report']): LoadedFile {
	const entry: LoadedFile = { id: nextId++, report };
	// importing a file again replaces its rows in the database, so its report replaces the old one
	app.files = [entry, ...app.files.filter((f) => f.report.file !== report.file)];
	return entry;
}

/** the running import's cancel switch */
let running: AbortController | null = null;

/** Cancels the running import: the tables stay as they were before it. */
export function cancelImport(): void {
	running?.abort();
}

/** Imports user files one after another; each gets a report. */
export function importFiles(files: InputFile[]): Promise<void> {
	return enqueue(async () => {
		if (!db) {
			app.notice = () => (app.phase === 'error' ? (app.error ?? '') : t('import.waitForLoad'));
			return;
		}
		const notes: (() => string)[] = [];
		for (const f of files) {
			app.busy = f.name;
			app.progress = null;
			running = new AbortController();
			try {
				// CSV is parsed in a worker chunk by chunk; the page stays responsive and shows progress
				const report = await importFile(db, f, { lang: i18n.lang, csvSource: workerCsvSource, parquetToIPC: workerParquetToIPC, signal: running.signal, onProgress: (p) => (app.progress = p) });
				if (report.fatal && ['cancelled', 'file_too_large', 'file_too_large_unread'].includes(report.fatal.code)) {
					// nothing of the file was loaded and an earlier import of it stays: its report stays too
					notes.push(() => t('import.fatal', { file: f.name, message: localizeReport(report, i18n.lang).fatal!.message }));
					if (report.fatal.code === 'cancelled') break;
					continue;
				}
				const entry = addReport(report);
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
		app.progress = null;
		running = null;
		try {
			await refreshCounts();
		} catch (e) {
			console.error(e);
		}
		app.notice = () => notes.map((n) => n()).join(' ');
	});
}

/** Reads browser File objects (picker or drop) and imports them. */
export async function importBrowserFiles(list: FileList | File[]): Promise<void> {
	const files = await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), blob: f as Blob })));
	if (files.length) await importFiles(files);
}

/** The import demo: the deliberately faulty sample file. */
export async function importDemoFile(): Promise<void> {
	await importFiles([{ name: DEMO_FAULTY_FILE.name, bytes: await fetchBytes(DEMO_FAULTY_FILE.url) }]);
}

/** Deletes the rows of every sample file and their reports. */
export function removeSampleData(): Promise<void> {
	return enqueue(async () => {
		if (!db) return;
		for (const f of app.files) {
			const kind = f.report.kind;
			if (!f.report.sample || !kind) continue;
			const table = DATASETS[kind].table;
			const exists = await db.query('SELECT 1 FROM duckdb_tables() WHERE table_name = ?', [table]);
			if (exists.length) await db.query(`DELETE FROM "${table}" WHERE _file = ?`, [f.report.file]);
		}
		app.files = app.files.filter((f) => !f.report.sample);
		await refreshCounts();
		app.notice = () => t('data.sampleRemoved');
	});
}

const COUNTED: TableCount['table'][] = ['einsaetze', 'qualifizierung', 'coworking'];

/** After every change of the data: summary tables for the indicators, then the counts. */
async function refreshCounts() {
	if (!db) return;
	await ensureDatasetTables(db);
	await dropCacheTables(db, cache);
	await buildSummaries(db);
	cache = new QueryCache();
	app.dataVersion++;
	const counts: TableCount[] = [];
	for (const table of COUNTED) {
		const [r] = await db.query<{ n: number; f: number }>(`SELECT count(*)::INTEGER AS n, count(DISTINCT _file)::INTEGER AS f FROM "${table}"`);
		counts.push({ table, rows: r.n, files: r.f });
	}
	app.counts = counts;
	await refreshChoices();
	app.reference = await db.query<{ land: string; n: number }>(
		`SELECT land, count(*)::INTEGER AS n FROM gemeinden GROUP BY land ORDER BY land = 'MV' DESC, land`
	);
}

/** What the filters offer: the period's end, the MV Ämter, the topics in the data. */
async function refreshChoices() {
	if (!db) return;
	const [last] = await db.query<{ m: string | null }>(`SELECT strftime(max(monat), '%Y-%m') AS m FROM s_einsaetze`);
	app.lastMonth = last?.m ?? null;
	app.aemter = await db.query<{ key: string; name: string; kreis: string; active: boolean }>(
		`SELECT v.verband_ars AS key, CASE WHEN v.art = 'Amt' THEN 'Amt ' || v.name ELSE v.name END AS name, min(g.kreis_name) AS kreis, bool_or(s.ags IS NOT NULL) AS active
		FROM verbaende v JOIN gemeinden g ON g.verband_ars = v.verband_ars
		LEFT JOIN s_gebiet_start s ON s.ags = g.ags
		WHERE v.land = 'MV' GROUP BY v.verband_ars, v.name, v.art ORDER BY v.name`
	);
	app.themen = (await db.query<{ thema: string }>(`SELECT DISTINCT thema FROM s_einsaetze_thema WHERE thema IS NOT NULL ORDER BY thema`)).map((r) => r.thema);
}

async function refreshSources() {
	if (!db) return;
	app.sources = await db.query<Source>(`SELECT titel, herausgeber, stand, coalesce(lizenz, '') AS lizenz FROM quellen`);
}
