/** Runs one indicator's SQL against a database. */
import type { Db } from '../db/types';
import type { IndicatorParams, IndicatorRow } from './types';
import { getIndicator } from './registry';

export async function runIndicator(db: Db, id: string, params: IndicatorParams): Promise<IndicatorRow[]> {
	return db.query<IndicatorRow>(getIndicator(id).sql(params));
}
