/**
 * Parquet files are checked on their typed columns, batch by batch (issue 8): no text copy of
 * every value, no staging table of the whole file.
 *
 * Each batch of row groups (parquet.ts) arrives as the table `_pqb` with the file's own column
 * names and types. One statement per batch builds `_chk` (typed values + one error code per
 * column, as validate-sql.ts does for staged text), then its errors go to `_errors`, its good
 * rows to the kind's table, its key repairs to `_repairs`, and the batch is dropped.
 *
 * - A column Parquet already types as the field's type is taken as it is: DATE for a date
 *   field; any integer, floating or decimal type for a number field (checked for range, whole
 *   numbers, NaN/∞). Typed numbers do not vote on a decimal mark (as in XLSX).
 * - Every other column — text, keys, closed lists, and text columns that hold numbers or dates —
 *   follows the text rules of the CSV import unchanged, on its text (`trim(CAST(… AS VARCHAR))`,
 *   empty = missing): each distinct text of the batch is worked out once (a memo per column).
 *   A text column holding numbers gets its decimal mark from the vote over the whole file, so a
 *   file of several batches is read twice when it has one (first pass: the vote only).
 * - Duplicates (kinds with a uniqueness rule) are found across batches: `_pq_seen` keeps the
 *   first row of every key seen so far, as the single-table window of the CSV path would.
 * - `_row` is the record's position in the file (1-based), `_line` = `_row` + 1 (header = line 1).
 */
import type { Db } from '../db/types';
import { decideDecimal, type ColumnNumberFormat } from './number-format';
import { POS_COLUMN, type CheckedBatches, type FieldRule, type PrecheckRules } from './parquet-precheck';
import type { ColumnSpec, DatasetSpec } from './schemas';
import { SQL_TYPE, dateExpr, enumRows, keyExpr, lit, numberEvidenceSql, numberTextSql, q, rowOkSql, sqlEnumNorm, targetTableSql, type NumberFormats } from './validate-sql';

const NUMERIC_FIELD = new Set<ColumnSpec['type']>(['int', 'decimal', 'rate']);
/** DuckDB types of numbers (what Arrow integer, float and decimal columns become) */
const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/;

/** How one field is read from the batch table. */
interface FieldSource {
	c: ColumnSpec;
	/** the file column (quoted), or undefined when the file has none */
	src?: string;
	/** taken as typed (DATE for dates, a numeric type for numbers), else by the text rules */
	typed: boolean;
}

/** the field's value as text, as the CSV path stages it: trimmed, empty = NULL */
const textOf = (f: FieldSource, type: string | undefined) =>
	f.src === undefined ? 'NULL::VARCHAR' : type === 'VARCHAR' ? `NULLIF(trim(_b.${f.src}), '')` : `NULLIF(trim(CAST(_b.${f.src} AS VARCHAR)), '')`;

export function fieldSources(spec: DatasetSpec, fileColumnOf: Map<string, string>, types: Map<string, string>): FieldSource[] {
	return spec.columns.map((c) => {
		const col = fileColumnOf.get(c.name);
		const t = col === undefined ? undefined : types.get(col);
		const typed = t !== undefined && ((c.type === 'date' && t === 'DATE') || (NUMERIC_FIELD.has(c.type) && NUMERIC_TYPE.test(t)));
		return { c, src: col === undefined ? undefined : q(col), typed };
	});
}

/** Fields that need the decimal vote: number fields read from a text (or other non-numeric) column. */
export const votingFields = (fields: FieldSource[]) => fields.filter((f) => NUMERIC_FIELD.has(f.c.type) && f.src !== undefined && !f.typed);

/** `_raw` / `_num` columns over `_pqb` as the vote SQL (numberEvidenceSql) expects them in `stg`. */
export function voteViewSql(fields: FieldSource[], types: Map<string, string>, colOf: Map<string, string>): string {
	const cols = votingFields(fields).flatMap((f) => [`${textOf(f, types.get(colOf.get(f.c.name)!))} AS ${q(f.c.name + '_raw')}`, `NULL::DOUBLE AS ${q(f.c.name + '_num')}`]);
	return `CREATE OR REPLACE TEMP VIEW stg AS SELECT ${cols.join(', ')} FROM _pqb _b`;
}

