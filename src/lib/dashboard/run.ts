/** One indicator with the filters it can apply; `ignored` = the set filters it cannot (for the chart's notes). */
import { keepsRelations } from '../db/reads';
import type { Reader } from '../db/types';
import { getIndicator } from '../indicators/registry';
import { runIndicator } from '../indicators/run';
import type { FilterKey, IndicatorRow, Level } from '../indicators/types';
import { paramsFor, type ViewFilters } from './filters';

export async function runFiltered(db: Reader, id: string, f: ViewFilters, level: Level, areas?: string[]): Promise<{ rows: IndicatorRow[]; ignored: FilterKey[] }> {
	const { params, ignored } = paramsFor(getIndicator(id).filters, f, level, areas);
	return { rows: await runIndicator(db, id, params), ignored };
}

/**
 * The same rows as `runFiltered` for indicators whose value of an area does not depend on the
 * other areas asked for (sums and ratios per area): through the coordinator, the indicator is
 * computed once for every area of the level (a temp table per period and filters), read once
 * (a statement without the Amt in its text, kept by the coordinator for the filter state), and
 * each Amt picks its rows here: changing the Amt costs no statement. The rows keep the
 * indicator's order (DuckDB preserves insertion order on a scan; the filter keeps it).
 */
export async function runFilteredPerArea(q: Reader, id: string, f: ViewFilters, level: Level, areas: string[]): Promise<{ rows: IndicatorRow[]; ignored: FilterKey[] }> {
	if (!keepsRelations(q) || !areas.length) return runFiltered(q, id, f, level, areas);
	const def = getIndicator(id);
	const { params, ignored } = paramsFor(def.filters, f, level);
	const all = await q.relation(def.sql(params));
	const wanted = new Set(areas);
	return { rows: (await q.query<IndicatorRow>(`SELECT * FROM ${all}`)).filter((r) => wanted.has(r.key)), ignored };
}
