/**
 * The Karte page in Debian's Chromium on the built app: the maps render from the project's own
 * boundaries (same-origin GeoJSON assets, no tiles, no request off the origin); a click on an MV
 * Amt sets the Amt filter (URL, view line and the Gemeinde maps follow); a click on a Gemeinde
 * shows its figures; axe-core finds nothing.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startPreview, type Preview } from './server.ts';
import { launch, runAxe, waitForCharts, type Launched } from './browser.ts';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PILOT = '130765654';

let preview: Preview;
let browser: Launched;
let page: Page;
const requests: string[] = [];
const failed: string[] = [];
const pageErrors: string[] = [];

before(async () => {
	preview = await startPreview(ROOT);
	browser = await launch({ width: 1920, height: 1080 });
	browser.context.on('request', (r) => requests.push(r.url()));
	browser.context.on('response', (r) => {
		if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
	});
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	page.on('pageerror', (e) => pageErrors.push(String(e)));
	page.on('worker', (w) => requests.push(w.url()));
});

after(async () => {
	await browser?.close();
	await preview?.stop();
});

const MAPS = ['karte-gemeinden-65plus', 'karte-gemeinden-kontakte', 'karte-gemeinden-distanz', 'karte-aemter-kontakte', 'karte-aemter-distanz'];

async function waitForMaps(p: Page): Promise<void> {
	await waitForCharts(p);
	await p.waitForFunction((ids) => ids.every((id) => document.querySelector(`[data-chart="${id}"][data-state=ready] svg path`)), MAPS, { timeout: 120_000 });
	await p.waitForFunction(() => !document.querySelector('[data-testid=chart][data-state=loading]'), null, { timeout: 120_000 });
}

/** filled area paths of a map (the class colours and the no-data grey), with their boxes */
async function areaPaths(p: Page, chart: string) {
	return p.locator(`[data-chart="${chart}"] svg path`).evaluateAll((els) =>
		els
			.map((e, i) => {
				const b = e.getBoundingClientRect();
				return { i, fill: (e.getAttribute('fill') ?? '').toLowerCase(), x: b.x, y: b.y, w: b.width, h: b.height };
			})
			.filter((x) => ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b', '#eeeeee'].includes(x.fill) && x.w > 0)
	);
}

test('maps render from local data: Gemeinden of the Amt, Ämter of MV and BW, attribution, tables', async () => {
	await page.goto(`${preview.url}/karte?amt=${PILOT}`);
	await waitForMaps(page);
	assert.equal(await page.locator('h1').first().textContent(), 'Karte');
	// the boundaries came from the app itself
	const origin = new URL(preview.url).origin;
	const geo = requests.filter((u) => /geo_(gemeinden|verbaende).*\.geojson$/.test(new URL(u).pathname));
	assert.equal(geo.length >= 2, true, `geojson assets fetched: ${geo.join(', ')}`);
	assert.ok(geo.every((u) => new URL(u).origin === origin));
	// the Amt's 7 Gemeinden are drawn (each area is one path, the legend adds small rects)
	const gem = await areaPaths(page, 'karte-gemeinden-65plus');
	assert.ok(gem.filter((x) => x.w > 20).length >= 7, `Gemeinde areas drawn: ${gem.length}`);
	assert.ok((await areaPaths(page, 'karte-aemter-kontakte')).length >= 578, 'all 578 Ämter/Verbände drawn');
	for (const id of MAPS) {
		const fig = page.locator(`[data-chart="${id}"]`);
		assert.match((await fig.locator('svg').textContent()) ?? '', /© GeoBasis-DE \/ BKG \(Daten verändert\)/, `${id}: attribution on the map`);
		assert.match((await fig.locator('figcaption').textContent()) ?? '', /GeoBasis-DE/, `${id}: attribution in the source line`);
		assert.equal(await fig.locator('details.data').count(), 1, `${id}: data table`);
	}
	assert.match((await page.locator('[data-chart="karte-gemeinden-65plus"] .summary').textContent()) ?? '', /7 Gemeinden/);
});

test('clicking a Gemeinde shows its figures', async () => {
	// the whole map inside the viewport (mouse clicks use viewport coordinates)
	await page.locator('[data-chart="karte-gemeinden-65plus"] svg').first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
	const gem = (await areaPaths(page, 'karte-gemeinden-65plus')).filter((x) => x.w > 20).sort((a, b) => b.w * b.h - a.w * a.h);
	let shown = false;
	for (const g of gem) {
		const cx = g.x + g.w / 2;
		const cy = g.y + g.h / 2;
		await page.mouse.click(cx, cy);
		// the panel gathers the figures of all three maps first
		if (await page.locator('[data-testid=map-detail]').waitFor({ timeout: 5000 }).then(() => true, () => false)) {
			shown = true;
			break;
		}
	}
	assert.ok(shown, 'a click on a Gemeinde opens the detail panel');
	const detail = page.locator('[data-testid=map-detail]');
	assert.match((await detail.locator('h2').textContent()) ?? '', /^Werte für /);
	// the figures of all three Gemeinde maps
	assert.equal(await detail.locator('h3').count(), 3);
	assert.match((await detail.textContent()) ?? '', /Rang/);
	await runAxe(page, '/karte with the detail panel');
	await detail.getByRole('button', { name: 'Schließen' }).click();
	assert.equal(await page.locator('[data-testid=map-detail]').count(), 0);
	// keyboard equivalent: the Gemeinde chooser shows the same panel
	await page.locator('[data-testid=gemeinde-select]').focus();
	await page.locator('[data-testid=gemeinde-select]').selectOption({ label: 'Vielank' });
	await page.locator('[data-testid=map-detail]').waitFor();
	assert.equal(await page.locator('[data-testid=map-detail] h2').textContent(), 'Werte für Vielank');
	assert.match((await page.locator('[data-testid=map-detail]').textContent()) ?? '', /km/);
});

test('clicking an MV Amt on the map sets the Amt filter: URL, view line and Gemeinde maps follow', async () => {
	await page.evaluate(() => window.scrollTo(0, 0));
	const fig = page.locator('[data-chart="karte-aemter-kontakte"]');
	await fig.locator('svg').first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
	const svgBox = (await fig.locator('svg').first().boundingBox())!;
	// MV is the left panel: take large areas there, the chosen (outlined) Amt aside
	const candidates = (await areaPaths(page, 'karte-aemter-kontakte'))
		.filter((x) => x.x + x.w / 2 < svgBox.x + svgBox.width * 0.36 && x.w > 25 && x.h > 25)
		.sort((a, b) => b.w * b.h - a.w * a.h);
	const before = page.url();
	let clicked = '';
	for (const c of candidates.slice(0, 12)) {
		await page.mouse.click(c.x + c.w / 2, c.y + c.h / 2);
		try {
			await page.waitForURL((u) => u.searchParams.get('amt') !== null && u.searchParams.get('amt') !== PILOT, { timeout: 3000 });
			clicked = new URL(page.url()).searchParams.get('amt')!;
			break;
		} catch {
			// the centre of a box can lie outside its area (or on the chosen Amt): try the next one
		}
	}
	assert.notEqual(page.url(), before);
	assert.match(clicked, /^13\d{7}$/, `an MV Amt was chosen: ${clicked}`);
	await waitForMaps(page);
	const name = ((await page.locator('select#f-amt option:checked').textContent()) ?? '').trim().replace(/ \(.*\)$/, '');
	assert.ok(name.length > 0);
	assert.equal(await page.locator('select#f-amt').inputValue(), clicked);
	assert.match((await page.locator('[data-testid=view-line] strong').textContent()) ?? '', new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
	assert.match((await page.locator('[data-chart="karte-gemeinden-65plus"] h3').textContent()) ?? '', new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
	// back returns to the pilot Amt
	await page.goBack();
	await page.waitForURL((u) => u.searchParams.get('amt') === PILOT);
	await waitForMaps(page);
	await runAxe(page, '/karte');
});

test('a map downloads as SVG and PNG with the BKG attribution, title and source', async () => {
	const chart = page.locator('[data-testid=chart][data-chart="karte-aemter-kontakte"]');
	const menu = chart.locator('[data-testid=chart-menu]');
	const download = async (action: string) => {
		if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
		const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), menu.locator(`button[data-action=${action}]`).click()]);
		const path = await d.path();
		return { name: d.suggestedFilename(), bytes: readFileSync(path) };
	};
	const svg = await download('svg');
	const text = svg.bytes.toString('utf8');
	assert.match(svg.name, /\.svg$/);
	assert.match(text, /© GeoBasis-DE \/ BKG \(Daten verändert\)/);
	assert.match(text, /Kontakte je 1\.000 Einwohner – MV und BW/);
	assert.match(text, /Quelle: Beispieldaten/);
	assert.match(text, /<pattern/, 'the no-data hatching travels into the SVG');
	const png = await download('png-a4');
	assert.deepEqual([...png.bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
	assert.ok(png.bytes.length > 20_000, `PNG of the map: ${png.bytes.length} bytes`);
});

test('the keyboard reaches the Gemeinde chooser, the data table and the download menu of every map', async () => {
	await page.goto(`${preview.url}/karte?amt=${PILOT}`);
	await waitForMaps(page);
	await page.locator('h1').first().click();
	const reached = new Set<string>();
	for (let i = 0; i < 120; i++) {
		await page.keyboard.press('Tab');
		const id = await page.evaluate(() => {
			const a = document.activeElement as HTMLElement | null;
			if (!a) return '';
			const chart = a.closest('[data-chart]')?.getAttribute('data-chart') ?? '';
			const kind = a.closest('details.data') ? 'table' : a.closest('details') ? 'menu' : a.getAttribute('data-testid') ?? a.tagName;
			return `${chart}:${kind}`;
		});
		reached.add(id);
	}
	assert.ok(reached.has(':gemeinde-select'), 'Gemeinde chooser');
	for (const id of MAPS) {
		assert.ok(reached.has(`${id}:table`), `${id}: data table by keyboard`);
		assert.ok([...reached].some((r) => r.startsWith(`${id}:`) && r !== `${id}:table`), `${id}: download menu by keyboard`);
	}
});

test('no request left the app origin, no failed request, no uncaught error', () => {
	const origin = new URL(preview.url).origin;
	const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
	console.log(`${requests.length} requests recorded`);
	assert.deepEqual(foreign, []);
	assert.deepEqual(failed, []);
	assert.deepEqual(pageErrors, []);
});
