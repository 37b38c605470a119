/** The tables a workspace file carries: every dataset table with its exact schema. */
import { DATASETS } from '../import/schemas';
import { targetTableSql } from '../import/validate-sql';
import type { TableSchema } from './workspace-file';

export function datasetTableSchemas(): TableSchema[] {
	return Object.values(DATASETS).map((spec) => ({ name: spec.table, createSql: targetTableSql(spec) }));
}
