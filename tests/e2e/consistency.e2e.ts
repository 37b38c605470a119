/**
 * One draw per change, never a stale label: on Ämter-Vergleich and Reichweite Ältere the Amt is
 * changed 20 times in quick succession (not waiting for the charts), while a MutationObserver
 * (test code, installed with addInitScript) records every title, summary and aria-label any chart
 * shows. Every recorded (title, summary) must be exactly what the chart says for ONE Amt: the
 * expected texts are computed here in Node from the same sample files and the same specs
 * (real duckdb-wasm), so a summary with one Amt's name and another Amt's numbers matches none.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startPreview, type Preview } from './server.ts';
import { launch, type Launched } from './browser.ts';
import { sampleDb } from '../unit/helpers/sample-db.ts';
import { filterChoices } from '../../src/lib/db/catalog.ts';
import { defaultFilters, periodEnd } from '../../src/lib/dashboard/filters.ts';
import { formatDate } from '../../src/lib/i18n/format.ts';
import type { ChartSpec, ViewContext } from '../../src/lib/dashboard/spec.ts';
import { VERGLEICH_CHARTS } from '../../src/lib/dashboard/specs/vergleich.ts';
import { AELTERE_CHARTS } from '../../src/lib/dashboard/specs/aeltere.ts';
import type { Db } from '../../src/lib/db/types.ts';
import { Coordinator } from '../../src/lib/db/coordinator.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHANGES = 20;

let preview: Preview;
let browser: Launched;
let db: Db;
let aemter: { key: string; name: string; active: boolean }[];
let lastMonth: string;

before(async () => {
	// one after another: the Node DuckDB is synchronous and would starve the server's start-up check
	preview = await startPreview(ROOT);
	browser = await launch({ serviceWorkers: 'block' });
	db = await sampleDb();
	const choices = await filterChoices(db);
	lastMonth = choices.lastMonth!;
	aemter = choices.aemter;
	assert.ok(aemter.length > CHANGES, `${aemter.length} MV Ämter`);
	assert.ok(aemter.filter((a) => a.active).length >= 4, 'Ämter with activity in the sample data');
});

after(async () => {
	await browser?.close();
	await preview?.stop();
	await db?.close();
});

interface Seen {
	chart: string;
	title: string;
	summary: string;
	aria: string | null;
	busy: boolean;
}

/** what every chart shows, recorded on every DOM change (a string: tsx would wrap a function in helpers the page lacks) */
const OBSERVER = `(() => {
	const seen = [];
	window.__seen = seen;
	const snap = () => {
		for (const el of document.querySelectorAll('[data-testid=chart]')) {
			const h = el.querySelector('.chart-title');
			const title = h && h.firstChild ? (h.firstChild.textContent || '').trim() : '';
			const p = el.querySelector('p.summary');
			const img = el.querySelector('.canvas[role=img]');
			if (!p) continue;
			seen.push({ chart: el.getAttribute('data-chart'), title, summary: p.textContent.trim(), aria: img ? img.getAttribute('aria-label') : null, busy: el.querySelector('figure[aria-busy=true]') !== null });
		}
	};
	const start = () => new MutationObserver(snap).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'aria-busy'] });
	if (document.body) start();
	else document.addEventListener('DOMContentLoaded', start);
})()`;

/** title and summary of every chart for every Amt, as the app renders them */
async function expected(specs: ChartSpec[], keys: string[]): Promise<Map<string, Map<string, string>>> {
	const f0 = defaultFilters(lastMonth);
	const stand = formatDate(periodEnd({ ...f0, to: lastMonth }), 'de');
	const out = new Map<string, Map<string, string>>(specs.map((s) => [s.id, new Map()]));
	// through a coordinator, as the page: the charts share statements, the Ämter the values of every Verband
	const c = new Coordinator(db);
	for (const key of keys) {
		const f = { ...f0, amt: key };
		const ctx: ViewContext = { lang: 'de', filters: f, amtName: aemter.find((a) => a.key === key)?.name ?? key, sample: true, stand };
		for (const s of specs) {
			const r = s.render(await c.request((q) => s.load(q, f)), ctx, { showTitle: false, animation: true });
			out.get(s.id)!.set(`${r.title}\n${r.summary}`, key);
			// an empty chart shows no summary paragraph: remembered per Amt for the end state
			if (!r.option) out.get(s.id)!.set(`empty\n${key}`, key);
		}
	}
	return out;
}

