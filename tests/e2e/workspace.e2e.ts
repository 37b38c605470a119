/**
 * Own data that stays (issue 9), in Debian's Chromium with persistent browser profiles:
 * import → reload → restart of the browser: data and reports are there; two files named
 * Export.csv stay apart; a file loaded again asks; remove one file, reload, it stays removed;
 * "Alles löschen"; the Beispieldaten mark goes when the sample data are replaced; a workspace
 * file saved in one profile opened in a fresh one shows the same figures on the Vergleich page;
 * a damaged workspace file changes nothing; a full storage quota (simulated here, test code
 * only) gives the message and the app works on; a crashed DuckDB worker is restarted.
 * Restore times at start are printed (not asserted).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, QUIET_FLAGS, waitForCharts } from './browser.ts';
import { startPreview, type Preview } from './server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const AMT = '130765659';

// two different own files, both named Export.csv: rows of the MV sample activity file
const mvLines = readFileSync(path.join(ROOT, 'data/sample/beispieldaten_einsaetze_mv.csv'), 'utf8').trimEnd().split('\n');
const header = mvLines[0];
const fileA = Buffer.from([header, ...mvLines.slice(1, 1501)].join('\n') + '\n');
const fileB = Buffer.from([header, ...mvLines.slice(1501, 2001)].join('\n') + '\n');
const csv = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });

let preview: Preview;
const dirs: string[] = [];
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

async function openProfile(dir: string, init?: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1280, height: 900 },
		acceptDownloads: true,
		locale: 'de-DE',
		args: QUIET_FLAGS
	});
	if (init) await context.addInitScript({ content: init });
	const page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (e) => pageErrors.push(String(e)));
	page.on('request', (r) => {
		if (!r.url().startsWith(preview.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreignRequests.push(r.url());
	});
	return { context, page };
}

function newDir(): string {
	const d = mkdtempSync(path.join(tmpdir(), 'dlm-e2e-ws-'));
	dirs.push(d);
	return d;
}

async function gotoDaten(page: Page) {
	await page.goto(preview.url + '/daten');
	await waitForCharts(page);
}

const wsRows = (page: Page) =>
	page.locator('[data-testid=ws-row]').evaluateAll((rows) => rows.map((r) => ({ file: r.getAttribute('data-file'), rows: Number(r.getAttribute('data-rows')) })));
const reportRows = (page: Page) =>
	page.locator('[data-testid=file-row]').evaluateAll((rows) =>
		rows.map((r) => ({ file: r.getAttribute('data-file'), read: Number(r.getAttribute('data-read')), loaded: Number(r.getAttribute('data-loaded')) }))
	);
const sortRows = <T extends { file: string | null }>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function importFiles(page: Page, files: ReturnType<typeof csv>[], answer?: 'q-replace' | 'q-keep' | 'q-add') {
	await page.locator('[data-testid=file-input]').setInputFiles(files);
	if (answer) {
		await page.locator('[data-testid=import-question]').waitFor({ state: 'visible' });
		await page.locator(`[data-testid=${answer}]`).click();
	}
	await page.waitForFunction(() => /geladen|nicht geladen|abgebrochen/.test(document.querySelector('[data-testid=import-status]')?.textContent ?? ''), null, { timeout: 60_000 });
}

/** every data table of the Vergleich page for the Amt (the figures, as text) */
async function vergleichFigures(page: Page): Promise<string> {
	await page.goto(`${preview.url}/vergleich?amt=${AMT}`);
	await waitForCharts(page);
	const text = await page.locator('main table').evaluateAll((ts) => ts.map((t) => t.textContent?.replace(/\s+/g, ' ').trim()).join('\n'));
	assert.ok(text.length > 200, 'Vergleich shows data tables');
	return text;
}

function restoreText(page: Page) {
	return page.locator('[data-testid=restore-time]').textContent();
}

