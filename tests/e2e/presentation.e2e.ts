/**
 * Presentation mode, the saved presentation and printing without `beforeprint`, at 1920×1080 in
 * Debian's Chromium: slides page with the keys presenter remotes send (→, PageDown, Space, ←,
 * PageUp) and end with Esc (focus returns); large type (body ≥ 28 px, chart text ≥ 20 px);
 * Beispieldaten, source and Stand on every slide; axe-core clean with the dialog open; a saved
 * presentation survives a reload and exports as PowerPoint in the same order (opened with JSZip);
 * `page.pdf()` without `beforeprint` keeps every chart and the Amt's dot inside the page
 * (checked on the PDF with pdftotext/pdftoppm when poppler-utils is installed).
 * Screenshots: tests/e2e/screenshots/presentation-*.png.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { startPreview, type Preview } from './server.ts';
import { launch, navigate, runAxe, waitForCharts, type Launched } from './browser.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const OUT = path.join(ROOT, 'tests/e2e/downloads');

let preview: Preview;
let browser: Launched;
let page: Page;
const offOrigin: string[] = [];

before(async () => {
	mkdirSync(SHOTS, { recursive: true });
	mkdirSync(OUT, { recursive: true });
	preview = await startPreview(ROOT);
	browser = await launch({ width: 1920, height: 1080 });
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	page.on('request', (r) => {
		if (!r.url().startsWith(preview.url) && !/^(data|blob):/.test(r.url())) offOrigin.push(r.url());
	});
	page.on('pageerror', (e) => console.error('pageerror', e));
	await page.goto(preview.url + '/vergleich');
	await waitForCharts(page);
});

after(async () => {
	await browser?.close();
	await preview?.stop();
	assert.deepEqual(offOrigin, [], 'no request leaves the page’s origin');
});

const counter = () => page.locator('[data-testid=slide-counter]').textContent();

async function slideReady() {
	await page.waitForFunction(() => {
		const s = document.querySelector('[data-testid=slide]');
		return s && (s.getAttribute('data-kind') === 'title' || s.querySelector('[data-testid=slide-chart] svg text'));
	}, null, { timeout: 60_000 });
}

/** computed font sizes (px) of the slide's texts and the smallest text in its chart */
async function slideSizes() {
	const sel = {
		title: '[data-testid=slide] h2',
		summary: '[data-testid=slide] .summary',
		notes: '[data-testid=slide] .notes li',
		source: '[data-testid=slide-source]',
		counter: '[data-testid=slide-counter]'
	};
	// no named functions inside evaluate: tsx would wrap them in a helper the page does not have
	const px = await page.evaluate(
		(sels) => Object.fromEntries(Object.entries(sels).map(([k, q]) => [k, document.querySelector(q) ? parseFloat(getComputedStyle(document.querySelector(q)!).fontSize) : null])),
		sel
	);
	const chartTexts = await page.locator('[data-testid=slide-chart] svg text').evaluateAll((ts) => ts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
	return { ...(px as Record<keyof typeof sel, number | null>), chartMin: chartTexts.length ? Math.min(...chartTexts) : null, chartTexts: chartTexts.length };
}

test('presentation mode: P opens, →, PageDown, Space, ←, PageUp page, Esc ends', async () => {
	const total = await page.locator('[data-testid=chart]').count();
	await page.locator('h1').click();
	await page.keyboard.press('p');
	const show = page.locator('[data-testid=slideshow]');
	await show.waitFor({ state: 'visible' });
	await slideReady();
	assert.equal(await counter(), `1 / ${total}`);
	assert.equal(await show.getAttribute('role'), 'dialog');
	assert.equal(await show.getAttribute('aria-modal'), 'true');
	assert.ok(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'slideshow'), 'focus moves into the dialog');
	assert.ok(await page.evaluate(() => document.querySelector('.app')?.hasAttribute('inert')), 'the page behind is inert');

	const steps: [string, number][] = [['ArrowRight', 2], ['PageDown', 3], [' ', 4], ['ArrowLeft', 3], ['PageUp', 2]];
	for (const [key, n] of steps) {
		await page.keyboard.press(key === ' ' ? 'Space' : key);
		assert.equal(await counter(), `${n} / ${total}`, `after ${key}`);
	}
	await slideReady();
	const title = (await page.locator('[data-testid=slide] h2').textContent())?.trim();
	await page.waitForFunction((t) => document.querySelector('[data-testid=slide-announce]')?.textContent?.includes(t!), title);
	assert.equal((await page.locator('[data-testid=slide-announce]').textContent())?.trim(), `Folie 2 von ${total}: ${title}`);
	assert.equal(await page.locator('[data-testid=slide-announce]').getAttribute('aria-live'), 'polite');

	await page.keyboard.press('Escape');
	await show.waitFor({ state: 'detached' });
	assert.equal(await page.evaluate(() => document.querySelector('.app')?.hasAttribute('inert')), false);
});

