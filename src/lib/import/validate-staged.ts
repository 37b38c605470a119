/**
 * The SQL half of an import, once the file's rows are staged as text in `stg`: the decimal mark
 * per numeric column, then the checks and the append of the good rows to the kind's table.
 * Runs the same in duckdb-wasm and native DuckDB (the benchmark calls it there).
 */
import type { Db } from '../db/types';
import { decideDecimal, type ColumnNumberFormat } from './number-format';
import type { DatasetSpec } from './schemas';
import { checkTableSql, enumRows, errorListSql, insertLoadedSql, lit, numberEvidenceSql, q, targetTableSql, type NumberFormats } from './validate-sql';

const NUMERIC = new Set(['int', 'decimal', 'rate']);

/**
 * Decimal mark per numeric column of `stg`, from that column's own text values (typed numbers
 * from XLSX or Parquet do not vote); `overrides` (a profile) win. Exported for the benchmark.
 */
export async function decideNumberFormats(db: Db, spec: DatasetSpec, overrides: Record<string, ',' | '.'> = {}): Promise<NumberFormats> {
	const cols = spec.columns.filter((c) => NUMERIC.has(c.type));
	const out: NumberFormats = {};
	if (!cols.length) return out;
	const ev = (await db.query<Record<string, number>>(numberEvidenceSql(cols.map((c) => c.name))))[0];
	for (const c of cols) {
		const decimal = overrides[c.name] ?? decideDecimal(Number(ev[c.name + ':,']), Number(ev[c.name + ':.']));
		out[c.name] = { decimal, intOnly: c.type === 'int' } satisfies ColumnNumberFormat;
	}
	return out;
}

/**
 * Rows validated per batch. A file's checks, typed copy and loaded rows of 10 M rows together
 * pass duckdb-wasm's memory (about 3.1 GiB); in batches only one batch's `_chk` exists at a time.
 * Kinds with a uniqueness rule are checked in one batch (duplicates span the whole file).
 */
export const VALIDATE_BATCH_ROWS = 1_000_000;

/**
 * Validates the staging table `stg` and appends its good rows to the kind's table. Leaves
 * `_errors` (every error) and `_repairs` (keys that got their leading zero back) for the report.
 * Exported so the benchmark can run exactly this SQL on native DuckDB.
 */
export async function validateStaged(
	db: Db,
	spec: DatasetSpec,
	fmts: NumberFormats,
	fileName: string,
	extraEnums: { col: string; spelling: string; canonical: string }[] = [],
	refused: Set<string> = new Set(),
	batchRows = VALIDATE_BATCH_ROWS
): Promise<{ loaded: number; rejected: number }> {
	await db.exec(`CREATE OR REPLACE TEMP TABLE _enum_map (col VARCHAR, spelling VARCHAR, canonical VARCHAR)`);
	const seen = new Set<string>();
	const enums = [...extraEnums, ...enumRows(spec)].filter((e) => {
		const k = e.col + '\u0000' + e.spelling;
		if (seen.has(k) || refused.has(k)) return false;
		seen.add(k);
		return true;
	});
	if (enums.length) await db.exec(`INSERT INTO _enum_map VALUES ${enums.map((e) => `(${lit(e.col)}, ${lit(e.spelling)}, ${lit(e.canonical)})`).join(', ')}`);
	const staged = (await db.query<{ n: number | null }>('SELECT max(_row)::INTEGER AS n FROM stg'))[0].n ?? 0;
	const step = spec.unique?.length ? Math.max(staged, 1) : Math.max(1, batchRows);
	await db.exec('CREATE OR REPLACE TEMP TABLE _errors (_row INTEGER, _line INTEGER, col VARCHAR, value VARCHAR, code VARCHAR, first_row INTEGER)');
	await db.exec('CREATE OR REPLACE TEMP TABLE _repairs (_row INTEGER, _line INTEGER, col VARCHAR, f VARCHAR, t VARCHAR)');
	await db.exec(targetTableSql(spec));
	// Loading a file again replaces its earlier rows instead of counting them twice.
	// one transaction: a failure (out of memory) leaves the earlier rows of this file in place
	await db.exec('BEGIN TRANSACTION');
	try {
		await db.exec(`DELETE FROM ${q(spec.table)} WHERE _file = ${lit(fileName)}`);
		for (let from = 1; from <= Math.max(staged, 1); from += step) {
			const range = staged > step ? { from, to: from + step - 1 } : undefined;
			await db.exec('DROP TABLE IF EXISTS _chk');
			await db.exec(checkTableSql(spec, fmts, range));
			await db.exec(`INSERT INTO _errors ${errorListSql(spec)}`);
			await db.exec(insertLoadedSql(spec, fileName));
			for (const c of spec.columns.filter((x) => x.type === 'gemeinde')) {
				await db.exec(`INSERT INTO _repairs SELECT _row, _line, ${lit(c.name)}, ${q('_repf_' + c.name)}, ${q('_key_' + c.name)} FROM _chk WHERE ${q(c.name)} IS NOT NULL AND ${q('_repf_' + c.name)} IS NOT NULL`);
			}
		}
		await db.exec('DROP TABLE IF EXISTS _chk');
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => undefined);
		throw e;
	}
	const loaded = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q(spec.table)} WHERE _file = ${lit(fileName)}`))[0].n;
	const rejected = (await db.query<{ n: number }>('SELECT count(DISTINCT _row)::INTEGER AS n FROM _errors'))[0].n;
	return { loaded, rejected };
}
