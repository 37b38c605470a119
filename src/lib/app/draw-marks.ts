/**
 * Performance marks of a filter change, with the standard Performance API (nothing on `window`):
 *
 *   dlm:filter-change  a new filter state starts (a control changed the URL, or back/forward)
 *   dlm:queries-done   every chart of the page has the data of that state
 *   dlm:charts-drawn   the last chart of that state on screen has been painted; a chart below
 *                      the fold that already showed an earlier state is drawn later (when it
 *                      scrolls in or the page is idle, ChartView) and does not count: the
 *                      mark's detail says how many were deferred
 *   dlm:setoption      (measure) one ECharts setOption call
 *   dlm:query          (measure) one SQL statement run by the coordinator
 *
 * Each mark's `detail` is `{ page, state }` (`state` = the filters as JSON, the key the charts use),
 * so a benchmark can pair them (scripts/bench/interaction.ts). Marks of a state that a newer one
 * replaced before it was drawn are never set.
 */
export const MARK = {
	filterChange: 'dlm:filter-change',
	queriesDone: 'dlm:queries-done',
	chartsDrawn: 'dlm:charts-drawn',
	setOption: 'dlm:setoption',
	query: 'dlm:query'
} as const;

interface Pending {
	page: string;
	state: string;
	/** chart ids the page shows (unknown until the page says) */
	charts: Set<string> | null;
	queried: Set<string>;
	drawn: Set<string>;
	/** off screen, drawn later (counted as drawn for this change's mark) */
	deferred: Set<string>;
	queriesMarked: boolean;
	/** run once the charts on screen are drawn (charts below the fold waiting their turn) */
	then: (() => void)[];
}

let pending: Pending | null = null;

function mark(name: string, p: Pending, extra: Record<string, unknown> = {}) {
	performance.mark(name, { detail: { page: p.page, state: p.state, ...extra } });
}

/** a filter state starts; a second call for the same state does nothing */
export function filterChange(page: string, state: string): void {
	if (pending && pending.page === page && pending.state === state) return;
	pending = { page, state, charts: null, queried: new Set(), drawn: new Set(), deferred: new Set(), queriesMarked: false, then: [] };
	mark(MARK.filterChange, pending);
}

/** the page shows these charts for this state (marks the start if no control did) */
export function expectCharts(page: string, state: string, ids: string[]): void {
	filterChange(page, state);
	if (!pending) return;
	pending.charts = new Set(ids);
	check();
}

export function chartQueried(state: string, id: string): void {
	if (pending?.state !== state) return;
	pending.queried.add(id);
	check();
}

/** call when the chart of this state is on screen; the mark follows after the next paint */
export function chartDrawn(state: string, id: string): void {
	if (pending?.state !== state) return;
	const p = pending;
	afterPaint(() => {
		if (pending !== p) return;
		p.deferred.delete(id);
		p.drawn.add(id);
		p.queried.add(id);
		check();
	});
}

/** the chart is off screen and keeps the earlier state (marked busy) until it is drawn later */
export function chartDeferred(state: string, id: string): void {
	if (pending?.state !== state) return;
	pending.deferred.add(id);
	pending.queried.add(id);
	pending.drawn.add(id);
	check();
}

/**
 * Runs `fn` once the charts on screen have drawn the state being drawn (at once when none is),
 * at the latest after `ms` (a page that never says which charts it shows). Cancel with the result.
 */
export function whenOnScreenDrawn(fn: () => void, ms = 3000): () => void {
	let done = false;
	const once = () => {
		if (done) return;
		done = true;
		clearTimeout(timer);
		fn();
	};
	const timer = setTimeout(once, ms);
	if (pending) {
		const p = pending;
		p.then.push(once);
		// a page that does not say which charts it shows (the Karte page): no mark will come
		setTimeout(() => {
			if (pending === p && !p.charts) once();
		}, 0);
	} else once();
	return () => {
		done = true;
		clearTimeout(timer);
	};
}

function check() {
	const p = pending;
	if (!p?.charts) return;
	const all = (s: Set<string>) => [...p.charts!].every((id) => s.has(id));
	if (!p.queriesMarked && all(p.queried)) {
		p.queriesMarked = true;
		mark(MARK.queriesDone, p);
	}
	if (all(p.drawn)) {
		const deferred = [...p.charts].filter((id) => p.deferred.has(id)).length;
		mark(MARK.chartsDrawn, p, { drawn: p.charts.size - deferred, deferred });
		pending = null;
		for (const fn of p.then.splice(0)) fn();
	}
}

/** runs `fn` after the browser painted the current frame (a task queued from the frame's rAF) */
export function afterPaint(fn: () => void): void {
	if (typeof requestAnimationFrame !== 'function') return void setTimeout(fn, 0);
	requestAnimationFrame(() => setTimeout(fn, 0));
}

/** a measure of one piece of work, for the floor the benchmark reports */
export function measure(name: string, start: number, detail?: unknown): void {
	performance.measure(name, { start, end: performance.now(), detail });
}