test('every slide: large type, Beispieldaten, source and Stand; key figure; the chart fits; axe clean', async () => {
	const btn = page.locator('[data-testid=present-start]');
	await btn.click();
	await slideReady();
	const total = Number((await counter())!.split('/')[1]);
	for (let i = 1; i <= total; i++) {
		await slideReady();
		const s = await slideSizes();
		assert.ok(s.title! >= 28 && s.summary! >= 28 && s.source! >= 28 && s.counter! >= 28, `slide ${i}: body ≥ 28 px ${JSON.stringify(s)}`);
		if (s.notes !== null) assert.ok(s.notes >= 28, `slide ${i}: notes ≥ 28 px`);
		assert.ok(s.chartTexts > 0 && s.chartMin! >= 20, `slide ${i}: chart text ≥ 20 px (smallest ${s.chartMin})`);
		assert.ok(await page.locator('[data-testid=slide] .sample').isVisible(), `slide ${i}: Beispieldaten`);
		assert.match((await page.locator('[data-testid=slide-source]').textContent()) ?? '', /Quelle: .+ · Stand: 31\.12\.2025/, `slide ${i}: source and Stand`);
		// nothing leaves the screen: the chart ends above the footer, the footer inside the viewport
		const [svg, foot] = await Promise.all([page.locator('[data-testid=slide-chart] svg').boundingBox(), page.locator('[data-testid=slideshow] .foot').boundingBox()]);
		const box = { svgBottom: svg!.y + svg!.height, svgRight: svg!.x + svg!.width, footTop: foot!.y, footBottom: foot!.y + foot!.height, w: 1920, h: 1080 };
		assert.ok(box.svgBottom <= box.footTop + 1 && box.footBottom <= box.h && box.svgRight <= box.w, `slide ${i}: fits ${JSON.stringify(box)}`);
		if (i === 1) {
			// the dot/range charts show the Amt's value in large type
			assert.match((await page.locator('[data-testid=key-figure]').textContent()) ?? '', /\d+,\d.*Amt Dömitz-Malliß/s);
			await runAxe(page, 'presentation mode');
			await page.screenshot({ path: path.join(SHOTS, 'presentation-slide-1-1920.png') });
		}
		if (i === total) await page.screenshot({ path: path.join(SHOTS, `presentation-slide-${i}-1920.png`) });
		if (i < total) await page.keyboard.press('ArrowRight');
	}
	await page.keyboard.press('Escape');
	await page.locator('[data-testid=slideshow]').waitFor({ state: 'detached' });
	assert.ok(await btn.evaluate((b) => b === document.activeElement), 'focus returns to the button that opened it');
});

test('P does nothing while typing in a field', async () => {
	await page.locator('[data-testid=amt-search]').focus();
	await page.keyboard.press('p');
	assert.equal(await page.locator('[data-testid=slideshow]').count(), 0);
	assert.equal(await page.locator('[data-testid=amt-search]').inputValue(), 'p');
	await page.locator('[data-testid=amt-search]').fill('');
});

