/**
 * The one-pass CSV load (issue 8): a file whose data lines are all clean (csv-clean-scan.ts) goes
 * from DuckDB's `read_csv` of its own bytes straight into the kind's table — typed values and one
 * error code per column computed in the same SELECT, `INSERT … SELECT … WHERE <no error>`. No text
 * is staged. Only when the insert count falls short of the rows read is the file read a second
 * time for the rows with an error (`_chk`, their text as `stg`, then `_errors` as always).
 *
 * Every value and error code equals what validate-sql.ts gives on staged text (the equality test
 * `tests/unit/import-one-pass.test.ts` imports the same files both ways). What differs is how:
 * - no memo tables (a distinct pass over the text): dates are parsed per row (`dateExpr`, its
 *   first format decides almost every value); a closed list is a CASE on the text as written
 *   (the spellings that map as they stand) with the normalised lookup only for other texts; the
 *   key is joined on the text as written (`_key_written`: every key and, for a key with a leading
 *   zero, the form Excel leaves without it), `keyExpr` only for texts that do not match;
 * - numbers: where the scan saw only plain values (`123`, `63,5`, no thousands group) the number
 *   is `replace(v, ',', '.')`; otherwise digits go straight and every other text through
 *   `numberTextSql` (CASE branches are evaluated only for the rows that reach them);
 * - the decimal mark per column comes from the scan's evidence (the whole file's vote);
 * - `_row` is the record's number (a sequence read in scan order: duckdb-wasm reads in one
 *   thread), `_line` = `_row` + the header's last line (every data line is one record).
 */
import type { Db } from '../db/types';
import type { CleanScan } from './csv-clean-scan';
import type { FastTest } from './csv-fast';
import { CancelledImport } from './read-file';
import type { ColumnSpec, DatasetSpec } from './schemas';
import { dateExpr, enumSpellings, errorListSql, keyExpr, lit, numberTextSql, q, rowOkSql, sqlEnumNorm, targetTableSql, type NumberFormats } from './validate-sql';

export interface OnePassInput {
	spec: DatasetSpec;
	/** file column index → field */
	mapping: Map<number, string>;
	/** the registered file: the data lines only (the header and what is above it cut off) */
	file: string;
	test: FastTest;
	scan: CleanScan;
	/** the file line of the first data line */
	firstLine: number;
	fmts: NumberFormats;
	fileName: string;
	extraEnums: { col: string; spelling: string; canonical: string }[];
	refused: Set<string>;
	maxDetails: number;
	/** Abbrechen: honoured when the one statement returns (rolled back, the file's earlier rows stay) */
	signal?: AbortSignal;
}

const SEQ = '_op_seq';

/** Texts of a closed list that map as they are written: the allowed values and their listed spellings. */
async function exactSpellings(db: Db, c: ColumnSpec): Promise<[string, string][]> {
	// the allowed values first, then their spellings: a CASE tries its arms in order, so the arms
	// a row most likely meets come first (measured, 1 M rows of canonical values: the canonical
	// values last cost 130–180 ms per column, first 50–60 ms)
	const cands = new Set<string>(Object.keys(c.values ?? {}));
	for (const variants of Object.values(c.values ?? {})) for (const v of variants) cands.add(v);
	if (!cands.size) return [];
	// judged by the lookup's own SQL, so a text is an arm only when the lookup gives the same
	const rows = await db.query<{ v: string; canonical: string | null }>(
		`SELECT _u.v, _em.canonical FROM (VALUES ${[...cands].map((v, i) => `(${lit(v)}, ${i})`).join(', ')}) _u(v, i) LEFT JOIN _enum_map _em ON _em.col = ${lit(c.name)} AND _em.spelling = ${sqlEnumNorm('_u.v')} ORDER BY _u.i`
	);
	return rows.filter((r) => r.canonical !== null).map((r) => [r.v, r.canonical!]);
}

/** the plain-number shortcut is exact for this column and mark (see the file comment) */
function plainNumbers(scan: CleanScan, col: string, fmts: NumberFormats): boolean {
	const s = scan.shapes[col];
	if (!s || s.other > 0) return false;
	const mark = fmts[col]?.decimal ?? null;
	return !(s.comma > 0 && mark === '.') && !(s.point > 0 && mark === ',');
}

