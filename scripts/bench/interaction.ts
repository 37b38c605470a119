/**
 * Interaction benchmark: how long a dashboard page takes from a filter change to the last chart
 * painted, read from the app's own Performance marks (src/lib/app/draw-marks.ts):
 *
 *   dlm:filter-change → dlm:charts-drawn     the figure (p50/p95 over the changes)
 *   dlm:query, dlm:setoption (measures)     the page's floor for the same change: the time
 *                                           DuckDB was busy with the change's SQL (union of the
 *                                           statements' intervals, as seen from the page) plus
 *                                           the time of the ECharts setOption calls
 *
 * `measureInteraction(page)` is called by scripts/bench.ts; run alone against a build:
 *
 *   npx vite build && npx tsx scripts/bench/interaction.ts [--pages /vergleich,/aeltere] [--changes 20]
 *
 * It changes the Amt with the page's own control (the select writes the URL, like a user),
 * one Amt after another, each Amt not seen before in the run where the data allow, each change
 * on a settled page.
 *
 * What "charts drawn" covers: the charts on screen (1280×800). A chart below the fold keeps the
 * earlier state, marked busy, and is drawn after them, when the page is idle or the chart
 * scrolls in (ChartView); the mark's detail counts both, and the output says how many.
 *
 * `runInteractionBench` measures both pages twice: with the sample data, and after importing
 * BENCH_INTERACTION_ROWS (default 1 000 000) generated activity rows (scripts/bench/interaction-data.ts)
 * through the Daten page, replacing the sample data, as a user would.
 */
import os from 'node:os';
import type { Page } from 'playwright-core';

export interface InteractionResult {
	page: string;
	changes: number;
	/** filter change → last chart painted, ms */
	p50: number;
	p95: number;
	max: number;
	/** the floor of each change: DuckDB time of its queries + setOption time, ms */
	floorP50: number;
	floorP95: number;
	queriesP50: number;
	setOptionP50: number;
	/** filter change → every chart has its data, ms */
	queriesDoneP50: number;
	/** p95 ÷ floor p95 */
	ratio: number;
	samples: number[];
	/** change → every chart of the page drawn, the ones below the fold included (polled: ± 20 ms) */
	allChartsP50: number;
	allChartsP95: number;
	/** median number of charts on screen drawn per change (what the figure covers) and of charts below the fold drawn later */
	chartsDrawn: number;
	chartsDeferred: number;
}

export function quantile(xs: number[], q: number): number {
	if (!xs.length) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const i = (s.length - 1) * q;
	const lo = Math.floor(i);
	const hi = Math.ceil(i);
	return s[lo] + (s[hi] - s[lo]) * (i - lo);
}

interface Timing {
	/** page time of the change */
	start: number;
	total: number;
	/** change → every chart of the page drawn, below the fold included (polled every 20 ms: ± 20 ms) */
	settled?: number;
	queriesDone: number;
	queries: number;
	setOption: number;
	/** charts on screen drawn for the change, and charts below the fold left for later */
	drawnCharts: number;
	deferredCharts: number;
}

/** waits until the page has drawn all charts of its first state (its first dlm:charts-drawn mark) */
export async function waitForFirstDraw(page: Page, timeout = 180_000): Promise<void> {
	await poll(page, `performance.getEntriesByName('dlm:charts-drawn').length > 0 || null`, timeout, 100);
}

/**
 * Evaluates `expression` in the page every `every` ms until it is not null. Not waitForFunction:
 * Playwright evaluates a string predicate with eval(), which the app's CSP (rightly) refuses;
 * page.evaluate of a string goes through the DevTools protocol. A string, not a function: tsx
 * would wrap named functions in a helper the page does not have.
 */
async function poll<T>(page: Page, expression: string, timeout: number, every: number): Promise<T> {
	const until = Date.now() + timeout;
	for (;;) {
		const v = (await page.evaluate(expression)) as T | null;
		if (v !== null && v !== undefined) return v;
		if (Date.now() > until) throw new Error(`timeout after ${timeout} ms: ${expression.slice(0, 80)}`);
		await new Promise((r) => setTimeout(r, every));
	}
}

/** the timing of the newest change to `amt`, once its charts are drawn */
async function timingOf(page: Page, amt: string, timeout: number): Promise<Timing> {
	return poll<Timing>(
		page,
		`(() => {
			const amt = ${JSON.stringify(amt)};
			const starts = performance.getEntriesByName('dlm:filter-change').filter((m) => m.detail && JSON.parse(m.detail.state).amt === amt);
			const start = starts[starts.length - 1];
			if (!start) return null;
			const after = (name) => performance.getEntriesByName(name).find((m) => m.startTime >= start.startTime && m.detail && m.detail.state === start.detail.state);
			const drawn = after('dlm:charts-drawn');
			if (!drawn) return null;
			const done = after('dlm:queries-done');
			const inWindow = (name) => performance.getEntriesByName(name).filter((m) => m.startTime >= start.startTime && m.startTime <= drawn.startTime);
			const within = (name) => inWindow(name).reduce((s, m) => s + m.duration, 0);
			// statements overlap when several are in flight: the time DuckDB was busy is the union of their intervals
			const busy = (name) => {
				let total = 0, end = -Infinity;
				for (const m of inWindow(name).sort((a, b) => a.startTime - b.startTime)) {
					const e = m.startTime + m.duration;
					if (e <= end) continue;
					total += e - Math.max(m.startTime, end);
					end = e;
				}
				return total;
			};
			return {
				start: start.startTime,
				total: drawn.startTime - start.startTime,
				queriesDone: done ? done.startTime - start.startTime : NaN,
				queries: busy('dlm:query'),
				setOption: within('dlm:setoption'),
				drawnCharts: drawn.detail.drawn ?? NaN,
				deferredCharts: drawn.detail.deferred ?? 0
			};
		})()`,
		timeout,
		20
	);
}

