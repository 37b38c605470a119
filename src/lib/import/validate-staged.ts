/**
 * The SQL half of an import, once the file's rows are staged as text in `stg`: the decimal mark
 * per numeric column, then the checks and the append of the good rows to the kind's table.
 * Runs the same in duckdb-wasm and native DuckDB (the benchmark calls it there).
 */
import type { Db } from '../db/types';
import { decideDecimal, type ColumnNumberFormat } from './number-format';
import type { DatasetSpec } from './schemas';
import { checkSelectSql, checkTableSql, dropMemoTablesSql, enumRows, errorListSql, insertLoadedSql, lit, memoTablesSql, numberEvidenceSql, q, targetTableSql, type NumberFormats, type RowRange } from './validate-sql';

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
			await checkBatch(db, spec, fmts, fileName, range);
		}
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => undefined);
		throw e;
	}
	const loaded = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q(spec.table)} WHERE _file = ${lit(fileName)}`))[0].n;
	const rejected = (await db.query<{ n: number }>('SELECT count(DISTINCT _row)::INTEGER AS n FROM _errors'))[0].n;
	return { loaded, rejected };
}

/**
 * Checks the staged rows of `range` (all of `stg` when none) and appends the good ones to the
 * kind's table. The good rows go straight from the checks into the table (no checked copy of
 * the batch is written); only when fewer rows arrived than the batch holds, or a key got its
 * leading zero back, is the checked copy `_chk` made, to list the errors and repairs.
 * `keys`: the table of keys seen in earlier batches (duplicates across batches).
 */
export async function checkBatch(db: Db, spec: DatasetSpec, fmts: NumberFormats, fileName: string, range?: RowRange, keys?: string): Promise<void> {
	for (const sql of memoTablesSql(spec, fmts, range)) await db.exec(sql);
	try {
		const rows = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM stg${range ? ` WHERE _row BETWEEN ${range.from} AND ${range.to}` : ''}`))[0].n;
		const opts = { memoTables: true, keys };
		const inserted = await db.query<{ Count: number }>(insertLoadedSql(spec, fileName, checkSelectSql(spec, fmts, range, opts)));
		const n = Number(inserted[0]?.Count ?? Object.values(inserted[0] ?? {})[0] ?? 0);
		const keyCols = spec.columns.filter((x) => x.type === 'gemeinde');
		let repaired = false;
		for (const c of keyCols) {
			if ((await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q('_m_' + c.name)} WHERE rep`))[0].n > 0) repaired = true;
		}
		if (n === rows && !repaired) return;
		await db.exec(checkTableSql(spec, fmts, range, opts));
		if (n !== rows) await db.exec(`INSERT INTO _errors ${errorListSql(spec)}`);
		for (const c of keyCols) {
			await db.exec(`INSERT INTO _repairs SELECT _row, _line, ${lit(c.name)}, ${q('_repf_' + c.name)}, ${q('_key_' + c.name)} FROM _chk WHERE ${q(c.name)} IS NOT NULL AND ${q('_repf_' + c.name)} IS NOT NULL`);
		}
		await db.exec('DROP TABLE IF EXISTS _chk');
	} finally {
		await db.exec(dropMemoTablesSql(spec));
	}
}
