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
import { DataType, Dictionary, Int8, Int16, Int32, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
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

/** the narrowest signed integer type holding every value of `values` (whole numbers) */
function smallestInt(values: number[]): Int8 | Int16 | Int32 {
	let max = 0;
	for (const v of values) max = Math.max(max, Math.abs(v));
	return max <= 127 ? new Int8() : max <= 32_767 ? new Int16() : new Int32();
}

/** whole numbers within 32 bits, no -0 (an integer type would give it back as 0); NULLs allowed */
function allInt32(values: unknown[]): boolean {
	return values.every((v) => v === null || (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 2_147_483_647 && !Object.is(v, -0)));
}

/**
 * The same rows and values in fewer bytes (the files are sent brotli-compressed, so what counts is
 * how well they compress; stop 9: the snapshot 1,56 → 0,98 MB brotli):
 * - every text column dictionary-encoded (distinct texts once, then an index per row), the index
 *   as narrow as the number of distinct texts allows (Int8 for format, theme, age group);
 * - whole-number columns (INTEGER, and BIGINT/DOUBLE sums of whole numbers, which DuckDB sends as
 *   DOUBLE) as the narrowest integer type that holds them. The table is created with the
 *   manifest's DuckDB types before the rows are inserted (attachSnapshot), so DuckDB casts each
 *   value back, exactly: a whole number below 2^31 is the same number as DOUBLE, BIGINT or INTEGER.
 * Fractions, dates and everything else stay as DuckDB wrote them.
 */
export function compactIPC(ipc: Uint8Array): Uint8Array {
	const table = tableFromIPC(ipc);
	const columns: Record<string, Vector> = {};
	for (const field of table.schema.fields) {
		const column = table.getChild(field.name)!;
		if (DataType.isUtf8(field.type)) {
			const values = [...column] as (string | null)[];
			const distinct = new Set(values.filter((v) => v !== null)).size;
			columns[field.name] = vectorFromArray(values, new Dictionary(new Utf8(), distinct <= 127 ? new Int8() : distinct <= 32_767 ? new Int16() : new Int32()));
			continue;
		}
		if (DataType.isInt(field.type) || DataType.isFloat(field.type)) {
			const values = [...column] as (number | bigint | null)[];
			const numbers = values.map((v) => (typeof v === 'bigint' ? Number(v) : v));
			if (allInt32(numbers)) {
				columns[field.name] = vectorFromArray(numbers as (number | null)[], smallestInt(numbers.filter((v): v is number => v !== null)));
				continue;
			}
		}
		columns[field.name] = column;
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
		for (const t of snap.manifest.tables) if (t.file) writeFileSync(path.join(dir, t.file), compactIPC(snap.ipc.get(t.name)!));
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
