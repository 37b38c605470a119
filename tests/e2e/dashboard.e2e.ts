/**
 * The dashboard pages in Debian's Chromium on the built app: every page renders with the sample
 * data and passes axe; filters live in the URL (change, back, forward); the English switch; the
 * keyboard reaches the controls and every chart's data table; nothing leaves the origin.
 * Screenshots of every page at 1280×800 and 1920×1080 go to tests/e2e/screenshots/.
 * The tours from page to page follow the header's links, as a user does (client-side): a load by
 * URL starts DuckDB again (2–3 s each, the most of this file's time), and every page is loaded by
 * its URL in csp.e2e.ts; a chart of the page reached is still drawn from its own queries.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startPreview, type Preview } from './server.ts';
import { launch, navigate, runAxe, waitForCharts, type Launched } from './browser.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');

/** path, German h1, whether the page has charts */
const PAGES: { path: string; h1: string; charts: boolean; name: string }[] = [
	{ path: '/', h1: 'Überblick', charts: true, name: 'ueberblick' },
	{ path: '/vergleich', h1: 'Ämter-Vergleich', charts: true, name: 'vergleich' },
	{ path: '/aeltere', h1: 'Reichweite Ältere', charts: true, name: 'aeltere' },
	{ path: '/qualifizierung', h1: 'Qualifizierung', charts: true, name: 'qualifizierung' },
	{ path: '/coworking', h1: 'Coworking', charts: true, name: 'coworking' },
	{ path: '/daten', h1: 'Daten', charts: false, name: 'daten' },
	{ path: '/methodik', h1: 'Methodik', charts: false, name: 'methodik' }
];

let preview: Preview;
let browser: Launched;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

before(async () => {
	mkdirSync(SHOTS, { recursive: true });
	preview = await startPreview(ROOT);
	browser = await launch();
	browser.context.on('request', (r) => requests.push(r.url()));
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	page.on('pageerror', (e) => pageErrors.push(String(e)));
	page.on('worker', (w) => requests.push(w.url()));
});

after(async () => {
	await browser?.close();
	await preview?.stop();
});

async function chartStates(p: Page) {
	return p.locator('[data-testid=chart]').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-chart'), state: e.getAttribute('data-state') })));
}