async function addFromMenu(chartId: string) {
	const menu = page.locator(`[data-testid=chart][data-chart="${chartId}"] [data-testid=chart-menu]`);
	await menu.locator('summary').click();
	await menu.locator('button[data-action=present]').click();
	await page.waitForFunction((id) => /Zur Präsentation hinzugefügt/.test(document.querySelector(`[data-chart="${id}"] [data-testid=menu-status]`)?.textContent ?? ''), chartId);
	await page.keyboard.press('Escape');
}

test('a saved presentation: charts from several pages, reorder with the keyboard, survives a reload, exports PPTX in the same order', async () => {
	await page.evaluate(() => localStorage.removeItem('dlm.presentation.v1'));
	await addFromMenu('vergleich-kontakte_je_1000');
	await page.goto(preview.url + '/?amt=130765654');
	await waitForCharts(page);
	await addFromMenu('ueberblick-rangfolge');
	await page.goto(preview.url + '/aeltere');
	await waitForCharts(page);
	await addFromMenu('aeltere-abdeckung');

	await page.goto(preview.url + '/praesentation');
	await waitForCharts(page);
	const items = page.locator('[data-testid=presentation-item]');
	const order = () => items.evaluateAll((li) => li.map((l) => l.getAttribute('data-chart')));
	assert.deepEqual(await order(), ['vergleich-kontakte_je_1000', 'ueberblick-rangfolge', 'aeltere-abdeckung']);
	// keyboard: focus "nach oben" of the last item, Enter twice → it is first; focus stays on it
	await items.nth(2).locator('[data-move="-1"]').focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Enter');
	assert.deepEqual(await order(), ['aeltere-abdeckung', 'vergleich-kontakte_je_1000', 'ueberblick-rangfolge']);
	assert.match((await page.locator('[data-testid=presentation-status]').textContent()) ?? '', /ist jetzt Folie 2/);
	await page.locator('[data-testid=presentation-title]').fill('Kreistag Ludwigslust-Parchim');
	await runAxe(page, '/praesentation');

	await page.reload();
	await waitForCharts(page);
	assert.deepEqual(await order(), ['aeltere-abdeckung', 'vergleich-kontakte_je_1000', 'ueberblick-rangfolge'], 'order survives a reload');
	assert.equal(await page.locator('[data-testid=presentation-title]').inputValue(), 'Kreistag Ludwigslust-Parchim');

	// slides: the title slide, then the charts in this order
	await page.locator('[data-testid=presentation-start]').click();
	await slideReady();
	assert.equal(await counter(), '1 / 4');
	assert.equal(await page.locator('[data-testid=slide]').getAttribute('data-kind'), 'title');
	assert.match((await page.locator('[data-testid=slide] h2').textContent()) ?? '', /Kreistag Ludwigslust-Parchim/);
	await page.screenshot({ path: path.join(SHOTS, 'presentation-title-1920.png') });
	const shown: string[] = [];
	for (let i = 2; i <= 4; i++) {
		await page.keyboard.press('PageDown');
		await slideReady();
		shown.push((await page.locator('[data-testid=slide]').getAttribute('data-chart'))!);
	}
	assert.deepEqual(shown, ['aeltere-abdeckung', 'vergleich-kontakte_je_1000', 'ueberblick-rangfolge']);
	await page.keyboard.press('Escape');
	await page.locator('[data-testid=slideshow]').waitFor({ state: 'detached' });

	const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator('[data-testid=presentation-pptx]').click()]);
	const file = path.join(OUT, d.suggestedFilename());
	writeFileSync(file, readFileSync(await d.path()));
	assert.equal(d.suggestedFilename(), 'beispieldaten-kreistag-ludwigslust-parchim.pptx');
	const zip = await JSZip.loadAsync(readFileSync(file));
	const slide = (n: number) => zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
	assert.ok((await slide(1)).includes('Kreistag Ludwigslust-Parchim'), 'title slide');
	const titles = await Promise.all([2, 3, 4].map(async (n) => (/<a:t>([^<]+)<\/a:t>/.exec((await slide(n)).replace(/<a:t>Beispieldaten<\/a:t>/, '')) ?? [])[1]));
	console.log('PPTX slide titles:', titles);
	assert.match(titles[0]!, /Abdeckung|Gemeinden/);
	assert.equal(titles[1], 'Kontakte je 1.000 Einwohner');
	assert.match(titles[2]!, /Ämter in M-V im Programm/);
	assert.equal(zip.file('ppt/slides/slide5.xml'), null, 'no extra slide');
});

