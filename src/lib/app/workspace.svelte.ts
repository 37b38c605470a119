/**
 * Own data that stays (issue 9), browser wiring: own imports (file id as `_file`, questions
 * about the sample data and about files loaded again), the Arbeitsstand kept in the browser
 * (OPFS / IndexedDB / memory, see $lib/workspace) and imported again on start, the workspace
 * file (save / open), and the restart after a worker crash. Formats and storage live in
 * $lib/workspace (pure, tested in Node); this module only connects them to the app state.
 */
import { version as APP_VERSION } from '../../../package.json';
import type { Db } from '$lib/db/types';
import { importFile, type ImportOptions, type InputFile } from '$lib/import/import-file';
import { browserImportOptions, importDone, loadedNothing, wasCancelled } from './import-run';
import { profileProblems, type ImportProfile } from '$lib/import/profile';
import type { ImportReport } from '$lib/import/report';
import { localizeReport } from '$lib/import/localize';
import { saveFile } from '$lib/export/save';
import { formatInt, formatSeconds, i18n, t } from '$lib/i18n';
import { fileIdOf, sha256Hex } from '$lib/workspace/hash';
import { storageProblemOf, type StorageProblem } from '$lib/workspace/store';
import { MANIFEST, parseManifest, StoredState, StoredStateError, type StoredFile } from '$lib/workspace/stored-state';
import { openBrowserStore, peekStoredBytes } from '$lib/workspace/browser-stores';
import { datasetTableSchemas } from '$lib/workspace/tables';
import { applyWorkspace, readWorkspace, writeWorkspace, WorkspaceError, type WorkspaceFileEntry } from '$lib/workspace/workspace-file';
import { dropSampleRows, refreshCounts, removeSampleData, withDb } from './load';
import { app, type LoadedFile } from './state.svelte';

/** One own file of the Arbeitsstand as the Daten page lists it. */
export interface ArbeitsstandEntry {
	/** `_file` value of its rows */
	rowsFile: string;
	name: string;
	kind: string | null;
	rows: number;
	importedAt: string;
	size: number;
	/** true: imported again on start (kept in the browser); false: memory only or part of an opened workspace */
	kept: boolean;
}

export type Question =
	| { kind: 'replaceSample'; files: string[]; answer: (a: 'replace' | 'keep' | 'cancel') => void }
	| { kind: 'loadedAgain'; file: string; earlier: string[]; answer: (a: 'replace' | 'add' | 'skip') => void };

class WorkspaceState {
	/** where the Arbeitsstand is kept; null until start-up looked */
	storage = $state<'opfs' | 'indexeddb' | 'memory' | null>(null);
	/** why the Arbeitsstand is kept in memory only */
	problem = $state<StorageProblem | null>(null);
	/** a stored Arbeitsstand that could not be read (message key + detail) */
	restoreError = $state<string | null>(null);
	entries = $state.raw<ArbeitsstandEntry[]>([]);
	/** an opened workspace file (its tables are the base of the data) */
	base = $state.raw<{ name: string; openedAt: string } | null>(null);
	/** the question the user must answer before an import goes on */
	question = $state.raw<Question | null>(null);
	/** ms the restore of the stored Arbeitsstand took at start (null: nothing to restore) */
	restoreMs = $state<number | null>(null);
	/** the DuckDB worker crashed and was restarted: what happened */
	crash = $state<string | null>(null);
	/** a workspace file is being written or read */
	busy = $state<'save' | 'open' | null>(null);
	/** own files (rowsFile) being removed: their row stays, marked, until the stored state no longer has them */
	removing = $state.raw<string[]>([]);
	/** result of the last save/open/remove, for the live region; a function so it follows the language */
	notice = $state<() => string>(() => '');
	noticeIsError = $state(false);
	/** the view (dashboard page + filters) last shown; saved with the workspace */
	lastView = $state<string | null>(null);
	/** the view stored in the workspace file opened last */
	openedView = $state<string | null>(null);

	/** own files shown (not sample data) */
	get ownFiles(): number {
		return this.entries.length;
	}
	get newestImport(): string | null {
		return this.entries.reduce<string | null>((m, e) => (m === null || e.importedAt > m ? e.importedAt : m), null);
	}
}

export const ws = new WorkspaceState();

let stored: StoredState | null = null;
let nextEntryId = 1_000_000;
const profiles = new Map<string, unknown>();

