/**
 * A large CSV (300,000 rows, ~24 MB) in Chromium: the import shows a progress bar with rows and
 * percent, cancelling leaves the data as before, a full import loads every row, and no
 * main-thread task during the import takes longer than 200 ms (PerformanceObserver 'longtask';
 * the parsing runs in a worker). Run: `npx vite build && node --import tsx --test tests/e2e/import-progress.e2e.ts`.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM, launch, type Launched } from './browser.ts';
import { startPreview, type Preview } from './server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROWS = 300_000;
const NAME = 'grosse_einsaetze.csv';
const dir = mkdtempSync(path.join(tmpdir(), 'dlm-e2e-large-'));
const FILE = path.join(dir, NAME);

let preview: Preview;
let browser: Launched;
let page: Page;

/** German Excel style, every row valid: `;`, 31.12.2025, decimal comma in the minutes */
function writeLargeCsv() {
	const formats = ['Telefon', 'Hausbesuch', 'Sprechstunde vor Ort', 'Online'];
	const ages = ['unter 50', '50-64', '65-74', '75+'];
	const keys = ['13076034', '13076094', '13076053'];
	const out: string[] = ['Datum;AGS;Lotse;Format;Thema;Altersgruppe;Teilnehmende;Minuten'];
	for (let i = 0; i < ROWS; i++) {
		const d = `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.2025`;
		out.push(`${d};${keys[i % 3]};MV-L${i};${formats[i % 4]};Thema ${i % 50};${ages[i % 4]};${(i % 5) + 1};${i % 7 ? 30 + (i % 60) : '63,5'}`);
	}
	writeFileSync(FILE, out.join('\r\n') + '\r\n');
}

/** the first own import asks whether to replace the sample data: keep them (the counts compare with them) */
async function keepSampleIfAsked(p: Page) {
	const q = p.locator('[data-testid=import-question]');
	await Promise.race([q.waitFor({ state: 'visible', timeout: 60_000 }), p.locator('[data-testid=import-progress]').waitFor({ timeout: 60_000 })]);
	if (await q.isVisible()) await p.locator('[data-testid=q-keep]').click();
}

const einsaetzeRows = (p: Page) => p.locator('[data-testid=table-counts] tr[data-table=einsaetze]').getAttribute('data-rows').then(Number);

before(async () => {
	assert.ok(existsSync(path.join(ROOT, '.svelte-kit/output/client')), 'build missing: run `npx vite build` first');
	assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing`);
	writeLargeCsv();
	preview = await startPreview(ROOT);
	browser = await launch();
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	await page.goto(preview.url + '/daten');
	await page.waitForFunction(() => performance.getEntriesByName('dlm:data-ready').length > 0 || document.querySelector('[data-testid=load-error]'), null, { timeout: 240_000 });
	assert.equal(await page.locator('[data-testid=load-error]').count(), 0, 'app started');
	// every long main-thread task from now on
	await page.evaluate(() => {
		const w = window as unknown as { __longTasks: number[] };
		w.__longTasks = [];
		new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
	});
});

after(async () => {
	await browser?.close();
	await preview?.stop();
	rmSync(dir, { recursive: true, force: true });
});

test('cancel stops the import and leaves the data as before', async () => {
	const before = await einsaetzeRows(page);
	await page.setInputFiles('#file-input', FILE);
	await keepSampleIfAsked(page);
	const text = page.locator('[data-testid=import-progress-text]');
	// wait for the first chunk: rows and percent shown, the bar partly filled
	await page.waitForFunction(() => /[1-9][\d.]* Zeilen gelesen \(\d+ %\)/.test(document.querySelector('[data-testid=import-progress-text]')?.textContent ?? ''), null, { timeout: 120_000 });
	const shown = (await text.textContent()) ?? '';
	const value = Number(await page.locator('[data-testid=import-progress] progress').getAttribute('value'));
	console.log(`progress before cancel: "${shown.trim()}", bar ${value}`);
	assert.ok(value > 0 && value < 100, `bar between 0 and 100 (${value})`);
	await page.locator('[data-testid=import-cancel]').click();
	await page.locator('[data-testid=import-progress]').waitFor({ state: 'detached', timeout: 60_000 });
	await page.waitForFunction(() => /abgebrochen/.test(document.querySelector('[data-testid=import-status]')?.textContent ?? ''), null, { timeout: 30_000 });
	console.log(`status: ${(await page.locator('[data-testid=import-status]').textContent())?.trim()}`);
	assert.equal(await page.locator(`tr[data-testid=file-row][data-file="${NAME}"]`).count(), 0, 'no report for a cancelled file');
	assert.equal(await einsaetzeRows(page), before, 'rows as before the import');
});

test('a full import shows progress, loads every row and never blocks the main thread for 200 ms', async () => {
	const before = await einsaetzeRows(page);
	await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
	const seen: string[] = [];
	const poll = setInterval(() => {
		page.locator('[data-testid=import-progress-text]').textContent({ timeout: 200 }).then((t) => t && seen.push(t.trim()), () => undefined);
	}, 250);
	const t0 = Date.now();
	const row = page.locator(`tr[data-testid=file-row][data-file="${NAME}"]`);
	// the poll must end when a step fails, too: a live interval keeps the test process from exiting
	try {
		await page.setInputFiles('#file-input', FILE);
		await keepSampleIfAsked(page);
		await row.waitFor({ timeout: 300_000 });
	} finally {
		clearInterval(poll);
	}
	const ms = Date.now() - t0;
	const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
	const num = (s: string | null) => Number((s ?? '').replace(/[.\s\u00a0\u202f]/g, ''));
	const read = num(await row.locator('[data-col=read]').textContent());
	const loaded = num(await row.locator('[data-col=loaded]').textContent());
	console.log(`${ROWS} rows imported in ${(ms / 1000).toFixed(1)} s; progress texts seen: ${[...new Set(seen)].slice(0, 6).join(' | ')}; long tasks (ms): ${tasks.map(Math.round).join(', ') || 'none'}`);
	assert.equal(read, ROWS);
	assert.equal(loaded, ROWS);
	assert.ok(seen.some((s) => /Zeilen gelesen \(\d+ %\)/.test(s)), 'rows and percent shown');
	await page.waitForFunction((n) => Number(document.querySelector('[data-testid=table-counts] tr[data-table=einsaetze]')?.getAttribute('data-rows')) === n, before + ROWS, { timeout: 60_000 });
	assert.ok(Math.max(0, ...tasks) <= 200, `longest main-thread task ${Math.round(Math.max(0, ...tasks))} ms`);
});