test('projector layout at 1920×1080: the first chart above the fold on every dashboard page, charts use the width', async () => {
	// page to page through the header's links (a load by URL per page would start DuckDB each time)
	await page.goto(preview.url + '/');
	await waitForCharts(page);
	for (const [p, h1] of [['/', 'Überblick'], ['/vergleich', 'Ämter-Vergleich'], ['/aeltere', 'Reichweite Ältere'], ['/qualifizierung', 'Qualifizierung'], ['/coworking', 'Coworking']]) {
		if (p !== '/') await navigate(page, { path: p, h1 });
		const canvas = (await page.locator('[data-testid=chart] .canvas').first().boundingBox())!;
		const main = (await page.locator('main .wrap').boundingBox())!;
		console.log(`${p}: first chart ${Math.round(canvas.y)}–${Math.round(canvas.y + canvas.height)} px, ${Math.round(canvas.width)} px wide (content ${Math.round(main.width)} px)`);
		assert.ok(canvas.y + canvas.height <= 1080, `${p}: first chart ends at ${canvas.y + canvas.height} px, above the fold`);
		assert.ok(main.width >= 1800, `${p}: the page uses the width (${main.width} px)`);
		if (p === '/vergleich') await page.screenshot({ path: path.join(SHOTS, 'presentation-projector-vergleich-1920.png') });
	}
});

test('filter bar: folds away and remembers it; the Amt list has "mit Daten" first; drop-downs close on Escape', async () => {
	await page.goto(preview.url + '/vergleich');
	await waitForCharts(page);
	const groups = await page.locator('[data-testid=amt-select] optgroup').evaluateAll((gs) => gs.map((g) => ({ label: g.getAttribute('label'), n: g.querySelectorAll('option').length })));
	assert.equal(groups[0].label, 'mit Daten');
	assert.equal(groups[1].label, 'ohne Daten');
	assert.ok(groups[0].n >= 1 && groups[0].n < groups[1].n, JSON.stringify(groups));
	assert.ok(await page.locator('[data-testid=amt-select] optgroup').first().locator('option[value="130765654"]').count(), 'the pilot Amt (with data) in the first group');

	const thema = page.locator('[data-testid=filter-format]');
	await thema.locator('summary').focus();
	await page.keyboard.press('Enter');
	assert.equal(await thema.evaluate((d) => (d as HTMLDetailsElement).open), true);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Escape');
	assert.equal(await thema.evaluate((d) => (d as HTMLDetailsElement).open), false, 'Escape closes the drop-down');
	assert.ok(await thema.locator('summary').evaluate((s) => s === document.activeElement), 'focus back on its button');

	const fold = page.locator('[data-testid=filters-fold]');
	assert.equal(await fold.getAttribute('aria-expanded'), 'true');
	await fold.click();
	assert.equal(await page.locator('[data-testid=filters]').isVisible(), false);
	assert.equal(await fold.getAttribute('aria-expanded'), 'false');
	await page.reload();
	await waitForCharts(page);
	assert.equal(await page.locator('[data-testid=filters]').isVisible(), false, 'fold state remembered');
	await runAxe(page, 'filters folded');
	await page.locator('[data-testid=filters-fold]').click();
	assert.equal(await page.locator('[data-testid=filters]').isVisible(), true);
});