function say(fn: () => string, error = false) {
	ws.notice = fn;
	ws.noticeIsError = error;
}

async function openStore(): Promise<StoredState> {
	if (stored) return stored;
	const opened = await openBrowserStore();
	ws.storage = opened.store.kind;
	ws.problem = opened.problem;
	stored = new StoredState(opened.store);
	return stored;
}

/** A write to the browser's storage failed: from now on the Arbeitsstand lives in memory only. */
function storageFailed(e: unknown) {
	console.warn('Arbeitsstand not kept', e);
	ws.problem = storageProblemOf(e);
	ws.storage = 'memory';
	stored = null;
	ws.entries = ws.entries.map((x) => ({ ...x, kept: false }));
}

/**
 * Whether nothing of the user's own is stored (no file, no opened workspace, sample data not
 * removed): then the start leaves exactly the sample data and the start seed applies
 * (app/start-seed.ts). Read-only, before DuckDB is open; the restore on start reads the store
 * itself as before. False whenever it cannot tell.
 */
export async function storedStateEmpty(): Promise<boolean> {
	try {
		const raw = await peekStoredBytes(MANIFEST);
		if (!raw) return true;
		const m = parseManifest(raw);
		return !m.base && !m.sampleRemoved && m.files.length === 0;
	} catch {
		return false;
	}
}

/** Runs a storage write; a failure switches to memory and is told, never thrown at the import. */
async function keep(fn: (s: StoredState) => Promise<unknown>): Promise<void> {
	if (!stored || ws.storage === 'memory') return;
	try {
		await fn(stored);
	} catch (e) {
		storageFailed(e);
	}
}

function ownReport(report: ImportReport, name: string): ImportReport {
	// rows carry the file id; the user sees the name. Own files are never sample data, whatever their name.
	return { ...report, file: name, sample: false };
}

/** The stored profile is opaque JSON: only a profile that passes the import's own check is applied. */
function usableProfile(profile: unknown): ImportProfile | null {
	return profile != null && profileProblems(profile).length === 0 ? (profile as ImportProfile) : null;
}

async function importOne(db: Db, rowsFile: string, name: string, bytes: Uint8Array, profile: unknown, run: Partial<ImportOptions> = {}): Promise<ImportReport> {
	const report = await importFile(db, { name: rowsFile, bytes }, { lang: i18n.lang, profile: usableProfile(profile), ...run });
	return ownReport(report, name);
}

function setFileEntry(rowsFile: string, report: ImportReport): LoadedFile {
	const entry: LoadedFile = { id: nextEntryId++, report, rowsFile };
	app.files = [entry, ...app.files.filter((f) => f.rowsFile !== rowsFile)];
	return entry;
}

async function deleteRows(db: Db, rowsFiles: string[]) {
	if (!rowsFiles.length) return;
	for (const t of datasetTableSchemas()) {
		await db.exec(t.createSql);
		await db.query(`DELETE FROM "${t.name}" WHERE _file IN (${rowsFiles.map(() => '?').join(', ')})`, rowsFiles);
	}
	const gone = new Set(rowsFiles);
	app.files = app.files.filter((f) => !f.rowsFile || !gone.has(f.rowsFile));
	ws.entries = ws.entries.filter((e) => !gone.has(e.rowsFile));
}

const rowsFileOf = (id: string, name: string) => `${id}/${name}`;

function ask<Q extends Question>(q: Omit<Q, 'answer'>): Promise<Parameters<Q['answer']>[0]> {
	return new Promise((resolve) => {
		ws.question = {
			...q,
			answer: (a: never) => {
				ws.question = null;
				resolve(a);
			}
		} as unknown as Question;
	});
}

/**
 * Imports the user's own files: asks whether to replace the sample data (first own import) and
 * whether a file loaded again replaces its earlier rows; stores each file after its import.
 * `opts.profile` is the import profile chosen for these files (the import assistant). Returns the
 * new entries (none when the user cancelled or the database is not ready).
 */
