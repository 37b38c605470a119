/**
 * Writes `file.br` and `file.gz` beside every compressible file of the built app (build/), so that
 * `npm start` (scripts/serve.ts) sends the DuckDB wasm and the JS compressed: the 34 MB eh wasm
 * becomes ~5.9 MB (brotli) / 7.7 MB (gzip). Compressing the wasm with brotli's best setting takes
 * 80 s here, so files above 4 MB use quality 9 (6 s, 16 % larger than 11); results are kept in
 * .cache/precompress/ under the content's hash, because the wasm's bytes rarely change between
 * builds. Only a file that gets at least 10 % smaller gets a compressed twin.
 *   tsx scripts/precompress.ts [dir]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = path.join(ROOT, '.cache/precompress');
// .arrow: the sample snapshot's tables (Arrow IPC, build-sample-snapshot.ts); .parquet: sample files with uncompressed pages;
// .geojson: the map boundaries (0,94 MB of text, 0,18 MB gzip; sent uncompressed until stop 9)
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.wasm', '.json', '.geojson', '.svg', '.csv', '.parquet', '.arrow', '.txt', '.webmanifest', '.xml', '.map']);
const MIN_BYTES = 1024;
const BIG = 4_000_000;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

function walk(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => path.join(d.parentPath, d.name));
}

async function compressed(bytes: Buffer, kind: 'br' | 'gz'): Promise<Buffer> {
	const quality = bytes.length > BIG ? 9 : 11;
	const key = createHash('sha256').update(bytes).digest('hex') + (kind === 'br' ? `.q${quality}.br` : '.gz');
	const cached = path.join(CACHE, key);
	if (existsSync(cached)) return readFileSync(cached);
	const out =
		kind === 'br'
			? await brotli(bytes, {
					params: {
						[zlib.constants.BROTLI_PARAM_QUALITY]: quality,
						[zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
						[zlib.constants.BROTLI_PARAM_LGWIN]: 24
					}
				})
			: await gzip(bytes, { level: 9 });
	mkdirSync(CACHE, { recursive: true });
	writeFileSync(cached, out);
	return out;
}

/** Adds missing or outdated .br/.gz twins under `dir`; returns how many files were written. */
export async function precompress(dir: string): Promise<number> {
	let written = 0;
	const files = walk(dir).filter((f) => COMPRESSIBLE.has(path.extname(f)) && statSync(f).size >= MIN_BYTES);
	// two at a time: zlib runs on the thread pool, this machine has two cores
	const queue = [...files];
	async function worker() {
		for (let f = queue.shift(); f; f = queue.shift()) {
			const st = statSync(f);
			for (const kind of ['br', 'gz'] as const) {
				const twin = `${f}.${kind}`;
				if (existsSync(twin) && statSync(twin).mtimeMs >= st.mtimeMs) continue;
				const bytes = readFileSync(f);
				const out = await compressed(bytes, kind);
				if (out.length <= bytes.length * 0.9) {
					writeFileSync(twin, out);
					written++;
				}
			}
		}
	}
	await Promise.all([worker(), worker()]);
	return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const dir = path.resolve(process.argv[2] ?? path.join(ROOT, 'build'));
	const t0 = performance.now();
	const n = await precompress(dir);
	console.log(`precompress: ${n} files written in ${((performance.now() - t0) / 1000).toFixed(1)} s (${path.relative(ROOT, dir) || dir})`);
}
