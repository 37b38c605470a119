/** Creates the (empty) table of every dataset kind, so indicators run before anything is imported. */
import type { Db } from '../db/types';
import { DATASETS } from './schemas';
import { targetTableSql } from './validate-sql';

export async function ensureDatasetTables(db: Db): Promise<void> {
	for (const spec of Object.values(DATASETS)) await db.exec(targetTableSql(spec));
}
