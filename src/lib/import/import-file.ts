/**
 * One file in, one report out: detect format → read rows → map header → stage → validate in SQL
 * → append loaded rows to the kind's table. Rows read = rows loaded + rows rejected, always.
 * A file that cannot be read at all gives one `fatal` message, never an exception.
 */
import type { Db } from '../db/types';
import { decodeText, BinaryFileError } from './encoding';
import { parseCsv, sniffDelimiter, type CsvRecord } from './csv-text';
import { detectKind, findHeaderRow, type HeaderMatch } from './header-map';
import { message } from './messages';
import { voteNumberFormat, type NumberFormat } from './number-format';
import { isParquet, parquetToIPC } from './parquet';
import type { Dialect, ImportReport, Lang, Rejection, Repair } from './report';
import type { DatasetSpec } from './schemas';
import { stageFromTable, stageRecords, type StagedRow } from './staging';
import { checkTableSql, enumRows, errorListSql, insertLoadedSql, lit, q, targetTableSql } from './validate-sql';
import { isXlsx, readXlsx } from './xlsx';

export interface ImportOptions {
	lang?: Lang;
	/** cap on rejection details kept in the report (counts stay exact) */
	maxDetails?: number;
}

export interface InputFile {
	name: string;
	bytes: Uint8Array;
}

const SAMPLE_NAME = /beispieldaten|sample/i;

function emptyReport(file: string): ImportReport {
	return {
		file,
		kind: null,
		dialect: null,
		columns: {},
		rowsRead: 0,
		rowsLoaded: 0,
		rowsRejected: 0,
		rejections: [],
		repairs: [],
		fatal: null,
		sample: SAMPLE_NAME.test(file),
		rejectedRecords: { header: [], rows: [] }
	};
}

class FatalImport extends Error {
	constructor(
		public code: string,
		public params: Record<string, string | number> = {}
	) {
		super(code);
	}
}

interface ReadTable {
	dialect: Dialect;
	header: string[];
	/** data records (header removed, blank records removed) */
	records: CsvRecord[];
}

function readCsv(bytes: Uint8Array): ReadTable {
	let decoded;
	try {
		decoded = decodeText(bytes);
	} catch (e) {
		if (e instanceof BinaryFileError) throw new FatalImport('binary_file');
		throw e;
	}
	const text = decoded.text.replace(/^\ufeff/, '');
	if (text.trim() === '') throw new FatalImport('empty_file');
	const delimiter = sniffDelimiter(text);
	const all = parseCsv(text, delimiter).filter((r) => r.fields.some((f) => f.trim() !== ''));
	const h = findHeaderRow(all.map((r) => r.fields));
	return {
		dialect: { format: 'csv', encoding: decoded.encoding, delimiter },
		header: all[h]?.fields ?? [],
		records: all.slice(h + 1)
	};
}

async function readSpreadsheet(bytes: Uint8Array): Promise<ReadTable> {
	let sheets;
	try {
		sheets = await readXlsx(bytes);
	} catch (e) {
		throw new FatalImport('unreadable_xlsx', { detail: String((e as Error).message ?? e).slice(0, 120) });
	}
	let best: ReadTable | null = null;
	let bestScore = -1;
	for (const s of sheets) {
		const h = findHeaderRow(s.records.map((r) => r.fields));
		const header = s.records[h]?.fields ?? [];
		const score = detectKind(header).closest.mapping.size;
		if (score > bestScore) {
			bestScore = score;
			best = { dialect: { format: 'xlsx', sheet: s.sheet, decimal: '.' }, header, records: s.records.slice(h + 1) };
		}
	}
	if (!best) throw new FatalImport('empty_file');
	return best;
}

function kindOrFatal(header: string[], lang: Lang): HeaderMatch {
	const { match, candidates } = detectKind(header);
	if (match) return match;
	throw new FatalImport('unknown_kind', {
		missing: candidates.map((c) => `${c.spec.label[lang]}: ${c.missing.join(', ')}`).join('; '),
		found: header.filter((x) => x.trim()).join(', ') || '–'
	});
}

/** Splits records into well-formed rows and structurally broken ones (wrong field count). */
function checkShape(records: CsvRecord[], width: number, spreadsheet: boolean) {
	const ok: StagedRow[] = [];
	const broken: { record: CsvRecord; code: string }[] = [];
	for (const r of records) {
		let f = r.fields;
		if (f.length > width && f.slice(width).every((x) => x.trim() === '')) f = f.slice(0, width); // trailing ;;; from Excel
		if (spreadsheet && f.length < width) f = [...f, ...Array<string>(width - f.length).fill('')]; // empty cells at the row's end
		if (f.length > width) broken.push({ record: r, code: 'too_many_fields' });
		else if (f.length < width && f.length > 1) broken.push({ record: r, code: 'too_few_fields' });
		else ok.push({ line: r.line, fields: f });
	}
	return { ok, broken };
}

