/**
 * End-to-end test of the built app in Debian's Chromium (playwright-core, no downloaded browser).
 * Run by `npm run test:e2e` (builds first). Screenshots go to tests/e2e/screenshots/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launch, runAxe as axe, type Launched } from './browser.ts';
import { startPreview, type Preview } from './server.ts';
import { daysSinceEpoch, parquetBytes, xlsxWorkbook } from '../unit/helpers/fixtures.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = path.join(ROOT, 'data/sample');
const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const SAMPLE_FILES = [
	'beispieldaten_einsaetze_mv.csv',
	'beispieldaten_einsaetze_bw.parquet',
	'beispieldaten_qualifizierung.xlsx',
	'beispieldaten_coworking_mv.csv'
];
const FAULTY = 'beispieldaten_fehlerhaft_einsaetze.csv';

interface Expected {
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	rejected: { line: number; column: string | null; value: string }[];
}

let preview: Preview;
let context: BrowserContext;
let page: Page;
let browser: Launched;
const requests: string[] = [];
const pageErrors: string[] = [];

/** de-DE integer text ("1.234") → number */
const num = (s: string | null) => Number((s ?? '').replace(/[.\s\u00a0\u202f]/g, ''));

before(async () => {
	mkdirSync(SHOTS, { recursive: true });
	assert.ok(existsSync(path.join(ROOT, '.svelte-kit/output/client')), 'build missing: run `npm run build` first');
	assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing: apt-get install -y chromium (or bash .ci/run)`);
	preview = await startPreview(ROOT);
	browser = await launch();
	context = browser.context;
	context.on('request', (r) => requests.push(r.url()));
	page = context.pages()[0] ?? (await context.newPage());
	page.on('request', (r) => requests.push(r.url()));
	page.on('worker', (w) => requests.push(w.url()));
	page.on('pageerror', (e) => pageErrors.push(String(e)));
});

after(async () => {
	await browser?.close();
	await preview?.stop();
});

const runAxe = (label: string) => axe(page, label);

test('loads the sample data and reports every file', async () => {
	await page.goto(preview.url + '/daten');
	await page.waitForFunction(() => performance.getEntriesByName('dlm:data-ready').length > 0 || document.querySelector('[data-testid=load-error]'), null, {
		timeout: 180_000
	});
	const loadError = page.locator('[data-testid=load-error]');
	if ((await loadError.count()) > 0) assert.fail(`start-up failed: ${await loadError.textContent()}`);
	const ms = await page.evaluate(() => performance.getEntriesByName('dlm:data-ready')[0].duration);
	console.log(`sample data loaded in Chromium in ${(ms / 1000).toFixed(2)} s (${Math.round(ms)} ms)`);
	assert.match((await page.locator('[data-testid=load-time]').textContent()) ?? '', /^Beispieldaten geladen in \d+,\d\s*s$/);
	assert.equal(await page.locator('h1').textContent(), 'Daten');
	assert.ok(await page.locator('[data-testid=sample-badge]').isVisible(), 'Beispieldaten badge visible');

	for (const file of SAMPLE_FILES) {
		const row = page.locator(`tr[data-testid=file-row][data-file="${file}"]`);
		assert.equal(await row.count(), 1, `report row for ${file}`);
		const read = num(await row.locator('[data-col=read]').textContent());
		const loaded = num(await row.locator('[data-col=loaded]').textContent());
		const rejected = num(await row.locator('[data-col=rejected]').textContent());
		console.log(`${file}: read ${read}, loaded ${loaded}, rejected ${rejected}`);
		assert.ok(read > 0, `${file}: rows read > 0`);
		assert.equal(read, loaded + rejected, `${file}: read = loaded + rejected`);
		assert.equal(await page.locator(`[data-testid=file-report][data-file="${file}"] [data-testid=fatal]`).count(), 0, `${file}: no fatal error`);
	}
	// what is loaded: the three data tables and the reference per Land
	for (const table of ['einsaetze', 'qualifizierung', 'coworking']) {
		const rows = Number(await page.locator(`[data-testid=table-counts] tr[data-table=${table}]`).getAttribute('data-rows'));
		assert.ok(rows > 0, `table ${table} has rows`);
	}
	assert.equal(Number(await page.locator('tr[data-table=gemeinden][data-land=MV]').getAttribute('data-rows')), 726);
	assert.equal(Number(await page.locator('tr[data-table=gemeinden][data-land=BW]').getAttribute('data-rows')), 1103);
	const sources = (await page.locator('[data-testid=sources]').textContent()) ?? '';
	assert.match(sources, /Statistisches Bundesamt \(Destatis\)/);
	// the indicator SQL runs in the browser: Dömitz-Malliß beside its BW peer group
	const cmp = page.locator('[data-testid=comparison-table]');
	await cmp.locator('table').waitFor({ timeout: 60_000 });
	assert.match((await cmp.locator('caption').textContent()) ?? '', /^Amt Dömitz-Malliß und seine BW-Vergleichsgruppe \(15 Verbände\)/);
	assert.equal(await cmp.locator('tbody tr').count(), 9, 'nine headline indicators');
	assert.match((await cmp.locator('tbody tr').first().textContent()) ?? '', /Kontakte je 1\.000 Einwohner.*\d+,\d/);
	await page.screenshot({ path: path.join(SHOTS, '01-daten-geladen.png') });
	await page.screenshot({ path: path.join(SHOTS, '02-daten-geladen-ganz.png'), fullPage: true });

	// the file picker in the drop zone is reachable with the keyboard
	let reached = false;
	for (let i = 0; i < 15 && !reached; i++) {
		await page.keyboard.press('Tab');
		reached = await page.evaluate(() => document.activeElement?.id === 'file-input');
	}
	assert.ok(reached, 'Tab reaches the file picker');
	assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-testid=dropzone]') !== null), true, 'the picker is inside the drop zone');
});

test('imports the faulty file, shows and downloads its rejected rows', async () => {
	const expectedPath = path.join(SAMPLE, FAULTY.replace(/\.csv$/, '.expected.json'));
	const expected: Expected | null = existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')) : null;

	await page.setInputFiles('#file-input', path.join(SAMPLE, FAULTY));
	// its Format "Brieftaube" is unknown: the import assistant asks first; imported unchanged, the row is rejected
	const assistant = page.locator('[data-testid=assistant]');
	await assistant.waitFor({ timeout: 30_000 });
	assert.match((await page.locator('[data-testid=assistant-reasons]').textContent()) ?? '', /unbekannte Werte/);
	await page.waitForFunction(() => document.querySelector('[data-testid=assistant]')?.getAttribute('aria-busy') === 'false');
	await page.locator('[data-testid=assistant-import]').click();
	// the first own import asks about the sample data: keep them here (the sample data are removed further down)
	await page.locator('[data-testid=import-question]').waitFor({ state: 'visible' });
	assert.match((await page.locator('[data-testid=import-question]').textContent()) ?? '', /Beispieldaten ersetzen\?/);
	await page.locator('[data-testid=q-keep]').click();
	await page.locator('[data-testid=assistant-done]').click();
	await assistant.waitFor({ state: 'detached' });
	const row = page.locator(`tr[data-testid=file-row][data-file="${FAULTY}"]`);
	await row.waitFor({ timeout: 60_000 });
	const read = num(await row.locator('[data-col=read]').textContent());
	const loaded = num(await row.locator('[data-col=loaded]').textContent());
	const rejected = num(await row.locator('[data-col=rejected]').textContent());
	assert.equal(read, loaded + rejected, 'read = loaded + rejected');
	assert.ok(rejected > 0, 'some rows rejected');

	const report = page.locator(`[data-testid=file-report][data-file="${FAULTY}"]`);
	const lines = await report.locator('table[data-testid=rejections] tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-line'))));
	const distinct = [...new Set(lines)].sort((a, b) => a - b);
	console.log(`${FAULTY}: read ${read}, loaded ${loaded}, rejected ${rejected}; rejected lines ${distinct.join(', ')}`);
	if (expected) {
		assert.equal(read, expected.rowsRead, 'rows read as expected');
		assert.equal(loaded, expected.rowsLoaded, 'rows loaded as expected');
		assert.equal(rejected, expected.rowsRejected, 'rows rejected as expected');
		assert.deepEqual(distinct, [...new Set(expected.rejected.map((r) => r.line))].sort((a, b) => a - b), 'rejected lines as expected');
		// the offending values are shown as text
		const table = (await report.locator('table[data-testid=rejections]').textContent()) ?? '';
		for (const r of expected.rejected) if (r.value && r.column) assert.ok(table.includes(r.value), `value ${r.value} shown`);
	} else {
		assert.equal(distinct.length, rejected);
	}

	const [download] = await Promise.all([page.waitForEvent('download'), report.locator('[data-testid=download-rejects]').click()]);
	assert.equal(download.suggestedFilename(), 'beispieldaten_fehlerhaft_einsaetze_abgewiesen.csv');
	const file = await download.path();
	const bytes = readFileSync(file);
	assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
	const text = bytes.subarray(3).toString('utf8');
	const csvLines = text.split(/\r\n/);
	const head = csvLines[0].split(';');
	assert.ok(head.length > 3, '; as delimiter');
	assert.deepEqual(head.slice(0, 2), ['Zeile', 'Grund'], 'line and reason columns');
	const firstFields = new Set(csvLines.slice(1).map((l) => l.split(';')[0]));
	for (const line of distinct) assert.ok(firstFields.has(String(line)), `line ${line} in the download`);

	await page.screenshot({ path: path.join(SHOTS, '03-fehlerhafte-datei.png'), fullPage: true });
	await page.locator('[data-testid=files-table]').screenshot({ path: path.join(SHOTS, '04a-dateien-tabelle.png') });
	await report.scrollIntoViewIfNeeded();
	await page.screenshot({ path: path.join(SHOTS, '04-abweisungen.png') });
	await runAxe('Daten, de');
});

test("a user's Parquet file goes through the page's Parquet worker: every row accounted for, the bad one at its line", async () => {
	// five records in three row groups; the third has a Gemeindeschlüssel that does not exist (line 4:
	// Parquet records count from line 2); minutes are typed decimals, participants typed integers
	const name = 'eigene_einsaetze.parquet';
	const file = path.join(os.tmpdir(), name);
	const keys = ['13076036', '13076036', '13999999', '13076036', '13076036'];
	writeFileSync(
		file,
		parquetBytes(
			{
				Datum: { days: ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14'].map(daysSinceEpoch) },
				Gemeindeschlüssel: keys,
				'Lotsen-ID': ['MV-P1', 'MV-P1', 'MV-P2', 'MV-P2', 'MV-P2'],
				Format: ['Hausbesuch', 'Telefon', 'Hausbesuch', 'Sprechstunde vor Ort', 'Telefon'],
				Thema: ['Online-Banking', 'Online-Banking', 'Online-Banking', 'Smartphone-Grundlagen', 'Online-Banking'],
				Altersgruppe: ['75+', '65-74', '75+', '75+', '50-64'],
				Teilnehmende: { int32: [1, 2, 1, 3, 1] },
				Minuten: { float64: [63.5, 30, 45, 90.25, 20] }
			},
			{ rowGroupRows: 2 }
		)
	);
	await page.setInputFiles('#file-input', file);
	const row = page.locator(`tr[data-testid=file-row][data-file="${name}"]`);
	const assistant = page.locator('[data-testid=assistant-import]');
	await Promise.race([row.waitFor({ timeout: 60_000 }), assistant.waitFor({ timeout: 60_000 })]);
	if (await assistant.isVisible()) {
		await assistant.click();
		await page.locator('[data-testid=assistant-done]').click();
	}
	await row.waitFor({ timeout: 60_000 });
	assert.deepEqual(
		[num(await row.locator('[data-col=read]').textContent()), num(await row.locator('[data-col=loaded]').textContent()), num(await row.locator('[data-col=rejected]').textContent())],
		[5, 4, 1]
	);
	const report = page.locator(`[data-testid=file-report][data-file="${name}"]`);
	assert.deepEqual(await report.locator('table[data-testid=rejections] tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-line')))), [4]);
	assert.match((await report.locator('table[data-testid=rejections]').textContent()) ?? '', /13999999/);
});

test('switches the language to English', async () => {
	await page.getByRole('button', { name: 'Switch to English' }).click();
	assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
	assert.equal(await page.locator('h1').textContent(), 'Data');
	assert.match((await page.locator('[data-testid=load-time]').textContent()) ?? '', /^Sample data loaded in \d+\.\d\s*s$/);
	const report = page.locator(`[data-testid=file-report][data-file="${FAULTY}"]`);
	const table = (await report.locator('table[data-testid=rejections]').textContent()) ?? '';
	assert.match(table, /not a valid date/, 'reasons re-rendered in English');
	assert.doesNotMatch(table, /kein gültiges Datum/);
	await page.screenshot({ path: path.join(SHOTS, '05-english.png'), fullPage: true });
	await runAxe('Data, en');
	await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
	assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
});

test('imports a file dropped onto the drop zone', async () => {
	// header + lines 2–5 of the faulty file under another name: line 4 has an unknown Gemeinde
	const text = readFileSync(path.join(SAMPLE, FAULTY), 'utf8').split(/\r?\n/).slice(0, 5).join('\r\n') + '\r\n';
	const name = 'eigene_einsaetze.csv';
	await page.evaluate(
		({ text, name }) => {
			const dt = new DataTransfer();
			dt.items.add(new File([text], name, { type: 'text/csv' }));
			const zone = document.querySelector('[data-testid=dropzone]')!;
			zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
			zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
		},
		{ text, name }
	);
	const row = page.locator(`tr[data-testid=file-row][data-file="${name}"]`);
	await row.waitFor({ timeout: 30_000 });
	assert.deepEqual(
		[await row.getAttribute('data-read'), await row.getAttribute('data-loaded'), await row.getAttribute('data-rejected')],
		['4', '3', '1']
	);
	const lines = await page
		.locator(`[data-testid=file-report][data-file="${name}"] table[data-testid=rejections] tbody tr`)
		.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-line')));
	assert.deepEqual(lines, ['4']);
	// the status line is written once the whole import (incl. the table counts) is done
	await page.waitForFunction(
		() => /eigene_einsaetze\.csv: 3 von 4 Zeilen geladen, 1 abgewiesen/.test(document.querySelector('[data-testid=import-status]')?.textContent ?? ''),
		null,
		{ timeout: 30_000 }
	);
});

test('shows a rejected Excel number or date cell as the user sees it (1,5 · 03.05.2010; English 1.5 · 03/05/2010), a text cell as written', async () => {
	const name = 'zahlzellen.xlsx';
	const H = ['Datum', 'Gemeindeschlüssel', 'Lotse', 'Format', 'Thema', 'Altersgruppe', 'Teilnehmende', 'Minuten'];
	const r = (d: Date, tn: number | string) => [d, '13076034', 'MV-L001', 'Telefon', 'Online-Banking', '75+', tn, 30];
	const bytes = await xlsxWorkbook([
		{
			name: 'Einsätze',
			// row 2: number cell 1.5; row 3: text cell "1.5" (as written); row 4: a date cell before 2018; row 5 loads
			rows: [H, r(new Date(Date.UTC(2025, 2, 1)), 1.5), r(new Date(Date.UTC(2025, 2, 2)), '1.5'), r(new Date(Date.UTC(2010, 4, 3)), 2), r(new Date(Date.UTC(2025, 2, 4)), 2)]
		}
	]);
	await page.setInputFiles('#file-input', { name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
	const row = page.locator(`tr[data-testid=file-row][data-file="${name}"]`);
	const assistant = page.locator('[data-testid=assistant-import]');
	await Promise.race([row.waitFor({ timeout: 60_000 }), assistant.waitFor({ timeout: 60_000 })]);
	if (await assistant.isVisible()) {
		await assistant.click();
		await page.locator('[data-testid=assistant-done]').click();
	}
	await row.waitFor({ timeout: 60_000 });
	assert.deepEqual([await row.getAttribute('data-read'), await row.getAttribute('data-loaded'), await row.getAttribute('data-rejected')], ['4', '1', '3']);
	const report = page.locator(`[data-testid=file-report][data-file="${name}"]`);
	const shown = () => report.locator('table[data-testid=rejections] tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-line'), tr.querySelector('td.value')?.textContent]));
	assert.deepEqual(await shown(), [['2', '1,5'], ['3', '1.5'], ['4', '03.05.2010']]);
	await report.screenshot({ path: path.join(SHOTS, '07b-xlsx-zahlzellen.png') });
	await page.getByRole('button', { name: 'Switch to English' }).click();
	await page.waitForFunction(() => document.documentElement.lang === 'en');
	assert.deepEqual(await shown(), [['2', '1.5'], ['3', '1.5'], ['4', '03/05/2010']]);
	await report.screenshot({ path: path.join(SHOTS, '07b-xlsx-zahlzellen-en.png') });
	await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
	assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
});

test('shows a fatal error and untrusted values as plain text', async () => {
	const header = 'Datum;Gemeindeschlüssel;Lotsen-ID;Format;Thema;Altersgruppe;Teilnehmende;Minuten;Digitales Angebot';
	const evil = '<img src=x onerror="window.__xss=1">';
	await page.setInputFiles('#file-input', [
		{ name: 'kaputt.csv', mimeType: 'text/csv', buffer: Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8, 0, 0, 9, 1, 0, 3]) },
		{ name: 'html_wert.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\n13.03.2025;08327049;BW-L0022;${evil};Online-Banking;65-74;1;45;\r\n`) }
	]);
	// the unknown Format value opens the import assistant, which shows it as text too
	const assistant = page.locator('[data-testid=assistant]');
	await assistant.waitFor({ timeout: 30_000 });
	await page.waitForFunction(() => document.querySelector('[data-testid=assistant]')?.getAttribute('aria-busy') === 'false');
	await page.locator('[data-testid=step-3]').click();
	assert.equal(await page.locator('[data-testid=asst-values] tbody th').textContent(), evil, 'the markup is shown as text in the assistant');
	assert.equal(await assistant.locator('img').count(), 0, 'no element was created from file content in the assistant');
	await page.locator('[data-testid=assistant-import]').click();
	await page.locator('[data-testid=assistant-done]').click();
	await page.locator('tr[data-testid=file-row][data-file="html_wert.csv"]').waitFor({ timeout: 30_000 });
	const fatal = page.locator('[data-testid=file-report][data-file="kaputt.csv"] [data-testid=fatal]');
	assert.equal(await fatal.count(), 1, 'one fatal message');
	assert.match((await fatal.textContent()) ?? '', /Die Datei wurde nicht geladen/);
	const cell = page.locator('[data-testid=file-report][data-file="html_wert.csv"] table[data-testid=rejections] td.value');
	assert.equal(await cell.textContent(), evil, 'the markup is shown as text');
	assert.equal(await page.locator('[data-testid=file-report] table img').count(), 0, 'no element was created from file content');
	assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
	await page.locator('[data-testid=file-report][data-file="kaputt.csv"]').screenshot({ path: path.join(SHOTS, '08-fatal.png') });
});

