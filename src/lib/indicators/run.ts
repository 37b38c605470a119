/** Runs one indicator's SQL against a database. */
import type { Reader } from '../db/types';
import type { IndicatorParams, IndicatorRow } from './types';
import { getIndicator } from './registry';

export async function runIndicator(db: Reader, id: string, params: IndicatorParams): Promise<IndicatorRow[]> {
	return db.query<IndicatorRow>(getIndicator(id).sql(params));
}
