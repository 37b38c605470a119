/**
 * Start-up figures of the built app in Debian's Chromium, measured from outside the app:
 * - cold start: a first visit (fresh profile, empty caches), navigation → first chart painted;
 * - warm start: a second visit in the same profile (service worker and its caches filled);
 * - first-visit bytes: everything the server sent to the browser during the first visit,
 *   service worker install included (counted on the wire by a proxy, see count-proxy.ts);
 * - what was fetched, so the caller can compute the floor (compressed wasm + app JS used).
 * "First chart painted": two animation frames after the first chart figure has its data drawn
 * (`[data-testid=chart][data-state=ready]` with an SVG or canvas inside), relative to the
 * navigation's time origin. The observer is injected by this script, not shipped in the app.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { startCountingProxy } from './count-proxy';

export const QUIET_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface StartupRun {
	coldMs: number;
	warmMs: number;
	firstVisitBytes: number;
	/** request targets of the first visit on the wire (page, workers, service worker), e.g. `GET /_app/immutable/…` */
	firstVisitRequests: string[];
	/** paths the page itself and its workers asked for on the first visit (what the app used) */
	usedPaths: string[];
	/** the app's own performance entries (`dlm:*` measures), cold and warm, when the build has them */
	coldMarks: Record<string, number>;
	warmMarks: Record<string, number>;
	/** visits after the second (only when asked for: `laterVisits`), e.g. to see the wasm code cache of V8, which it may write late */
	later: { ms: number; marks: Record<string, number> }[];
	acceptEncoding: string;
}

const FIRST_CHART_OBSERVER = `(() => {
	const done = () => requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('bench:first-chart')));
	const seen = () => !!document.querySelector('[data-testid=chart][data-state=ready] svg, [data-testid=chart][data-state=ready] canvas');
	const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); done(); } });
	obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();`;

async function firstChartMs(page: Page): Promise<number> {
	await page.waitForFunction(() => performance.getEntriesByName('bench:first-chart').length > 0 || document.querySelector('[data-testid=load-error]'), null, { timeout: 180_000, polling: 50 });
	const ms = await page.evaluate(() => performance.getEntriesByName('bench:first-chart')[0]?.startTime ?? -1);
	if (ms < 0) throw new Error(`start-up failed: ${await page.locator('[data-testid=load-error]').textContent()}`);
	return ms;
}

/** the app's `dlm:*` measures once start-up is over (the first chart may come before DuckDB is ready: start seed) */
async function appMarks(page: Page): Promise<Record<string, number>> {
	await page.waitForFunction(() => performance.getEntriesByName('dlm:data-ready').length > 0 || document.querySelector('[data-testid=load-error]'), null, { timeout: 180_000, polling: 100 });
	return page.evaluate(() => Object.fromEntries(performance.getEntriesByType('measure').filter((e) => e.name.startsWith('dlm:')).map((e) => [e.name, e.duration])));
}

/** waits until the service worker controls the page and nothing has crossed the wire for `quietMs` */
async function settle(page: Page, bytes: () => number, quietMs = 2_000): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 120_000 }).catch(() => undefined);
	let last = -1;
	let since = Date.now();
	const until = Date.now() + 120_000;
	while (Date.now() < until) {
		const now = bytes();
		if (now !== last) {
			last = now;
			since = Date.now();
		} else if (Date.now() - since >= quietMs) return;
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** One first visit and one second visit of `path` in a fresh browser profile. */
export async function measureStartupOnce(browser: Browser, serverUrl: string, path = '/', laterVisits = 0): Promise<StartupRun> {
	const u = new URL(serverUrl);
	const proxy = await startCountingProxy({ host: u.hostname, port: Number(u.port) });
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE', serviceWorkers: 'allow' });
	try {
		await context.addInitScript(FIRST_CHART_OBSERVER);
		let acceptEncoding = '';
		const page = await context.newPage();
		const used = new Set<string>();
		const pathOf = (url: string) => new URL(url).pathname;
		page.on('request', (r) => used.add(pathOf(r.url())));
		page.on('worker', (w) => used.add(pathOf(w.url())));
		page.on('request', (r) => {
			if (!acceptEncoding && r.url().endsWith('.js')) void r.allHeaders().then((h) => (acceptEncoding ||= h['accept-encoding'] ?? ''));
		});
		proxy.reset();
		await page.goto(proxy.url + path);
		const coldMs = await firstChartMs(page);
		const coldMarks = await appMarks(page);
		await settle(page, proxy.bytes);
		const firstVisitBytes = proxy.bytes();
		const firstVisitRequests = proxy.requests();
		// DuckDB's wasm is fetched inside DuckDB's worker, which Playwright may not report; the service
		// worker never precaches DuckDB's wasm (src/service-worker.ts), so every DuckDB wasm on the
		// wire was used. parquet-wasm is precached for offline imports, not used by the start page.
		for (const r of firstVisitRequests) if (/\/duckdb-[^/]*\.wasm$/.test(r)) used.add(r.split(' ')[1]);
		await page.close();
		const warm = await context.newPage();
		await warm.goto(proxy.url + path);
		const warmMs = await firstChartMs(warm);
		const warmMarks = await appMarks(warm);
		const later: StartupRun['later'] = [];
		let last = warm;
		for (let i = 0; i < laterVisits; i++) {
			await last.close();
			last = await context.newPage();
			await last.goto(proxy.url + path);
			later.push({ ms: await firstChartMs(last), marks: await appMarks(last) });
		}
		return { coldMs, warmMs, firstVisitBytes, firstVisitRequests, usedPaths: [...used], coldMarks, warmMarks, later, acceptEncoding };
	} finally {
		await context.close();
		await proxy.close();
	}
}

export async function measureStartup(serverUrl: string, runs: number, path = '/', laterVisits = 0): Promise<{ runs: StartupRun[]; chromium: string }> {
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: QUIET_FLAGS });
	try {
		const out: StartupRun[] = [];
		for (let i = 0; i < runs; i++) out.push(await measureStartupOnce(browser, serverUrl, path, laterVisits));
		return { runs: out, chromium: browser.version() };
	} finally {
		await browser.close();
	}
}