/**
 * The columns DuckDB's reader may type itself, and the decimal separator it then reads numbers
 * with: a date or number column whose every value the scan found `exact` (csv-clean-scan.ts) in a
 * file without padded fields. Then `read_csv` gives the value the check would read from the text —
 * the date `strptime(v, '%d.%m.%Y')` gives; the number `TRY_CAST(replace(v, ',', '.') AS DOUBLE)`
 * gives (the plain-number shortcut) — and NULL exactly for an empty field, so every error code
 * stays what it was. One separator per read: a column needing the other one stays text; a column
 * writing both marks (no mark decided) too. Measured on 1 M rows (Node, medians of 5, against the
 * raw typed read in the same run): the statement 1,73 × → 1,56 × (another run 1,39 × → 1,07 ×);
 * without it every such value was made a string and parsed again per row.
 */
export function typedReads(inp: Pick<OnePassInput, 'spec' | 'mapping' | 'scan' | 'fmts'>): { types: Map<string, 'DATE' | 'DOUBLE'>; decimal: ',' | '.' } {
	const { spec, mapping, scan, fmts } = inp;
	const types = new Map<string, 'DATE' | 'DOUBLE'>();
	const mapped = new Set(mapping.values());
	if (scan.padded) return { types, decimal: '.' };
	const nums = spec.columns.filter((c) => (c.type === 'int' || c.type === 'decimal' || c.type === 'rate') && mapped.has(c.name) && scan.exact[c.name] && plainNumbers(scan, c.name, fmts));
	const commas = nums.some((c) => scan.shapes[c.name].comma > 0);
	const decimal = commas ? ',' : '.';
	for (const c of spec.columns) {
		if (!mapped.has(c.name) || !scan.exact[c.name]) continue;
		if (c.type === 'date') types.set(c.name, 'DATE');
		else if (nums.includes(c) && (commas ? scan.shapes[c.name].point === 0 : true)) types.set(c.name, 'DOUBLE');
	}
	return { types, decimal };
}

/**
 * The checks as one SELECT over `read_csv` of the registered file: `_row`, `_line`, the raw text
 * (`<field>_raw`), typed values, `_err_<field>`, `_rule_<i>`, `_first_row` — the columns
 * `checkSelectSql` gives, so `rowOkSql` and `errorListSql` apply unchanged.
 * `typed` (the INSERT's statement only): the columns of `typedReads` come typed from `read_csv`,
 * so their `<field>_raw` is the typed value; the second pass and the repairs need the text and
 * use the statement without it.
 */
