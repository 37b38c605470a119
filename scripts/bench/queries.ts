/**
 * The benchmark's workload, shared by the browser entry (browser/) and the native side
 * (scripts/bench.ts) so both run the same SQL. The two aggregates answer the same question
 * (contacts, participants and active Lotsen per Verband in 2025): once over raw rows, once
 * over the summary tables the indicators use.
 */
import type { Db } from '../../src/lib/db/types';
import { Coordinator } from '../../src/lib/db/coordinator';
import { comparisonAll } from '../../src/lib/dashboard/specs/vergleich';

export const AGG_RAW = `
SELECT g.verband_ars, count(*) AS kontakte, sum(e.teilnehmende) AS teilnehmende, count(DISTINCT e.lotse_id) AS lotsen
FROM einsaetze e JOIN gemeinden g USING (ags)
WHERE e.datum BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'
GROUP BY 1`;

export const AGG_SUMMARY = `
WITH k AS (
	SELECT g.verband_ars, sum(s.kontakte) AS kontakte, sum(s.teilnehmende) AS teilnehmende
	FROM s_einsaetze s JOIN gemeinden g USING (ags)
	WHERE s.monat BETWEEN DATE '2025-01-01' AND DATE '2025-12-01' GROUP BY 1),
l AS (
	SELECT g.verband_ars, count(DISTINCT l.lotse_id) AS lotsen
	FROM s_lotsen_monat l JOIN gemeinden g USING (ags)
	WHERE l.monat BETWEEN DATE '2025-01-01' AND DATE '2025-12-01' GROUP BY 1)
SELECT k.*, l.lotsen FROM k JOIN l USING (verband_ars)`;

export interface BenchResult {
	step: string;
	rows: number;
	/** milliseconds per run */
	runs: number[];
}

export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The Ämter-Vergleich page after a filter change, at 1 M rows: nine indicators over every
 * Verband + peer group + statistics. "neuer Zeitraum" computes everything (empty cache);
 * "anderes Amt" has the values of every Verband cached from an earlier Amt, as the page has
 * when only the Amt changes. Each run uses another MV Amt, so nothing is answered whole.
 */
const BENCH_AEMTER = ['130765654', '130765659', '130765657', '130765655', '130765658', '130765652', '130765656', '130765660', '130765662', '130765663'];
const BENCH_FILTERS = { from: '2025-01', to: '2025-12', altersgruppe: [], format: [], thema: [] };

export interface BenchStep {
	step: string;
	/** untimed preparation, run once before the timed runs */
	setup?: () => Promise<unknown>;
	run: () => Promise<unknown>;
}

export function dashboardSteps(db: Db): BenchStep[] {
	let period = 0;
	let amt = 0;
	// a fresh coordinator has nothing cached; `warm` keeps the values of every Verband as temp tables
	const warm = new Coordinator(db);
	const fresh = () => new Coordinator(db);
	return [
		{
			step: 'Ämter-Vergleich, neuer Zeitraum (9 Kennzahlen)',
			run: () => fresh().request((q) => comparisonAll(q, { ...BENCH_FILTERS, amt: BENCH_AEMTER[period++ % BENCH_AEMTER.length] }))
		},
		{
			step: 'Ämter-Vergleich, anderes Amt (Cache)',
			setup: () => warm.request((q) => comparisonAll(q, { ...BENCH_FILTERS, amt: BENCH_AEMTER.at(-1)! })),
			run: () => warm.request((q) => comparisonAll(q, { ...BENCH_FILTERS, amt: BENCH_AEMTER[amt++ % (BENCH_AEMTER.length - 1)] }))
		}
	];
}