const memo = (c: ColumnSpec) => q('_m_' + c.name);

/**
 * A record's position in the batch (0-based): its rowid minus the batch's first. Rows are
 * numbered in insertion order (the Arrow order), but a table made inside a transaction numbers
 * them from 2^55, not 0.
 */
const ROWID_POS: Positions = { pos: '(_b.rowid - _base.b)', base: 'CROSS JOIN (SELECT min(rowid) AS b FROM _pqb) _base' };
/** a batch of the pre-check's other rows (parquet-precheck.ts) says each row's position itself */
const COLUMN_POS: Positions = { pos: `_b.${q(POS_COLUMN)}`, base: '' };
/** how a row's position in its batch is found: `pos` over `_pqb _b`, with `base` joined */
export interface Positions {
	pos: string;
	base: string;
}

/**
 * The check query (`_chk`'s rows) for the batch in `_pqb` whose first record is record `offset + 1`:
 * `_row`, `_line`, typed columns, `_key_`/`_repf_` for keys, one `_err_<field>` per field,
 * `_rule_<i>` per row check, `_first_row` (uniqueness, across batches through `_pq_seen`).
 */
/** the memo of a key or closed-list field: each distinct file value `v`, its text `t`, and what it maps to */
function memoBody(f: FieldSource, types: Map<string, string>, colOf: Map<string, string>): string {
	const { c } = f;
	// no per-row trim: the memo is joined on the value as it is
	const distinct = `(SELECT v, NULLIF(trim(${types.get(colOf.get(c.name)!) === 'VARCHAR' ? 'v' : 'CAST(v AS VARCHAR)'}), '') AS t FROM (SELECT DISTINCT _b.${f.src} AS v FROM _pqb _b)) _u`;
	return memoFrom(c, distinct);
}
/** the memo over `distinct` (rows `v`, `t`, as `_u`): for keys `ags`, `k`, `kf`, `rep`; for closed lists `canonical` */
function memoFrom(c: ColumnSpec, distinct: string): string {
	return c.type === 'gemeinde'
		? `SELECT _u.v, _u.t, _kl.ags, _u.k, regexp_full_match(_u.k, '[0-9]{8}|[0-9]{12}') AS kf, length(regexp_replace(_u.t, '\\s', '', 'g')) IN (7, 11) AS rep FROM (SELECT v, t, ${keyExpr('t')} AS k FROM ${distinct}) _u LEFT JOIN _key_lookup _kl ON _kl.k = _u.k`
		: `SELECT _u.v, _u.t, _em.canonical FROM ${distinct} LEFT JOIN _enum_map _em ON _em.col = ${lit(c.name)} AND _em.spelling = ${sqlEnumNorm('_u.t')}`;
}

/**
 * The rules for the pre-check (parquet-precheck.ts), or null when the kind has rules across rows
 * (uniqueness, row checks: those rows go the SQL way). The values a key or closed-list field
 * loads as written are found by the check's own memo SQL (`memoFrom`), run on the candidates
 * (the reference's AGS, the allowed values): one home for the rules.
 */