export function onePassSelectSql(inp: OnePassInput, enumArms: Map<string, [string, string][]>, enumAll: Map<string, [string, string][]>, opts: { typed?: boolean } = {}): string {
	const { spec, mapping, test: t, scan, fmts } = inp;
	const colOf = new Map<string, number>();
	for (const [i, name] of mapping) colOf.set(name, i);
	const { types, decimal } = opts.typed ? typedReads(inp) : { types: new Map<string, 'DATE' | 'DOUBLE'>(), decimal: '.' };
	const typeOf = new Map<number, string>();
	for (const [name, ty] of types) typeOf.set(colOf.get(name)!, ty);
	const csvCols = Array.from({ length: t.width }, (_, i) => `${lit('c' + i)}: ${lit(typeOf.get(i) ?? 'VARCHAR')}`).join(', ');
	const typing = types.size ? `decimal_separator=${lit(decimal)}, dateformat='%d.%m.%Y',` : 'all_varchar=true,';
	const read = `read_csv(${lit(inp.file)}, header=false, auto_detect=false, ${typing} allow_quoted_nulls=true,
		delim=${lit(t.delimiter)}, quote=${lit(t.quote)}, escape=${lit(t.quote)}, columns={${csvCols}})`;
	const raw = (c: ColumnSpec) => q(c.name + '_raw');
	const rawSel = spec.columns.map((c) => {
		const i = colOf.get(c.name);
		const e = i === undefined ? 'NULL::VARCHAR' : scan.padded ? `NULLIF(trim(${q('c' + i)}, ' \t'), '')` : q('c' + i);
		return `${e} AS ${raw(c)}`;
	});
	const keys = spec.columns.filter((c) => c.type === 'gemeinde');
	// keys: the text as written, then keyExpr only for texts that did not match
	const kw = (c: ColumnSpec) => q('_kw_' + c.name);
	const kl = (c: ColumnSpec) => q('_kl_' + c.name);
	const keyJoin1 = keys.map((c) => `LEFT JOIN _key_written ${kw(c)} ON ${kw(c)}.w = _v.${raw(c)}`).join(' ');
	const keySel1 = keys.map((c) => `${kw(c)}.ags AS ${q('_kwa_' + c.name)}, ${kw(c)}.rep AS ${q('_kwr_' + c.name)}, ${kw(c)}.w IS NOT NULL AS ${q('_kwm_' + c.name)},
		CASE WHEN ${kw(c)}.w IS NULL THEN ${keyExpr('_v.' + raw(c))} END AS ${q('_k2_' + c.name)}`);
	const keyJoin2 = keys.map((c) => `LEFT JOIN _key_lookup ${kl(c)} ON ${kl(c)}.k = _k.${q('_k2_' + c.name)}`).join(' ');
	const keySel2 = keys.map((c) => `${kl(c)}.ags AS ${q('_kla_' + c.name)}`);

	const ntxt: string[] = [];
	const typed: string[] = [];
	const errs: string[] = [];
	const keep: string[] = ['_row', '_line', ...spec.columns.map(raw)];
	for (const c of spec.columns) {
		const r = raw(c);
		const n = q(c.name);
		const missing = c.required ? `WHEN ${r} IS NULL THEN 'missing_value'` : `WHEN ${r} IS NULL THEN NULL::VARCHAR`;
		keep.push(n);
		switch (c.type) {
			case 'date':
				typed.push(`${types.has(c.name) ? r : dateExpr(r)} AS ${n}`);
				errs.push(`CASE ${missing} WHEN ${n} IS NULL THEN 'invalid_date' WHEN ${n} < DATE ${lit(c.minDate!)} OR ${n} > DATE ${lit(c.maxDate!)} THEN 'date_out_of_range' END`);
				break;
			case 'int':
			case 'decimal':
			case 'rate': {
				const fmt = fmts[c.name] ?? { decimal: null, intOnly: c.type === 'int' };
				const txt = q('_ntxt_' + c.name);
				const num = q('_num_' + c.name);
				// plain values without a comma (digits, `12.5`) are read as they are: replace() cost 40 ms per column
				const e = types.has(c.name) ? 'NULL::VARCHAR' : plainNumbers(scan, c.name, fmts) ? (scan.shapes[c.name].comma ? `replace(${r}, ',', '.')` : r) : `CASE WHEN regexp_full_match(${r}, '[0-9]+') THEN ${r} ELSE ${numberTextSql(r, fmt)} END`;
				ntxt.push(`${e} AS ${txt}`);
				const numberError = `CASE ${txt} WHEN 'A' THEN 'ambiguous_number' WHEN 'M' THEN 'mixed_decimal' ELSE 'not_a_number' END`;
				if (c.type === 'rate') {
					// typed: the value had no % (a plain shape)
					typed.push(`CASE WHEN (${types.has(c.name) ? 'false' : `contains(${r}, '%')`} OR ${num} > 1) THEN ${num} / 100 ELSE ${num} END AS ${n}`);
					errs.push(`CASE ${missing} WHEN ${n} IS NULL THEN ${numberError} WHEN ${n} < 0 OR ${n} > 1 THEN 'rate_out_of_range' END`);
				} else {
					typed.push(`${c.type === 'int' ? `CASE WHEN ${num} = round(${num}) AND abs(${num}) < 2e9 THEN CAST(${num} AS INTEGER) END` : num} AS ${n}`);
					errs.push(`CASE ${missing} WHEN ${num} IS NULL THEN ${numberError}
						WHEN ${n} IS NULL THEN 'not_an_integer' WHEN ${n} < 0 THEN 'negative' ${c.max !== undefined ? `WHEN ${n} > ${c.max} THEN 'too_large'` : ''} END`);
				}
				break;
			}
			case 'gemeinde': {
				const m = q('_kwm_' + c.name);
				const k2 = q('_k2_' + c.name);
				typed.push(`COALESCE(${q('_kwa_' + c.name)}, ${q('_kla_' + c.name)}) AS ${n}`);
				typed.push(`CASE WHEN ${m} THEN (CASE WHEN ${q('_kwr_' + c.name)} THEN '0' || ${r} ELSE ${r} END) ELSE ${k2} END AS ${q('_key_' + c.name)}`);
				typed.push(`CASE WHEN (CASE WHEN ${m} THEN ${q('_kwr_' + c.name)} ELSE length(regexp_replace(${r}, '\\s', '', 'g')) IN (7, 11) END) THEN ${r} END AS ${q('_repf_' + c.name)}`);
				typed.push(`CASE WHEN ${m} THEN true ELSE regexp_full_match(${k2}, '[0-9]{8}|[0-9]{12}') END AS ${q('_kok_' + c.name)}`);
				keep.push(q('_key_' + c.name), q('_repf_' + c.name));
				errs.push(`CASE ${missing} WHEN NOT ${q('_kok_' + c.name)} THEN 'key_format' WHEN ${n} IS NULL THEN 'unknown_key' END`);
				break;
			}
			case 'enum': {
				const arms = enumArms.get(c.name) ?? [];
				const all = enumAll.get(c.name) ?? [];
				const normalised = all.length ? `CASE ${sqlEnumNorm(r)} ${all.map(([s, v]) => `WHEN ${lit(s)} THEN ${lit(v)}`).join(' ')} END` : 'NULL::VARCHAR';
				typed.push(`${arms.length ? `CASE ${r} ${arms.map(([s, v]) => `WHEN ${lit(s)} THEN ${lit(v)}`).join(' ')} ELSE ${normalised} END` : normalised} AS ${n}`);
				errs.push(`CASE ${missing} WHEN ${n} IS NULL THEN 'unknown_value' END`);
				break;
			}
			default:
				typed.push(`${r} AS ${n}`);
				errs.push(`CASE ${missing} END`);
		}
	}
	const errSel = spec.columns.map((c, i) => `${errs[i]} AS ${q('_err_' + c.name)}`);
	const rules = (spec.rowChecks ?? []).map((rc, i) => `CASE WHEN ${rc.when} THEN ${lit(rc.code)} END AS ${q(`_rule_${i}`)}`);
	const keyCols = spec.unique ?? [];
	const unique = keyCols.length
		? `CASE WHEN ${keyCols.map((u) => `${q(u)} IS NOT NULL`).join(' AND ')} THEN min(_row) OVER (PARTITION BY ${keyCols.map(q).join(', ')}) END AS _first_row`
		: 'NULL::INTEGER AS _first_row';
	return `WITH _src AS (SELECT CAST(nextval(${lit(SEQ)}) AS INTEGER) AS _row, * FROM ${read}),
_v AS (SELECT _row, _row + ${inp.firstLine - 1} AS _line, ${rawSel.join(', ')} FROM _src),
_k AS (SELECT _v.*${keySel1.length ? ', ' + keySel1.join(', ') : ''} FROM _v ${keyJoin1}),
_n AS (SELECT _k.*${keySel2.length ? ', ' + keySel2.join(', ') : ''}${ntxt.length ? ', ' + ntxt.join(', ') : ''} FROM _k ${keyJoin2}),
_n2 AS (SELECT *${spec.columns.filter((c) => c.type === 'int' || c.type === 'decimal' || c.type === 'rate').map((c) => `, ${types.has(c.name) ? raw(c) : `TRY_CAST(${q('_ntxt_' + c.name)} AS DOUBLE)`} AS ${q('_num_' + c.name)}`).join('')} FROM _n),
_t AS (SELECT *, ${typed.join(',\n\t')} FROM _n2)
SELECT ${keep.join(', ')}, ${errSel.join(',\n\t')}${rules.length ? ',\n\t' + rules.join(',\n\t') : ''}, ${unique}
FROM _t`;
}

