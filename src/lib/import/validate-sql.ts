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
const sqlEnumNorm = (v: string) => `regexp_replace(lower(replace(replace(trim(${v}), '–', '-'), '—', '-')), '\\s+', ' ', 'g')`;
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

const cleanSql = (v: string) => `regexp_replace(${v}, '[\\s\\x{00a0}\\x{202f}'']|€|EUR|%', '', 'gi')`;
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
		WHEN ${fm(t, RE.dotGroups)} THEN ${dotThousands ? `replace(${t}, '.', '')` : `CASE WHEN ${fm(t, RE.dotGroupsMulti)} THEN replace(${t}, '.', '') ELSE 'A' END`}
		WHEN ${fm(t, RE.commaGroups)} THEN ${commaThousands ? `replace(${t}, ',', '')` : `CASE WHEN ${fm(t, RE.commaGroupsMulti)} THEN replace(${t}, ',', '') ELSE 'A' END`}
		WHEN ${fm(t, RE.commaDecimal)} THEN ${f.decimal === '.' ? `'M'` : `replace(replace(${t}, '.', ''), ',', '.')`}
		WHEN ${fm(t, RE.pointDecimal)} THEN ${f.decimal === ',' ? `'M'` : `replace(${t}, ',', '')`}
		END`;
}

/** SQL counting, per numeric column, the text values that prove a decimal comma or point. */
export function numberEvidenceSql(cols: string[]): string {
	const inner = cols.map((c) => `CASE WHEN ${q(c + '_num')} IS NULL AND regexp_matches(${q(c + '_raw')}, '[.,]') THEN ${cleanSql(q(c + '_raw'))} END AS ${q('_c_' + c)}`);
	const parts = cols.flatMap((c) => {
		const t = q('_c_' + c);
		const textOnly = `${t} IS NOT NULL`;
		return [
			`count_if(${textOnly} AND ((${fm(t, RE.commaDecimal)} AND NOT ${fm(t, RE.commaGroups)}) OR ${fm(t, RE.dotGroupsMulti)}))::INTEGER AS ${q(c + ':,')}`,
			`count_if(${textOnly} AND ((${fm(t, RE.pointDecimal)} AND NOT ${fm(t, RE.dotGroups)}) OR ${fm(t, RE.commaGroupsMulti)}))::INTEGER AS ${q(c + ':.')}`
		];
	});
	return `SELECT ${parts.join(', ')} FROM (SELECT ${inner.join(', ')} FROM stg)`;
}

const dateExpr = (v: string) => `COALESCE(
	TRY_CAST(try_strptime(${v}, '%d.%m.%Y') AS DATE),
	TRY_CAST(try_strptime(${v}, '%Y-%m-%d') AS DATE),
	TRY_CAST(${v} AS DATE),
	CASE WHEN regexp_full_match(${v}, '[0-9]{5}(\\.0+)?') THEN DATE '1899-12-30' + CAST(CAST(${v} AS DOUBLE) AS INTEGER) END)`;

/** digits only; 7/11 digits get their leading zero back (Excel stores keys as numbers) */
const keyExpr = (v: string) => `CASE
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
				select: [[c.name, dateExpr(raw)]],
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
			const alias = `k_${c.name}`;
			return {
				select: [
					[c.name, `${alias}.ags`],
					[`_key_${c.name}`, keyExpr(raw)]
				],
				joins: [`LEFT JOIN _key_lookup ${alias} ON ${alias}.k = ${keyExpr(raw)}`],
				error: `CASE ${missing} WHEN NOT regexp_full_match(${q('_key_' + c.name)}, '[0-9]{8}|[0-9]{12}') THEN 'key_format'
					WHEN ${n} IS NULL THEN 'unknown_key' END`,
				params: ''
			};
		}
		case 'enum': {
			const alias = `e_${c.name}`;
			const allowed = Object.keys(c.values ?? {}).join(', ');
			return {
				select: [[c.name, `${alias}.canonical`]],
				joins: [`LEFT JOIN _enum_map ${alias} ON ${alias}.col = ${lit(c.name)} AND ${alias}.spelling = ${sqlEnumNorm(raw)}`],
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

/**
 * SQL creating `_chk`: row id, line, typed columns and one error code per column (`_err_<col>`).
 * `_row` identifies a staged row (unique across the sheets of a workbook); `_line` is the user's line.
 */
export function checkTableSql(spec: DatasetSpec, fmts: NumberFormats): string {
	const parts = spec.columns.map((c) => ({ c, s: columnSql(c, fmts) }));
	// numbers: cleaned once (_c_), then classified (_ntxt_), then typed in _t
	const nums = parts.filter(({ s }) => s.ntxt);
	const clean = nums.map(({ c }) => `${cleanSql(`_s.${q(c.name + '_raw')}`)} AS ${q('_c_' + c.name)}`);
	const ntxt = nums.map(({ c, s }) => `${s.ntxt!.replace(/stg\./g, '_c.')} AS ${q('_ntxt_' + c.name)}`);
	const typed = parts.flatMap(({ s }) => s.select.map(([name, e]) => `${e} AS ${q(name)}`));
	const joins = parts.flatMap(({ s }) => s.joins);
	const errs = parts.map(({ c, s }) => `${s.error.replace(/stg\./g, '_t.')} AS ${q('_err_' + c.name)}`);
	const rowChecks = (spec.rowChecks ?? []).map(
		(r, i) => `CASE WHEN ${r.when} THEN ${lit(r.code)} END AS ${q(`_rule_${i}`)}`
	);
	const unique = spec.unique?.length
		? `, CASE WHEN ${spec.unique.map((u) => `${q(u)} IS NOT NULL`).join(' AND ')}
			THEN min(_row) OVER (PARTITION BY ${spec.unique.map(q).join(', ')}) END AS _first_row`
		: ', NULL::INTEGER AS _first_row';
	return `CREATE OR REPLACE TEMP TABLE _chk AS
WITH _c AS (
	SELECT _s.*${clean.length ? ', ' + clean.join(',\n\t\t') : ''} FROM stg _s
), _n AS (
	SELECT _c.*${ntxt.length ? ', ' + ntxt.join(',\n\t\t') : ''} FROM _c
), _t AS (
	SELECT stg.*, ${typed.join(',\n\t\t')}
	FROM _n stg ${joins.join('\n\t')}
)
SELECT _t.*, ${errs.join(',\n\t')}${rowChecks.length ? ',\n\t' + rowChecks.join(',\n\t') : ''}${unique}
FROM _t`;
}

/** SQL listing every error: row, line, canonical column, raw value, code, first row (for duplicates). */
export function errorListSql(spec: DatasetSpec): string {
	const perColumn = spec.columns.map(
		(c) => `SELECT _row, _line, ${lit(c.name)} AS col, ${q(c.name + '_raw')} AS value, ${q('_err_' + c.name)} AS code, NULL::INTEGER AS first_row
			FROM _chk WHERE ${q('_err_' + c.name)} IS NOT NULL`
	);
	const rules = (spec.rowChecks ?? []).map(
		(r, i) => `SELECT _row, _line, ${lit(r.column)}, ${q(r.column + '_raw')}, ${q(`_rule_${i}`)}, NULL::INTEGER FROM _chk WHERE ${q(`_rule_${i}`)} IS NOT NULL`
	);
	const dup = spec.unique?.length
		? [`SELECT _row, _line, ${lit(spec.unique[0])}, ${q(spec.unique[0] + '_raw')}, 'duplicate', _first_row FROM _chk WHERE _row > _first_row`]
		: [];
	return [...perColumn, ...rules, ...dup].join('\nUNION ALL\n');
}

export function targetTableSql(spec: DatasetSpec): string {
	const cols = spec.columns.map((c) => `${q(c.name)} ${SQL_TYPE[c.type]}`);
	return `CREATE TABLE IF NOT EXISTS ${q(spec.table)} (${cols.join(', ')}, _file VARCHAR, _line INTEGER)`;
}

export function insertLoadedSql(spec: DatasetSpec, file: string): string {
	const cols = spec.columns.map((c) => q(c.name));
	return `INSERT INTO ${q(spec.table)} SELECT ${cols.map((c) => `_chk.${c}`).join(', ')}, ${lit(file)}, _line
		FROM _chk WHERE _row NOT IN (SELECT _row FROM _errors) ORDER BY _row`;
}
