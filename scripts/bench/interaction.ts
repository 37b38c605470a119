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
 * one Amt after another, each Amt not seen before in the run where the data allow.
 */
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
	total: number;
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
		chartsDrawn: quantile(timings.map((t) => t.drawnCharts), 0.5),
		chartsDeferred: quantile(timings.map((t) => t.deferredCharts), 0.5)
	};
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