const restartSeq = `CREATE OR REPLACE TEMP SEQUENCE ${SEQ} START WITH 1`;

/**
 * The one INSERT, begun (see `beginOnePass`): its transaction is open until `loadOnePass` commits
 * it or `discardOnePass` rolls it back.
 */
export interface OnePassBegun {
	/** everything the INSERT was built from: the statement is kept only when the whole file's gives the same */
	key: string;
	enumArms: Map<string, [string, string][]>;
	enumAll: Map<string, [string, string][]>;
	select: string;
	/** settles when the INSERT returned: the rows it loaded */
	inserted: Promise<number>;
	/** rolled back or committed */
	closed: boolean;
}

/** The SELECT of the INSERT (some columns typed by `read_csv`) and the one on text (second pass, repairs). */
function statements(inp: OnePassInput, enumArms: Map<string, [string, string][]>, enumAll: Map<string, [string, string][]>) {
	return { select: onePassSelectSql(inp, enumArms, enumAll), insertSelect: onePassSelectSql(inp, enumArms, enumAll, { typed: true }) };
}

/** The statements' identity: both SELECTs and every input of the INSERT around them. */
function statementKey(inp: OnePassInput, select: string, insertSelect: string): string {
	return JSON.stringify([select, insertSelect, rowOkSql(inp.spec), inp.spec.table, inp.fileName, inp.extraEnums, [...inp.refused].sort()]);
}