export async function precheckRules(db: Db, spec: DatasetSpec, fields: FieldSource[], colOf: Map<string, string>, fileName: string): Promise<PrecheckRules | null> {
	if (spec.unique?.length || spec.rowChecks?.length) return null;
	const days = (iso?: string) => (iso ? Date.parse(iso + 'T00:00:00Z') / 86_400_000 : undefined);
	const out: FieldRule[] = [];
	for (const f of fields) {
		const { c } = f;
		const rule: FieldRule = { name: c.name, type: c.type, required: c.required, column: colOf.get(c.name) ?? null, minDay: days(c.minDate), maxDay: days(c.maxDate), max: c.max };
		if (f.src !== undefined && (c.type === 'gemeinde' || c.type === 'enum')) {
			const cands = c.type === 'gemeinde' ? 'SELECT DISTINCT ags AS v FROM _key_lookup' : `SELECT DISTINCT canonical AS v FROM _enum_map WHERE col = ${lit(c.name)}`;
			const res = c.type === 'gemeinde' ? "_m.ags AS r, _m.kf AND NOT _m.rep AS fine" : '_m.canonical AS r, true AS fine';
			const rows = await db.query<{ v: string; r: string | null; fine: boolean | null }>(`SELECT _m.v, ${res} FROM (${memoFrom(c, `(SELECT v, NULLIF(trim(v), '') AS t FROM (${cands})) _u`)}) _m`);
			// a value is accepted when its only memo row loads it as written, without a repair
			const seen = new Map<string, number>();
			for (const r of rows) seen.set(r.v, (seen.get(r.v) ?? 0) + 1);
			rule.accepted = rows.filter((r) => seen.get(r.v) === 1 && r.fine === true && r.r === r.v).map((r) => r.v);
		}
		out.push(rule);
	}
	return { fileName, fields: out };
}

/**
 * Key and closed-list fields (text in the file) whose every value in the batch is already what
 * would be loaded (a known AGS as written; an allowed value in its canonical spelling; no blanks):
 * the checks take such a column as it is, without a lookup per row. One query for all fields;
 * the answer is per batch.
 */
export async function identityFields(db: Db, fields: FieldSource[], types: Map<string, string>, colOf: Map<string, string>): Promise<Set<string>> {
	const cands = fields.filter((f) => f.src !== undefined && !f.typed && (f.c.type === 'gemeinde' || f.c.type === 'enum') && types.get(colOf.get(f.c.name)!) === 'VARCHAR');
	if (!cands.length) return new Set();
	const res = (f: FieldSource) => (f.c.type === 'gemeinde' ? 'ags' : 'canonical');
	const row = (
		await db.query<Record<string, boolean>>(
			`SELECT ${cands.map((f) => `(SELECT coalesce(bool_and(coalesce(${res(f)} = v AND t = v, false)), true) FROM (${memoBody(f, types, colOf)})) AS ${q(f.c.name)}`).join(', ')}`
		)
	)[0];
	return new Set(cands.filter((f) => row[f.c.name] === true).map((f) => f.c.name));
}