before(async () => {
	mkdirSync(SHOTS, { recursive: true });
	assert.ok(existsSync(path.join(ROOT, '.svelte-kit/output/client')), 'build missing: run `npx vite build` first');
	assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing`);
	preview = await startPreview(ROOT);
});

after(async () => {
	await preview?.stop();
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

let workspaceZip = '';
let figuresA = '';

test('own files stay across reloads and a browser restart; same-named files apart; remove and delete all stay', async () => {
	const dir = newDir();
	let { context, page } = await openProfile(dir);
	try {
		await gotoDaten(page);
		assert.equal(await page.locator('[data-testid=sample-badge]').count(), 1, 'sample data shown at first');

		// first own import: asked whether to replace the sample data; default answer replaces
		await page.locator('[data-testid=file-input]').setInputFiles([csv('Export.csv', fileA)]);
		const dialog = page.locator('[data-testid=import-question]');
		await dialog.waitFor({ state: 'visible' });
		assert.match(await dialog.textContent() ?? '', /Beispieldaten ersetzen/);
		await page.screenshot({ path: path.join(SHOTS, 'arbeitsstand-frage.png') });
		assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'q-replace', 'the default answer has the focus');
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.querySelectorAll('[data-testid=ws-row]').length === 1);
		await page.waitForFunction(() => /Export\.csv: 1\.500 von 1\.500/.test(document.querySelector('[data-testid=import-status]')?.textContent ?? ''));
		assert.equal(await page.locator('[data-testid=sample-badge]').count(), 0, 'no Beispieldaten mark once the sample data are replaced');
		assert.match((await page.locator('[data-testid=own-badge]').textContent()) ?? '', /^Eigene Daten · 1 Datei · Stand \d\d\.\d\d\.\d{4}$/);
		assert.deepEqual(await reportRows(page), [{ file: 'Export.csv', read: 1500, loaded: 1500 }], 'only the own file is listed; the sample reports are gone');

		// a second Export.csv with other content: a second file, no question
		await importFiles(page, [csv('Export.csv', fileB)]);
		await page.waitForFunction(() => document.querySelectorAll('[data-testid=ws-row]').length === 2);
		const two = sortRows([
			{ file: 'Export.csv', rows: 1500 },
			{ file: 'Export.csv', rows: 500 }
		]);
		assert.deepEqual(sortRows(await wsRows(page)), two);
		assert.deepEqual(sortRows(await reportRows(page)), sortRows([{ file: 'Export.csv', read: 1500, loaded: 1500 }, { file: 'Export.csv', read: 500, loaded: 500 }]));
		assert.match((await page.locator('[data-testid=own-badge]').textContent()) ?? '', /Eigene Daten · 2 Dateien/);
		// the counts follow once the import's write (summaries, counts) is done
		await page.waitForFunction(() => document.querySelector('[data-testid=table-counts] tr[data-table=einsaetze]')?.getAttribute('data-rows') === '2000', null, { timeout: 30_000 });
		assert.equal(await page.locator('[data-testid=table-counts] tr[data-table=einsaetze]').getAttribute('data-rows'), '2000', '1.500 + 500 activity rows, no sample rows');

		// the same file again: asked; "replace" keeps one copy of its rows
		await importFiles(page, [csv('Export.csv', fileA)], 'q-replace');
		assert.deepEqual(sortRows(await wsRows(page)), two, 'loaded again and replaced: still two files, not three');
		await page.screenshot({ path: path.join(SHOTS, 'arbeitsstand-daten.png'), fullPage: true });

		// reload: everything comes back with the same reports
		await page.reload();
		await waitForCharts(page);
		assert.deepEqual(sortRows(await wsRows(page)), two);
		assert.deepEqual(sortRows(await reportRows(page)), sortRows([{ file: 'Export.csv', read: 1500, loaded: 1500 }, { file: 'Export.csv', read: 500, loaded: 500 }]));
		assert.equal(await page.locator('[data-testid=sample-badge]').count(), 0, 'removing the sample data is kept');
		console.log(`restore after reload (2 files, 2,000 rows): ${await restoreText(page)}`);

		// browser restart: same profile directory, new browser process
		await context.close();
		({ context, page } = await openProfile(dir));
		await gotoDaten(page);
		assert.deepEqual(sortRows(await wsRows(page)), two, 'kept across a browser restart');
		console.log(`restore after browser restart: ${await restoreText(page)}`);

		figuresA = await vergleichFigures(page);
		assert.equal(await page.locator('.sample-mark').count(), 0, 'no Beispieldaten mark on the charts');

		// save the workspace file
		await gotoDaten(page);
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=ws-save]').click()]);
		assert.match(download.suggestedFilename(), /^Arbeitsstand_\d{4}-\d\d-\d\d\.dlm\.zip$/);
		workspaceZip = path.join(newDir(), download.suggestedFilename());
		await download.saveAs(workspaceZip);
		assert.ok(readFileSync(workspaceZip).length > 1000);

		// remove one file, reload: it stays removed
		const small = page.locator('[data-testid=ws-row][data-rows="500"] [data-testid=ws-remove]');
		await small.click();
		// the row leaves the list only once the removal is stored, so a reload right after it keeps the file removed
		await page.waitForFunction(() => document.querySelectorAll('[data-testid=ws-row]').length === 1, null, { timeout: 30_000 });
		await page.reload();
		await waitForCharts(page);
		assert.deepEqual(await wsRows(page), [{ file: 'Export.csv', rows: 1500 }]);
		assert.deepEqual(await reportRows(page), [{ file: 'Export.csv', read: 1500, loaded: 1500 }]);

		// an import interrupted by a reload leaves the stored state as it was before it
		// 25 MB, from disk: a buffer handed to setInputFiles goes through the DevTools protocol as
		// base64 and is decoded on the page by the test driver (seconds under load)
		const big = path.join(newDir(), 'Gross.csv');
		writeFileSync(big, [header, ...Array.from({ length: 100 }, () => mvLines.slice(1)).flat()].join('\n') + '\n');
		await page.locator('[data-testid=file-input]').setInputFiles(big);
		await page.waitForFunction(() => /wird eingelesen: Gross\.csv/.test(document.querySelector('[data-testid=import-status]')?.textContent ?? ''));
		await page.reload();
		await waitForCharts(page);
		assert.deepEqual(await wsRows(page), [{ file: 'Export.csv', rows: 1500 }], 'the interrupted import left nothing behind');
		assert.deepEqual(await reportRows(page), [{ file: 'Export.csv', read: 1500, loaded: 1500 }]);

		// "Alles löschen": confirmed, nothing own left, also after a reload (the sample data come back)
		page.once('dialog', (d) => void d.accept());
		await page.locator('[data-testid=ws-clear]').click();
		await page.locator('[data-testid=ws-none]').waitFor();
		assert.equal(await page.locator('[data-testid=own-badge]').count(), 0);
		await page.reload();
		await waitForCharts(page);
		assert.equal(await page.locator('[data-testid=ws-row]').count(), 0);
		assert.equal(await page.locator('[data-testid=sample-badge]').count(), 1, 'after deleting everything the sample data are shown again, marked');
	} finally {
		await context.close();
	}
});

test('a workspace file opened in a fresh profile shows the same figures; a damaged one changes nothing', async () => {
	assert.ok(workspaceZip, 'saved by the first test');
	const { context, page } = await openProfile(newDir());
	try {
		await gotoDaten(page);
		const before = await reportRows(page);
		assert.equal(before.length, 4, 'fresh profile: the four sample files');

		// a truncated copy first: clear message, nothing changed
		const zip = readFileSync(workspaceZip);
		await page.locator('[data-testid=ws-open-input]').setInputFiles({ name: 'kaputt.dlm.zip', mimeType: 'application/zip', buffer: zip.subarray(0, Math.floor(zip.length / 2)) });
		await page.waitForFunction(() => /wurde nicht geöffnet/.test(document.querySelector('[data-testid=ws-status]')?.textContent ?? ''));
		assert.match((await page.locator('[data-testid=ws-status]').textContent()) ?? '', /beschädigt oder unvollständig.*unverändert/);
		assert.deepEqual(await reportRows(page), before);
		assert.equal(await page.locator('[data-testid=sample-badge]').count(), 1);

		await page.locator('[data-testid=ws-open-input]').setInputFiles(workspaceZip);
		await page.waitForFunction(() => /geöffnet \(2 Dateien\)/.test(document.querySelector('[data-testid=ws-status]')?.textContent ?? ''), null, { timeout: 60_000 });
		assert.deepEqual(sortRows(await wsRows(page)), sortRows([{ file: 'Export.csv', rows: 1500 }, { file: 'Export.csv', rows: 500 }]));
		assert.equal(await page.locator('[data-testid=sample-badge]').count(), 0);
		assert.equal(await vergleichFigures(page), figuresA, 'the same figures on the Vergleich page');

		// the opened workspace is kept too
		await gotoDaten(page);
		assert.equal(await page.locator('[data-testid=ws-row]').count(), 2);
		console.log(`restore of an opened workspace after reload: ${await restoreText(page)}`);

		// the DuckDB worker crashes: the app says so, restarts it and the data come back
		const worker = page.workers().find((w) => /duckdb/.test(w.url()));
		assert.ok(worker, 'DuckDB worker found');
		await worker.evaluate(() => setTimeout(() => {
			throw new Error('Testabsturz');
		}));
		await page.locator('[data-testid=crash-notice]').waitFor({ timeout: 30_000 });
		assert.match((await page.locator('[data-testid=crash-notice]').textContent()) ?? '', /abgestürzt.*neu gestartet/);
		await waitForCharts(page);
		await page.waitForFunction(() => document.querySelectorAll('[data-testid=ws-row]').length === 2, null, { timeout: 60_000 });
		assert.equal(await vergleichFigures(page), figuresA, 'same figures after the restart');

		// a file of the opened workspace removed: it stays removed after a reload
		await gotoDaten(page);
		await page.locator('[data-testid=ws-row][data-rows="500"] [data-testid=ws-remove]').click();
		await page.waitForFunction(() => document.querySelectorAll('[data-testid=ws-row]').length === 1);
		// the removal is stored when the app says so; a reload before that leaves the stored state as it was
		await page.waitForFunction(() => /wurde entfernt/.test(document.querySelector('[data-testid=ws-status]')?.textContent ?? ''), null, { timeout: 30_000 });
		await page.reload();
		await waitForCharts(page);
		assert.deepEqual(await wsRows(page), [{ file: 'Export.csv', rows: 1500 }]);
		assert.equal(await page.locator('[data-testid=table-counts] tr[data-table=einsaetze]').getAttribute('data-rows'), '1500');
	} finally {
		await context.close();
	}
});

test('a full storage quota gives the message and the app works on in memory', async () => {
	// simulate a full quota: every write to OPFS and IndexedDB fails (test code only; a string,
	// so that no helper of the TypeScript transform ends up in the page)
	const { context, page } = await openProfile(
		newDir(),
		`(() => {
			const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			if (globalThis.FileSystemWritableFileStream) FileSystemWritableFileStream.prototype.write = () => Promise.reject(quota());
			IDBObjectStore.prototype.put = () => { throw quota(); };
		})();`
	);
	try {
		await gotoDaten(page);
		await page.locator('[data-testid=storage-problem]').waitFor();
		assert.match((await page.locator('[data-testid=storage-problem]').textContent()) ?? '', /Speicher des Browsers ist voll/);
		await importFiles(page, [csv('Export.csv', fileB)], 'q-replace');
		assert.deepEqual(await wsRows(page), [{ file: 'Export.csv', rows: 500 }]);
		assert.match((await page.locator('[data-testid=ws-row]').textContent()) ?? '', /nur bis zum Neuladen/);
		assert.equal(await page.locator('[data-testid=sample-badge]').count(), 0);
		await vergleichFigures(page);
	} finally {
		await context.close();
	}
});

test('no page errors, no request leaves the origin', () => {
	assert.deepEqual(foreignRequests, []);
	assert.deepEqual(pageErrors, []);
});