async function changeQuickly(path: string, specs: ChartSpec[]) {
	const page: Page = await browser.context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	// a chart whose query failed shows an error instead of its summary: that is a failure here too
	page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
	await page.addInitScript(OBSERVER);
	await page.goto(preview.url + path);
	await page.locator('[data-testid=chart][data-state=ready]').first().waitFor({ timeout: 180_000 });
	await page.waitForFunction(() => !document.querySelector('[data-testid=chart][data-state=loading]'), null, { timeout: 120_000 });
	const first = await page.locator('[data-testid=amt-select]').inputValue();
	// the Ämter with activity (their charts have numbers to mix up) alternating with others (zeros, empty charts)
	const others = aemter.filter((a) => a.key !== first);
	const active = others.filter((a) => a.active).map((a) => a.key);
	const quiet = others.filter((a) => !a.active).map((a) => a.key);
	const order = Array.from({ length: Math.max(active.length, quiet.length) }, (_, i) => [active[i], quiet[i]])
		.flat()
		.filter((k): k is string => !!k)
		.slice(0, CHANGES);
	assert.equal(order.length, CHANGES);
	const want = await expected(specs, [first, ...order]);

	// 20 changes, each as soon as the control takes it: the charts of most states never settle
	for (const key of order) await page.locator('[data-testid=amt-select]').selectOption(key);
	const last = order.at(-1)!;
	await page.waitForURL(new RegExp(`amt=${last}`));
	await page.waitForFunction(() => !document.querySelector('[data-testid=chart][data-state=loading]'), null, { timeout: 120_000 });

	const seen = (await page.evaluate('window.__seen')) as Seen[];
	assert.ok(seen.length > specs.length * 2, `${seen.length} snapshots recorded`);
	const mixed: string[] = [];
	const ariaWrong: string[] = [];
	const states = new Map<string, Set<string>>();
	for (const s of seen) {
		const amt = want.get(s.chart)?.get(`${s.title}\n${s.summary}`);
		if (amt === undefined) mixed.push(`${s.chart}${s.busy ? ' (busy)' : ''}: «${s.title}» / «${s.summary}»`);
		else (states.get(s.chart) ?? states.set(s.chart, new Set()).get(s.chart)!).add(amt);
		if (s.aria !== null && s.aria !== s.summary) ariaWrong.push(`${s.chart}: aria «${s.aria}» ≠ summary «${s.summary}»`);
	}
	assert.deepEqual([...new Set(mixed)].slice(0, 10), [], 'every summary shown belongs, with its title, to one Amt');
	assert.deepEqual([...new Set(ariaWrong)].slice(0, 10), [], "the chart's aria-label is its summary");
	assert.deepEqual(await page.locator('[data-testid=chart][data-state=error]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart'))), [], 'no chart ends in an error');
	// the end state, read from the page now: every chart shows the last Amt, or is empty where the last Amt's chart is
	const now = await page.evaluate(() =>
		[...document.querySelectorAll('[data-testid=chart]')].map((el) => {
			const h = el.querySelector('.chart-title');
			const p = el.querySelector('p.summary');
			return {
				chart: el.getAttribute('data-chart') ?? '',
				title: h && h.firstChild ? (h.firstChild.textContent || '').trim() : '',
				summary: p ? (p.textContent ?? '').trim() : null,
				busy: el.querySelector('figure[aria-busy=true]') !== null
			};
		})
	);
	for (const s of specs) {
		const mine = now.find((x) => x.chart === s.id);
		assert.ok(mine, `${s.id} on the page`);
		if (mine.summary === null) assert.equal(want.get(s.id)!.get(`empty\n${last}`), last, `${s.id} is empty at the end, as it is for the last Amt`);
		else assert.equal(want.get(s.id)!.get(`${mine.title}\n${mine.summary}`), last, `${s.id} ends with the last Amt`);
		assert.equal(mine.busy, false, `${s.id} is not busy at the end`);
	}
	assert.deepEqual(errors, []);
	console.log(`${path}: ${seen.length} snapshots of ${specs.length} charts over ${CHANGES} quick Amt changes; Ämter shown per chart: ${[...states.values()].map((x) => x.size).join(', ')}`);
	await page.close();
}

test('Ämter-Vergleich: 20 quick Amt changes, no chart ever shows one Amt’s name with another’s numbers', async () => {
	await changeQuickly('/vergleich', VERGLEICH_CHARTS);
});

test('Reichweite Ältere: 20 quick Amt changes, no chart ever shows one Amt’s name with another’s numbers', async () => {
	await changeQuickly('/aeltere', AELTERE_CHARTS);
});