/** What the statement's lookups were built from (the file's scan is not among it). */
export type OnePassLookups = Pick<OnePassInput, 'spec' | 'extraEnums' | 'refused'>;
export interface OnePassPrepared {
	enumArms: Map<string, [string, string][]>;
	enumAll: Map<string, [string, string][]>;
}

/**
 * The lookups the statement reads (`_enum_map`, `_key_written`) and the tables the report reads.
 * Needs only the kind and the profile: csv-staging.ts runs it as soon as the header is known.
 */
export async function prepareOnePass(db: Db, inp: OnePassLookups): Promise<OnePassPrepared> {
	const { spec } = inp;
	await db.exec(`CREATE OR REPLACE TEMP TABLE _enum_map (col VARCHAR, spelling VARCHAR, canonical VARCHAR)`);
	const spellings = enumSpellings(spec, inp.extraEnums, inp.refused);
	if (spellings.length) await db.exec(`INSERT INTO _enum_map VALUES ${spellings.map((e) => `(${lit(e.col)}, ${lit(e.spelling)}, ${lit(e.canonical)})`).join(', ')}`);
	const enumArms = new Map<string, [string, string][]>();
	const enumAll = new Map<string, [string, string][]>();
	for (const c of spec.columns.filter((x) => x.type === 'enum')) {
		enumArms.set(c.name, await exactSpellings(db, c));
		enumAll.set(c.name, spellings.filter((e) => e.col === c.name).map((e) => [e.spelling, e.canonical]));
	}
	if (spec.columns.some((c) => c.type === 'gemeinde')) {
		await db.exec(`CREATE OR REPLACE TEMP TABLE _key_written AS SELECT k AS w, ags, false AS rep FROM _key_lookup UNION ALL SELECT substr(k, 2) AS w, ags, true AS rep FROM _key_lookup WHERE k LIKE '0%'`);
	}
	await db.exec('CREATE OR REPLACE TEMP TABLE _errors (_row INTEGER, _line INTEGER, col VARCHAR, value VARCHAR, code VARCHAR, first_row INTEGER)');
	await db.exec('CREATE OR REPLACE TEMP TABLE _repairs (_row INTEGER, _line INTEGER, col VARCHAR, f VARCHAR, t VARCHAR)');
	await db.exec(targetTableSql(spec));
	return { enumArms, enumAll };
}

/**
 * Prepares and starts the one INSERT in a transaction of its own and returns at once; the INSERT
 * runs in the database while the caller goes on (the worker's scan of the rest of the file).
 * Started from the first part of the scan (`scan` then holds the lines scanned so far), it is
 * kept only when the whole file's scan builds the same statement (`loadOnePass`).
 */
export function beginOnePass(db: Db, inp: OnePassInput, prepared?: Promise<OnePassPrepared>): Promise<OnePassBegun> {
	return (async () => {
		const { enumArms, enumAll } = await (prepared ?? prepareOnePass(db, inp));
		const { select, insertSelect } = statements(inp, enumArms, enumAll);
		const cols = inp.spec.columns.map((c) => q(c.name));
		const begun: OnePassBegun = { key: statementKey(inp, select, insertSelect), enumArms, enumAll, select, inserted: Promise.resolve(0), closed: false };
		begun.inserted = (async () => {
			// measured (EXPLAIN ANALYZE, 1 M rows): filter pushdown copied the date and number expressions
			// into the WHERE (each evaluated up to four times per row), and the join order built its hash
			// table on the file (read_csv is estimated at a few dozen rows) instead of the key list.
			// Both only change the plan, never a result; reset when the transaction ends.
			// One transaction: a failure (out of memory) leaves the file's earlier rows in place.
			// One round trip to the database for the four statements before the INSERT.
			await db.exec(
				[
					'BEGIN TRANSACTION',
					`SET disabled_optimizers = 'filter_pushdown,build_side_probe_side'`,
					`DELETE FROM ${q(inp.spec.table)} WHERE _file = ${lit(inp.fileName)}`,
					restartSeq
				].join(';\n')
			);
			const ins = await db.query<{ Count: number }>(`INSERT INTO ${q(inp.spec.table)} SELECT ${cols.join(', ')}, ${lit(inp.fileName)}, _line FROM (${insertSelect}) WHERE ${rowOkSql(inp.spec)}`);
			return Number(ins[0]?.Count ?? Object.values(ins[0] ?? {})[0] ?? 0);
		})();
		// handled where it is awaited; no unhandled rejection meanwhile
		begun.inserted.catch(() => undefined);
		return begun;
	})();
}