export async function importOwnFiles(list: FileList | File[] | InputFile[], opts: { profile?: unknown } = {}): Promise<LoadedFile[]> {
	const files: InputFile[] = await Promise.all(
		Array.from(list as ArrayLike<File | InputFile>).map(async (f) => (f instanceof Blob ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : f))
	);
	if (!files.length) return [];
	if (app.phase !== 'ready') {
		app.notice = () => (app.phase === 'error' ? (app.error ?? '') : t('import.waitForLoad'));
		return [];
	}
	const prepared = await Promise.all(
		files.map(async (f) => {
			const sha256 = await sha256Hex(f.bytes);
			const id = await fileIdOf(sha256, f.name);
			return { ...f, sha256, id, rowsFile: rowsFileOf(id, f.name) };
		})
	);

	if (app.sampleShown && ws.entries.length === 0) {
		const a = await ask<Extract<Question, { kind: 'replaceSample' }>>({ kind: 'replaceSample', files: prepared.map((f) => f.name) });
		if (a === 'cancel') {
			app.notice = () => t('ws.importCancelled');
			return [];
		}
		if (a === 'replace') await removeSample(false);
	}

	const plan: { f: (typeof prepared)[number]; replaces: string[] }[] = [];
	for (const f of prepared) {
		// loaded again: the same content (under this or another name) is already in the data
		const earlier = ws.entries.filter((e) => e.rowsFile.slice(0, 16) === f.id.slice(0, 16));
		if (earlier.length) {
			const a = await ask<Extract<Question, { kind: 'loadedAgain' }>>({ kind: 'loadedAgain', file: f.name, earlier: earlier.map((e) => e.name) });
			if (a === 'skip') continue;
			plan.push({ f, replaces: a === 'replace' ? earlier.map((e) => e.rowsFile) : [] });
		} else plan.push({ f, replaces: [] });
	}
	if (!plan.length) {
		app.notice = () => t('ws.importCancelled');
		return [];
	}

	return withDb(async (db) => {
		const notes: (() => string)[] = [];
		const created: LoadedFile[] = [];
		for (const { f, replaces } of plan) {
			app.busy = f.name;
			try {
				// importFile replaces the file's own earlier rows in one transaction; a cancelled or too
				// large import changes nothing, so the rows it replaces go only after it worked
				const report = await importOne(db, f.rowsFile, f.name, f.bytes, opts.profile, browserImportOptions());
				if (loadedNothing(report)) {
					notes.push(() => t('import.fatal', { file: f.name, message: localizeReport(report, i18n.lang).fatal!.message }));
					if (wasCancelled(report)) break;
					continue;
				}
				await deleteRows(db, replaces.filter((r) => r !== f.rowsFile));
				created.push(setFileEntry(f.rowsFile, report));
				const importedAt = new Date().toISOString();
				const profile = opts.profile;
				if (profile !== undefined) profiles.set(f.rowsFile, profile);
				ws.entries = [
					...ws.entries.filter((e) => e.rowsFile !== f.rowsFile),
					{ rowsFile: f.rowsFile, name: f.name, kind: report.kind, rows: report.rowsLoaded, importedAt, size: f.bytes.length, kept: ws.storage !== 'memory' && !!stored }
				];
				// stored only after the import worked: a reload or crash before this line leaves the stored state as it was
				await keep(async (s) => {
					for (const r of replaces) if (!s.current.files.some((x) => rowsFileOf(x.id, x.name) === r)) await s.removeFromBase(r);
					await s.addFile({ id: f.id, sha256: f.sha256, name: f.name, kind: report.kind, rows: report.rowsLoaded, importedAt, profile }, f.bytes, replaces.map((r) => r.split('/')[0]));
				});
				notes.push(() => {
					const r = localizeReport(report, i18n.lang);
					return r.fatal
						? t('import.fatal', { file: f.name, message: r.fatal.message })
						: t('import.done', { file: f.name, loaded: formatInt(r.rowsLoaded, i18n.lang), read: formatInt(r.rowsRead, i18n.lang), rejected: formatInt(r.rowsRejected, i18n.lang) });
				});
			} catch (e) {
				console.error(e);
				const detail = e instanceof Error ? e.message : String(e);
				notes.push(() => t('import.fatal', { file: f.name, message: detail }));
			}
		}
		app.busy = null;
		importDone();
		await refreshCounts().catch((e) => console.error(e));
		app.notice = () => notes.map((n) => n()).join(' ');
		return created;
	});
}

/** "Beispieldaten entfernen", kept across reloads. */
export async function removeSample(tell = true): Promise<void> {
	await removeSampleData();
	await withDb(async () => {
		await keep((s) => s.setSampleRemoved(true));
	});
	if (!tell) app.notice = () => '';
}

