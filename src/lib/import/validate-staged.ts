/**
 * The SQL half of an import, once the file's rows are staged as text in `stg`: the decimal mark
 * per numeric column, then the checks and the append of the good rows to the kind's table.
 * Runs the same in duckdb-wasm and native DuckDB (the benchmark calls it there).
 */
import type { Db } from '../db/types';
import { decideDecimal, type ColumnNumberFormat } from './number-format';
import { CancelledImport } from './read-file';
import type { DatasetSpec } from './schemas';
import { checkSelectSql, checkTableSql, dropMemoTablesSql, enumSpellings, errorListSql, insertLoadedSql, lit, memoTablesSql, numberEvidenceSql, q, SQL_TYPE, targetTableSql, type NumberFormats, type RowRange } from './validate-sql';

const NUMERIC = new Set(['int', 'decimal', 'rate']);

/**
 * Decimal mark per numeric column of `stg`, from that column's own text values (typed numbers
 * from XLSX or Parquet do not vote); `overrides` (a profile) win. Exported for the benchmark.
 */
export async function decideNumberFormats(db: Db, spec: DatasetSpec, overrides: Record<string, ',' | '.'> = {}): Promise<NumberFormats> {
	return formatsFromEvidence(spec, await numberEvidence(db, spec), overrides);
}

/** Per numeric column of `stg`, how many text values prove a decimal comma (`col:,`) or point (`col:.`); counts add up over batches. */
export async function numberEvidence(db: Db, spec: DatasetSpec): Promise<Record<string, number>> {
	const cols = spec.columns.filter((c) => NUMERIC.has(c.type));
	if (!cols.length) return {};
	const ev = (await db.query<Record<string, number>>(numberEvidenceSql(cols.map((c) => c.name))))[0];
	return Object.fromEntries(Object.entries(ev).map(([k, v]) => [k, Number(v)]));
}

/** The decimal mark per numeric column from evidence counts (`numberEvidence`); `overrides` (a profile) win. */
export function formatsFromEvidence(spec: DatasetSpec, ev: Record<string, number>, overrides: Record<string, ',' | '.'> = {}): NumberFormats {
	const out: NumberFormats = {};
	for (const c of spec.columns.filter((x) => NUMERIC.has(x.type))) {
		const decimal = overrides[c.name] ?? decideDecimal(ev[c.name + ':,'] ?? 0, ev[c.name + ':.'] ?? 0);
		out[c.name] = { decimal, intOnly: c.type === 'int' } satisfies ColumnNumberFormat;
	}
	return out;
}

