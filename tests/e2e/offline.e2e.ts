/**
 * Offline end-to-end test: after one visit the app starts again with the server stopped and the
 * browser offline, served by the service worker (src/service-worker.ts, docs/offline.md).
 * Playwright does not see requests from nested workers, so the proof is that the server is gone.
 * Run by `npm run test:e2e` (builds first).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launch, type Launched } from './browser.ts';
import { startPreview, type Preview } from './server.ts';
import { daysSinceEpoch, parquetBytes } from '../unit/helpers/fixtures.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');

let preview: Preview;
let context: BrowserContext;
let page: Page;
let browser: Launched;
const pageErrors: string[] = [];

before(async () => {
	mkdirSync(SHOTS, { recursive: true });
	assert.ok(existsSync(path.join(ROOT, 'build/service-worker.js')), 'build (with service worker) missing: run `npm run build` first');
	assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing: apt-get install -y chromium (or bash .ci/run)`);
	preview = await startPreview(ROOT);
	browser = await launch();
	context = browser.context;
	page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (e) => pageErrors.push(String(e)));
});

after(async () => {
	await browser?.close();
	await preview?.stop();
});

/** waits for the sample data (or the error box) and fails on a start-up error */
async function waitForSampleData(p: Page, label: string): Promise<number> {
	await p.waitForFunction(() => performance.getEntriesByName('dlm:data-ready').length > 0 || document.querySelector('[data-testid=load-error]'), null, { timeout: 180_000 });
	const loadError = p.locator('[data-testid=load-error]');
	if ((await loadError.count()) > 0) assert.fail(`${label}: start-up failed: ${await loadError.textContent()}`);
	return p.evaluate(() => performance.getEntriesByName('dlm:data-ready')[0].duration);
}

interface CacheReport {
	caches: { name: string; entries: number; bytes: number }[];
	urls: string[];
	largest: { url: string; bytes: number }[];
}