export function batchCheckSql(spec: DatasetSpec, fields: FieldSource[], types: Map<string, string>, colOf: Map<string, string>, fmts: NumberFormats, offset: number, identity: Set<string> = new Set(), at: Positions = ROWID_POS): string {
	const memos: string[] = [];
	const joins: string[] = [];
	const sel: string[] = [`(${at.pos} + ${offset + 1})::INTEGER AS _row`, `(${at.pos} + ${offset + 2})::INTEGER AS _line`];
	const keep: string[] = ['_row', '_line'];
	const errs: string[] = [];
	for (const f of fields) {
		const { c } = f;
		const n = q(c.name);
		const txt = textOf(f, f.src === undefined ? undefined : types.get(colOf.get(c.name)!));
		const isNull = `_t.${q('_null_' + c.name)}`;
		const missing = c.required ? `WHEN ${isNull} THEN 'missing_value'` : `WHEN ${isNull} THEN NULL::VARCHAR`;
		keep.push(n);
		if (f.src === undefined) {
			sel.push(`NULL::${SQL_TYPE[c.type]} AS ${n}`, `true AS ${q('_null_' + c.name)}`);
			if (c.type === 'gemeinde') {
				sel.push(`NULL::VARCHAR AS ${q('_key_' + c.name)}`, `NULL::VARCHAR AS ${q('_repf_' + c.name)}`);
				keep.push(q('_key_' + c.name), q('_repf_' + c.name));
			}
			errs.push(`CASE ${missing} END AS ${q('_err_' + c.name)}`);
			continue;
		}
		const src = `_b.${f.src}`;
		if (identity.has(c.name)) {
			// every value of the batch is valid as it stands (identityFields)
			sel.push(`${src} AS ${n}`, `false AS ${q('_null_' + c.name)}`);
			if (c.type === 'gemeinde') {
				sel.push(`${src} AS ${q('_key_' + c.name)}`, `NULL::VARCHAR AS ${q('_repf_' + c.name)}`);
				keep.push(q('_key_' + c.name), q('_repf_' + c.name));
			}
			errs.push(`NULL::VARCHAR AS ${q('_err_' + c.name)}`);
			continue;
		}
		const m = memo(c);
		// memo rows: each distinct file value `v` (joined on as it is: no per-row trim) and its text `t`
		const distinct = `(SELECT v, NULLIF(trim(${types.get(colOf.get(c.name)!) === 'VARCHAR' ? 'v' : 'CAST(v AS VARCHAR)'}), '') AS t FROM (SELECT DISTINCT ${src} AS v FROM _pqb _b)) _u`;
		const joinMemo = () => joins.push(`LEFT JOIN ${m} ON ${m}.v = ${src}`);
		const range = (v: string) => (c.max !== undefined ? `WHEN ${v} > ${c.max} THEN 'too_large'` : '');
		if (f.typed && c.type === 'date') {
			sel.push(`${src} AS ${n}`, `${src} IS NULL AS ${q('_null_' + c.name)}`);
			errs.push(`CASE ${missing} WHEN _t.${n} < DATE ${lit(c.minDate!)} OR _t.${n} > DATE ${lit(c.maxDate!)} THEN 'date_out_of_range' END AS ${q('_err_' + c.name)}`);
		} else if (f.typed) {
			// a typed number: no decimal mark to decide, no text to parse
			const t = types.get(colOf.get(c.name)!)!;
			// integer columns are whole and finite already; only their range can be wrong
			const integral = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(t);
			const num = integral ? src : `CAST(${src} AS DOUBLE)`;
			const nm = `_t.${q('_num_' + c.name)}`;
			sel.push(`${integral ? 'true' : `isfinite(${num})`} AS ${q('_num_' + c.name)}`, `${src} IS NULL AS ${q('_null_' + c.name)}`);
			const typedValue = (v: string) =>
				c.type === 'int'
					? /^(TINYINT|SMALLINT|UTINYINT|USMALLINT|INTEGER)$/.test(t)
						? `CAST(${v} AS INTEGER)`
						: `CASE WHEN ${integral ? '' : `isfinite(${v}) AND ${v} = round(${v}) AND `}abs(${v}) < 2e9 THEN CAST(${v} AS INTEGER) END`
					: c.type === 'decimal' && integral
						? `CAST(${v} AS DOUBLE)`
					: c.type === 'rate'
						? `CASE WHEN ${v} > 1 THEN ${v} / 100 ELSE ${v} END`
						: v;
			sel.push(`${typedValue(num)} AS ${n}`);
			errs.push(
				c.type === 'rate'
					? `CASE ${missing} WHEN NOT ${nm} THEN 'not_a_number' WHEN _t.${n} < 0 OR _t.${n} > 1 THEN 'rate_out_of_range' END AS ${q('_err_' + c.name)}`
					: `CASE ${missing} WHEN NOT ${nm} THEN 'not_a_number' ${c.type === 'int' ? `WHEN _t.${n} IS NULL THEN 'not_an_integer'` : ''} WHEN _t.${n} < 0 THEN 'negative' ${range('_t.' + n)} END AS ${q('_err_' + c.name)}`
			);
		} else {
			// a memo'd field is missing when its text is (a NULL value finds no memo row)
			const memoNull = `${m}.t IS NULL AS ${q('_null_' + c.name)}`;
			sel.push(['date', 'int', 'decimal', 'rate', 'gemeinde', 'enum'].includes(c.type) ? memoNull : `${txt} IS NULL AS ${q('_null_' + c.name)}`);
			switch (c.type) {
				case 'date':
					memos.push(`${m} AS (SELECT v, t, ${dateExpr('t')} AS d FROM ${distinct})`);
					joinMemo();
					sel.push(`${m}.d AS ${n}`);
					errs.push(`CASE ${missing} WHEN _t.${n} IS NULL THEN 'invalid_date' WHEN _t.${n} < DATE ${lit(c.minDate!)} OR _t.${n} > DATE ${lit(c.maxDate!)} THEN 'date_out_of_range' END AS ${q('_err_' + c.name)}`);
					break;
				case 'int':
				case 'decimal':
				case 'rate': {
					const fmt: ColumnNumberFormat = fmts[c.name] ?? { decimal: null, intOnly: c.type === 'int' };
					memos.push(`${m} AS (SELECT v, t, ${numberTextSql('t', fmt)} AS ntxt, contains(t, '%') AS pct FROM ${distinct})`);
					joinMemo();
					const num = `TRY_CAST(${m}.ntxt AS DOUBLE)`;
					sel.push(`${m}.ntxt AS ${q('_ntxt_' + c.name)}`, `${num} AS ${q('_num_' + c.name)}`);
					const numErr = `CASE _t.${q('_ntxt_' + c.name)} WHEN 'A' THEN 'ambiguous_number' WHEN 'M' THEN 'mixed_decimal' ELSE 'not_a_number' END`;
					const nm = `_t.${q('_num_' + c.name)}`;
					if (c.type === 'rate') {
						sel.push(`CASE WHEN ${m}.pct OR ${num} > 1 THEN ${num} / 100 ELSE ${num} END AS ${n}`);
						errs.push(`CASE ${missing} WHEN _t.${n} IS NULL THEN ${numErr} WHEN _t.${n} < 0 OR _t.${n} > 1 THEN 'rate_out_of_range' END AS ${q('_err_' + c.name)}`);
					} else {
						sel.push(`${c.type === 'int' ? `CASE WHEN ${num} = round(${num}) AND abs(${num}) < 2e9 THEN CAST(${num} AS INTEGER) END` : num} AS ${n}`);
						errs.push(
							`CASE ${missing} WHEN ${nm} IS NULL THEN ${numErr} WHEN _t.${n} IS NULL THEN 'not_an_integer' WHEN _t.${n} < 0 THEN 'negative' ${range('_t.' + n)} END AS ${q('_err_' + c.name)}`
						);
					}
					break;
				}
				case 'gemeinde':
					memos.push(`${m} AS (${memoBody(f, types, colOf)})`);
					joinMemo();
					sel.push(`${m}.ags AS ${n}`, `${m}.k AS ${q('_key_' + c.name)}`, `${m}.kf AS ${q('_kf_' + c.name)}`, `CASE WHEN ${m}.rep THEN ${m}.t END AS ${q('_repf_' + c.name)}`);
					keep.push(q('_key_' + c.name), q('_repf_' + c.name));
					errs.push(`CASE ${missing} WHEN NOT _t.${q('_kf_' + c.name)} THEN 'key_format' WHEN _t.${n} IS NULL THEN 'unknown_key' END AS ${q('_err_' + c.name)}`);
					break;
				case 'enum':
					memos.push(`${m} AS (${memoBody(f, types, colOf)})`);
					joinMemo();
					sel.push(`${m}.canonical AS ${n}`);
					errs.push(`CASE ${missing} WHEN _t.${n} IS NULL THEN 'unknown_value' END AS ${q('_err_' + c.name)}`);
					break;
				default:
					sel.push(`${txt} AS ${n}`);
					errs.push(`CASE ${missing} END AS ${q('_err_' + c.name)}`);
			}
		}
	}
	const rules = (spec.rowChecks ?? []).map((r, i) => `CASE WHEN ${r.when} THEN ${lit(r.code)} END AS ${q(`_rule_${i}`)}`);
	const u = spec.unique ?? [];
	// the first row of a key: one seen in an earlier batch, else the first in this batch
	const first = u.length
		? `CASE WHEN ${u.map((k) => `_t.${q(k)} IS NOT NULL`).join(' AND ')} THEN COALESCE(_s.first_row, min(_t._row) OVER (PARTITION BY ${u.map((k) => `_t.${q(k)}`).join(', ')})) END AS _first_row`
		: 'NULL::INTEGER AS _first_row';
	const seenJoin = u.length ? `LEFT JOIN _pq_seen _s ON ${u.map((k) => `_s.${q(k)} = _t.${q(k)}`).join(' AND ')}` : '';
	// rule conditions name the typed fields without a table: they are evaluated inside _t
	return `WITH ${memos.length ? memos.join(',\n') + ',\n' : ''}_t0 AS (
	SELECT ${sel.join(',\n\t\t')}
	FROM _pqb _b ${at.base} ${joins.join('\n\t')}
), _t AS (SELECT *${rules.length ? ', ' + rules.join(', ') : ''} FROM _t0)
SELECT ${keep.map((k) => `_t.${k}`).join(', ')}, ${errs.join(',\n\t')}${rules.length ? ',\n\t' + (spec.rowChecks ?? []).map((_, i) => `_t.${q(`_rule_${i}`)}`).join(', ') : ''}, ${first}
FROM _t ${seenJoin}`;
}

