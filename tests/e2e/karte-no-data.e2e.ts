/**
 * The Karte without programme data (issue 11, part 4): after "Beispieldaten entfernen" the map
 * page says there are no data and links to the import, as the other pages do, instead of drawing
 * empty maps.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startPreview, type Preview } from './server.ts';
import { launch, waitForCharts, type Launched } from './browser.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let preview: Preview;
let browser: Launched;
let page: Page;

before(async () => {
	preview = await startPreview(ROOT);
	browser = await launch();
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	page.on('pageerror', (e) => console.error('pageerror', e));
});

after(async () => {
	await browser?.close();
	await preview?.stop();
});

test('Karte with no data: a notice with a link to the import, no map', async () => {
	await page.goto(preview.url + '/karte');
	await waitForCharts(page);
	await page.locator('[data-testid=chart]').first().waitFor({ timeout: 60_000 });
	assert.equal(await page.locator('[data-testid=no-data]').count(), 0, 'with the sample data the maps draw');

	await page.locator('header nav').getByRole('link', { name: 'Daten', exact: true }).click();
	await page.getByRole('button', { name: 'Beispieldaten entfernen' }).click();
	await page.locator('[data-testid=sample-badge]').waitFor({ state: 'detached', timeout: 30_000 });

	await page.locator('header nav').getByRole('link', { name: 'Karte', exact: true }).click();
	const notice = page.locator('[data-testid=no-data]');
	await notice.waitFor({ timeout: 30_000 });
	assert.equal((await notice.textContent())?.replace(/\s+/g, ' ').trim(), 'Es sind keine Einsatzdaten geladen. Daten importieren');
	assert.equal(await page.locator('[data-testid=chart]').count(), 0, 'no empty map');
	assert.equal(await page.locator('[data-testid=gemeinde-select]').count(), 0, 'no Gemeinde chooser for maps that are not there');
	await notice.getByRole('link', { name: 'Daten importieren' }).click();
	await page.waitForURL(/\/daten$/);
});