test('removes the sample data and the badge with it', async () => {
	const before = Number(await page.locator('[data-testid=table-counts] tr[data-table=einsaetze]').getAttribute('data-rows'));
	await page.getByRole('button', { name: 'Beispieldaten entfernen' }).click();
	await page.locator('[data-testid=sample-badge]').waitFor({ state: 'detached', timeout: 30_000 });
	await page.waitForFunction(() => document.querySelector('[data-testid=import-status]')?.textContent?.includes('Beispieldaten wurden entfernt'), null, {
		timeout: 30_000
	});
	// a file the user imported is own data, whatever its name (also the faulty demo file picked by hand)
	assert.deepEqual(
		await page.locator('tr[data-testid=file-row]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-file')).sort()),
		[FAULTY, 'eigene_einsaetze.csv', 'eigene_einsaetze.parquet', 'html_wert.csv', 'kaputt.csv', 'zahlzellen.xlsx'],
		'only the user files are left'
	);
	const faultyLoaded = Number(await page.locator(`tr[data-testid=file-row][data-file="${FAULTY}"]`).getAttribute('data-loaded'));
	const after = Number(await page.locator('[data-testid=table-counts] tr[data-table=einsaetze]').getAttribute('data-rows'));
	// 3 rows of eigene_einsaetze.csv, 4 of eigene_einsaetze.parquet, 1 of zahlzellen.xlsx, and what the faulty file loaded
	assert.equal(after, 3 + 4 + 1 + faultyLoaded, `einsaetze: ${before} rows before, only the 3 + 4 + 1 + ${faultyLoaded} loaded from the user files after`);
	assert.equal(Number(await page.locator('[data-testid=table-counts] tr[data-table=coworking]').getAttribute('data-rows')), 0);
	await page.screenshot({ path: path.join(SHOTS, '06-ohne-beispieldaten.png'), fullPage: true });
	// a page whose data are gone says so and points to the import, instead of charts of zeros
	await page.locator('header nav').getByRole('link', { name: 'Coworking', exact: true }).click();
	const notice = page.locator('[data-testid=no-data]');
	await notice.waitFor({ timeout: 30_000 });
	assert.equal((await notice.textContent())?.replace(/\s+/g, ' ').trim(), 'Es sind keine Coworking-Daten geladen. Daten importieren');
	assert.equal(await page.locator('[data-testid=chart]').count(), 0, 'no chart of zeros');
	await notice.getByRole('link', { name: 'Daten importieren' }).click();
	await page.waitForURL(/\/daten$/);
});