/** Every error of the batch, with the value as the file holds it (text of the file column). */
export function batchErrorsSql(spec: DatasetSpec, fields: FieldSource[], types: Map<string, string>, colOf: Map<string, string>, offset: number, at: Positions = ROWID_POS): string {
	const perColumn = spec.columns.map((c) => `SELECT _row, _line, ${lit(c.name)} AS col, ${q('_err_' + c.name)} AS code, NULL::INTEGER AS first_row FROM _chk WHERE ${q('_err_' + c.name)} IS NOT NULL`);
	const rules = (spec.rowChecks ?? []).map((r, i) => `SELECT _row, _line, ${lit(r.column)}, ${q(`_rule_${i}`)}, NULL::INTEGER FROM _chk WHERE ${q(`_rule_${i}`)} IS NOT NULL`);
	const dup = spec.unique?.length ? [`SELECT _row, _line, ${lit(spec.unique[0])}, 'duplicate', _first_row FROM _chk WHERE _row > _first_row`] : [];
	const value = `CASE _e.col ${fields.map((f) => `WHEN ${lit(f.c.name)} THEN ${textOf(f, f.src === undefined ? undefined : types.get(colOf.get(f.c.name)!))}`).join(' ')} END`;
	return `INSERT INTO _errors SELECT _e._row, _e._line, _e.col, ${value}, _e.code, _e.first_row
		FROM (${[...perColumn, ...rules, ...dup].join('\nUNION ALL\n')}) _e JOIN (SELECT _b.*, ${at.pos} AS _pos FROM _pqb _b ${at.base}) _b ON _b._pos = _e._row - ${offset + 1}`;
}