/**
 * Rolls a begun INSERT back once it has returned (it cannot be stopped midway). Takes the begun
 * statement or its promise (one that failed to begin has nothing to roll back); safe to call twice.
 */
export async function discardOnePass(db: Db, pending: OnePassBegun | Promise<OnePassBegun> | null | undefined): Promise<void> {
	const begun = await Promise.resolve(pending).catch(() => null);
	if (!begun || begun.closed) return;
	begun.closed = true;
	await begun.inserted.catch(() => undefined);
	// ROLLBACK first: after a failed statement DuckDB refuses everything else in the transaction, RESET too
	await db.exec('ROLLBACK').catch(() => undefined);
	await db.exec('RESET disabled_optimizers').catch(() => undefined);
}

/**
 * Loads the registered clean file in one pass (see the file comment). Leaves `_errors`,
 * `_repairs` (and, when rows failed, `stg` with their text) for the report, as validateStaged does.
 * `begun`: the INSERT started before the scan ended; kept when the whole file builds the same
 * statement, else rolled back and run again.
 */
export async function loadOnePass(db: Db, inp: OnePassInput, begun?: Promise<OnePassBegun> | null): Promise<{ loaded: number; rejected: number }> {
	const { spec, scan } = inp;
	let run: OnePassBegun | null = null;
	if (begun) {
		const b = await begun.catch(() => null);
		if (b && !b.closed) {
			const { select, insertSelect } = statements(inp, b.enumArms, b.enumAll);
			if (statementKey(inp, select, insertSelect) === b.key) run = b;
		}
		if (b && run !== b) await discardOnePass(db, b);
	}
	run ??= await beginOnePass(db, inp);
	const select = run.select;
	let loaded: number;
	try {
		loaded = await run.inserted;
		// DuckDB must have read exactly the records the scan counted: anything else is an error of this program
		const read = Number((await db.query<{ n: number }>(`SELECT currval(${lit(SEQ)}) AS n`))[0].n);
		if (read !== scan.rows) throw new Error(`internal: ${scan.rows} clean lines, DuckDB read ${read}`);
		if (loaded < scan.rows) {
			// the second, rarer pass: the rows with an error, their text for the report
			await db.exec(restartSeq);
			await db.exec(`CREATE OR REPLACE TEMP TABLE _chk AS SELECT * FROM (${select}) WHERE NOT (${rowOkSql(spec)})`);
			await db.exec(`CREATE OR REPLACE TEMP TABLE stg AS SELECT _row, _line, ${spec.columns.map((c) => q(c.name + '_raw')).join(', ')} FROM _chk`);
			const failed = (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM _chk'))[0].n;
			if (failed + loaded !== scan.rows) throw new Error(`internal: ${loaded} loaded + ${failed} failed ≠ ${scan.rows} rows`);
			await db.exec(`INSERT INTO _errors ${errorListSql(spec)}`);
			await db.exec('DROP TABLE IF EXISTS _chk');
		}
		for (const c of spec.columns.filter((x) => x.type === 'gemeinde')) {
			if (!scan.keyRepairable[c.name]) continue;
			// keys that got their leading zero back (the first maxDetails, in file order)
			await db.exec(restartSeq);
			await db.exec(`INSERT INTO _repairs SELECT _row, _line, ${lit(c.name)}, ${q('_repf_' + c.name)}, ${q('_key_' + c.name)} FROM (${select}) WHERE ${q(c.name)} IS NOT NULL AND ${q('_repf_' + c.name)} IS NOT NULL ORDER BY _row LIMIT ${Math.max(1, inp.maxDetails)}`);
		}
		// a cancel pressed while the statement ran (it cannot be stopped midway): nothing is kept
		if (inp.signal?.aborted) throw new CancelledImport();
		run.closed = true;
		await db.exec('RESET disabled_optimizers');
		await db.exec('COMMIT');
	} catch (e) {
		run.closed = false;
		await discardOnePass(db, run);
		throw e;
	}
	const rejected = loaded < scan.rows ? (await db.query<{ n: number }>('SELECT count(DISTINCT _row)::INTEGER AS n FROM _errors'))[0].n : 0;
	return { loaded, rejected };
}