/** "entfernen" of one own file: its rows, its report and its stored copy go. */
export function removeOwnFile(rowsFile: string): Promise<void> {
	const name = ws.entries.find((e) => e.rowsFile === rowsFile)?.name ?? rowsFile;
	ws.removing = [...ws.removing, rowsFile];
	return withDb(async (db) => {
		// the stored state first: a reload from here on no longer brings the file back;
		// the row leaves the list only when both the store and the tables are done
		await keep((s) => (s.current.files.some((f) => rowsFileOf(f.id, f.name) === rowsFile) ? s.removeFile(rowsFile.split('/')[0]) : s.removeFromBase(rowsFile)));
		await deleteRows(db, [rowsFile]);
		profiles.delete(rowsFile);
		await refreshCounts();
		say(() => t('ws.removed', { file: name }));
	}).finally(() => {
		ws.removing = ws.removing.filter((r) => r !== rowsFile);
	});
}

/** "Alles löschen": every own file (and an opened workspace) goes, here and in the browser's storage. */
export function clearAll(): Promise<void> {
	return withDb(async (db) => {
		const own = app.files.filter((f) => !f.report.sample).map((f) => f.rowsFile ?? f.report.file);
		await deleteRows(db, [...new Set([...own, ...ws.entries.map((e) => e.rowsFile)])]);
		app.files = app.files.filter((f) => f.report.sample);
		ws.entries = [];
		ws.base = null;
		profiles.clear();
		await keep((s) => s.clear(false));
		await refreshCounts();
		say(() => t('ws.cleared'));
	});
}

function fileEntries(): WorkspaceFileEntry[] {
	return app.files.map((f) => {
		const rowsFile = f.rowsFile ?? f.report.file;
		const e = ws.entries.find((x) => x.rowsFile === rowsFile);
		return {
			id: rowsFile,
			name: f.report.file,
			kind: f.report.kind,
			rows: f.report.rowsLoaded,
			importedAt: e?.importedAt ?? '',
			size: e?.size ?? 0,
			sample: f.report.sample,
			report: f.report
		};
	});
}

/** "Arbeitsstand speichern": one zip with every table as Parquet, the reports, profiles and the view. */
export async function saveWorkspace(): Promise<void> {
	ws.busy = 'save';
	try {
		const bytes = await withDb((db) =>
			writeWorkspace(db, datasetTableSchemas(), { files: fileEntries(), profiles: Object.fromEntries(profiles), view: { lastView: ws.lastView } }, APP_VERSION)
		);
		const day = new Date().toISOString().slice(0, 10);
		saveFile(`Arbeitsstand_${day}.dlm.zip`, bytes, 'application/zip');
		say(() => t('ws.saved', { size: formatInt(Math.ceil(bytes.length / 1024), i18n.lang) }));
	} catch (e) {
		console.error(e);
		say(() => t('ws.saveFailed', { detail: e instanceof Error ? e.message : String(e) }), true);
	} finally {
		ws.busy = null;
	}
}

function workspaceErrorText(e: unknown): string {
	if (e instanceof WorkspaceError) return t(`ws.error.${e.code}`);
	return t('ws.error.damaged');
}

/** Makes the workspace's content the app's state (after its tables were applied). */
function adoptWorkspace(content: { files: WorkspaceFileEntry[]; profiles: Record<string, unknown>; view: unknown }) {
	app.files = content.files.map((f) => ({ id: nextEntryId++, report: f.report as ImportReport, rowsFile: f.sample ? undefined : f.id }));
	ws.entries = content.files
		.filter((f) => !f.sample)
		.map((f) => ({ rowsFile: f.id, name: f.name, kind: f.kind, rows: f.rows, importedAt: f.importedAt, size: f.size, kept: false }));
	profiles.clear();
	for (const [k, v] of Object.entries(content.profiles ?? {})) profiles.set(k, v);
	const view = (content.view as { lastView?: unknown } | null)?.lastView;
	ws.openedView = typeof view === 'string' && view.startsWith('/') && !view.startsWith('//') ? view : null;
}