test('an unknown address shows an error page, not a blank one', async () => {
	const p = await context.newPage();
	try {
		await p.goto(preview.url + '/gibt-es-nicht');
		await p.locator('[data-testid=route-error]').waitFor({ timeout: 30_000 });
		assert.equal(await p.locator('h1').textContent(), 'Seite nicht gefunden');
		assert.ok(await p.locator('header').isVisible());
	} finally {
		await p.close();
	}
});

test('a failing start-up shows an error message, not a blank page', async () => {
	// A browser of its own with service workers blocked: in the main one the service worker
	// (src/service-worker.ts) answers from its cache, and page.route never sees the request.
	const own = await launch({ serviceWorkers: 'block' });
	const ctx = own.context;
	const p = ctx.pages()[0] ?? (await ctx.newPage());
	try {
		// the sample snapshot's manifest cannot be fetched (aborting the wasm instead makes duckdb-wasm
		// wait forever; the app gives up after 120 s, too long for this test)
		await p.route('**/manifest.*.json', (r) => r.abort());
		await p.goto(preview.url + '/daten');
		await p.locator('[data-testid=load-error]').waitFor({ timeout: 60_000 });
		assert.match((await p.locator('[data-testid=load-error] h2').textContent()) ?? '', /konnte nicht gestartet werden/);
		assert.match((await p.locator('[data-testid=load-error] code').textContent()) ?? '', /\S/, 'the technical message is shown');
		await p.screenshot({ path: path.join(SHOTS, '07-startfehler.png') });
	} finally {
		await own.close();
	}
});

test('every request stays on the app origin', () => {
	const origin = new URL(preview.url).origin;
	const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
	console.log(`${requests.length} requests recorded, ${new Set(requests).size} distinct`);
	assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm requests were recorded');
	assert.deepEqual(foreign, [], 'no request left the app origin');
	assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
