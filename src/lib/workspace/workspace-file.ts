/**
 * The workspace file ("Arbeitsstand", *.dlm-arbeitsstand.zip): everything needed to show the
 * same figures on another machine, offline, in one step.
 *
 *   manifest.json            format, version, app version, time, every entry with SHA-256,
 *                            every table with its columns and row count
 *   tabellen/<table>.parquet each data table (rows incl. `_file` and `_line`), SNAPPY
 *   dateien.json             the file list with the import reports (what the Daten page shows)
 *   profile.json             import profiles by file id (opaque JSON)
 *   ansicht.json             view settings (opaque JSON)
 *
 * Reading validates everything first (zip, format, version, checksums, Parquet, row counts,
 * columns) and returns a plan; only `applyWorkspace` touches the user's tables, in one
 * transaction. A file that fails any check changes nothing.
 */
import JSZip from 'jszip';
import type { Db } from '../db/types';
import { sha256Hex } from './hash';
import { ipcToParquet, parquetToArrowIPC } from './parquet-io';

export const WORKSPACE_FORMAT = 'dlm-arbeitsstand';
export const WORKSPACE_VERSION = 1;

export interface TableSchema {
	name: string;
	/** CREATE TABLE statement of the table's exact schema (IF NOT EXISTS) */
	createSql: string;
}

export interface WorkspaceTable {
	name: string;
	path: string;
	rows: number;
	sha256: string;
	columns: { name: string; type: string }[];
}

export interface WorkspaceManifest {
	format: typeof WORKSPACE_FORMAT;
	version: number;
	appVersion: string;
	createdAt: string;
	tables: WorkspaceTable[];
	/** the JSON entries with their checksums */
	entries: { path: string; sha256: string }[];
}

/** One file of the Arbeitsstand as the Daten page lists it. */
export interface WorkspaceFileEntry {
	/** the `_file` value of its rows */
	id: string;
	name: string;
	kind: string | null;
	rows: number;
	importedAt: string;
	size: number;
	sample: boolean;
	/** the import report (opaque here) */
	report: unknown;
}

export interface WorkspaceContent {
	files: WorkspaceFileEntry[];
	profiles: Record<string, unknown>;
	view: unknown;
}

export type WorkspaceErrorCode = 'not_zip' | 'foreign' | 'newer_version' | 'damaged';

export class WorkspaceError extends Error {
	constructor(
		public code: WorkspaceErrorCode,
		public detail = ''
	) {
		super(`${code}${detail ? ': ' + detail : ''}`);
	}
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v, null, 1));
const JSON_ENTRIES = { files: 'dateien.json', profiles: 'profile.json', view: 'ansicht.json' } as const;

async function columnsOf(db: Db, table: string) {
	return db.query<{ name: string; type: string }>(
		`SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = ? AND schema_name = 'main' ORDER BY column_index`,
		[table]
	);
}