export interface ParquetLoadInput {
	spec: DatasetSpec;
	/** field → file column */
	colOf: Map<string, string>;
	/** file column → DuckDB type (from the first batch) */
	types: Map<string, string>;
	fileName: string;
	decimalOverrides: Record<string, ',' | '.'>;
	extraEnums: { col: string; spelling: string; canonical: string }[];
	refused: Set<string>;
	/** rejected rows kept as text for the report's download (the first this many) */
	maxDetails: number;
	/** the file's batches, none read yet */
	batches: CheckedBatches;
	/** opens the file again from the start (a second pass when the decimal vote needs the whole file) */
	reopen: () => Promise<CheckedBatches>;
	/** rows certainly good are checked where the batches are read and appended as they are (parquet-precheck.ts); false: every row the SQL way */
	precheck: boolean;
	/** rows of the file handed to DuckDB so far */
	onRows?: (rows: number) => void;
	checkCancel?: () => void;
}

/**
 * Checks and loads every batch; leaves `_errors`, `_repairs` and `stg` (the rejected rows'
 * text: `_row`, `_line`, `<field>_raw`) for the report. One transaction: if anything fails (out of
 * memory), the kind's table is as before, including this file's earlier rows.
 */
export async function loadParquetBatches(db: Db, input: ParquetLoadInput): Promise<{ rowsRead: number; loaded: number; rejected: number; fmts: NumberFormats }> {
	const { spec, colOf, types, fileName } = input;
	const fields = fieldSources(spec, colOf, types);
	const voting = votingFields(fields);
	let batches = input.batches;
	/**
	 * The next batch: its good rows (pre-check) appended to the kind's table, the others in `_pqb`.
	 * Returns the batch's rows and the rows in `_pqb`, or null after the last batch.
	 */
	const nextBatch = async (): Promise<{ rows: number; rest: number; at: Positions } | null> => {
		await db.exec('DROP TABLE IF EXISTS _pqb');
		const b = await batches.next();
		if (!b) return null;
		if (b.good) await db.insertArrowIPC(spec.table, b.good, false);
		let rest = 0;
		if (b.rest) {
			await db.insertArrowIPC('_pqb', b.rest, true);
			rest = (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM _pqb'))[0].n;
		}
		return { rows: b.rows ?? rest, rest, at: b.positions ? COLUMN_POS : ROWID_POS };
	};

	// decimal marks of number fields written as text: a vote over the whole file first
	const fmts: NumberFormats = {};
	for (const f of spec.columns.filter((c) => NUMERIC_FIELD.has(c.type))) fmts[f.name] = { decimal: input.decimalOverrides[f.name] ?? null, intOnly: f.type === 'int' };
	const toVote = voting.filter((f) => !input.decimalOverrides[f.c.name]);
	if (toVote.length) {
		// the previous import's `stg` (its rejected rows) makes way for the vote's view
		await db.exec('DROP TABLE IF EXISTS stg');
		const sums = new Map<string, [number, number]>(toVote.map((f) => [f.c.name, [0, 0]]));
		while (await nextBatch()) {
			await db.exec(voteViewSql(toVote, types, colOf));
			const ev = (await db.query<Record<string, number>>(numberEvidenceSql(toVote.map((f) => f.c.name))))[0];
			for (const f of toVote) {
				const s = sums.get(f.c.name)!;
				s[0] += Number(ev[f.c.name + ':,']);
				s[1] += Number(ev[f.c.name + ':.']);
			}
			await db.exec('DROP VIEW stg');
			input.checkCancel?.();
		}
		for (const f of toVote) fmts[f.c.name].decimal = decideDecimal(...sums.get(f.c.name)!);
		// the checks read the file again from its start
		batches.close();
		batches = await input.reopen();
	}

	await db.exec(`CREATE OR REPLACE TEMP TABLE _enum_map (col VARCHAR, spelling VARCHAR, canonical VARCHAR)`);
	const seen = new Set<string>();
	const enums = [...input.extraEnums, ...enumRows(spec)].filter((e) => {
		const k = e.col + '\u0000' + e.spelling;
		if (seen.has(k) || input.refused.has(k)) return false;
		seen.add(k);
		return true;
	});
	if (enums.length) await db.exec(`INSERT INTO _enum_map VALUES ${enums.map((e) => `(${lit(e.col)}, ${lit(e.spelling)}, ${lit(e.canonical)})`).join(', ')}`);
	await db.exec('CREATE OR REPLACE TEMP TABLE _errors (_row INTEGER, _line INTEGER, col VARCHAR, value VARCHAR, code VARCHAR, first_row INTEGER)');
	await db.exec('CREATE OR REPLACE TEMP TABLE _repairs (_row INTEGER, _line INTEGER, col VARCHAR, f VARCHAR, t VARCHAR)');
	await db.exec(`CREATE OR REPLACE TEMP TABLE _pq_rej (_row INTEGER, _line INTEGER, ${spec.columns.map((c) => `${q(c.name + '_raw')} VARCHAR`).join(', ')})`);
	const u = spec.unique ?? [];
	if (u.length) await db.exec(`CREATE OR REPLACE TEMP TABLE _pq_seen (${u.map((k) => `${q(k)} ${SQL_TYPE[spec.columns.find((c) => c.name === k)!.type]}`).join(', ')}, first_row INTEGER)`);
	await db.exec(targetTableSql(spec));
	const cols = spec.columns.map((c) => q(c.name));
	const ok = rowOkSql(spec);
	let offset = 0;
	let kept = 0;
	// the pre-check's rules go where the batches are read, once per import
	await batches.setRules(input.precheck ? await precheckRules(db, spec, fields, colOf, fileName) : null);
	await db.exec('BEGIN TRANSACTION');
	try {
		await db.exec(`DELETE FROM ${q(spec.table)} WHERE _file = ${lit(fileName)}`);
		let batch: Awaited<ReturnType<typeof nextBatch>>;
		while ((batch = await nextBatch())) {
			input.checkCancel?.();
			// `rows`: the whole batch; `rest`: its rows in `_pqb` (the pre-check's good rows are in the table already)
			const { rows, rest, at } = batch;
			input.onRows?.(offset + rows);
			if (!rest) {
				offset += rows;
				continue;
			}
			const identity = await identityFields(db, fields, types, colOf);
			// a key read through its memo may have had its leading zero restored (a repair to report)
			const repairable = spec.columns.some((c) => c.type === 'gemeinde' && colOf.has(c.name) && !identity.has(c.name));
			const check = batchCheckSql(spec, fields, types, colOf, fmts, offset, identity, at);
			// the good rows go to the table straight from the check query; `_chk` is kept only when
			// something needs it: the error list, key repairs, or the keys seen (uniqueness)
			let bad: number;
			if (u.length) {
				await db.exec(`CREATE OR REPLACE TEMP TABLE _chk AS ${check}`);
				bad = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM _chk WHERE NOT (${ok})`))[0].n;
				await db.exec(`INSERT INTO ${q(spec.table)} SELECT ${cols.join(', ')}, ${lit(fileName)}, _line FROM _chk WHERE ${ok}`);
			} else {
				const ins = await db.query<{ Count: number }>(`INSERT INTO ${q(spec.table)} SELECT ${cols.join(', ')}, ${lit(fileName)}, _line FROM (${check}) WHERE ${ok}`);
				bad = rest - Number(ins[0]?.Count ?? 0);
				if (bad || repairable) await db.exec(`CREATE OR REPLACE TEMP TABLE _chk AS ${check}`);
			}
			if (bad) {
				await db.exec(batchErrorsSql(spec, fields, types, colOf, offset, at));
				if (kept < input.maxDetails) {
					const texts = fields.map((f) => `${textOf(f, f.src === undefined ? undefined : types.get(colOf.get(f.c.name)!))}`);
					await db.exec(`INSERT INTO _pq_rej SELECT (${at.pos} + ${offset + 1})::INTEGER, (${at.pos} + ${offset + 2})::INTEGER, ${texts.join(', ')} FROM _pqb _b ${at.base}
						WHERE ${at.pos} + ${offset + 1} IN (SELECT DISTINCT _row FROM _errors WHERE _row > ${offset} ORDER BY _row LIMIT ${input.maxDetails - kept})`);
					kept = (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM _pq_rej'))[0].n;
				}
			}
			for (const c of repairable ? spec.columns.filter((x) => x.type === 'gemeinde' && colOf.has(x.name)) : []) {
				await db.exec(`INSERT INTO _repairs SELECT _row, _line, ${lit(c.name)}, ${q('_repf_' + c.name)}, ${q('_key_' + c.name)} FROM _chk WHERE ${q(c.name)} IS NOT NULL AND ${q('_repf_' + c.name)} IS NOT NULL`);
			}
			if (u.length) await db.exec(`INSERT INTO _pq_seen SELECT ${u.map(q).join(', ')}, _row FROM _chk WHERE _first_row = _row`);
			await db.exec('DROP TABLE IF EXISTS _chk');
			offset += rows;
		}
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => undefined);
		throw e;
	} finally {
		batches.close();
		await db.exec('DROP TABLE IF EXISTS _pqb; DROP TABLE IF EXISTS _chk; DROP TABLE IF EXISTS _pq_seen').catch(() => undefined);
	}
	// the rejected rows' text, where the report looks for it
	await db.exec('DROP TABLE IF EXISTS stg');
	await db.exec('ALTER TABLE _pq_rej RENAME TO stg');
	const loaded = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q(spec.table)} WHERE _file = ${lit(fileName)}`))[0].n;
	const rejected = (await db.query<{ n: number }>('SELECT count(DISTINCT _row)::INTEGER AS n FROM _errors'))[0].n;
	return { rowsRead: offset, loaded, rejected, fmts };
}