/** "Arbeitsstand öffnen": checks the whole file first; a bad file changes nothing. */
export async function openWorkspace(file: File): Promise<void> {
	ws.busy = 'open';
	try {
		const bytes = new Uint8Array(await file.arrayBuffer());
		const tables = datasetTableSchemas();
		const plan = await readWorkspace(bytes, tables);
		await withDb(async (db) => {
			await applyWorkspace(db, plan, tables);
			adoptWorkspace(plan.content);
			ws.base = { name: file.name, openedAt: new Date().toISOString() };
			const sampleRemoved = !plan.content.files.some((f) => f.sample);
			await keep((s) => s.setBase(file.name, bytes, sampleRemoved));
			ws.entries = ws.entries.map((e) => ({ ...e, kept: ws.storage !== 'memory' }));
			await refreshCounts();
		});
		say(() => t('ws.opened', { file: file.name, files: plan.content.files.length }));
	} catch (e) {
		console.error(e);
		say(() => t('ws.openFailed', { file: file.name, reason: workspaceErrorText(e) }), true);
	} finally {
		ws.busy = null;
	}
}

/**
 * On start (inside the start-up job, after the sample data): the stored Arbeitsstand comes back —
 * an opened workspace as the base, the sample data removed if so chosen, every stored file
 * imported again (same bytes, same profile: the same report). Never throws; false when there was
 * nothing to restore (the snapshot's summary tables then still hold).
 */
export async function restoreStoredState(db: Db): Promise<boolean> {
	const t0 = performance.now();
	let s: StoredState;
	try {
		s = await openStore();
	} catch (e) {
		storageFailed(e);
		return false;
	}
	let m;
	try {
		m = await s.load();
	} catch (e) {
		// a manifest we cannot read (newer app version, damaged): leave it untouched, work in memory
		console.error(e);
		ws.restoreError = e instanceof StoredStateError ? e.code : 'damaged';
		stored = null;
		ws.storage = 'memory';
		return false;
	}
	if (!m.base && !m.sampleRemoved && m.files.length === 0) return false;
	app.step = { key: 'restore', current: 0, total: m.files.length, file: '' };
	try {
		if (m.base) {
			const zip = await s.readBase();
			const tables = datasetTableSchemas();
			const plan = await readWorkspace(zip!, tables);
			await applyWorkspace(db, plan, tables);
			adoptWorkspace(plan.content);
			ws.entries = ws.entries.map((e) => ({ ...e, kept: true }));
			ws.base = { name: m.base.name, openedAt: m.base.openedAt };
			await deleteRows(db, m.baseRemoved);
		}
		if (m.sampleRemoved) await dropSampleRows(db);
	} catch (e) {
		console.error(e);
		ws.restoreError = e instanceof WorkspaceError || e instanceof StoredStateError ? e.code : 'damaged';
	}
	let n = 0;
	for (const f of m.files) {
		app.step = { key: 'restore', current: ++n, total: m.files.length, file: f.name };
		let bytes: Uint8Array;
		try {
			bytes = await s.readFile(f);
		} catch (e) {
			console.error(e);
			ws.restoreError = 'damaged';
			continue;
		}
		const rowsFile = rowsFileOf(f.id, f.name);
		await deleteRows(db, [rowsFile]);
		const report = await importOne(db, rowsFile, f.name, bytes, f.profile);
		setFileEntry(rowsFile, report);
		if (f.profile !== undefined) profiles.set(rowsFile, f.profile);
		// one entry per stored file, also when an opened workspace already listed it
		ws.entries = [...ws.entries.filter((e) => e.rowsFile !== rowsFile), { rowsFile, name: f.name, kind: f.kind, rows: report.rowsLoaded, importedAt: f.importedAt, size: f.size, kept: true }];
	}
	ws.restoreMs = performance.now() - t0;
	console.info(`Arbeitsstand restored: ${m.files.length} stored file(s)${m.base ? ' + workspace file' : ''} in ${Math.round(ws.restoreMs)} ms`);
	return true;
}

/** Called by load.ts when the DuckDB worker died; start-up runs again right after. */
export function workerCrashed(message: string): void {
	ws.crash = message;
	ws.entries = [];
	ws.base = null;
}

export function restoreTimeText(): string {
	if (ws.restoreMs === null) return '';
	const n = ws.entries.length;
	return t('ws.restoredIn', { files: n === 1 ? t('ws.files.one') : t('ws.files.many', { n }), seconds: formatSeconds(ws.restoreMs, i18n.lang) });
}

export type { StoredFile };
