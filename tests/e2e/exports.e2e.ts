/**
 * Downloads in Debian's Chromium: every action of one chart's menu and the report pack; each
 * downloaded file is opened and checked (PNG size from its header, SVG text, CSV for German
 * Excel, XLSX cell types with ExcelJS, PPTX slides with JSZip). The files are kept in
 * tests/e2e/downloads/ for looking at them.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { pngSize } from '../../src/lib/export/png.ts';
import { EXPORT_SIZES } from '../../src/lib/export/chart-export.ts';
import { startPreview, type Preview } from './server.ts';
import { launch, runAxe, waitForCharts, type Launched } from './browser.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'tests/e2e/downloads');
const CHART = 'vergleich-kontakte_je_1000';

let preview: Preview;
let browser: Launched;
let page: Page;

before(async () => {
	mkdirSync(OUT, { recursive: true });
	preview = await startPreview(ROOT);
	browser = await launch();
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	await page.goto(preview.url + '/vergleich');
	await waitForCharts(page);
});

after(async () => {
	await browser?.close();
	await preview?.stop();
});

async function keep(d: Download): Promise<{ name: string; bytes: Buffer }> {
	const name = d.suggestedFilename();
	const file = path.join(OUT, name);
	copyFileSync(await d.path(), file);
	return { name, bytes: readFileSync(file) };
}

async function menuAction(action: string): Promise<{ name: string; bytes: Buffer }> {
	const chart = page.locator(`[data-testid=chart][data-chart="${CHART}"]`);
	const menu = chart.locator('[data-testid=chart-menu]');
	if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
	const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), menu.locator(`button[data-action=${action}]`).click()]);
	return keep(d);
}

test('the chart menu is reachable with the keyboard and passes axe when open', async () => {
	const summary = page.locator(`[data-testid=chart][data-chart="${CHART}"] [data-testid=chart-menu] summary`);
	await summary.focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action), 'png-a4', 'Tab moves into the menu');
	await runAxe(page, 'menu open');
	await page.keyboard.press('Escape');
	assert.equal(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open), false, 'Escape closes it');
});

test('PNG for A4 (3×) and for a 16:9 slide (2×)', async () => {
	const a4 = await menuAction('png-a4');
	assert.equal(a4.name, 'beispieldaten-kontakte-je-1000-einwohner-amt-doemitz-malliss-a4.png');
	const s = pngSize(new Uint8Array(a4.bytes));
	console.log(`${a4.name}: ${s.width}×${s.height}`);
	assert.equal(s.width, EXPORT_SIZES.a4.width * EXPORT_SIZES.a4.pixelRatio);
	assert.ok(s.height > 300 && s.height < 1500);
	const slide = await menuAction('png-slide');
	assert.deepEqual(pngSize(new Uint8Array(slide.bytes)), { width: 2400, height: 1350 });
	assert.equal(slide.name, 'beispieldaten-kontakte-je-1000-einwohner-amt-doemitz-malliss-16x9.png', 'the two PNGs get different names');
});

test('SVG with text as text, title, source and the sample mark', async () => {
	const f = await menuAction('svg');
	const svg = f.bytes.toString('utf8');
	assert.match(svg, /^<\?xml/);
	assert.match(svg, /<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
	assert.match(svg, /<text[^>]*>Kontakte je 1\.000 Einwohner<\/text>/);
	assert.match(svg, /Beispieldaten/);
	assert.match(svg, /Stand: 31\.12\.2025/);
	assert.match(svg, /role="img" aria-label="Amt Dömitz-Malliß \(2025\): /);
});

test('copy image to the clipboard (where the browser allows it)', async () => {
	await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: preview.url });
	const menu = page.locator(`[data-testid=chart][data-chart="${CHART}"] [data-testid=chart-menu]`);
	if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
	await menu.locator('button[data-action=copy]').click();
	await page.waitForFunction(() => /Zwischenablage|Browser erlaubt/.test(document.querySelector('[data-testid=menu-status]')?.textContent ?? ''), null, { timeout: 30_000 });
	const status = (await menu.locator('[data-testid=menu-status]').textContent()) ?? '';
	console.log(`copy: ${status}`);
	if (/kopiert/.test(status)) {
		const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((i) => [...i.types]));
		assert.deepEqual(types, ['image/png']);
	} else {
		assert.match(status, /bitte laden Sie das PNG herunter/, 'a clear message where copying is not allowed');
	}
});

test('CSV for German Excel', async () => {
	const f = await menuAction('csv');
	assert.deepEqual([...f.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
	const lines = f.bytes.subarray(3).toString('utf8').split('\r\n');
	const head = lines[0].split(';');
	assert.equal(head[0], 'Kennzahl');
	const row = lines[1].split(';');
	assert.equal(row[0], 'Kontakte je 1.000 Einwohner');
	assert.match(row[2], /^\d+,\d+$/, 'decimal comma, no thousands separator');
	assert.ok(lines.some((l) => l.startsWith('Beispieldaten')), 'Beispieldaten line');
	// a cell with ";" is quoted
	assert.ok(lines.includes('"Quelle: Beispieldaten (synthetisch); Destatis, Gemeindeverzeichnis GV-ISys 31.12.2023"'), 'source line');
});

test('XLSX with numbers as numbers and the source under the table', async () => {
	const f = await menuAction('xlsx');
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(f.bytes as unknown as ArrayBuffer);
	const ws = wb.worksheets[0];
	assert.equal(ws.getCell('A1').value, 'Kontakte je 1.000 Einwohner');
	assert.equal(ws.getCell('A3').value, 'Kontakte je 1.000 Einwohner');
	assert.equal(typeof ws.getCell('C3').value, 'number', 'the Amt value is a number');
	assert.match(ws.getCell('C3').numFmt ?? '', /0\.0/);
	const texts: string[] = [];
	ws.eachRow((r) => texts.push(String(r.getCell(1).value ?? '')));
	assert.ok(texts.some((t) => t.startsWith('Quelle: ')));
	assert.ok(texts.some((t) => t.startsWith('Beispieldaten')));
});

test('report pack: PowerPoint with a title slide and one slide per chart; Excel with a sheet per chart', async () => {
	const charts = await page.locator('[data-testid=chart][data-state=ready]').count();
	const t0 = Date.now();
	const [d] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.locator('[data-testid=pack-pptx]').click()]);
	const pptx = await keep(d);
	console.log(`${pptx.name}: ${pptx.bytes.length} bytes after ${Date.now() - t0} ms`);
	const zip = await JSZip.loadAsync(pptx.bytes);
	const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
	assert.ok(slides.length >= charts + 1, `${slides.length} slides for ${charts} charts + title`);
	const title = await zip.file('ppt/slides/slide1.xml')!.async('string');
	assert.match(title, /Amt Dömitz-Malliß/);
	for (const s of slides) assert.match(await zip.file(s)!.async('string'), /Beispieldaten/, `${s} carries the sample mark`);
	const texts = await Promise.all(slides.map((s) => zip.file(s)!.async('string')));
	assert.ok(texts.some((x) => /Kontakte je 1\.000 Einwohner/.test(x)), 'the comparison charts are in the deck');
	// the maps of the Amt's Gemeinden (boundaries loaded for the pack, not by this page)
	assert.ok(texts.some((x) => /nach Gemeinden – Amt Dömitz-Malliß/.test(x)), 'the Amt\'s Gemeinde maps are in the deck');
	const media = Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/') && n.endsWith('.png'));
	assert.ok(media.length >= charts, 'one image per chart');
	const img = pngSize(new Uint8Array(await zip.file(media[0])!.async('uint8array')));
	assert.equal(img.width, 2400);

	const [dx] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.locator('[data-testid=pack-xlsx]').click()]);
	const xlsx = await keep(dx);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
	assert.ok(wb.worksheets.length >= charts, `${wb.worksheets.length} sheets`);
	assert.ok(new Set(wb.worksheets.map((w) => w.name)).size === wb.worksheets.length, 'unique sheet names');
	const mapSheet = wb.worksheets.find((w) => /nach Gemeinden – Amt Dömitz-Malliß/.test(String(w.getCell('A1').value)));
	assert.ok(mapSheet, 'a sheet with a map\'s data table');
});

test('print: no navigation or filters, the Amt and period on top, the source under each chart', async () => {
	// what the browser does when the user prints: "beforeprint" (charts redraw at A4 width), print media
	await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
	await page.emulateMedia({ media: 'print' });
	try {
		const widest = await page.locator('[data-testid=chart] .canvas svg').evaluateAll((svgs) => Math.max(...svgs.map((s) => Number(s.getAttribute('width')))));
		assert.ok(widest <= 680, `charts fit an A4 column (widest ${widest} px)`);
		assert.equal(await page.locator('nav').first().isVisible(), false, 'navigation hidden');
		assert.equal(await page.locator('[data-testid=filters]').isVisible(), false, 'filters hidden');
		assert.equal(await page.locator('[data-testid=chart-menu]').first().isVisible(), false, 'menus hidden');
		assert.match((await page.locator('[data-testid=view-line]').textContent()) ?? '', /Amt Dömitz-Malliß · Zeitraum 01\.01\.2025–31\.12\.2025/);
		for (const c of await page.locator('[data-testid=chart][data-state=ready]').all()) {
			assert.ok(await c.locator('.source').isVisible(), 'source line printed');
			assert.equal(await c.evaluate((e) => getComputedStyle(e).breakInside), 'avoid');
		}
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		const file = path.join(OUT, 'vergleich-druck.pdf');
		(await import('node:fs')).writeFileSync(file, pdf);
		assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
		console.log(`${file}: ${pdf.length} bytes`);
	} finally {
		await page.emulateMedia({ media: 'screen' });
		await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
	}
});
