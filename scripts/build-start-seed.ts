/**
 * Builds the start seed (src/lib/dashboard/start-seed.ts): attaches the sample snapshot
 * (.generated/sample-snapshot/, scripts/build-sample-snapshot.ts) in Node with the app's own
 * attach code and duckdb-wasm (the engine of the browser), runs the catalog and the start page's
 * default-state queries through a coordinator and writes every answer, keyed by its SQL text, to
 * .generated/start-seed/start-seed.json. The app seeds its coordinator with it on start when the
 * data are the snapshot's (app/start-seed.ts).
 *
 * Run by the build after the snapshot (the Vite plugin in vite.config.ts). It does nothing when
 * built from the same snapshot and the same query code.
 *   tsx scripts/build-start-seed.ts [--force]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDb } from '../src/lib/db/node.ts';
import { attachSnapshot, type SnapshotManifest } from '../src/lib/import/sample-snapshot.ts';
import { encodeStartSeed, recordStartSeed } from '../src/lib/dashboard/start-seed.ts';
import { SNAPSHOT_DIR } from './build-sample-snapshot.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const START_SEED_DIR = path.join(ROOT, '.generated/start-seed');
const SEED_FILE = 'start-seed.json';

/** hash of the snapshot and of the code that makes the SQL and the answers */
function inputsHash(manifest: SnapshotManifest): string {
	const h = createHash('sha256').update(manifest.inputs).update('\0');
	const files = ['db', 'indicators', 'compare', 'dashboard', 'reference']
		.flatMap((d) => readdirSync(path.join(ROOT, 'src/lib', d), { recursive: true, withFileTypes: true }).filter((x) => x.isFile()).map((x) => path.join(x.parentPath, x.name)))
		.sort();
	for (const f of [...files, fileURLToPath(import.meta.url)]) h.update(path.relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
	return h.digest('hex').slice(0, 16);
}

export async function buildStartSeed(force = false, snapshotDir = SNAPSHOT_DIR, dir = START_SEED_DIR): Promise<{ built: boolean; ms: number; entries: number; bytes: number }> {
	const t0 = performance.now();
	const manifest = JSON.parse(readFileSync(path.join(snapshotDir, 'manifest.json'), 'utf8')) as SnapshotManifest;
	const inputs = inputsHash(manifest);
	const stamp = path.join(dir, 'inputs.txt');
	const out = path.join(dir, SEED_FILE);
	if (!force && existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs) return { built: false, ms: performance.now() - t0, entries: 0, bytes: 0 };
	const db = await openNodeDb();
	try {
		await attachSnapshot(db, manifest, async (t) => new Uint8Array(readFileSync(path.join(snapshotDir, t.file!))));
		const seed = await recordStartSeed(db, manifest.inputs);
		const text = encodeStartSeed(seed);
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		writeFileSync(out, text);
		// the stamp is not imported by the app (the glob in app/start-seed.ts takes only the seed)
		writeFileSync(stamp, inputs);
		return { built: true, ms: performance.now() - t0, entries: seed.entries.length, bytes: Buffer.byteLength(text) };
	} finally {
		await db.close();
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const r = await buildStartSeed(process.argv.includes('--force'));
	console.log(r.built ? `start seed built in ${(r.ms / 1000).toFixed(1)} s: ${r.entries} answers, ${Math.round(r.bytes / 1024)} kB` : 'start seed up to date');
}
