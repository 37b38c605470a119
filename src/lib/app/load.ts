/**
 * Start-up and imports on the client: open duckdb-wasm, load the reference tables, import the
 * sample files, keep the reports in `app`. All work on the database goes through one
 * coordinator (db/coordinator.ts): start-up and imports are its writes (alone on the database:
 * an import uses temporary tables a second one would overwrite), the pages' queries its reads.
 * Every data file is a Vite asset of the build (same origin, no CDN, works offline).
 */
import { openBrowserDb } from '$lib/db/browser';
import { loadReference, type ReferenceName } from '$lib/db/reference';
import type { Db } from '$lib/db/types';
import { importFile, type InputFile } from '$lib/import/import-file';
import '$lib/import/parquet-browser';
import { DATASETS } from '$lib/import/schemas';
import { ensureDatasetTables } from '$lib/import/tables';
import { buildSummaries } from '$lib/db/summary';
import { Coordinator } from '$lib/db/coordinator';
import { deleteFileRows, filterChoices, referenceCounts, sourcesList, tableCounts } from '$lib/db/catalog';
import { MARK, measure } from './draw-marks';
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

/** the open database, set inside the start-up write (writes use it; reads go through `coordinator()`) */
let db: Db | null = null;
let coord: Coordinator | null = null;
let startup: Promise<void> | null = null;
let nextId = 1;

/** The app's one coordinator; every page query is a request to it. Throws before `startApp`. */
export function coordinator(): Coordinator {
	if (!coord) throw new Error(app.error ?? 'Datenbank nicht bereit');
	return coord;
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
	if (startup) return startup;
	const t0 = performance.now();
	app.phase = 'loading';
	app.step = { key: 'db' };
	const dbP = withTimeout(openBrowserDb(), DB_OPEN_TIMEOUT_MS, () => t('load.error.dbTimeout', { s: DB_OPEN_TIMEOUT_MS / 1000 }));
	// downloads run while the database starts
	const refP = Promise.all(Object.entries(REFERENCE_URLS).map(async ([k, url]) => [k, await fetchBytes(url)] as const));
	const sampleP = SAMPLE_FILES.map((f) => fetchBytes(f.url));
	refP.catch(() => undefined);
	sampleP.forEach((p) => p.catch(() => undefined));
	coord = new Coordinator(dbP, { concurrency: 3, onStatement: (sql, start) => measure(MARK.query, start, { sql }) });
	startup = coord.write(async (opened) => {
		try {
			db = opened;
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
	}).catch((e: unknown) => {
		// the database did not open: the write never ran
		console.error(e);
		app.error = errorText(e);
		app.phase = 'error';
	});
	return startup;
}

function addReport(report: LoadedFile['report']): LoadedFile {
	const entry: LoadedFile = { id: nextId++, report };
	// importing a file again replaces its rows in the database, so its report replaces the old one
	app.files = [entry, ...app.files.filter((f) => f.report.file !== report.file)];
	return entry;
}

/** Imports user files one after another; each gets a report. */
export function importFiles(files: InputFile[]): Promise<void> {
	if (!coord) {
		app.notice = () => t('import.waitForLoad');
		return Promise.resolve();
	}
	return coord.write(async () => {
		if (!db) {
			app.notice = () => (app.phase === 'error' ? (app.error ?? '') : t('import.waitForLoad'));
			return;
		}
		const notes: (() => string)[] = [];
		for (const f of files) {
			app.busy = f.name;
			try {
				const entry = addReport(await importFile(db, f, { lang: i18n.lang }));
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
	const files = await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
	if (files.length) await importFiles(files);
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
		for (const f of app.files) {
			const kind = f.report.kind;
			if (!f.report.sample || !kind) continue;
			await deleteFileRows(db, DATASETS[kind].table, f.report.file);
		}
		app.files = app.files.filter((f) => !f.report.sample);
		await refreshCounts();
		app.notice = () => t('data.sampleRemoved');
	});
}

/**
 * After every change of the data (inside the write that changed them, so no page reads half of
 * it): summary tables for the indicators, then the counts and the filters' choices. The
 * coordinator dropped its cache and temp tables when the write began.
 */
async function refreshCounts() {
	if (!db) return;
	await ensureDatasetTables(db);
	await buildSummaries(db);
	app.dataVersion++;
	app.counts = (await tableCounts(db)) as TableCount[];
	const choices = await filterChoices(db);
	app.lastMonth = choices.lastMonth;
	app.aemter = choices.aemter;
	app.themen = choices.themen;
	app.reference = await referenceCounts(db);
}

async function refreshSources() {
	if (!db) return;
	app.sources = (await sourcesList(db)) as Source[];
}
