/** One indicator with the filters it can apply; `ignored` = the set filters it cannot (for the chart's notes). */
import type { Reader } from '../db/types';
import { getIndicator } from '../indicators/registry';
import { runIndicator } from '../indicators/run';
import type { FilterKey, IndicatorRow, Level } from '../indicators/types';
import { paramsFor, type ViewFilters } from './filters';

export async function runFiltered(db: Reader, id: string, f: ViewFilters, level: Level, areas?: string[]): Promise<{ rows: IndicatorRow[]; ignored: FilterKey[] }> {
	const { params, ignored } = paramsFor(getIndicator(id).filters, f, level, areas);
	return { rows: await runIndicator(db, id, params), ignored };
}