/**
 * Performs `changes` Amt changes (after `warmup` uncounted ones) on a dashboard page that is
 * already open, waiting for each change to be drawn, and returns the figures.
 */
export async function measureInteraction(page: Page, o: { changes?: number; warmup?: number; timeout?: number } = {}): Promise<InteractionResult> {
	const changes = o.changes ?? 20;
	const warmup = o.warmup ?? 2;
	const timeout = o.timeout ?? 60_000;
	await waitForFirstDraw(page);
	const select = page.locator('[data-testid=amt-select]');
	const current = await select.inputValue();
	// Ämter with activity data first (the others draw mostly empty charts), each once
	const options = (await page.evaluate(`[...document.querySelectorAll('[data-testid=amt-select] option')].map((e) => ({ key: e.value, text: e.textContent || '' }))`)) as { key: string; text: string }[];
	const active = options.filter((x) => x.key !== current && !/\(keine Einsätze\)|\(no activities\)/.test(x.text)).map((x) => x.key);
	const order = active.length >= changes + warmup ? active : [...active, ...options.map((x) => x.key).filter((k) => k !== current && !active.includes(k))];
	const timings: Timing[] = [];
	for (let i = 0; i < changes + warmup; i++) {
		const amt = order[i % order.length];
		// a settled page: the charts below the fold that the previous change left for later are drawn
		// (ChartView draws them when idle), so each change is measured on its own
		await poll(page, `document.querySelector('[data-testid=chart][data-state=loading]') ? null : true`, timeout, 20);
		await select.selectOption(amt);
		const t = await timingOf(page, amt, timeout);
		const allDrawn = await poll<number>(page, `document.querySelector('[data-testid=chart][data-state=loading]') ? null : performance.now()`, timeout, 20);
		t.settled = allDrawn - t.start;
		if (i >= warmup) timings.push(t);
	}
	const totals = timings.map((t) => t.total);
	const floors = timings.map((t) => t.queries + t.setOption);
	const r2 = (x: number) => Math.round(x * 10) / 10;
	return {
		page: new URL(page.url()).pathname,
		changes: timings.length,
		p50: r2(quantile(totals, 0.5)),
		p95: r2(quantile(totals, 0.95)),
		max: r2(Math.max(...totals)),
		floorP50: r2(quantile(floors, 0.5)),
		floorP95: r2(quantile(floors, 0.95)),
		queriesP50: r2(quantile(timings.map((t) => t.queries), 0.5)),
		setOptionP50: r2(quantile(timings.map((t) => t.setOption), 0.5)),
		queriesDoneP50: r2(quantile(timings.map((t) => t.queriesDone), 0.5)),
		ratio: r2(quantile(totals, 0.95) / quantile(floors, 0.95)),
		samples: totals.map(r2),
		allChartsP50: r2(quantile(timings.map((t) => t.settled ?? NaN), 0.5)),
		allChartsP95: r2(quantile(timings.map((t) => t.settled ?? NaN), 0.95)),
		chartsDrawn: quantile(timings.map((t) => t.drawnCharts), 0.5),
		chartsDeferred: quantile(timings.map((t) => t.deferredCharts), 0.5)
	};
}

// ------------------------------------------------------------------------------ both data sizes

export interface InteractionBench {
	sample: InteractionResult[];
	big: InteractionResult[];
	bigRows: number;
	/** import of the big file through the Daten page, ms (file chosen → "geladen") */
	bigImportMs: number;
	note: string;
}

/** clears the page's draw marks and goes to `path` with the app's own navigation (no reload: the imported data stay) */
async function goInApp(page: Page, path: string): Promise<void> {
	await page.evaluate(`performance.clearMarks('dlm:charts-drawn'); performance.clearMarks('dlm:filter-change')`);
	await page.locator(`header nav a[href*="${path}"]`).first().click();
	await page.waitForURL(new RegExp(`${path}(\\?|$)`));
}

/** imports `file` on the Daten page, replacing the sample data; returns the time until it is loaded */
async function importBig(page: Page, file: string, rows: number, timeout: number): Promise<number> {
	await page.locator('[data-testid=file-input]').waitFor();
	await poll(page, `performance.getEntriesByName('dlm:data-ready').length > 0 || null`, timeout, 200);
	const t0 = Date.now();
	await page.locator('[data-testid=file-input]').setInputFiles(file);
	await page.locator('[data-testid=q-replace]').click({ timeout: 60_000 });
	await poll(page, `document.querySelector('[data-testid=table-counts] tr[data-table=einsaetze]')?.getAttribute('data-rows') === ${JSON.stringify(String(rows))} || null`, timeout, 500);
	return Date.now() - t0;
}

