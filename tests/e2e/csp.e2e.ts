/**
 * Content-Security-Policy of the built app (svelte.config.js, scripts/serve.ts): the policy is
 * in force as a meta tag and as a header, it is strict (no inline script, no 'unsafe-eval', only
 * the own origin), and nothing the app does violates it: every page, a chart's download menu
 * (PNG, SVG, CSV, XLSX) and the report pack (PowerPoint, Excel). A violation shows up as a
 * `securitypolicyviolation` event (collected by a script this test injects) or as a console
 * error; both must stay empty. Run by `npm run test:e2e` (builds first).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startPreview, type Preview } from './server.ts';
import { launch, waitForCharts, type Launched } from './browser.ts';

const PAGES = ['/', '/vergleich', '/aeltere', '/qualifizierung', '/coworking', '/daten', '/methodik'];
const CHART = 'vergleich-kontakte_je_1000';

let preview: Preview;
let browser: Launched;
let page: Page;
const violations: string[] = [];
const consoleErrors: string[] = [];

/** collects violations in the page (this script is the test's, the app has no such hook) */
const COLLECT = `(() => {
	const seen = [];
	Object.defineProperty(globalThis, '__cspViolations', { value: seen });
	document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
})();`;

before(async () => {
	preview = await startPreview(process.cwd());
	browser = await launch();
	await browser.context.addInitScript(COLLECT);
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	page.on('console', (m) => {
		if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text())) consoleErrors.push(m.text());
	});
	page.on('pageerror', (e) => consoleErrors.push(String(e)));
});

after(async () => {
	await browser?.close();
	await preview?.stop();
});

async function collect(p: Page, label: string): Promise<void> {
	const found = await p.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations.slice());
	violations.push(...found.map((v) => `${label}: ${v}`));
}

test('the policy is strict and delivered as meta tag and header', async () => {
	const res = await page.goto(preview.url + '/');
	const header = res?.headers()['content-security-policy'] ?? '';
	const meta = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
	for (const [where, policy] of [
		['header', header],
		['meta', meta]
	]) {
		const directive = (name: string) => new RegExp(`(?:^|;)\\s*${name} ([^;]*)`).exec(policy)?.[1].trim().split(/\s+/) ?? null;
		assert.ok(policy, `${where}: a policy`);
		assert.deepEqual(directive('default-src'), ["'self'"], `${where}: default-src`);
		assert.deepEqual(directive('connect-src'), ["'self'"], `${where}: connect-src`);
		assert.deepEqual(directive('worker-src'), ["'self'", 'blob:'], `${where}: worker-src`);
		const script = directive('script-src') ?? [];
		assert.deepEqual(script.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"], `${where}: script-src`);
		// the rest are hashes of SvelteKit's bootstrap script: no 'unsafe-inline', no 'unsafe-eval', no host
		assert.ok(script.slice(2).length >= 1 && script.slice(2).every((s) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(s)), `${where}: script-src has only hashes besides: ${script}`);
	}
	assert.match(header, /frame-ancestors 'none'/);
	// an inline script that is not the bootstrap is refused
	const ran = await page.evaluate(() => {
		const s = document.createElement('script');
		s.textContent = 'globalThis.__inlineRan = true';
		document.head.append(s);
		return (globalThis as unknown as { __inlineRan?: boolean }).__inlineRan === true;
	});
	assert.equal(ran, false, 'an injected inline script must not run');
	await page.waitForTimeout(200);
	const refused = await page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations.splice(0));
	assert.ok(refused.some((v) => v.startsWith('script-src')), `the refusal is reported: ${refused}`);
	consoleErrors.length = 0;
});

test('the user\'s build has no benchmark route and no test hooks on window', async () => {
	await page.goto(preview.url + '/bench');
	assert.equal(await page.locator('h1').textContent(), 'Seite nicht gefunden');
	await page.goto(preview.url + '/');
	await waitForCharts(page);
	const hooks = await page.evaluate(() => Object.keys(window).filter((k) => /^__(dlm|bench)/i.test(k)));
	assert.deepEqual(hooks, []);
	// start-up timings are on the Performance timeline instead
	assert.ok(await page.evaluate(() => performance.getEntriesByName('dlm:data-ready').length === 1));
	consoleErrors.length = 0;
	violations.length = 0;
});

test('no violation on any page, in every download of a chart and in the report pack', async () => {
	for (const p of PAGES) {
		await page.goto(preview.url + p);
		await waitForCharts(page);
		await page.waitForTimeout(300);
		await collect(page, p);
	}
	await page.goto(preview.url + '/vergleich');
	await waitForCharts(page);
	const chart = page.locator(`[data-testid=chart][data-chart="${CHART}"]`);
	const menu = chart.locator('[data-testid=chart-menu]');
	for (const action of ['png-a4', 'svg', 'csv', 'xlsx']) {
		if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
		const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), menu.locator(`button[data-action=${action}]`).click()]);
		assert.ok((await d.path()) !== null, `${action} downloaded`);
	}
	for (const kind of ['pptx', 'xlsx']) {
		const [d] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.locator(`[data-testid=pack-${kind}]`).click()]);
		assert.match(d.suggestedFilename(), new RegExp(`\\.${kind}$`));
	}
	await collect(page, 'exports');
	assert.deepEqual(violations, [], 'no securitypolicyviolation');
	assert.deepEqual(
		consoleErrors.filter((e) => /Content.Security.Policy|Refused to/i.test(e)),
		[],
		'no CSP error in the console'
	);
	assert.deepEqual(consoleErrors, [], 'no console errors at all');
});