/** Writes the workspace zip from the database's tables (each created first if missing, so it is always complete). */
export async function writeWorkspace(db: Db, tables: TableSchema[], content: WorkspaceContent, appVersion: string): Promise<Uint8Array> {
	const zip = new JSZip();
	const manifest: WorkspaceManifest = { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, appVersion, createdAt: new Date().toISOString(), tables: [], entries: [] };
	for (const t of tables) {
		await db.exec(t.createSql);
		const columns = await columnsOf(db, t.name);
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q(t.name)}`);
		// ORDER BY keeps the file deterministic for the same data
		const ipc = await db.queryIPC(`SELECT * FROM ${q(t.name)} ORDER BY _file, _line`);
		const parquet = await ipcToParquet(ipc);
		const path = `tabellen/${t.name}.parquet`;
		zip.file(path, parquet, { compression: 'STORE' });
		manifest.tables.push({ name: t.name, path, rows: n, sha256: await sha256Hex(parquet), columns });
	}
	for (const [key, path] of Object.entries(JSON_ENTRIES)) {
		const bytes = json(content[key as keyof WorkspaceContent] ?? null);
		zip.file(path, bytes, { compression: 'DEFLATE' });
		manifest.entries.push({ path, sha256: await sha256Hex(bytes) });
	}
	zip.file('manifest.json', json(manifest), { compression: 'DEFLATE' });
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A checked workspace, ready to apply: nothing in it was left unverified. */
export interface WorkspacePlan {
	manifest: WorkspaceManifest;
	content: WorkspaceContent;
	/** table name → Arrow IPC stream of its rows (null for an empty table) */
	ipc: Map<string, Uint8Array | null>;
}

function parseJson(bytes: Uint8Array, what: string): unknown {
	try {
		return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		throw new WorkspaceError('damaged', `${what}: not JSON`);
	}
}

/**
 * Reads and checks a workspace file without touching the database's tables. `tables` are the
 * tables this app version has: a workspace must carry exactly these.
 */
export async function readWorkspace(bytes: Uint8Array, tables: TableSchema[]): Promise<WorkspacePlan> {
	// a zip starts with a local file header (PK\3\4); anything else is not a workspace file
	if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) throw new WorkspaceError('not_zip');
	let zip: JSZip;
	try {
		zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
	} catch (e) {
		throw new WorkspaceError('damaged', String((e as Error)?.message ?? e).slice(0, 160));
	}
	const read = async (path: string): Promise<Uint8Array> => {
		const f = zip.file(path);
		if (!f) throw new WorkspaceError('damaged', `${path} missing`);
		try {
			return await f.async('uint8array');
		} catch (e) {
			throw new WorkspaceError('damaged', `${path}: ${String((e as Error)?.message ?? e).slice(0, 120)}`);
		}
	};
	if (!zip.file('manifest.json')) throw new WorkspaceError('foreign');
	const m = parseJson(await read('manifest.json'), 'manifest.json') as Partial<WorkspaceManifest>;
	if (!m || typeof m !== 'object' || m.format !== WORKSPACE_FORMAT) throw new WorkspaceError('foreign');
	if (typeof m.version !== 'number' || !Number.isInteger(m.version) || m.version < 1) throw new WorkspaceError('damaged', 'version');
	if (m.version > WORKSPACE_VERSION) throw new WorkspaceError('newer_version', `${m.version} (${m.appVersion ?? '?'})`);
	if (!Array.isArray(m.tables) || !Array.isArray(m.entries)) throw new WorkspaceError('damaged', 'manifest fields');
	const manifest = m as WorkspaceManifest;

	const wanted = tables.map((t) => t.name).sort();
	const have = manifest.tables.map((t) => t.name).sort();
	if (JSON.stringify(wanted) !== JSON.stringify(have)) throw new WorkspaceError('damaged', `tables ${have.join(',')}`);

	const entries = new Map<string, Uint8Array>();
	for (const e of manifest.entries) {
		const b = await read(e.path);
		if ((await sha256Hex(b)) !== e.sha256) throw new WorkspaceError('damaged', `${e.path}: checksum`);
		entries.set(e.path, b);
	}
	const entry = (path: string) => {
		const b = entries.get(path);
		if (!b) throw new WorkspaceError('damaged', `${path} missing`);
		return parseJson(b, path);
	};
	const files = entry(JSON_ENTRIES.files);
	if (!Array.isArray(files)) throw new WorkspaceError('damaged', 'dateien.json');
	const profiles = (entry(JSON_ENTRIES.profiles) ?? {}) as Record<string, unknown>;
	const content: WorkspaceContent = { files: files as WorkspaceFileEntry[], profiles, view: entry(JSON_ENTRIES.view) };

	const ipc = new Map<string, Uint8Array | null>();
	for (const t of manifest.tables) {
		const parquet = await read(t.path);
		if ((await sha256Hex(parquet)) !== t.sha256) throw new WorkspaceError('damaged', `${t.path}: checksum`);
		if (!Number.isInteger(t.rows) || t.rows < 0) throw new WorkspaceError('damaged', `${t.path}: rows`);
		try {
			ipc.set(t.name, t.rows === 0 ? null : await parquetToArrowIPC(parquet));
		} catch (e) {
			throw new WorkspaceError('damaged', `${t.path}: ${String((e as Error)?.message ?? e).slice(0, 120)}`);
		}
	}
	return { manifest, content, ipc };
}

/**
 * Replaces the tables' rows with the workspace's. Each table is first loaded into a scratch table
 * and checked (row count, columns); then one transaction swaps all rows. On any failure the
 * user's tables keep what they had.
 */
export async function applyWorkspace(db: Db, plan: WorkspacePlan, tables: TableSchema[]): Promise<void> {
	const scratch = (name: string) => `_ws_${name}`;
	try {
		for (const t of tables) {
			await db.exec(t.createSql);
			const target = await columnsOf(db, t.name);
			const mt = plan.manifest.tables.find((x) => x.name === t.name)!;
			if (JSON.stringify(mt.columns.map((c) => c.name)) !== JSON.stringify(target.map((c) => c.name))) {
				throw new WorkspaceError('damaged', `${t.name}: columns`);
			}
			await db.exec(`DROP TABLE IF EXISTS ${q(scratch(t.name))}`);
			const ipc = plan.ipc.get(t.name);
			if (!ipc) continue;
			await db.insertArrowIPC(scratch(t.name), ipc, true);
			const got = await columnsOf(db, scratch(t.name));
			if (JSON.stringify(got.map((c) => c.name)) !== JSON.stringify(target.map((c) => c.name))) throw new WorkspaceError('damaged', `${t.name}: columns`);
			const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q(scratch(t.name))}`);
			if (n !== mt.rows) throw new WorkspaceError('damaged', `${t.name}: ${n} rows, manifest ${mt.rows}`);
		}
		await db.exec('BEGIN TRANSACTION');
		try {
			for (const t of tables) {
				const target = await columnsOf(db, t.name);
				await db.exec(`DELETE FROM ${q(t.name)}`);
				if (!plan.ipc.get(t.name)) continue;
				const cols = target.map((c) => `CAST(${q(c.name)} AS ${c.type})`).join(', ');
				await db.exec(`INSERT INTO ${q(t.name)} SELECT ${cols} FROM ${q(scratch(t.name))}`);
			}
			await db.exec('COMMIT');
		} catch (e) {
			await db.exec('ROLLBACK').catch(() => undefined);
			throw e;
		}
	} finally {
		for (const t of tables) await db.exec(`DROP TABLE IF EXISTS ${q(scratch(t.name))}`).catch(() => undefined);
	}
}
