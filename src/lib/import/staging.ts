/**
 * Puts a file's text records into the DuckDB staging table `stg` (`_line` + `<column>_raw`
 * VARCHAR per canonical column), crossing over as Arrow IPC bytes (safe whichever copy of
 * apache-arrow the database uses). Empty cells become NULL; text is trimmed.
 */
import { Table, tableToIPC, makeVector, type Vector } from 'apache-arrow';
import { utf8Vector } from './arrow-text';
import type { Db } from '../db/types';
import type { DatasetSpec } from './schemas';
import { q } from './validate-sql';

export interface StagedRow {
	line: number;
	fields: string[];
}

/** `mapping`: file column index → canonical column name */
export async function stageRecords(db: Db, spec: DatasetSpec, mapping: Map<number, string>, rows: StagedRow[]): Promise<void> {
	const indexOf = new Map<string, number>();
	for (const [i, name] of mapping) indexOf.set(name, i);
	const cols: Record<string, Vector> = {};
	cols._line = makeVector(Int32Array.from(rows, (r) => r.line));
	for (const c of spec.columns) {
		const i = indexOf.get(c.name);
		const values = rows.map((r) => {
			if (i === undefined) return null;
			const v = (r.fields[i] ?? '').trim();
			return v === '' ? null : v;
		});
		cols[`${c.name}_raw`] = utf8Vector(values);
	}
	const ipc = tableToIPC(new Table(cols), 'stream');
	await db.exec('DROP TABLE IF EXISTS stg');
	await db.insertArrowIPC('stg', ipc, true);
}

/** Parquet: the Arrow table is already in DuckDB as `_pq`; cast every mapped column to text. */
export async function stageFromTable(db: Db, spec: DatasetSpec, source: string, fileColumns: string[], mapping: Map<number, string>): Promise<void> {
	const byName = new Map<string, string>();
	for (const [i, name] of mapping) byName.set(name, fileColumns[i]);
	const sel = spec.columns.map((c) => {
		const src = byName.get(c.name);
		return src === undefined
			? `NULL::VARCHAR AS ${q(c.name + '_raw')}`
			: `NULLIF(trim(CAST(${q(src)} AS VARCHAR)), '') AS ${q(c.name + '_raw')}`;
	});
	await db.exec(`CREATE OR REPLACE TABLE stg AS SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS _line, ${sel.join(', ')} FROM ${q(source)}`);
}
