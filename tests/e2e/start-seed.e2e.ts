/**
 * The start seed (issue 10, warm start; src/lib/app/start-seed.ts): on the start page the first
 * charts are drawn from the build's seeded answers while DuckDB still starts, and they must say
 * exactly what the page says without the seed. Two fresh browsers on `npm start`'s server:
 * - with the seed: every chart's title, summary and data table and the key figures, read while
 *   DuckDB is not ready yet (the seed answered) and again once it is (nothing changed);
 * - without it: the seed's file refused by the test (no service worker, so the test sees the
 *   request), the page waits for DuckDB and asks its SQL live.
 * The texts of both must be equal. Nothing in the app is there for this test.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launch, waitForCharts } from './browser.ts';
import { startPreview, type Preview } from './server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let server: Preview;

before(async () => {
	assert.ok(existsSync(path.join(ROOT, 'build/index.html')), 'build/ missing: run `npx vite build` first');
	server = await startPreview(ROOT);
});
after(async () => server?.stop());

interface Shown {
	charts: { id: string | null; title: string; summary: string; table: string }[];
	keyFigures: string;
	dataReady: boolean;
}

/** what the start page shows: each chart's title, summary and table, and the key figures */
function shown(page: Page): Promise<Shown> {
	return page.evaluate(() => ({
		charts: [...document.querySelectorAll('[data-testid=chart]')].map((el) => ({
			id: el.getAttribute('data-chart'),
			title: el.querySelector('.chart-title')?.textContent?.trim() ?? '',
			summary: el.querySelector('p.summary')?.textContent?.trim() ?? '',
			table: el.querySelector('table')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
		})),
		keyFigures: document.querySelector('[data-testid=key-figures]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
		dataReady: performance.getEntriesByName('dlm:data-ready').length > 0
	}));
}

/** every chart and the key figures drawn (none loading) */
function allDrawn(page: Page): Promise<unknown> {
	return page.waitForFunction(
		() => {
			const charts = [...document.querySelectorAll('[data-testid=chart]')];
			return charts.length > 0 && charts.every((c) => c.getAttribute('data-state') === 'ready') && document.querySelector('[data-testid=key-figures][data-state=ready]');
		},
		null,
		{ timeout: 180_000, polling: 20 }
	);
}

test('the start page drawn from the seed says exactly what it says from live SQL', async () => {
	const seeded = await launch();
	const live = await launch({ serviceWorkers: 'block' });
	try {
		const a = seeded.context.pages()[0] ?? (await seeded.context.newPage());
		await a.goto(server.url + '/');
		await allDrawn(a);
		const early = await shown(a);
		await waitForCharts(a);
		const marks = await a.evaluate(() => Object.fromEntries(['dlm:seeded', 'dlm:data-ready'].map((n) => [n, performance.getEntriesByName(n)[0]?.duration ?? null])));
		const late = await shown(a);
		console.log(`with the seed: answers in after ${Math.round(marks['dlm:seeded'] ?? -1)} ms, DuckDB ready after ${Math.round(marks['dlm:data-ready'] ?? -1)} ms; all drawn before DuckDB was ready: ${!early.dataReady}`);
		assert.ok(marks['dlm:seeded'] !== null, 'the seed was used');
		assert.ok(marks['dlm:seeded']! < marks['dlm:data-ready']!, 'the seed answered before DuckDB was ready');
		assert.deepEqual(late, { ...early, dataReady: true }, 'nothing changed when DuckDB became ready');

		const b = live.context.pages()[0] ?? (await live.context.newPage());
		let refused = 0;
		await b.route(/\/start-seed\.[^/]*\.json$/, (route) => (refused++, route.abort()));
		await b.goto(server.url + '/');
		await waitForCharts(b);
		await allDrawn(b);
		const without = await shown(b);
		assert.equal(refused, 1, "the seed's file was asked for and refused");
		assert.equal(await b.evaluate(() => performance.getEntriesByName('dlm:seeded').length), 0, 'no seed without its file');

		assert.equal(late.charts.length, 4);
		assert.ok(late.charts.every((c) => c.title && c.summary && c.table), 'every chart has a title, a summary and a table');
		assert.match(late.keyFigures, /Amt Dömitz-Malliß/);
		assert.deepEqual(late, without, 'the same titles, summaries, tables and key figures with and without the seed');
	} finally {
		await seeded.close();
		await live.close();
	}
});
