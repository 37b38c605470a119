/**
 * The SQL that turns a staging table of text (`stg`: `_line` + one VARCHAR per mapped canonical
 * column) into typed rows and a list of errors. Every check is one CASE per column, so a reader
 * can see each rule once; all values are parsed in DuckDB, the same in Node and the browser.
 * See import/README.md for the flow.
 */
import type { ColumnSpec, DatasetSpec } from './schemas';
import type { NumberFormat } from './number-format';

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

/** A number written in the detected format → its canonical "1234.5" form, or NULL when it does not fit the format. */
function numberText(v: string, fmt: NumberFormat): string {
	const t = `regexp_replace(${v}, '[\\s\\x{00a0}\\x{202f}'']|€|EUR|%', '', 'gi')`;
	if (fmt.decimal === ',') {
		return `CASE WHEN regexp_full_match(${t}, '[-+]?[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]+)?|[-+]?[0-9]+(,[0-9]+)?')
			THEN replace(replace(${t}, '.', ''), ',', '.') END`;
	}
	return `CASE WHEN regexp_full_match(${t}, '[-+]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?|[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?')
		THEN replace(${t}, ',', '') END`;
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
}

function columnSql(c: ColumnSpec, fmt: NumberFormat): ColumnSql {
	const raw = `stg.${q(c.name + '_raw')}`;
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
			const num = `TRY_CAST(${numberText(raw, fmt)} AS DOUBLE)`;
			const cast = c.type === 'int' ? `CASE WHEN ${num} = round(${num}) AND abs(${num}) < 2e9 THEN CAST(${num} AS INTEGER) END` : num;
			return {
				select: [[c.name, cast], [`_num_${c.name}`, num]],
				joins: [],
				error: `CASE ${missing} WHEN ${q('_num_' + c.name)} IS NULL THEN 'not_a_number'
					WHEN ${n} IS NULL THEN 'not_an_integer' WHEN ${n} < 0 THEN 'negative'
					${c.max !== undefined ? `WHEN ${n} > ${c.max} THEN 'too_large'` : ''} END`,
				params: ''
			};
		}
		case 'rate': {
			const num = `TRY_CAST(${numberText(raw, fmt)} AS DOUBLE)`;
			const pct = `(contains(${raw}, '%') OR ${num} > 1)`;
			return {
				select: [[c.name, `CASE WHEN ${pct} THEN ${num} / 100 ELSE ${num} END`]],
				joins: [],
				error: `CASE ${missing} WHEN ${n} IS NULL THEN 'not_a_number' WHEN ${n} < 0 OR ${n} > 1 THEN 'rate_out_of_range' END`,
				params: ''
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

/** SQL creating `_chk`: line, typed columns and one error code per column (`_err_<col>`). */
export function checkTableSql(spec: DatasetSpec, fmt: NumberFormat): string {
	const parts = spec.columns.map((c) => ({ c, s: columnSql(c, fmt) }));
	const typed = parts.flatMap(({ s }) => s.select.map(([name, e]) => `${e} AS ${q(name)}`));
	const joins = parts.flatMap(({ s }) => s.joins);
	const errs = parts.map(({ c, s }) => `${s.error.replace(/stg\./g, '_t.')} AS ${q('_err_' + c.name)}`);
	const rowChecks = (spec.rowChecks ?? []).map(
		(r, i) => `CASE WHEN ${r.when} THEN ${lit(r.code)} END AS ${q(`_rule_${i}`)}`
	);
	const unique = spec.unique?.length
		? `, CASE WHEN ${spec.unique.map((u) => `${q(u)} IS NOT NULL`).join(' AND ')}
			THEN min(_line) OVER (PARTITION BY ${spec.unique.map(q).join(', ')}) END AS _first_line`
		: ', NULL::INTEGER AS _first_line';
	return `CREATE OR REPLACE TEMP TABLE _chk AS
WITH _t AS (
	SELECT stg.*, ${typed.join(',\n\t\t')}
	FROM stg ${joins.join('\n\t')}
)
SELECT _t.*, ${errs.join(',\n\t')}${rowChecks.length ? ',\n\t' + rowChecks.join(',\n\t') : ''}${unique}
FROM _t`;
}

/** SQL listing every error: line, canonical column, raw value, code, first line (for duplicates). */
export function errorListSql(spec: DatasetSpec): string {
	const perColumn = spec.columns.map(
		(c) => `SELECT _line, ${lit(c.name)} AS col, ${q(c.name + '_raw')} AS value, ${q('_err_' + c.name)} AS code, NULL::INTEGER AS first_line
			FROM _chk WHERE ${q('_err_' + c.name)} IS NOT NULL`
	);
	const rules = (spec.rowChecks ?? []).map(
		(r, i) => `SELECT _line, ${lit(r.column)}, ${q(r.column + '_raw')}, ${q(`_rule_${i}`)}, NULL::INTEGER FROM _chk WHERE ${q(`_rule_${i}`)} IS NOT NULL`
	);
	const dup = spec.unique?.length
		? [`SELECT _line, ${lit(spec.unique[0])}, ${q(spec.unique[0] + '_raw')}, 'duplicate', _first_line FROM _chk WHERE _line > _first_line`]
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
		FROM _chk WHERE _line NOT IN (SELECT _line FROM _errors) ORDER BY _line`;
}