/** what Cache Storage holds, measured in the page */
function cacheReport(p: Page): Promise<CacheReport> {
	return p.evaluate(async () => {
		const out: CacheReport = { caches: [], urls: [], largest: [] };
		const sizes: { url: string; bytes: number }[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			let bytes = 0;
			const keys = await cache.keys();
			for (const req of keys) {
				const res = await cache.match(req);
				const n = res ? (await res.blob()).size : 0;
				bytes += n;
				sizes.push({ url: new URL(req.url).pathname, bytes: n });
				out.urls.push(new URL(req.url).pathname);
			}
			out.caches.push({ name, entries: keys.length, bytes });
		}
		out.largest = sizes.sort((a, b) => b.bytes - a.bytes).slice(0, 6);
		return out;
	});
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

test('after one visit the app starts, loads the sample data and imports a Parquet file with no server and no network', async () => {
	// 1. one visit, online
	await page.goto(preview.url + '/daten');
	const onlineMs = await waitForSampleData(page, 'online');
	console.log(`online: sample data loaded in ${Math.round(onlineMs)} ms`);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
	// the install step has finished once the worker controls the page; the wasm must be cached
	await page.waitForFunction(
		async () => {
			for (const name of await caches.keys()) {
				const keys = await (await caches.open(name)).keys();
				if (keys.some((r) => /\/duckdb-eh\.[^/]*\.wasm$/.test(r.url))) return true;
			}
			return false;
		},
		null,
		{ timeout: 120_000, polling: 500 }
	);
	const report = await cacheReport(page);
	const total = report.caches.reduce((s, c) => s + c.bytes, 0);
	console.log(`Cache Storage after one visit: ${mb(total)} in ${report.urls.length} entries`);
	for (const c of report.caches) console.log(`  ${c.name}: ${c.entries} entries, ${mb(c.bytes)}`);
	for (const f of report.largest) console.log(`  ${f.url}: ${mb(f.bytes)}`);
	assert.ok(report.urls.includes('/'), 'the SPA shell is cached');
	// the sample snapshot (reference and sample tables, built by `npm run build`) and its manifest
	assert.ok(report.urls.some((u) => /\/einsaetze\.[^/]*\.arrow$/.test(u)), 'the sample data is cached');
	assert.ok(report.urls.some((u) => /\/gemeinden\.[^/]*\.arrow$/.test(u)), 'the reference data is cached');
	assert.ok(report.urls.some((u) => /\/manifest\.[^/]*\.json$/.test(u)), 'the import reports are cached');
	assert.ok(!report.urls.some((u) => /duckdb-mvp\.[^/]*\.wasm$/.test(u)), 'the unused mvp wasm is not precached');
	// a Parquet import needs no wasm of its own (hyparquet is JavaScript in the import worker)
	assert.ok(!report.urls.some((u) => /parquet_wasm_bg[^/]*\.wasm$/.test(u)), 'parquet-wasm is not part of the app (nor of the cache)');
	assert.ok(report.urls.some((u) => /\/parquet\.worker-[^/]*\.js$/.test(u)), "the Parquet import worker is precached");

	// 2. no server, no network
	await preview.stop();
	await assert.rejects(fetch(preview.url + '/'), 'the server is down');
	await context.setOffline(true);

	const t0 = Date.now();
	const res = await page.reload();
	assert.ok(res?.fromServiceWorker(), 'the page came from the service worker');
	const offlineMs = await waitForSampleData(page, 'offline reload');
	const wall = Date.now() - t0;
	console.log(`offline reload: sample data loaded after ${wall} ms (app's own measure: ${Math.round(offlineMs)} ms)`);
	assert.equal(await page.locator('h1').textContent(), 'Daten');
	assert.ok(await page.locator('[data-testid=sample-badge]').isVisible(), 'Beispieldaten badge visible');
	assert.ok(Number(await page.locator('[data-testid=table-counts] tr[data-table=einsaetze]').getAttribute('data-rows')) > 0, 'einsaetze loaded');
	assert.equal(Number(await page.locator('tr[data-table=gemeinden][data-land=MV]').getAttribute('data-rows')), 726);
	await page.screenshot({ path: path.join(SHOTS, '09-offline.png') });

	// a user's Parquet file, imported offline (no Parquet file was read in the online visit):
	// four records in two row groups; the third has a Gemeindeschlüssel that does not exist (line 4)
	const pqName = 'offline_einsaetze.parquet';
	const pqFile = path.join(os.tmpdir(), pqName);
	writeFileSync(
		pqFile,
		parquetBytes(
			{
				Datum: { days: ['2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04'].map(daysSinceEpoch) },
				Gemeindeschlüssel: ['13076036', '13076036', '13999999', '13076036'],
				'Lotsen-ID': ['MV-O1', 'MV-O1', 'MV-O2', 'MV-O2'],
				Format: ['Hausbesuch', 'Telefon', 'Hausbesuch', 'Telefon'],
				Thema: ['Online-Banking', 'Online-Banking', 'Online-Banking', 'Smartphone-Grundlagen'],
				Altersgruppe: ['75+', '65-74', '75+', '75+'],
				Teilnehmende: { int32: [1, 2, 1, 3] },
				Minuten: { float64: [63.5, 30, 45, 90.25] }
			},
			{ rowGroupRows: 2 }
		)
	);
	await page.setInputFiles('#file-input', pqFile);
	const question = page.locator('[data-testid=import-question]');
	const pqRow = page.locator(`tr[data-testid=file-row][data-file="${pqName}"]`);
	await Promise.race([question.waitFor({ state: 'visible', timeout: 60_000 }), pqRow.waitFor({ timeout: 60_000 })]);
	if (await question.isVisible()) await page.locator('[data-testid=q-keep]').click();
	const assistant = page.locator('[data-testid=assistant-import]');
	await Promise.race([pqRow.waitFor({ timeout: 60_000 }), assistant.waitFor({ timeout: 60_000 })]);
	if (await assistant.isVisible()) {
		await assistant.click();
		await page.locator('[data-testid=assistant-done]').click();
	}
	await pqRow.waitFor({ timeout: 60_000 });
	const cell = async (c: string) => Number(((await pqRow.locator(`[data-col=${c}]`).textContent()) ?? '').replace(/[.\s\u00a0\u202f]/g, ''));
	assert.deepEqual([await cell('read'), await cell('loaded'), await cell('rejected')], [4, 3, 1], 'offline Parquet import: 4 read, 3 loaded, 1 rejected');
	const pqReport = page.locator(`[data-testid=file-report][data-file="${pqName}"]`);
	assert.deepEqual(await pqReport.locator('table[data-testid=rejections] tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-line')))), [4]);
	assert.doesNotMatch((await page.locator('main').textContent()) ?? '', /nicht lesbar|Failed to fetch/);

	// 3. a deep link and the start address in a new tab, still offline
	const deep = await context.newPage();
	deep.on('pageerror', (e) => pageErrors.push(String(e)));
	try {
		const t1 = Date.now();
		const r = await deep.goto(preview.url + '/vergleich?amt=130765659&von=2025-07');
		assert.ok(r?.fromServiceWorker(), 'the deep link came from the service worker');
		await waitForSampleData(deep, 'offline deep link');
		console.log(`offline deep link: sample data loaded after ${Date.now() - t1} ms`);
		assert.equal(new URL(deep.url()).pathname + new URL(deep.url()).search, '/vergleich?amt=130765659&von=2025-07', 'the address is kept');
		assert.equal(await deep.locator('h1').textContent(), 'Ämter-Vergleich');
		assert.equal(await deep.locator('[data-testid=load-error]').count(), 0);
		// the charts are drawn offline too, for the Amt in the address
		await deep.locator('[data-testid=chart][data-state=ready]').first().waitFor({ timeout: 60_000 });
		assert.match((await deep.locator('[data-chart="vergleich-kontakte_je_1000"] .summary').textContent()) ?? '', /^Amt Ludwigslust-Land/);

		// an export from the chart menu (ExcelJS, precached, never loaded before this), still offline
		const menu = deep.locator('[data-chart="vergleich-kontakte_je_1000"] [data-testid=chart-menu]');
		await menu.locator('summary').click();
		const [download] = await Promise.all([deep.waitForEvent('download', { timeout: 60_000 }), menu.locator('button[data-action=xlsx]').click()]);
		const xlsx = readFileSync((await download.path())!);
		assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX (zip) file came out offline');
		assert.ok(xlsx.length > 2_000, `the workbook has content (${xlsx.length} bytes)`);

		// the map page: the boundaries (precached, compressed on the wire) were never fetched by a page before
		await deep.goto(preview.url + '/karte?amt=130765654');
		await waitForSampleData(deep, 'offline Karte');
		await deep.waitForFunction(() => document.querySelector('[data-chart="karte-aemter-kontakte"][data-state=ready] svg path'), null, { timeout: 120_000 });
		const areas = await deep.locator('[data-chart="karte-aemter-kontakte"] svg path').count();
		assert.ok(areas >= 578, `all 578 Ämter/Verbände drawn offline (${areas} paths)`);
		assert.equal(await deep.locator('[data-testid=load-error]').count(), 0);

		await deep.goto(preview.url + '/');
		await waitForSampleData(deep, 'offline start address');
		assert.equal(await deep.locator('h1').textContent(), 'Überblick');
	} finally {
		await deep.close();
	}
	assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
