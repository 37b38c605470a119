/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Service worker: after one visit the app starts and loads its sample data with no network at all.
 * Design and measurements: docs/offline.md.
 *
 * Two caches:
 * - `dlm-immutable`: everything under `/_app/immutable/` (JS, CSS, DuckDB wasm and worker, the
 *   reference and sample data). Vite puts a content hash into these names, so an entry is never
 *   wrong and the cache keeps its name across builds. `version` changes on every build while most
 *   hashed names do not: dropping this cache on every update would download the 34 MB wasm
 *   again. On activate only entries that the current build no longer lists are deleted.
 * - `dlm-shell-<version>`: the SPA shell (`/`, the fallback page) and the files from `static/`.
 *   Their names carry no hash, so this cache belongs to one build; older ones are deleted on
 *   activate.
 *
 * What is precached (on install): the shell, `static/` and every file of `build` except DuckDB's
 * WebAssembly files and worker scripts (34 MB per variant, only one of which the browser uses).
 * Parquet needs no wasm: the import reads it with hyparquet (plain JavaScript in the import
 * worker's script) and the workspace file is written with hyparquet-writer, both precached like
 * every script, so both work offline after one visit (until stop 9 parquet-wasm did this and its
 * 5 MB wasm, 1,35 MB brotli, had to be precached). DuckDB's files are cached on first use by the cache-first rule below: on a first visit the app registers this
 * worker itself and waits until it controls the page before it starts DuckDB
 * (src/lib/app/offline.ts), so the wasm is downloaded exactly once, through this worker, and
 * lands in the cache. Earlier, the page and the precache fetched it at the same time (75 MB on a
 * first visit). WebAssembly is written to the cache before it is answered, from the cache, so
 * that Chromium keeps its compiled code (see cacheFirst). Only the DuckDB variant the browser picks is ever cached (`eh` in every current
 * browser; `mvp` only on a browser that needs it).
 *
 * Fetches: only same-origin GET. Navigations are network-first (a server that is up always
 * delivers the current app) and fall back to the cached shell, so deep links such as
 * `/daten?amt=…` open offline. `/_app/immutable/` is cache-first and fills the cache on a miss.
 * Static files come from the shell cache, anything else goes to the network untouched. The
 * service worker never fetches anything but the app's own files.
 *
 * Updates: a new build installs a new service worker in the background; it downloads only the
 * hashed files it does not have yet. It takes over when no tab runs the old one any more (no
 * `skipWaiting`: an open tab of the old build may still load lazy chunks of that build).
 *
 * SvelteKit registers this file itself (`kit.serviceWorker.register`, default true), in dev too
 * (as a module worker). In dev `build` is empty: the worker then caches nothing and handles no
 * request, so `vite dev` is never served stale files.
 */
import { base, build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const IMMUTABLE_CACHE = 'dlm-immutable';
const SHELL_CACHE = `dlm-shell-${version}`;
const CACHE_PREFIX = 'dlm-';
const IMMUTABLE_PREFIX = `${base}/_app/immutable/`;
/** the SPA fallback page, served for every navigation when the network fails */
const SHELL_URL = `${base}/`;
/** after this long without an answer a navigation is served from the cache (if it has the shell) */
const NAVIGATION_TIMEOUT_MS = 4_000;

const DEV = build.length === 0;

/** DuckDB's wasm and workers (see above): cached on first use only */
const NOT_PRECACHED = /\/duckdb-[^/]*\.wasm$|\/duckdb-browser-[^/]*\.worker\./;
const PRECACHE_IMMUTABLE = build.filter((f) => !NOT_PRECACHED.test(f));
const CURRENT_IMMUTABLE = new Set(build);
const SHELL_FILES = [SHELL_URL, ...files];
const SHELL_SET = new Set(files);

async function precacheImmutable(): Promise<void> {
	const cache = await caches.open(IMMUTABLE_CACHE);
	// content-addressed: what is in the cache already is right, fetch only the missing files
	const missing: string[] = [];
	for (const url of PRECACHE_IMMUTABLE) if (!(await cache.match(url))) missing.push(url);
	await cache.addAll(missing);
}

async function precacheShell(): Promise<void> {
	const cache = await caches.open(SHELL_CACHE);
	// not hashed: bypass the HTTP cache so the shell belongs to this build
	await cache.addAll(SHELL_FILES.map((url) => new Request(url, { cache: 'no-cache' })));
}

sw.addEventListener('install', (event) => {
	if (DEV) return;
	event.waitUntil(Promise.all([precacheImmutable(), precacheShell()]));
});

async function removeStale(): Promise<void> {
	for (const key of await caches.keys()) {
		if (key.startsWith(CACHE_PREFIX) && key !== IMMUTABLE_CACHE && key !== SHELL_CACHE) await caches.delete(key);
	}
	const cache = await caches.open(IMMUTABLE_CACHE);
	for (const req of await cache.keys()) {
		if (!CURRENT_IMMUTABLE.has(new URL(req.url).pathname)) await cache.delete(req);
	}
}

sw.addEventListener('activate', (event) => {
	if (DEV) return;
	// claim: the page of the very first visit is controlled at once (and works offline next time)
	event.waitUntil(removeStale().then(() => sw.clients.claim()));
});

/**
 * WebAssembly is stored first and answered from the cache: Chromium keeps the compiled code of a
 * module (its code cache) only beside a response that came from Cache Storage, so answering a
 * first visit from the network would leave the next start compiling DuckDB again; it is the
 * visit after that which would find the cache (see src/lib/db/duckdb-worker-start.js).
 */
const COMPILED_FROM_CACHE = /\.wasm$/;

async function cacheFirst(event: FetchEvent, cacheName: string): Promise<Response> {
	const cache = await caches.open(cacheName);
	const cached = await cache.match(event.request);
	if (cached) return cached;
	const response = await fetch(event.request);
	if (response.status !== 200 || response.type !== 'basic') return response;
	if (COMPILED_FROM_CACHE.test(new URL(event.request.url).pathname)) {
		// stored without Content-Encoding: fetch() has decoded the body already, and Chromium kept
		// no compiled code beside an entry still saying `br` (measured: no code cache hit with
		// `npm start`'s brotli, a hit every time without)
		const headers = new Headers(response.headers);
		headers.delete('content-encoding');
		headers.delete('content-length');
		try {
			await cache.put(event.request, new Response(response.body, { status: response.status, statusText: response.statusText, headers }));
			const stored = await cache.match(event.request);
			if (stored) return stored;
		} catch {
			// not stored (quota): ask the network again, without a code cache
		}
		return fetch(event.request);
	}
	// store in the background: the page reads the body while the copy is written
	event.waitUntil(cache.put(event.request, response.clone()));
	return response;
}

async function networkFirstNavigation(request: Request): Promise<Response> {
	const shell = await caches.match(SHELL_URL, { cacheName: SHELL_CACHE });
	const network = fetch(request);
	if (!shell) return network;
	network.catch(() => undefined); // may fail after the timeout has answered
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), NAVIGATION_TIMEOUT_MS)));
	try {
		const result = await Promise.race([network, timeout]);
		return result === 'timeout' ? shell : result;
	} catch {
		// offline or server down: the SPA shell routes the address itself
		return shell;
	} finally {
		clearTimeout(timer);
	}
}

sw.addEventListener('fetch', (event) => {
	if (DEV) return;
	const request = event.request;
	if (request.method !== 'GET' || request.headers.has('range')) return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	if (request.mode === 'navigate') {
		event.respondWith(networkFirstNavigation(request));
	} else if (url.pathname.startsWith(IMMUTABLE_PREFIX)) {
		event.respondWith(cacheFirst(event, IMMUTABLE_CACHE));
	} else if (SHELL_SET.has(url.pathname)) {
		event.respondWith(cacheFirst(event, SHELL_CACHE));
	}
	// anything else (e.g. /_app/version.json): the browser's normal fetch
});