export async function runInteractionBench(o: { url: string; changes?: number; log?: (s: string) => void }): Promise<InteractionBench> {
	const log = o.log ?? ((s: string) => console.log(s));
	const changes = o.changes ?? 20;
	const rows = Number(process.env.BENCH_INTERACTION_ROWS ?? 1_000_000);
	const { launch } = await import('../../tests/e2e/browser');
	const { makeInteractionData } = await import('./interaction-data');
	const file = await makeInteractionData(rows);
	const print = (label: string, r: InteractionResult) =>
		log(
			`${label} ${r.page}: ${r.changes} Amt changes, change → charts on screen painted p50 ${r.p50} ms, p95 ${r.p95} ms (max ${r.max}); ` +
				`floor p50 ${r.floorP50} ms (queries ${r.queriesP50} + setOption ${r.setOptionP50}), p95 ${r.floorP95} ms; p95 ÷ floor ${r.ratio}; ` +
				`charts on screen ${r.chartsDrawn}, below the fold drawn later ${r.chartsDeferred}; all charts drawn p50 ${r.allChartsP50} ms, p95 ${r.allChartsP95} ms`
		);
	const browser = await launch({ width: 1280, height: 800, serviceWorkers: 'block' });
	try {
		const page = await browser.context.newPage();
		log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
		const sample: InteractionResult[] = [];
		for (const path of ['/vergleich', '/aeltere']) {
			await page.goto(o.url + path);
			const r = await measureInteraction(page, { changes });
			print('Beispieldaten', r);
			sample.push(r);
		}
		await page.goto(o.url + '/daten');
		log(`importing ${rows.toLocaleString('de-DE')} activity rows (${file}) through the Daten page …`);
		const bigImportMs = await importBig(page, file, rows, 30 * 60_000);
		log(`  loaded after ${(bigImportMs / 1000).toFixed(1)} s`);
		const big: InteractionResult[] = [];
		for (const path of ['/vergleich', '/aeltere']) {
			await goInApp(page, path);
			const r = await measureInteraction(page, { changes, timeout: 120_000 });
			print(`${rows.toLocaleString('de-DE')} Zeilen`, r);
			big.push(r);
		}
		log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
		return { sample, big, bigRows: rows, bigImportMs, note: 'charts drawn = the charts on screen at 1280×800; charts below the fold are drawn after them (idle or scrolled in)' };
	} finally {
		await browser.close();
	}
}

// ------------------------------------------------------------------------------ command line

async function main() {
	const arg = (name: string, dflt: string) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : dflt;
	};
	const pages = arg('pages', '/vergleich,/aeltere').split(',');
	const changes = Number(arg('changes', '20'));
	const { startPreview } = await import('../../tests/e2e/server');
	if (process.argv.includes('--big')) {
		const preview = await startPreview(process.cwd());
		try {
			const r = await runInteractionBench({ url: preview.url, changes });
			if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
			// --write: this part of bench/results.json (the rest stays as the last `npm run bench` wrote it)
			if (process.argv.includes('--write')) {
				const { readFileSync, writeFileSync, existsSync } = await import('node:fs');
				const os = await import('node:os');
				const file = 'bench/results.json';
				const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
				all.interaction = { ...r, date: new Date().toISOString(), loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10) };
				writeFileSync(file, JSON.stringify(all, null, '\t') + '\n');
				console.log(`${file}: interaction written`);
			}
		} finally {
			await preview.stop();
		}
		return;
	}
	const { launch } = await import('../../tests/e2e/browser');
	const preview = await startPreview(process.cwd());
	const browser = await launch({ width: 1280, height: 800, serviceWorkers: 'block' });
	try {
		const out: InteractionResult[] = [];
		for (const path of pages) {
			const page = await browser.context.newPage();
			await page.goto(preview.url + path);
			const r = await measureInteraction(page, { changes });
			out.push(r);
			console.log(
				`${r.page}: ${r.changes} Amt changes, change → last chart painted p50 ${r.p50} ms, p95 ${r.p95} ms (max ${r.max}); ` +
					`floor p50 ${r.floorP50} ms (queries ${r.queriesP50} + setOption ${r.setOptionP50}), p95 ${r.floorP95} ms; p95 ÷ floor ${r.ratio}; ` +
					`data of all charts after p50 ${r.queriesDoneP50} ms; charts on screen ${r.chartsDrawn}, below the fold drawn later ${r.chartsDeferred}`
			);
			console.log(`  samples: ${r.samples.join(' ')}`);
			await page.close();
		}
		if (process.argv.includes('--json')) console.log(JSON.stringify(out, null, 2));
	} finally {
		await browser.close();
		await preview.stop();
	}
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
	main().catch((e) => {
		console.error(e);
		process.exit(1);
	});
}