function numberFormatFor(match: HeaderMatch, rows: StagedRow[], delimiter: string): NumberFormat {
	const idx = [...match.mapping].filter(([, n]) => ['int', 'decimal', 'rate'].includes(match.spec.columns.find((c) => c.name === n)!.type)).map(([i]) => i);
	const values: string[] = [];
	for (let r = 0; r < rows.length && values.length < 20000; r++) for (const i of idx) values.push(rows[r].fields[i] ?? '');
	return voteNumberFormat(values, delimiter);
}

export async function importFile(db: Db, file: InputFile, opts: ImportOptions = {}): Promise<ImportReport> {
	const lang = opts.lang ?? 'de';
	const report = emptyReport(file.name);
	try {
		await runImport(db, file, lang, opts.maxDetails ?? 5000, report);
	} catch (e) {
		const [code, params] = e instanceof FatalImport ? [e.code, e.params] : ['unreadable', { detail: String((e as Error)?.message ?? e).slice(0, 200) }];
		report.fatal = { code, message: message(code, lang, params), params };
		report.rowsLoaded = 0;
		report.rowsRejected = report.rowsRead;
	}
	return report;
}

async function runImport(db: Db, file: InputFile, lang: Lang, maxDetails: number, report: ImportReport) {
	const { bytes } = file;
	if (bytes.length === 0) throw new FatalImport('empty_file');
	let match: HeaderMatch;
	let header: string[];
	let broken: { record: CsvRecord; code: string }[] = [];
	let fmt: NumberFormat = { decimal: '.', thousands: null };
	let sourceRows: StagedRow[] | null = null;

	if (isParquet(bytes)) {
		let ipc: Uint8Array;
		try {
			ipc = await parquetToIPC(bytes);
		} catch (e) {
			throw new FatalImport('unreadable_parquet', { detail: String((e as Error).message ?? e).slice(0, 120) });
		}
		await db.exec('DROP TABLE IF EXISTS _pq');
		await db.insertArrowIPC('_pq', ipc, true);
		header = (await db.query<{ column_name: string }>('DESCRIBE _pq')).map((r) => r.column_name);
		report.dialect = { format: 'parquet', decimal: '.' };
		match = kindOrFatal(header, lang);
		await stageFromTable(db, match.spec, '_pq', header, match.mapping);
		await db.exec('DROP TABLE _pq');
	} else {
		const table = isXlsx(bytes) ? await readSpreadsheet(bytes) : readCsv(bytes);
		header = table.header;
		report.dialect = table.dialect;
		if (header.length === 0) throw new FatalImport('empty_file');
		match = kindOrFatal(header, lang);
		const shape = checkShape(table.records, header.length, table.dialect.format === 'xlsx');
		broken = shape.broken;
		if (table.dialect.format === 'csv') fmt = numberFormatFor(match, shape.ok, table.dialect.delimiter ?? ',');
		table.dialect.decimal = fmt.decimal;
		table.dialect.thousands = fmt.thousands;
		await stageRecords(db, match.spec, match.mapping, shape.ok);
		sourceRows = shape.ok;
	}
	report.kind = match.kind;
	for (const [i, name] of match.mapping) report.columns[header[i]] = name;
	const fileCol = (canonical: string) => {
		for (const [i, n] of match.mapping) if (n === canonical) return header[i];
		return canonical;
	};

	const staged = (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM stg'))[0].n;
	report.rowsRead = staged + broken.length;
	if (report.rowsRead === 0) throw new FatalImport('header_only');

	const spec = match.spec;
	const { loaded, rejected: sqlRejected } = await validateStaged(db, spec, fmt, file.name);
	report.rowsLoaded = loaded;
	report.rowsRejected = sqlRejected + broken.length;

	const allowed = (col: string) => Object.keys(spec.columns.find((c) => c.name === col)?.values ?? {}).join(', ');
	const rangeOf = (col: string) => {
		const c = spec.columns.find((x) => x.name === col);
		const de = (iso?: string) => (iso ? iso.split('-').reverse().join('.') : '');
		return { min: de(c?.minDate), max: de(c?.maxDate), max_n: c?.max ?? '' };
	};
	const errs = await db.query<{ _line: number; col: string; value: string | null; code: string; first_line: number | null }>(
		`SELECT * FROM _errors ORDER BY _line, col LIMIT ${maxDetails}`
	);
	const rejection = (line: number, column: string, value: string, code: string, params: Record<string, string | number>): Rejection => ({
		line,
		column,
		value,
		code,
		reason: message(code, lang, params),
		params
	});
	const rejections: Rejection[] = broken.map((b) =>
		rejection(b.record.line, '', b.record.fields.join(report.dialect?.delimiter ?? ';'), b.code, { found: b.record.fields.length, expected: header.length })
	);
	for (const e of errs) {
		const r = rangeOf(e.col);
		const params: Record<string, string | number> = {};
		if (e.code === 'unknown_value') params.allowed = allowed(e.col);
		if (e.code === 'duplicate') params.first = e.first_line ?? '';
		if (e.code === 'date_out_of_range') Object.assign(params, { min: r.min, max: r.max });
		if (e.code === 'too_large') params.max = r.max_n;
		rejections.push(rejection(e._line, fileCol(e.col), e.value ?? '', e.code, params));
	}
	rejections.sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
	report.rejections = rejections.slice(0, maxDetails);
	report.repairs = await repairs(db, spec, fileCol, lang, maxDetails);
	report.rejectedRecords = await rejectedRecords(db, spec, header, match.mapping, sourceRows, broken, maxDetails);
}

/**
 * Validates the staging table `stg` and appends its good rows to the kind's table. Exported so
 * the benchmark can run exactly this SQL on native DuckDB.
 */
export async function validateStaged(db: Db, spec: DatasetSpec, fmt: NumberFormat, fileName: string): Promise<{ loaded: number; rejected: number }> {
	await db.exec(`CREATE OR REPLACE TEMP TABLE _enum_map (col VARCHAR, spelling VARCHAR, canonical VARCHAR)`);
	const enums = enumRows(spec);
	if (enums.length) await db.exec(`INSERT INTO _enum_map VALUES ${enums.map((e) => `(${lit(e.col)}, ${lit(e.spelling)}, ${lit(e.canonical)})`).join(', ')}`);
	await db.exec(checkTableSql(spec, fmt));
	await db.exec(`CREATE OR REPLACE TEMP TABLE _errors AS ${errorListSql(spec)}`);
	await db.exec(targetTableSql(spec));
	// Loading a file again replaces its earlier rows instead of counting them twice.
	await db.exec(`DELETE FROM ${q(spec.table)} WHERE _file = ${lit(fileName)}`);
	await db.exec(insertLoadedSql(spec, fileName));
	const loaded = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q(spec.table)} WHERE _file = ${lit(fileName)}`))[0].n;
	const rejected = (await db.query<{ n: number }>('SELECT count(DISTINCT _line)::INTEGER AS n FROM _errors'))[0].n;
	return { loaded, rejected };
}

async function repairs(db: Db, spec: DatasetSpec, fileCol: (c: string) => string, lang: Lang, max: number): Promise<Repair[]> {
	const keyCols = spec.columns.filter((c) => c.type === 'gemeinde');
	const out: Repair[] = [];
	for (const c of keyCols) {
		const rows = await db.query<{ _line: number; f: string; t: string }>(
			`SELECT _line, ${q(c.name + '_raw')} AS f, ${q('_key_' + c.name)} AS t FROM _chk
			 WHERE ${q(c.name)} IS NOT NULL AND length(regexp_replace(${q(c.name + '_raw')}, '\\s', '', 'g')) IN (7, 11) ORDER BY _line LIMIT ${max}`
		);
		for (const r of rows) out.push({ line: r._line, column: fileCol(c.name), from: r.f, to: r.t, code: 'repaired_leading_zero', reason: message('repaired_leading_zero', lang), params: {} });
	}
	return out;
}

/** The rejected rows as the user wrote them, for the download (reasons: `rejections`). */
async function rejectedRecords(
	db: Db,
	spec: DatasetSpec,
	header: string[],
	mapping: Map<number, string>,
	sourceRows: StagedRow[] | null,
	broken: { record: CsvRecord }[],
	max: number
): Promise<ImportReport['rejectedRecords']> {
	const rows: ImportReport['rejectedRecords']['rows'] = broken.map((b) => ({ line: b.record.line, values: b.record.fields }));
	const lines = (await db.query<{ _line: number }>(`SELECT DISTINCT _line FROM _errors ORDER BY _line LIMIT ${max}`)).map((r) => r._line);
	if (sourceRows) {
		const wanted = new Set(lines);
		for (const r of sourceRows) if (wanted.has(r.line)) rows.push({ line: r.line, values: r.fields });
	} else if (lines.length) {
		// Parquet: the staged text is what the file held (only mapped columns exist as text)
		const raw = await db.query<Record<string, string | null>>(
			`SELECT _line, ${spec.columns.map((c) => q(c.name + '_raw')).join(', ')} FROM stg WHERE _line IN (${lines.join(',')}) ORDER BY _line`
		);
		for (const r of raw) {
			const values = header.map((_, i) => (mapping.get(i) ? (r[mapping.get(i)! + '_raw'] ?? '') : ''));
			rows.push({ line: Number(r._line), values });
		}
	}
	rows.sort((a, b) => a.line - b.line);
	return { header, rows: rows.slice(0, max) };
}