const sameFormats = (a: NumberFormats, b: NumberFormats) => Object.keys(b).every((k) => a[k]?.decimal === b[k].decimal);

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
	batchRows = VALIDATE_BATCH_ROWS,
	/** Abbrechen: seen when the checks return, before COMMIT (rolled back, the file's earlier rows stay) */
	signal?: AbortSignal
): Promise<{ loaded: number; rejected: number }> {
	await enumMapTable(db, spec, extraEnums, refused);
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
		if (signal?.aborted) throw new CancelledImport();
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => undefined);
		throw e;
	}
	const loaded = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q(spec.table)} WHERE _file = ${lit(fileName)}`))[0].n;
	const rejected = (await db.query<{ n: number }>('SELECT count(DISTINCT _row)::INTEGER AS n FROM _errors'))[0].n;
	return { loaded, rejected };
}

/** The enum lookup `_enum_map`: every accepted spelling (normalised) → canonical value, with the profile's mapping. */
async function enumMapTable(db: Db, spec: DatasetSpec, extraEnums: { col: string; spelling: string; canonical: string }[], refused: Set<string>) {
	await db.exec(`CREATE OR REPLACE TEMP TABLE _enum_map (col VARCHAR, spelling VARCHAR, canonical VARCHAR)`);
	const enums = enumSpellings(spec, extraEnums, refused);
	if (enums.length) await db.exec(`INSERT INTO _enum_map VALUES ${enums.map((e) => `(${lit(e.col)}, ${lit(e.spelling)}, ${lit(e.canonical)})`).join(', ')}`);
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

/** The decimal mark the first batch decided differs from the whole file's: the file is read again with the whole file's marks. */
export class FormatsChanged extends Error {
	constructor(readonly fmts: NumberFormats) {
		super('number formats changed after the first batch');
	}
}

/**
 * A large file checked batch by batch while it is read (bounded memory): each batch of staged
 * rows in `stg` is checked, its good rows appended to `_load`, its errors to `_errors`, and then
 * `stg` is emptied (`flush`). Outside a transaction, so a checked batch's text is freed at once
 * (DuckDB keeps what a transaction drops until it ends). `finish` replaces the file's rows in the
 * kind's table by `_load` in one transaction, so a failure before leaves the tables as they were.
 * - Decimal marks: the first batch's vote is used for every batch; the evidence of all batches
 *   is counted, and when the whole file votes otherwise `finish` throws `FormatsChanged` (the
 *   import reads the file again with those marks: the same result as one vote over the file).
 * - Duplicates: the uniqueness columns' values seen so far are kept in `_keys` (with the first
 *   row and line), and a row whose key is there is a duplicate of that row.
 */
export class BatchValidation {
	/** staged rows checked so far (their `stg` rows are dropped) */
	rowsDone = 0;
	batches = 0;
	fmts: NumberFormats | null;
	private evidence: Record<string, number> = {};
	private readonly load: DatasetSpec;

	constructor(
		private readonly db: Db,
		private readonly spec: DatasetSpec,
		private readonly fileName: string,
		private readonly extraEnums: { col: string; spelling: string; canonical: string }[],
		private readonly refused: Set<string>,
		private readonly overrides: Record<string, ',' | '.'>,
		fixed?: NumberFormats
	) {
		this.fmts = fixed ?? null;
		this.fixed = !!fixed;
		this.load = { ...spec, table: '_load' };
	}
	private readonly fixed: boolean;

	async start(): Promise<void> {
		const db = this.db;
		await enumMapTable(db, this.spec, this.extraEnums, this.refused);
		await db.exec('CREATE OR REPLACE TEMP TABLE _errors (_row INTEGER, _line INTEGER, col VARCHAR, value VARCHAR, code VARCHAR, first_row INTEGER)');
		await db.exec('CREATE OR REPLACE TEMP TABLE _repairs (_row INTEGER, _line INTEGER, col VARCHAR, f VARCHAR, t VARCHAR)');
		await db.exec(targetTableSql(this.spec));
		await db.exec(`CREATE OR REPLACE TEMP TABLE _load AS SELECT * FROM ${q(this.spec.table)} LIMIT 0`);
		if (this.spec.unique?.length) {
			const types = new Map(this.spec.columns.map((c) => [c.name, SQL_TYPE[c.type]]));
			await db.exec(`CREATE OR REPLACE TEMP TABLE _keys (${this.spec.unique.map((u) => `${q(u)} ${types.get(u)}`).join(', ')}, _first_row INTEGER, _first_line INTEGER)`);
		}
	}

	/** Checks every row now in `stg` and empties it. */
	async flush(): Promise<void> {
		const db = this.db;
		const n = (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM stg'))[0].n;
		if (n === 0) return;
		const ev = await numberEvidence(db, this.spec);
		for (const [k, v] of Object.entries(ev)) this.evidence[k] = (this.evidence[k] ?? 0) + v;
		this.fmts ??= formatsFromEvidence(this.spec, ev, this.overrides);
		const keys = this.spec.unique?.length ? '_keys' : undefined;
		await checkBatch(db, this.load, this.fmts, this.fileName, undefined, keys);
		if (keys) {
			// this batch's first rows of keys not seen before (the memos are made again: small files)
			for (const sql of memoTablesSql(this.spec, this.fmts)) await db.exec(sql);
			const cols = this.spec.unique!.map(q).join(', ');
			await db.exec(`INSERT INTO _keys SELECT ${cols}, _row, _line FROM (${checkSelectSql(this.spec, this.fmts, undefined, { memoTables: true, keys })}) WHERE _row = _first_row`);
			await db.exec(dropMemoTablesSql(this.spec));
		}
		await db.exec('DELETE FROM stg');
		this.rowsDone += n;
		this.batches++;
	}

	/** The whole file's decimal marks (throws FormatsChanged when they differ from the ones used). */
	checkFormats(): NumberFormats {
		const whole = formatsFromEvidence(this.spec, this.evidence, this.overrides);
		if (!this.fixed && this.fmts && !sameFormats(this.fmts, whole)) throw new FormatsChanged(whole);
		return this.fmts ?? whole;
	}

	/** Flushes the last rows, then puts `_load` in place of the file's earlier rows (one transaction). */
	async finish(signal?: AbortSignal): Promise<{ loaded: number; rejected: number; fmts: NumberFormats }> {
		const db = this.db;
		await this.flush();
		const fmts = this.checkFormats();
		await db.exec('BEGIN TRANSACTION');
		try {
			await db.exec(`DELETE FROM ${q(this.spec.table)} WHERE _file = ${lit(this.fileName)}`);
			await db.exec(`INSERT INTO ${q(this.spec.table)} SELECT * FROM _load`);
			// Abbrechen pressed while the last batch was checked or moved: nothing is kept
			if (signal?.aborted) throw new CancelledImport();
			await db.exec('COMMIT');
		} catch (e) {
			await db.exec('ROLLBACK').catch(() => undefined);
			throw e;
		}
		await db.exec('DROP TABLE IF EXISTS _load');
		const loaded = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q(this.spec.table)} WHERE _file = ${lit(this.fileName)}`))[0].n;
		const rejected = (await db.query<{ n: number }>('SELECT count(DISTINCT _row)::INTEGER AS n FROM _errors'))[0].n;
		return { loaded, rejected, fmts };
	}

	/** Drops what a failed or cancelled import left. */
	async abandon(): Promise<void> {
		await this.db.exec('DROP TABLE IF EXISTS _load; DROP TABLE IF EXISTS _keys; DROP TABLE IF EXISTS _chk').catch(() => undefined);
		await this.db.exec(dropMemoTablesSql(this.spec)).catch(() => undefined);
	}
}
