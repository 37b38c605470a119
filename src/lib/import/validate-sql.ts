/**
 * The SQL that turns a staging table of text (`stg`: `_line` + one VARCHAR per mapped canonical
 * column) into typed rows and a list of errors. Every check is one CASE per column, so a reader
 * can see each rule once; all values are parsed in DuckDB, the same in Node and the browser.
 * See import/README.md for the flow.
 */
import type { ColumnSpec, DatasetSpec } from './schemas';
import { RE, type ColumnNumberFormat } from './number-format';

/** decimal mark per numeric column (canonical name); a column not listed has none */
export type NumberFormats = Record<string, ColumnNumberFormat>;

export const q = (id: string) => '"' + id.replace(/"/g, '""') + '"';
export const lit = (s: string) => "'" + s.replace(/'/g, "''") + "'";

/** the same normalisation as `normaliseEnum` below, in SQL */
export const sqlEnumNorm = (v: string) => `regexp_replace(lower(replace(replace(trim(${v}), '–', '-'), '—', '-')), '\\s+', ' ', 'g')`;
export function normaliseEnum(v: string): string {
	return v.trim().replace(/[–—]/g, '-').toLowerCase().replace(/\s+/g, ' ');
}

export const SQL_TYPE: Record<ColumnSpec['type'], string> = {
	date: 'DATE',
	int: 'INTEGER',
	decimal: 'DOUBLE',
	rate: 'DOUBLE',
	gemeinde: 'VARCHAR',
	id: 'VARCHAR',
	text: 'VARCHAR',
	enum: 'VARCHAR'
};

/** spaces (also no-break and narrow no-break), apostrophes, € / EUR and % removed; plain replace() is much cheaper than a regex per value */
const cleanSql = (v: string) =>
	['EUR', 'eur', 'Eur', '€', '%', "''", ' ', '\u00a0', '\u202f', '\t'].reduce((e, ch) => `replace(${e}, ${ch === "''" ? "''''" : lit(ch)}, '')`, v);
const fm = (v: string, re: string) => `regexp_full_match(${v}, ${lit(re)})`;

/**
 * A number written under its column's format → canonical "1234.5" text; 'A' when ambiguous
 * (13.363 with no decimal mark known), 'M' when the decimal mark contradicts the column's, NULL
 * when it is no number at all. The same rules as `readNumber` in number-format.ts.
 */
export function numberTextSql(v: string, f: ColumnNumberFormat, cleaned?: string): string {
	const t = cleaned ?? cleanSql(v);
	const dotThousands = f.decimal === ',' || f.intOnly;
	const commaThousands = f.decimal === '.' || f.intOnly;
	return `CASE WHEN ${v} IS NULL THEN NULL
		WHEN ${fm(t, RE.int)} THEN ${t}
		WHEN NOT (contains(${t}, '.') OR contains(${t}, ',')) THEN NULL
		WHEN ${fm(t, RE.dotGroups)} THEN ${dotThousands ? `replace(${t}, '.', '')` : `CASE WHEN ${fm(t, RE.dotGroupsMulti)} THEN replace(${t}, '.', '') ELSE 'A' END`}
		WHEN ${fm(t, RE.commaGroups)} THEN ${commaThousands ? `replace(${t}, ',', '')` : `CASE WHEN ${fm(t, RE.commaGroupsMulti)} THEN replace(${t}, ',', '') ELSE 'A' END`}
		WHEN ${fm(t, RE.commaDecimal)} THEN ${f.decimal === '.' ? `'M'` : `replace(replace(${t}, '.', ''), ',', '.')`}
		WHEN ${fm(t, RE.pointDecimal)} THEN ${f.decimal === ',' ? `'M'` : `replace(${t}, ',', '')`}
		END`;
}

/**
 * SQL counting, per numeric column, the text values that prove a decimal comma or point. Each
 * distinct text is classified once and weighted by how often it occurs (same counts as per row).
 */
export function numberEvidenceSql(cols: string[]): string {
	const perCol = cols.map((c, i) => {
		const raw = q(c + '_raw');
		const t = '_t';
		return `(SELECT COALESCE(sum(_n) FILTER (WHERE (${fm(t, RE.commaDecimal)} AND NOT ${fm(t, RE.commaGroups)}) OR ${fm(t, RE.dotGroupsMulti)}), 0)::INTEGER AS ${q(c + ':,')},
			COALESCE(sum(_n) FILTER (WHERE (${fm(t, RE.pointDecimal)} AND NOT ${fm(t, RE.dotGroups)}) OR ${fm(t, RE.commaGroupsMulti)}), 0)::INTEGER AS ${q(c + ':.')}
		FROM (SELECT ${cleanSql('_v')} AS _t, _n FROM (SELECT ${raw} AS _v, count(*) AS _n FROM stg WHERE ${q(c + '_num')} IS NULL AND ${raw} IS NOT NULL GROUP BY ${raw}) WHERE contains(_v, '.') OR contains(_v, ','))) _e${i}`;
	});
	return `SELECT * FROM ${perCol.join(', ')}`;
}

export const dateExpr = (v: string) => `COALESCE(
	TRY_CAST(try_strptime(${v}, '%d.%m.%Y') AS DATE),
	TRY_CAST(try_strptime(${v}, '%Y-%m-%d') AS DATE),
	TRY_CAST(${v} AS DATE),
	CASE WHEN regexp_full_match(${v}, '[0-9]{5}(\\.0+)?') THEN DATE '1899-12-30' + CAST(CAST(${v} AS DOUBLE) AS INTEGER) END)`;

/** digits only; 7/11 digits get their leading zero back (Excel stores keys as numbers) */
export const keyExpr = (v: string) => `CASE
	WHEN regexp_full_match(regexp_replace(${v}, '\\s', '', 'g'), '[0-9]{7}|[0-9]{11}') THEN '0' || regexp_replace(${v}, '\\s', '', 'g')
	ELSE regexp_replace(${v}, '\\s', '', 'g') END`;

interface ColumnSql {
	/** expressions selected into the check table (name → SQL) */
	select: [string, string][];
	/** joins needed (enum lookups, key lookup) */
	joins: string[];
	/** CASE returning an error code or NULL */
	error: string;
	/** error parameters as a SQL string expression ('' when none) */
	params: string;
	/** numbers: the canonical number text, computed one step before the typed value */
	ntxt?: string;
}

const numberErrorSql = (txt: string) => `CASE ${txt} WHEN 'A' THEN 'ambiguous_number' WHEN 'M' THEN 'mixed_decimal' ELSE 'not_a_number' END`;

function columnSql(c: ColumnSpec, fmts: NumberFormats): ColumnSql {
	const raw = `stg.${q(c.name + '_raw')}`;
	const fmt = fmts[c.name] ?? { decimal: null, intOnly: c.type === 'int' };
	const n = q(c.name);
	const missing = c.required ? `WHEN ${raw} IS NULL THEN 'missing_value'` : `WHEN ${raw} IS NULL THEN NULL::VARCHAR`;
	switch (c.type) {
		case 'date':
			return {
				select: [[c.name, `${memo(c)}.d`]],
				joins: [],
				error: `CASE ${missing} WHEN ${n} IS NULL THEN 'invalid_date'
					WHEN ${n} < DATE ${lit(c.minDate!)} OR ${n} > DATE ${lit(c.maxDate!)} THEN 'date_out_of_range' END`,
				params: ''
			};
		case 'int':
		case 'decimal': {
			const txt = `stg.${q('_ntxt_' + c.name)}`;
			const num = `COALESCE(stg.${q(c.name + '_num')}, TRY_CAST(${txt} AS DOUBLE))`;
			const cast = c.type === 'int' ? `CASE WHEN ${num} = round(${num}) AND abs(${num}) < 2e9 THEN CAST(${num} AS INTEGER) END` : num;
			return {
				select: [[c.name, cast], [`_num_${c.name}`, num]],
				joins: [],
				error: `CASE ${missing} WHEN ${q('_num_' + c.name)} IS NULL THEN ${numberErrorSql(txt)}
					WHEN ${n} IS NULL THEN 'not_an_integer' WHEN ${n} < 0 THEN 'negative'
					${c.max !== undefined ? `WHEN ${n} > ${c.max} THEN 'too_large'` : ''} END`,
				params: '',
				ntxt: numberTextSql(raw, fmt, `stg.${q('_c_' + c.name)}`)
			};
		}
		case 'rate': {
			const txt = `stg.${q('_ntxt_' + c.name)}`;
			const num = `COALESCE(stg.${q(c.name + '_num')}, TRY_CAST(${txt} AS DOUBLE))`;
			const pct = `(contains(${raw}, '%') OR ${num} > 1)`;
			return {
				select: [[c.name, `CASE WHEN ${pct} THEN ${num} / 100 ELSE ${num} END`]],
				joins: [],
				error: `CASE ${missing} WHEN ${n} IS NULL THEN ${numberErrorSql(txt)} WHEN ${n} < 0 OR ${n} > 1 THEN 'rate_out_of_range' END`,
				params: '',
				ntxt: numberTextSql(raw, fmt, `stg.${q('_c_' + c.name)}`)
			};
		}
		case 'gemeinde': {
			return {
				select: [
					[c.name, `${memo(c)}.ags`],
					[`_key_${c.name}`, `${memo(c)}.k`],
					// the text as written when the key got its leading zero back (a repair to report)
					[`_repf_${c.name}`, `CASE WHEN ${memo(c)}.rep THEN ${memo(c)}.v END`],
					// the key's shape, worked out once per distinct text (a regex per row cost more than the join)
					[`_kok_${c.name}`, `${memo(c)}.kok`]
				],
				joins: [],
				error: `CASE ${missing} WHEN NOT ${q('_kok_' + c.name)} THEN 'key_format'
					WHEN ${n} IS NULL THEN 'unknown_key' END`,
				params: ''
			};
		}
		case 'enum': {
			const allowed = Object.keys(c.values ?? {}).join(', ');
			return {
				select: [[c.name, `${memo(c)}.canonical`]],
				joins: [],
				error: `CASE ${missing} WHEN ${n} IS NULL THEN 'unknown_value' END`,
				params: lit(allowed)
			};
		}
		default:
			return { select: [[c.name, raw]], joins: [], error: `CASE ${missing} END`, params: '' };
	}
}

/** Rows of the enum lookup table: every accepted spelling (normalised) → canonical value. */
export function enumRows(spec: DatasetSpec): { col: string; spelling: string; canonical: string }[] {
	const out: { col: string; spelling: string; canonical: string }[] = [];
	for (const c of spec.columns) {
		if (c.type !== 'enum') continue;
		for (const [canonical, variants] of Object.entries(c.values ?? {})) {
			const seen = new Set<string>();
			for (const s of [canonical, ...variants].map(normaliseEnum)) {
				if (!seen.has(s)) out.push({ col: c.name, spelling: s, canonical });
				seen.add(s);
			}
		}
	}
	return out;
}

/** The enum lookup's rows: the profile's spellings first, then the kind's; one per spelling, less the refused ones. */
export function enumSpellings(spec: DatasetSpec, extraEnums: { col: string; spelling: string; canonical: string }[], refused: Set<string>): { col: string; spelling: string; canonical: string }[] {
	const seen = new Set<string>();
	return [...extraEnums, ...enumRows(spec)].filter((e) => {
		const k = e.col + '\u0000' + e.spelling;
		if (seen.has(k) || refused.has(k)) return false;
		seen.add(k);
		return true;
	});
}

const memo = (c: ColumnSpec) => q('_m_' + c.name);
const MEMO_TYPES = new Set<ColumnSpec['type']>(['date', 'gemeinde', 'enum', 'int', 'decimal', 'rate']);

/**
 * Each parsed column is worked out once per distinct text, not once per row (`_m_<col>`: text →
 * value), then joined back on the exact text: a million rows hold a few thousand dates, keys and
 * numbers, a handful of Format values. The expressions are the same as per row; NULL text never
 * joins, and every expression gives NULL for NULL.
 */
function memoSql(c: ColumnSpec, fmts: NumberFormats, range?: RowRange): string {
	const raw = q(c.name + '_raw');
	const distinct = `(SELECT DISTINCT ${raw} AS v FROM stg${range ? ` WHERE ${rangeSql('_row', range)}` : ''}) _u`;
	const fmt = fmts[c.name] ?? { decimal: null, intOnly: c.type === 'int' };
	switch (c.type) {
		case 'date':
			return `SELECT v, ${dateExpr('v')} AS d FROM ${distinct}`;
		case 'gemeinde':
			return `SELECT _u.v, _kl.ags, _u.k, length(regexp_replace(_u.v, '\\s', '', 'g')) IN (7, 11) AS rep, regexp_full_match(_u.k, '[0-9]{8}|[0-9]{12}') AS kok FROM (SELECT v, ${keyExpr('v')} AS k FROM ${distinct}) _u LEFT JOIN _key_lookup _kl ON _kl.k = _u.k`;
		case 'enum':
			return `SELECT _u.v, _em.canonical FROM ${distinct} LEFT JOIN _enum_map _em ON _em.col = ${lit(c.name)} AND _em.spelling = ${sqlEnumNorm('_u.v')}`;
		default:
			return `SELECT v, ${numberTextSql('v', fmt, cleanSql('v'))} AS ntxt FROM ${distinct}`;
	}
}

/** staged rows `from`…`to` (`_row`, inclusive): validation in batches keeps memory bounded */
export interface RowRange {
	from: number;
	to: number;
}
const rangeSql = (col: string, r: RowRange) => `${col} BETWEEN ${r.from} AND ${r.to}`;

/**
 * SQL creating the memo tables `_m_<col>` (text → parsed value, one row per distinct text of
 * the batch) that `checkSelectSql` joins; small (a few thousand rows), built before the checks.
 */
export function memoTablesSql(spec: DatasetSpec, fmts: NumberFormats, range?: RowRange): string[] {
	return spec.columns.filter((c) => MEMO_TYPES.has(c.type)).map((c) => `CREATE OR REPLACE TEMP TABLE ${memo(c)} AS ${memoSql(c, fmts, range)}`);
}

/** drops what `memoTablesSql` made */
export function dropMemoTablesSql(spec: DatasetSpec): string {
	return spec.columns.filter((c) => MEMO_TYPES.has(c.type)).map((c) => `DROP TABLE IF EXISTS ${memo(c)};`).join(' ');
}

/**
 * The checks as a SELECT over `stg` (rows of `range`): row id, line, typed columns and one error
 * code per column (`_err_<col>`), row rules (`_rule_<i>`) and `_first_row` for duplicates.
 * `memoTables`: the memos exist as tables (`memoTablesSql`), else they are CTEs of the statement.
 * `_row` identifies a staged row (unique across the sheets of a workbook); `_line` is the user's line.
 * `keys` (a table of the uniqueness columns' values already seen, with their first `_row`): a
 * duplicate of a row of an earlier batch is found too.
 */
export function checkSelectSql(spec: DatasetSpec, fmts: NumberFormats, range?: RowRange, opts: { memoTables?: boolean; keys?: string } = {}): string {
	const parts = spec.columns.map((c) => ({ c, s: columnSql(c, fmts) }));
	const memoCols = spec.columns.filter((c) => MEMO_TYPES.has(c.type));
	const memos = opts.memoTables ? [] : memoCols.map((c) => `${memo(c)} AS (${memoSql(c, fmts, range)})`);
	// numbers: the canonical number text (_ntxt_) from the memo, then typed in _t
	const nums = parts.filter(({ s }) => s.ntxt);
	const ntxt = nums.map(({ c }) => `${memo(c)}.ntxt AS ${q('_ntxt_' + c.name)}`);
	const numJoins = nums.map(({ c }) => `LEFT JOIN ${memo(c)} ON ${memo(c)}.v = _s.${q(c.name + '_raw')}`);
	const typed = parts.flatMap(({ s }) => s.select.map(([name, e]) => `${e} AS ${q(name)}`));
	const joins = [
		...parts.flatMap(({ s }) => s.joins),
		...memoCols.filter((c) => !nums.some((n) => n.c === c)).map((c) => `LEFT JOIN ${memo(c)} ON ${memo(c)}.v = stg.${q(c.name + '_raw')}`)
	];
	const errs = parts.map(({ c, s }) => `${s.error.replace(/stg\./g, '_t.')} AS ${q('_err_' + c.name)}`);
	const rowChecks = (spec.rowChecks ?? []).map(
		(r, i) => `CASE WHEN ${r.when} THEN ${lit(r.code)} END AS ${q(`_rule_${i}`)}`
	);
	const keyCols = spec.unique ?? [];
	const allKeys = keyCols.map((u) => `${q(u)} IS NOT NULL`).join(' AND ');
	// the first row with the same key: in this batch, or (keys) in an earlier one
	const unique = keyCols.length
		? opts.keys
			? `, CASE WHEN ${allKeys} THEN COALESCE((SELECT min(_k._first_row) FROM ${q(opts.keys)} _k WHERE ${keyCols.map((u) => `_k.${q(u)} = _t.${q(u)}`).join(' AND ')}), min(_row) OVER (PARTITION BY ${keyCols.map(q).join(', ')})) END AS _first_row`
			: `, CASE WHEN ${allKeys} THEN min(_row) OVER (PARTITION BY ${keyCols.map(q).join(', ')}) END AS _first_row`
		: ', NULL::INTEGER AS _first_row';
	// the raw text stays in stg (joined back for the few rows with an error): writing a million
	// strings into _chk a second time cost more than all the checks
	const keep = ['_t._row', '_t._line', ...parts.flatMap(({ s }) => s.select.map(([name]) => `_t.${q(name)}`))];
	return `${memos.length ? 'WITH ' + memos.join(',\n') + ',\n' : 'WITH '}_n AS (
	SELECT _s.*${ntxt.length ? ', ' + ntxt.join(',\n\t\t') : ''} FROM stg _s ${numJoins.join('\n\t')}${range ? `\n\tWHERE ${rangeSql('_s._row', range)}` : ''}
), _t AS (
	SELECT stg.*, ${typed.join(',\n\t\t')}
	FROM _n stg ${joins.join('\n\t')}
)
SELECT ${keep.join(', ')}, ${errs.join(',\n\t')}${rowChecks.length ? ',\n\t' + rowChecks.join(',\n\t') : ''}${unique}
FROM _t`;
}

/** SQL creating `_chk` from `checkSelectSql` (the rows, errors and first rows of a batch). */
export function checkTableSql(spec: DatasetSpec, fmts: NumberFormats, range?: RowRange, opts: { memoTables?: boolean; keys?: string } = {}): string {
	return `CREATE OR REPLACE TEMP TABLE _chk AS\n${checkSelectSql(spec, fmts, range, opts)}`;
}

/** SQL listing every error: row, line, canonical column, raw value, code, first row (for duplicates). */
export function errorListSql(spec: DatasetSpec): string {
	const perColumn = spec.columns.map(
		(c) => `SELECT _row, _line, ${lit(c.name)} AS col, ${q('_err_' + c.name)} AS code, NULL::INTEGER AS first_row
			FROM _chk WHERE ${q('_err_' + c.name)} IS NOT NULL`
	);
	const rules = (spec.rowChecks ?? []).map(
		(r, i) => `SELECT _row, _line, ${lit(r.column)}, ${q(`_rule_${i}`)}, NULL::INTEGER FROM _chk WHERE ${q(`_rule_${i}`)} IS NOT NULL`
	);
	const dup = spec.unique?.length
		? [`SELECT _row, _line, ${lit(spec.unique[0])}, 'duplicate', _first_row FROM _chk WHERE _row > _first_row`]
		: [];
	// the raw value from stg, for the rows with an error only
	const value = `CASE _e.col ${spec.columns.map((c) => `WHEN ${lit(c.name)} THEN _s.${q(c.name + '_raw')}`).join(' ')} END`;
	return `SELECT _e._row, _e._line, _e.col, ${value} AS value, _e.code, _e.first_row
		FROM (${[...perColumn, ...rules, ...dup].join('\nUNION ALL\n')}) _e JOIN stg _s ON _s._row = _e._row`;
}

export function targetTableSql(spec: DatasetSpec): string {
	const cols = spec.columns.map((c) => `${q(c.name)} ${SQL_TYPE[c.type]}`);
	return `CREATE TABLE IF NOT EXISTS ${q(spec.table)} (${cols.join(', ')}, _file VARCHAR, _line INTEGER)`;
}

/** the condition a row of `_chk` (or of `checkSelectSql`) meets when it has no error: the same conditions that fill `_errors` */
export function rowOkSql(spec: DatasetSpec): string {
	return [
		...spec.columns.map((c) => `${q('_err_' + c.name)} IS NULL`),
		...(spec.rowChecks ?? []).map((_, i) => `${q(`_rule_${i}`)} IS NULL`),
		...(spec.unique?.length ? ['(_first_row IS NULL OR _row <= _first_row)'] : [])
	].join(' AND ');
}

/**
 * SQL appending the rows without an error to the kind's table. `from`: the table `_chk`, or
 * `checkSelectSql` itself (then no checked copy of the rows is written: one scan of `stg`).
 */
export function insertLoadedSql(spec: DatasetSpec, file: string, from = '_chk'): string {
	const cols = spec.columns.map((c) => q(c.name));
	// one scan, no anti-join and no sort of the whole table
	const src = from === '_chk' ? '_chk' : `(${from}) _chk`;
	return `INSERT INTO ${q(spec.table)} SELECT ${cols.map((c) => `_chk.${c}`).join(', ')}, ${lit(file)}, _line
		FROM ${src} WHERE ${rowOkSql(spec)}`;
}
