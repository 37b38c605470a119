/**
 * Two Ämter side by side on the Ämter-Vergleich (issue 11, part 4): the second Amt is chosen
 * with the keyboard in "Vergleichen mit …", lands in the URL (amt2=), and every dot-range chart
 * names both Ämter in its summary, draws a second marker and has a column for it in its data
 * table; a table of every indicator of both Ämter follows the charts; a slide shows both; a reload keeps it;
 * axe-core finds nothing; no request leaves the origin.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startPreview, type Preview } from './server.ts';
import { launch, runAxe, waitForCharts, type Launched } from './browser.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let preview: Preview;
let browser: Launched;
let page: Page;
const offOrigin: string[] = [];

before(async () => {
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

const KONTAKTE = '[data-chart="vergleich-kontakte_je_1000"]';
const DOTS = '[data-testid=chart][data-chart^="vergleich-"]:not([data-chart="vergleich-programmstart"])';

/** every dot-range chart's summary, once none is busy or loading */
async function summaries(): Promise<string[]> {
	await page.waitForFunction(() => !document.querySelector('[data-testid=chart][data-state=loading], [aria-busy=true]'), null, { timeout: 60_000 });
	return page.locator(`${DOTS} .summary`).allTextContents();
}

test('a second Amt chosen by keyboard: both in every summary and table, a second marker, kept on reload, axe clean', async () => {
	const first = (await page.locator('[data-testid=view-line] strong').textContent())!.trim();
	assert.equal(await page.locator('[data-testid=amt2-select]').inputValue(), '', 'no second Amt by default');
	assert.ok((await summaries()).every((s) => !s.includes(' von ' + first)), 'one Amt: the one-Amt sentence');

	// keyboard only: from the Amt search, Tab → Amt, Tab → "Vergleichen mit …", ArrowDown picks the first Amt with data
	await page.focus('[data-testid=amt-search]');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-amt2');
	await page.keyboard.press('ArrowDown');
	await page.waitForURL(/[?&]amt2=\d{9}/, { timeout: 30_000 });
	const key = new URL(page.url()).searchParams.get('amt2')!;
	const second = (await page.locator(`[data-testid=amt2-select] option[value="${key}"]`).textContent())!.trim();
	assert.notEqual(second, first);
	assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-amt2', 'focus stays on the chooser');

	async function check(label: string) {
		const all = await summaries();
		assert.equal(all.length, 9, `${label}: nine dot-range charts`);
		for (const s of all) {
			assert.ok(s.startsWith(first + ' ('), `${label}: summary starts with the first Amt: ${s}`);
			assert.ok(s.includes(`; ${second}: `), `${label}: summary names the second Amt: ${s}`);
			assert.ok(s.includes(`Vergleichsgruppe von ${first}`), `${label}: whose peer group: ${s}`);
		}
		assert.match((await page.locator('[data-testid=view-line]').textContent())!, new RegExp(`im Vergleich mit ${second}`));
		// the data table: a column per Amt, the second Amt's value is the one in the summary
		const chart = page.locator(KONTAKTE);
		await chart.locator('details.data summary').click();
		const heads = (await chart.locator('table th[scope=col]').allTextContents()).map((h) => h.trim());
		assert.deepEqual(heads.slice(2, 4), [first, second], `${label}: table heads ${heads.join(' | ')}`);
		const cells = await chart.locator('table tbody tr').first().locator('td, th').allTextContents();
		const value2 = cells[3].trim();
		assert.match(value2, /^\d{1,3}(\.\d{3})*,\d$/, 'a de-DE number');
		assert.ok((await chart.locator('.summary').textContent())!.includes(`${second}: ${value2}\u00a0`), `${label}: table and summary agree on ${value2}`);
		await chart.locator('details.data summary').click();
		// the chart draws both Ämter, each with its name in the label
		const texts = await chart.locator('svg text').allTextContents();
		assert.ok(texts.some((t) => t.startsWith(`${first}: `)), `${label}: first Amt labelled in the chart`);
		assert.ok(texts.some((t) => t === `${second}: ${value2}`), `${label}: second Amt labelled in the chart: ${texts.join(' | ')}`);
		// below the charts: every indicator of both Ämter in one table
		const both = page.locator('[data-testid=comparison-table]');
		await page.waitForFunction(() => document.querySelector('[data-testid=comparison-table] table') && document.querySelector('[data-testid=comparison-table]')?.getAttribute('aria-busy') !== 'true', null, { timeout: 60_000 });
		const bothHeads = (await both.locator('table th[scope=col]').allTextContents()).map((h) => h.trim());
		assert.deepEqual(bothHeads.slice(2, 4), [first, second], `${label}: both-Ämter table heads`);
		assert.equal(await both.locator('table tbody tr').count(), 9, 'nine indicators');
		const kontakte = await both.locator('table tbody tr').first().locator('td, th').allTextContents();
		assert.equal(kontakte[3].trim(), value2, 'the same value as the chart’s table');
	}
	await check('after choosing');

	await page.reload();
	await waitForCharts(page);
	assert.equal(await page.locator('[data-testid=amt2-select]').inputValue(), key, 'the reload keeps the second Amt');
	await check('after reload');
	await runAxe(page, 'Ämter-Vergleich with two Ämter');

	// presentation mode: the first slide shows both Ämter in large type and in its summary
	await page.keyboard.press('p');
	await page.waitForFunction(() => document.querySelector('[data-testid=slide-chart] svg text'), null, { timeout: 60_000 });
	assert.match((await page.locator('[data-testid=key-figure]').textContent())!, new RegExp(first));
	assert.match((await page.locator('[data-testid=key-figure-2]').textContent())!, new RegExp(second));
	assert.ok((await page.locator('[data-testid=slide] .summary').textContent())!.includes(`; ${second}: `), 'slide summary names the second Amt');
	await page.keyboard.press('Escape');
	await page.locator('[data-testid=slide]').waitFor({ state: 'detached', timeout: 10_000 });

	// "– kein zweites Amt –" takes it away again
	await page.locator('[data-testid=amt2-select]').selectOption('');
	await page.waitForURL((u) => !u.searchParams.has('amt2'), { timeout: 30_000 });
	assert.ok((await summaries()).every((s) => !s.includes(second)), 'no second Amt in any summary');
	assert.equal(await page.locator('[data-testid=comparison-table]').count(), 0, 'no both-Ämter table without a second Amt');
});