test('every page renders with the sample data, passes axe, and is photographed', async () => {
	await page.goto(preview.url + PAGES[0].path);
	await waitForCharts(page);
	for (const pg of PAGES) {
		if (pg !== PAGES[0]) await navigate(page, pg);
		assert.match((await page.locator('h1').first().textContent()) ?? '', new RegExp(`^${pg.h1}`), `${pg.path}: heading`);
		const states = await chartStates(page);
		console.log(`${pg.path}: ${states.length} charts: ${states.map((s) => `${s.id}=${s.state}`).join(', ')}`);
		assert.deepEqual(states.filter((s) => s.state === 'error'), [], `${pg.path}: no chart in the error state`);
		if (pg.charts) {
			assert.ok(states.filter((s) => s.state === 'ready').length >= 2, `${pg.path}: charts drawn`);
			// each drawn chart: an SVG with an aria label, a summary sentence, a data table, the sample mark
			for (const c of await page.locator('[data-testid=chart][data-state=ready]').all()) {
				assert.equal(await c.locator('svg').first().count(), 1, 'svg drawn');
				assert.match((await c.locator('.summary').textContent()) ?? '', /\S{3,}/, 'summary');
				assert.equal(await c.locator('table caption').count(), 1, 'data table with caption');
				assert.match((await c.locator('.source').textContent()) ?? '', /Quelle: .*Stand: /, 'source line with Stand');
				assert.equal(await c.locator('.sample-mark').count(), 1, 'Beispieldaten mark');
				assert.match((await c.locator('[data-testid=chart-definition]').getAttribute('href')) ?? '', /\/methodik#indikator-[a-z0-9_]+$/, 'link to the definition');
			}
		}
		await runAxe(page, `${pg.path} de`);
		await page.screenshot({ path: path.join(SHOTS, `seite-${pg.name}-1280.png`), fullPage: true });
	}
	// a chart's "Definition" link lands on its indicator's entry of the Methodik page
	await page.goto(preview.url + '/aeltere');
	await waitForCharts(page);
	const def = page.locator('[data-chart=aeltere-reichweite-65plus] [data-testid=chart-definition]');
	assert.equal(await def.textContent(), 'Definition');
	await def.click();
	await page.waitForURL(/\/methodik#indikator-teilnehmende_65plus_je_1000_65plus$/);
	await page.locator('#indikator-teilnehmende_65plus_je_1000_65plus').waitFor({ timeout: 30_000 });
	await page.setViewportSize({ width: 1920, height: 1080 });
	for (const pg of PAGES) {
		await navigate(page, pg);
		await page.screenshot({ path: path.join(SHOTS, `seite-${pg.name}-1920.png`), fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 800 });
});

test('a filter change updates the URL and every chart; back and forward work', async () => {
	await page.goto(preview.url + '/vergleich');
	await waitForCharts(page);
	const first = page.locator('[data-testid=chart][data-chart="vergleich-kontakte_je_1000"] .summary');
	const before = (await first.textContent()) ?? '';
	assert.match(before, /^Amt Dömitz-Malliß \(2025\): /);
	const summariesBefore = await page.locator('[data-testid=chart] .summary').allTextContents();

	const t0 = Date.now();
	await page.locator('[data-testid=amt-select]').selectOption('130765659');
	await page.waitForURL(/[?&]amt=130765659/);
	await waitForCharts(page);
	await page.waitForFunction((b) => document.querySelector('[data-chart="vergleich-kontakte_je_1000"] .summary')?.textContent !== b, before);
	console.log(`Amt changed: all ${summariesBefore.length} charts redrawn after ${Date.now() - t0} ms (measured, not asserted)`);
	assert.match((await first.textContent()) ?? '', /^Amt Ludwigslust-Land \(2025\): /);
	const summariesAfter = await page.locator('[data-testid=chart] .summary').allTextContents();
	const changed = summariesAfter.filter((s, i) => s !== summariesBefore[i]).length;
	assert.equal(changed, summariesAfter.length, 'every chart on the page changed');

	// the period and a format filter, both in the URL
	await page.locator('[data-testid=from]').fill('2025-07');
	await page.locator('[data-testid=from]').dispatchEvent('change');
	await page.waitForURL(/von=2025-07/);
	await page.locator('[data-testid=filter-format] summary').click();
	await page.getByRole('checkbox', { name: 'Hausbesuch' }).check();
	await page.waitForURL(/format=Hausbesuch/);
	await waitForCharts(page);
	assert.match((await page.locator('[data-testid=view-line]').textContent()) ?? '', /01\.07\.2025–31\.12\.2025[\s\S]*Format: Hausbesuch/);
	assert.match((await first.textContent()) ?? '', /^Amt Ludwigslust-Land \(Juli 2025–Dez\. 2025\): /);
	// Lotsen per 10,000 cannot be filtered by format: the chart says so
	assert.match(
		(await page.locator('[data-chart="vergleich-lotsen_je_10000"] .notes').textContent()) ?? '',
		/Filter Format gilt für diese Kennzahl nicht/
	);

	// back: format off, then period back, then Amt back
	await page.goBack();
	await page.waitForURL((u) => !u.search.includes('format='));
	await page.goBack();
	await page.goBack();
	await page.waitForURL((u) => !u.search.includes('amt='));
	await waitForCharts(page);
	await page.waitForFunction((b) => document.querySelector('[data-chart="vergleich-kontakte_je_1000"] .summary')?.textContent === b, before);
	assert.equal(await page.locator('[data-testid=amt-select]').inputValue(), '130765654');
	await page.goForward();
	await page.waitForURL(/amt=130765659/);
	await page.goForward();
	await page.waitForURL(/von=2025-07/);
	await waitForCharts(page);
	assert.match((await first.textContent()) ?? '', /^Amt Ludwigslust-Land \(Juli 2025–Dez\. 2025\)/);

	// a bookmarked view opens as it was shared
	const shared = page.url();
	const p2 = await browser.context.newPage();
	try {
		await p2.goto(shared);
		await waitForCharts(p2);
		assert.equal(await p2.locator('[data-testid=amt-select]').inputValue(), '130765659');
		assert.equal(await p2.locator('[data-testid=from]').inputValue(), '2025-07');
	} finally {
		await p2.close();
	}
});

test('the Amt search shortens the list', async () => {
	await page.goto(preview.url + '/vergleich');
	await waitForCharts(page);
	const all = await page.locator('[data-testid=amt-select] option').count();
	await page.locator('[data-testid=amt-search]').fill('dömitz');
	const shown = await page.locator('[data-testid=amt-select] option').allTextContents();
	assert.ok(all > 50, `${all} MV Ämter and amtsfreie Gemeinden`);
	assert.deepEqual(shown, ['Amt Dömitz-Malliß']);
});

test('English: texts change, numbers follow the language', async () => {
	await page.goto(preview.url + '/vergleich');
	await waitForCharts(page);
	const de = (await page.locator('[data-chart="vergleich-kontakte_je_1000"] .summary').textContent()) ?? '';
	assert.match(de, /\d,\d/, 'German decimal comma');
	await page.getByRole('button', { name: 'Switch to English' }).click();
	await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Compare Ämter');
	const en = (await page.locator('[data-chart="vergleich-kontakte_je_1000"] .summary').textContent()) ?? '';
	assert.match(en, /\d\.\d/, 'English decimal point');
	assert.doesNotMatch(en, /\d,\d(?!\d{2})/, 'no German decimal comma left');
	assert.match((await page.locator('nav').textContent()) ?? '', /Overview.*Compare Ämter.*Methodology/s);
	await runAxe(page, '/vergleich en');
	await page.screenshot({ path: path.join(SHOTS, 'seite-vergleich-en-1280.png'), fullPage: true });
	await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
	await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Ämter-Vergleich');
});

test('the keyboard reaches every control and every chart’s data table, on every chart page', async () => {
	for (const pg of PAGES.filter((p) => p.charts)) {
		await navigate(page, pg);
		const tables = await page.locator('[data-testid=chart][data-state=ready] details.data summary').count();
		const menus = await page.locator('[data-testid=chart][data-state=ready] [data-testid=chart-menu] summary').count();
		const reached = new Set<string>();
		await page.locator('body').focus();
		for (let i = 0; i < 50 + 4 * (tables + menus); i++) {
			await page.keyboard.press('Tab');
			const id = await page.evaluate(() => {
				const a = document.activeElement as HTMLElement | null;
				if (!a || a === document.body) return 'body';
				const chart = a.closest('[data-testid=chart]')?.getAttribute('data-chart');
				const menu = a.closest('[data-testid=chart-menu]') ? 'menu' : '';
				return `${a.tagName.toLowerCase()}${a.dataset.testid ? '#' + a.dataset.testid : ''}${menu ? '!' + menu : ''}${chart ? '@' + chart : ''}`;
			});
			reached.add(id);
		}
		const tableSummaries = [...reached].filter((r) => r.startsWith('summary@'));
		const menuSummaries = [...reached].filter((r) => r.startsWith('summary!menu@'));
		const controls = pg.path === '/' || pg.path === '/vergleich' || pg.path === '/aeltere' ? ['select#amt-select', 'input#amt-search', 'input#from', 'input#to', 'button#reset'] : ['input#from', 'input#to', 'button#reset'];
		for (const c of controls) assert.ok(reached.has(c), `${pg.path}: Tab reaches ${c}`);
		assert.equal(tableSummaries.length, tables, `${pg.path}: Tab reaches all ${tables} data tables`);
		assert.equal(menuSummaries.length, menus, `${pg.path}: Tab reaches all ${menus} download menus`);
		if (controls.includes('select#amt-select')) assert.ok([...reached].some((r) => r.startsWith('summary') && !r.includes('@')), `${pg.path}: Tab reaches the multi-select filters`);
	}
	// Enter opens a data table
	await page.goto(preview.url + '/vergleich');
	await waitForCharts(page);
	await page.locator('[data-chart="vergleich-kontakte_je_1000"] details.data summary').focus();
	await page.keyboard.press('Enter');
	assert.ok(await page.locator('[data-chart="vergleich-kontakte_je_1000"] table').isVisible());
});

test('no request left the app origin, no uncaught error', () => {
	const origin = new URL(preview.url).origin;
	const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
	console.log(`${requests.length} requests recorded`);
	assert.deepEqual(foreign, []);
	assert.deepEqual(pageErrors, []);
});
