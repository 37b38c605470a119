/**
 * DuckDB's start in the browser (src/lib/db/duckdb-worker-start.js, issue 10 "fast start"):
 * - on a later visit (the second or, when V8 wrote its cache late, the third or fourth) Chromium takes the compiled DuckDB wasm from its code cache (the trace
 *   event `v8.wasm.moduleCacheHit` for the wasm's URL), which duckdb-wasm's own loading never allowed;
 * - a server that sends the wasm without `application/wasm` still works (compiled from the bytes);
 * - a missing wasm is reported at once as a start-up error, not after the 120 s timeout.
 * Each case runs against its own small server over build/ (the second and third change the wasm's answer).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launch, type Launched } from './browser.ts';
import { TYPES } from '../../scripts/serve.ts';

const BUILD = fileURLToPath(new URL('../../build', import.meta.url));
type WasmAnswer = 'normal' | 'octet-stream' | 'missing';

async function serve(wasm: WasmAnswer): Promise<{ url: string; close(): Promise<void> }> {
	const server: Server = createServer(async (req, res) => {
		const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file = path.join(BUILD, pathname);
		const isDuckdbWasm = /\/duckdb-[^/]*\.wasm$/.test(pathname);
		if (isDuckdbWasm && wasm === 'missing') return void res.writeHead(404).end();
		try {
			if (!(await stat(file)).isFile()) throw new Error('not a file');
		} catch {
			file = path.join(BUILD, 'index.html');
		}
		const type = isDuckdbWasm && wasm === 'octet-stream' ? 'application/octet-stream' : (TYPES[path.extname(file)] ?? 'application/octet-stream');
		res.writeHead(200, { 'content-type': type, 'cache-control': pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache' });
		res.end(await readFile(file));
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())))
	};
}

/**
 * DuckDB ready and a chart drawn, or the start-up error, whichever comes first; returns the
 * error's technical text. (The start page may draw its first charts from the start seed before
 * DuckDB is open, so a drawn chart alone says nothing about DuckDB.)
 */
async function startOutcome(page: Page): Promise<string | null> {
	await page.waitForFunction(
		() => (performance.getEntriesByName('dlm:data-ready').length > 0 && document.querySelector('[data-testid=chart][data-state=ready]')) || document.querySelector('[data-testid=load-error]'),
		null,
		{ timeout: 180_000, polling: 100 }
	);
	return (await page.locator('[data-testid=load-error]').count()) ? await page.locator('[data-testid=load-error] code').textContent() : null;
}

/**
 * The code-cache visits open the start page. Its default state is answered by the start seed
 * (app/start-seed.ts), so DuckDB itself runs little SQL before the first chart; without the
 * seed's check once DuckDB is ready (dashboard/start-seed.ts, checkStartSeed) V8 wrote no code
 * cache on visits 2–4 in a run here, with it the third visit hit.
 */
const CACHE_PAGE = '/';

before(() => {
	assert.ok(existsSync(path.join(BUILD, 'index.html')), 'build/ missing: run `npx vite build` first');
});

test('a later visit (by the fourth) takes the compiled DuckDB wasm from the code cache', async () => {
	const server = await serve('normal');
	const browser: Launched = await launch();
	try {
		const first = browser.context.pages()[0] ?? (await browser.context.newPage());
		await first.goto(server.url + CACHE_PAGE);
		assert.equal(await startOutcome(first), null, 'first visit draws a chart');
		await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
		// V8 writes the code cache once enough functions reached its top tier, or a while after the last
		// one did (background work, slow on a busy machine): leave the first visit open meanwhile
		await first.waitForTimeout(10_000);
		await first.close();
		// When V8 writes the code cache is its own decision (tier-up, idle time); on a busy machine
		// the second visit can come before it. So up to three later visits, each left open a while
		// after a miss; a build that loses the wasm's URL never gets a hit.
		type TraceEvent = { name: string; args?: { url?: string; consumedCacheSize?: number } };
		let setUrl: string[] = [];
		let hits: TraceEvent[] = [];
		let visit = 1;
		while (!hits.length && visit < 4) {
			visit++;
			const page = await browser.context.newPage();
			const cdp = await browser.context.newCDPSession(page);
			const events: TraceEvent[] = [];
			cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
			const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
			await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline', 'v8.wasm'] }, transferMode: 'ReportEvents' });
			await page.goto(server.url + CACHE_PAGE);
			assert.equal(await startOutcome(page), null, `visit ${visit} draws a chart`);
			await cdp.send('Tracing.end');
			await complete;
			setUrl = events.filter((e) => e.name === 'wasm.SetUrl').map((e) => e.args?.url ?? '');
			hits = events.filter((e) => e.name === 'v8.wasm.moduleCacheHit' && /\/duckdb-[^/]*\.wasm$/.test(e.args?.url ?? ''));
			console.log(`visit ${visit}: wasm.SetUrl: ${setUrl.join(', ')}; code cache hits for DuckDB: ${hits.map((h) => `${h.args?.consumedCacheSize} bytes`).join(', ') || 'none'}`);
			assert.ok(setUrl.some((u) => /\/duckdb-[^/]*\.wasm$/.test(u)), 'DuckDB is compiled from a response with its URL');
			if (!hits.length) await page.waitForTimeout(10_000);
			await page.close();
		}
		assert.equal(hits.length, 1, 'the compiled DuckDB module came from the code cache (by the fourth visit)');
	} finally {
		await browser.close();
		await server.close();
	}
});

test('a server that sends the wasm as application/octet-stream still starts DuckDB', async () => {
	const server = await serve('octet-stream');
	const browser = await launch({ serviceWorkers: 'block' });
	try {
		const page = browser.context.pages()[0] ?? (await browser.context.newPage());
		await page.goto(server.url + '/');
		assert.equal(await startOutcome(page), null, 'a chart is drawn');
	} finally {
		await browser.close();
		await server.close();
	}
});

test('a missing DuckDB wasm is a start-up error at once, not after the 120 s timeout', async () => {
	const server = await serve('missing');
	const browser = await launch({ serviceWorkers: 'block' });
	try {
		const page = browser.context.pages()[0] ?? (await browser.context.newPage());
		const t0 = Date.now();
		await page.goto(server.url + '/');
		const error = await startOutcome(page);
		const ms = Date.now() - t0;
		console.log(`start-up error after ${ms} ms: ${error}`);
		assert.match(error ?? '', /duckdb-[^ ]*\.wasm: HTTP 404/);
		assert.ok(ms < 60_000, `reported after ${ms} ms`);
	} finally {
		await browser.close();
		await server.close();
	}
});
