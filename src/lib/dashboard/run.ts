/** One indicator with the filters it can apply; `ignored` = the set filters it cannot (for the chart's notes). */
import { keepsRelations } from '../db/coordinator';
import type { Reader } from '../db/types';
import { getIndicator } from '../indicators/registry';
import { runIndicator } from '../indicators/run';
import { litList } from '../indicators/sql-lit';
import type { FilterKey, IndicatorRow, Level } from '../indicators/types';
import { paramsFor, type ViewFilters } from './filters';

export async function runFiltered(db: Reader, id: string, f: ViewFilters, level: Level, areas?: string[]): Promise<{ rows: IndicatorRow[]; ignored: FilterKey[] }> {
	const { params, ignored } = paramsFor(getIndicator(id).filters, f, level, areas);
	return { rows: await runIndicator(db, id, params), ignored };
}

/**
 * The same rows as `runFiltered` for indicators whose value of an area does not depend on the
 * other areas asked for (sums and ratios per area): through the coordinator, the indicator is
 * computed once for every area of the level (a temp table per period and filters) and each Amt
 * only selects its rows, so changing the Amt costs a lookup, not an aggregate. The temp table
 * keeps the indicator's row order (DuckDB preserves insertion order on a scan).
 */
export async function runFilteredPerArea(q: Reader, id: string, f: ViewFilters, level: Level, areas: string[]): Promise<{ rows: IndicatorRow[]; ignored: FilterKey[] }> {
	if (!keepsRelations(q) || !areas.length) return runFiltered(q, id, f, level, areas);
	const def = getIndicator(id);
	const { params, ignored } = paramsFor(def.filters, f, level);
	const all = await q.relation(def.sql(params));
	return { rows: await q.query<IndicatorRow>(`SELECT * FROM ${all} WHERE key IN ${litList(areas)}`), ignored };
}
