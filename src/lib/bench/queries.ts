/**
 * The benchmark's workload, shared by the browser page (/bench) and the native side
 * (scripts/bench.ts) so both run the same SQL. The two aggregates answer the same question
 * (contacts, participants and active Lotsen per Verband in 2025): once over raw rows, once
 * over the summary tables the indicators use.
 */
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