/** words of a PDF with their boxes, per page (pdftotext -bbox) */
function pdfWords(file: string) {
	const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
	return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, w, h, body]) => ({
		width: Number(w),
		height: Number(h),
		words: [...body.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5] }))
	}));
}

async function checkPdf(file: string, amtValues: string[]) {
	if (!existsSync('/usr/bin/pdftotext')) {
		console.log('pdftotext not installed (apt-get install poppler-utils): PDF not inspected');
		return;
	}
	const pages = pdfWords(file);
	let n = 0;
	for (const p of pages)
		for (const w of p.words) {
			n++;
			assert.ok(w.x0 >= 0 && w.x1 <= p.width && w.y1 <= p.height, `word "${w.text}" outside the page (${w.x0}–${w.x1} of ${p.width})`);
		}
	assert.ok(n > 200, `${n} words in the PDF`);
	// each value twice: in the summary sentence and as the label above the Amt's dot (drawn only with the dot)
	const printed = pages.flatMap((p) => p.words.map((w) => w.text));
	for (const v of amtValues) assert.ok(printed.filter((w) => w === v).length >= 2, `the Amt's value ${v} is printed beside its dot, not only in the summary`);
	// readable: the axis labels (the smallest chart text) are at least 6 pt high
	const axis = pages.flatMap((p) => p.words).filter((w) => /^(0|20|40|60|80|100|120)$/.test(w.text));
	const smallest = Math.min(...axis.map((w) => w.y1 - w.y0));
	console.log(`${path.basename(file)}: ${pages.length} pages, ${n} words inside the page, smallest axis label ${smallest.toFixed(1)} pt high; Amt values beside their dots: ${amtValues.join(', ')}`);
	assert.ok(smallest >= 6, `axis labels readable (${smallest} pt)`);
}

test('page.pdf() without beforeprint: every chart, and the Amt’s dot, inside the A4 page', async () => {
	await page.goto(preview.url + '/vergleich');
	await waitForCharts(page);
	const amtValues = await page.locator('[data-testid=chart] .summary').evaluateAll((ps) =>
		ps.map((p) => /^Amt Dömitz-Malliß \(2025\): ([\d.]+,\d)/.exec(p.textContent ?? '')?.[1]).filter((v): v is string => !!v)
	);
	assert.ok(amtValues.length >= 9);
	// 1. what a print server does: page.pdf() straight away, no beforeprint, no media emulation
	const direct = path.join(OUT, 'vergleich-druck-direkt.pdf');
	writeFileSync(direct, await page.pdf({ format: 'A4', printBackground: true }));
	await checkPdf(direct, amtValues);
	if (existsSync('/usr/bin/pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', direct, path.join(SHOTS, 'presentation-print')]);

	// 2. print media emulated (as headless tools do), still without beforeprint
	await page.emulateMedia({ media: 'print' });
	try {
		const boxes = await page.locator('[data-testid=chart] .canvas svg').evaluateAll((svgs) =>
			svgs.map((s) => ({ drawn: `0 0 ${s.getAttribute('width')} ${s.getAttribute('height')}`, viewBox: s.getAttribute('viewBox') }))
		);
		assert.ok(boxes.length >= 9);
		// the drawing scales with its box (viewBox = drawn size), whatever width ECharts drew it at
		for (const b of boxes) assert.equal(b.viewBox, b.drawn, 'viewBox follows the drawing');
		const emulated = path.join(OUT, 'vergleich-druck-print-media.pdf');
		writeFileSync(emulated, await page.pdf({ format: 'A4', printBackground: true }));
		await checkPdf(emulated, amtValues);
	} finally {
		await page.emulateMedia({ media: 'screen' });
	}
});
