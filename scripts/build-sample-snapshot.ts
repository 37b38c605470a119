/**
 * Builds the sample-data snapshot that the app attaches on start (src/lib/import/sample-snapshot.ts):
 * imports data/sample's four start files with the app's own import in Node (duckdb-wasm, the same
 * engine as the browser), builds the summaries and writes every table as an Arrow IPC stream
 * (`.arrow`, served brotli-compressed) plus manifest.json (column types, import reports) to
 * .generated/sample-snapshot/. Arrow IPC, not Parquet: DuckDB takes it as it is, so start-up needs
 * no Parquet decoder (see the Decisions in src/lib/import/README.md).
 *
 * Run by the build (the Vite plugin in vite.config.ts calls it before every `vite build` and
 * `vite dev`). It does nothing when the snapshot was built from the same inputs: the sample and
 * reference files, the import/db code, and the installed duckdb-wasm version.
 *   tsx scripts/build-sample-snapshot.ts [--force]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataType, Dictionary, Int32, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { openNodeDb } from '../src/lib/db/node.ts';
import { loadReferenceFromDisk } from '../src/lib/db/reference-node.ts';
import { buildSnapshot, SAMPLE_FILE_NAMES, type SnapshotManifest } from '../src/lib/import/sample-snapshot.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SNAPSHOT_DIR = path.join(ROOT, '.generated/sample-snapshot');

function filesUnder(dir: string): string[] {
	return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)))
		.sort();
}

/** hash of everything that can change the snapshot */
function inputsHash(): string {
	const h = createHash('sha256');
	const files = [
		...SAMPLE_FILE_NAMES.map((f) => `data/sample/${f}`),
		...filesUnder('data/reference').filter((f) => f.endsWith('.csv') && !f.includes('quellen/')),
		...filesUnder('src/lib/import'),
		...filesUnder('src/lib/db'),
		'scripts/build-sample-snapshot.ts',
		'node_modules/@duckdb/duckdb-wasm/package.json'
	];
	for (const f of files) h.update(f).update('\0').update(readFileSync(path.join(ROOT, f))).update('\0');
	return h.digest('hex').slice(0, 16);
}

/**
 * The same rows with every text column dictionary-encoded (distinct texts once, then an index per
 * row): DuckDB reads dictionary columns into its VARCHAR columns unchanged, and the files shrink
 * from 33 MB to a few (the raw activity rows repeat the Amt key, format, theme and file name).
 */
export function dictionaryEncodeText(ipc: Uint8Array): Uint8Array {
	const table = tableFromIPC(ipc);
	const columns: Record<string, Vector> = {};
	for (const field of table.schema.fields) {
		const column = table.getChild(field.name)!;
		columns[field.name] = DataType.isUtf8(field.type) ? vectorFromArray([...column] as (string | null)[], new Dictionary(new Utf8(), new Int32())) : column;
	}
	return tableToIPC(new Table(columns), 'stream');
}

export async function buildSampleSnapshot(force = false, dir = SNAPSHOT_DIR): Promise<{ built: boolean; ms: number }> {
	const t0 = performance.now();
	const inputs = inputsHash();
	const manifestPath = path.join(dir, 'manifest.json');
	if (!force && existsSync(manifestPath)) {
		const old = JSON.parse(readFileSync(manifestPath, 'utf8')) as SnapshotManifest;
		if (old.inputs === inputs && old.tables.every((t) => !t.file || existsSync(path.join(dir, t.file)))) return { built: false, ms: performance.now() - t0 };
	}
	const db = await openNodeDb();
	try {
		await loadReferenceFromDisk(db);
		const snap = await buildSnapshot(db, async (name) => new Uint8Array(readFileSync(path.join(ROOT, 'data/sample', name))), { lang: 'de', inputs });
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		// the server sends them brotli-compressed (scripts/precompress.ts)
		for (const t of snap.manifest.tables) if (t.file) writeFileSync(path.join(dir, t.file), dictionaryEncodeText(snap.ipc.get(t.name)!));
		// written last: a manifest means a complete snapshot
		writeFileSync(manifestPath, JSON.stringify(snap.manifest));
	} finally {
		await db.close();
	}
	return { built: true, ms: performance.now() - t0 };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const r = await buildSampleSnapshot(process.argv.includes('--force'));
	console.log(r.built ? `sample snapshot built in ${(r.ms / 1000).toFixed(1)} s: ${path.relative(ROOT, SNAPSHOT_DIR)}` : 'sample snapshot up to date');
}
