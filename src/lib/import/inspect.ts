/**
 * `inspectFile`: what the import would see, without a database: dialect, header row, the first
 * rows as parsed, the kind, a suggested column mapping with confidence, and per closed-list
 * field the values it does not know (with counts). The assistant shows this and lets the user
 * change it; the choices become an ImportProfile (profile.ts) for `importFile`.
 */
import { tableFromIPC } from 'apache-arrow';
import type { CellKind } from './cell-value';
import { detectKind, matchKind, type HeaderMatch } from './header-map';
import { message } from './messages';
import { isParquet, parquetToIPC } from './parquet';
import { headerSignature, type ImportProfile } from './profile';
import { FatalImport, readTabular, readText, unknownKindParams, type ReadResult } from './read-file';
import type { Dialect, Lang, SkippedLine, UnusedSheet, EncodingNote } from './report';
import { DATASETS, type DatasetKind, type DatasetSpec } from './schemas';
import { enumRows, normaliseEnum } from './validate-sql';
import { columnNumberFormat, readNumber } from './number-format';

export interface FieldSuggestion {
	/** canonical field (internal key; show `label`) */
	field: string;
	label: string;
	required: boolean;
	/** file column index, or null when no column fits */
	column: number | null;
	/** the file's header text of that column */
	header: string | null;
	/** 0.7–1 (1 = exact name or the profile's choice) */
	confidence: number;
}

export interface UnknownValues {
	field: string;
	label: string;
	/** allowed values */
	allowed: string[];
	/** values the file holds that are not allowed, with how often they occur */
	values: { value: string; count: number }[];
}

export interface NumberColumn {
	field: string;
	label: string;
	/** the file's header text */
	header: string;
	decimal: ',' | '.' | null;
	/** values that are rejected as ambiguous under `decimal` */
	ambiguous: number;
}

export interface Inspection {
	file: string;
	format: 'csv' | 'xlsx' | 'parquet';
	dialect: Dialect;
	encodingNotes: EncodingNote[];
	/** header texts and the key a profile is stored under */
	header: string[];
	signature: string;
	headerLine: number;
	/** first rows as parsed (XLSX: of the first sheet read; `cells` marks number and date cells, shown with `shownValue` as Excel shows them) */
	preview: { line: number; sheet?: string; fields: string[]; cells?: (CellKind | null)[] }[];
	kind: DatasetKind | null;
	/** every kind with how many of its required fields are found */
	kinds: { kind: DatasetKind; label: string; matched: number; missing: string[] }[];
	mapping: FieldSuggestion[];
	/** file columns no field uses ("wird nicht übernommen") */
	unusedColumns: string[];
	unknownValues: UnknownValues[];
	/**
	 * CSV: per mapped number field, the decimal mark its own values show (or the profile's) and
	 * how many values stay ambiguous under it ("13.363": thousands or decimals?). The import
	 * decides the same way (number-format.ts); XLSX and Parquet: empty (typed cells do not vote).
	 */
	numbers: NumberColumn[];
	skipped: SkippedLine[];
	sheets: string[];
	unusedSheets: UnusedSheet[];
	profileApplied: boolean;
	/** a whole-file problem (then most fields are empty) */
	fatal: { code: string; message: string } | null;
}

const PREVIEW_ROWS = 20;

function suggestions(spec: DatasetSpec, m: HeaderMatch, header: string[], lang: Lang): FieldSuggestion[] {
	const byField = new Map<string, number>();
	for (const [i, f] of m.mapping) byField.set(f, i);
	return spec.columns.map((c) => {
		const i = byField.get(c.name);
		return {
			field: c.name,
			label: c.label[lang],
			required: c.required,
			column: i ?? null,
			header: i === undefined ? null : header[i],
			confidence: i === undefined ? 0 : (m.confidence.get(i) ?? 1)
		};
	});
}

function unknownValues(spec: DatasetSpec, columns: Map<string, string[]>, profile: ImportProfile | undefined, lang: Lang): UnknownValues[] {
	const known = new Set(enumRows(spec).map((e) => e.col + '\u0000' + e.spelling));
	const out: UnknownValues[] = [];
	for (const c of spec.columns) {
		if (c.type !== 'enum') continue;
		const mapped = profile?.values?.[c.name] ?? {};
		const counts = new Map<string, number>();
		for (const v of columns.get(c.name) ?? []) {
			const t = v.trim();
			if (!t || known.has(c.name + '\u0000' + normaliseEnum(t)) || (mapped[t] !== undefined && mapped[t] !== null)) continue;
			counts.set(t, (counts.get(t) ?? 0) + 1);
		}
		out.push({
			field: c.name,
			label: c.label[lang],
			allowed: Object.keys(c.values ?? {}),
			values: [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
		});
	}
	return out;
}

function kindsOf(candidates: HeaderMatch[], lang: Lang) {
	return candidates.map((c) => ({
		kind: c.kind,
		label: c.spec.label[lang],
		matched: c.mapping.size,
		missing: c.missing.map((m) => c.spec.columns.find((x) => x.name === m)!.label[lang])
	}));
}

function base(file: string, format: Inspection['format'], dialect: Dialect): Inspection {
	return {
		file,
		format,
		dialect,
		encodingNotes: [],
		header: [],
		signature: '',
		headerLine: 1,
		preview: [],
		kind: null,
		kinds: [],
		mapping: [],
		unusedColumns: [],
		unknownValues: [],
		skipped: [],
		sheets: [],
		unusedSheets: [],
		numbers: [],
		profileApplied: false,
		fatal: null
	};
}

async function inspectParquet(bytes: Uint8Array, file: string, profile: ImportProfile | undefined, lang: Lang): Promise<Inspection> {
	const out = base(file, 'parquet', { format: 'parquet', decimal: '.' });
	const table = tableFromIPC(await parquetToIPC(bytes));
	const header = table.schema.fields.map((f) => f.name);
	const text = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
	const cols = header.map((h) => table.getChild(h));
	const n = table.numRows;
	out.preview = Array.from({ length: Math.min(PREVIEW_ROWS, n) }, (_, r) => ({ line: r + 2, fields: cols.map((c) => text(c?.get(r))) }));
	fill(out, header, 1, profile, lang, (i) => Array.from({ length: n }, (_, r) => text(cols[i]?.get(r))));
	return out;
}

const NUMERIC = new Set(['int', 'decimal', 'rate']);

function numberColumns(spec: DatasetSpec, mapping: Map<number, string>, header: string[], profile: ImportProfile | undefined, lang: Lang, column: (i: number, field: string) => string[]): NumberColumn[] {
	const out: NumberColumn[] = [];
	for (const [i, f] of mapping) {
		const c = spec.columns.find((x) => x.name === f);
		if (!c || !NUMERIC.has(c.type)) continue;
		const values = column(i, f).filter((v) => v.trim() !== '');
		const fmt = columnNumberFormat(values, c.type === 'int');
		const decimal = profile?.decimal?.[f] ?? fmt.decimal;
		let ambiguous = 0;
		for (const v of values) {
			const r = readNumber(v, { decimal, intOnly: fmt.intOnly });
			if ('error' in r && r.error === 'ambiguous_number') ambiguous++;
		}
		out.push({ field: f, label: c.label[lang], header: header[i], decimal, ambiguous });
	}
	return out.sort((a, b) => spec.columns.findIndex((c) => c.name === a.field) - spec.columns.findIndex((c) => c.name === b.field));
}

/** Mapping, kind and unknown values for a header; `column(i)` gives all values of file column i. */
function fill(out: Inspection, header: string[], headerLine: number, profile: ImportProfile | undefined, lang: Lang, column: (i: number, field: string) => string[]) {
	out.header = header;
	out.signature = headerSignature(header);
	out.headerLine = headerLine;
	const fixed = profile?.columns
		? new Map(header.flatMap((h, i) => (Object.prototype.hasOwnProperty.call(profile.columns, h) ? [[i, profile.columns![h]] as [number, string | null]] : [])))
		: undefined;
	const candidates = Object.values(DATASETS).map((s) => matchKind(s, header, fixed));
	const detected = detectKind(header);
	const chosen = profile?.kind ? candidates.find((c) => c.kind === profile.kind)! : fixed ? candidates.filter((c) => !c.missing.length).sort((a, b) => b.mapping.size - a.mapping.size)[0] : detected.match;
	const best = chosen ?? detected.closest;
	out.kinds = kindsOf(candidates, lang);
	out.kind = chosen?.kind ?? null;
	out.mapping = suggestions(best.spec, best, header, lang);
	out.unusedColumns = header.filter((h, i) => h.trim() !== '' && !best.mapping.has(i));
	const values = new Map<string, string[]>();
	for (const [i, f] of best.mapping) if (best.spec.columns.find((c) => c.name === f)?.type === 'enum') values.set(f, column(i, f));
	out.unknownValues = unknownValues(best.spec, values, profile, lang);
	if (out.format === 'csv') out.numbers = numberColumns(best.spec, best.mapping, header, profile, lang, column);
	if (!chosen) {
		const p = unknownKindParams(header, candidates, lang);
		out.fatal = { code: 'unknown_kind', message: message('unknown_kind', lang, p) };
	}
}

/** a problem the reading raised, as the inspection's `fatal` */
function failed(e: unknown, file: string, lang: Lang): Inspection {
	const [code, params] = e instanceof FatalImport ? [e.code, e.params] : ['unreadable', { detail: String((e as Error)?.message ?? e).slice(0, 200) }];
	const out = base(file, 'csv', { format: 'csv' });
	out.fatal = { code, message: message(code, lang, params) };
	return out;
}

/** Inspects a file without touching any database. Never throws: problems come back in `fatal`. */
export async function inspectFile(bytes: Uint8Array, file: string, profile?: ImportProfile | null, lang: Lang = 'de'): Promise<Inspection> {
	const p = profile ?? undefined;
	if (bytes.length && isParquet(bytes)) {
		try {
			const out = await inspectParquet(bytes, file, p, lang);
			out.profileApplied = !!p;
			return out;
		} catch (e) {
			return failed(e, file, lang);
		}
	}
	return inspectRead(bytes, file, p, lang, readTabular);
}

/**
 * The same inspection for text files only (CSV and other delimited text), never a workbook or
 * Parquet: what the inspection worker runs (only the first part of a large text file goes there,
 * import/inspect-sample.ts). Reading no workbook keeps ExcelJS out of the worker's bundle, which
 * had carried a second copy of it (1,17 MB, 0,25 MB brotli, precached for offline use).
 */
export function inspectTextFile(bytes: Uint8Array, file: string, profile?: ImportProfile | null, lang: Lang = 'de'): Promise<Inspection> {
	return inspectRead(bytes, file, profile ?? undefined, lang, readText);
}

async function inspectRead(bytes: Uint8Array, file: string, p: ImportProfile | undefined, lang: Lang, reader: (bytes: Uint8Array, profile?: ImportProfile) => Promise<ReadResult>): Promise<Inspection> {
	try {
		const read: ReadResult = await reader(bytes, p);
		const out = base(file, read.dialect.format, read.dialect);
		out.encodingNotes = read.encodingNotes;
		out.unusedSheets = read.unusedSheets;
		out.profileApplied = !!p;
		const seg = read.segments[0];
		out.sheets = read.segments.map((s) => s.sheet!).filter((s) => s !== undefined);
		out.skipped = read.segments.flatMap((s) => s.skipped);
		if (!seg) {
			const header = read.unknown?.header ?? [];
			out.header = header;
			out.signature = headerSignature(header);
			out.kinds = kindsOf(read.unknown?.candidates ?? [], lang);
			out.fatal = { code: 'unknown_kind', message: message('unknown_kind', lang, unknownKindParams(header, read.unknown?.candidates ?? [], lang)) };
			return out;
		}
		const rows = read.segments.flatMap((s) => [
			...s.rows.map((r) => ({ line: r.line, sheet: s.sheet, fields: r.fields, ...(r.cells?.some(Boolean) ? { cells: r.fields.map((_, i) => r.cells![i] ?? null) } : {}) })),
			...s.broken.map((b) => ({ line: b.record.line, sheet: s.sheet, fields: b.record.fields }))
		]);
		out.preview = rows
			.filter((r) => r.sheet === seg.sheet)
			.sort((a, b) => a.line - b.line)
			.slice(0, PREVIEW_ROWS)
			.map((r) => (r.sheet === undefined ? { line: r.line, fields: r.fields } : r));
		fill(out, seg.header, seg.headerLine, p, lang, (i, field) =>
			read.segments.flatMap((s) => {
				let idx = s === seg ? i : -1;
				if (s !== seg) for (const [k, f] of s.match?.mapping ?? []) if (f === field) idx = k;
				return idx < 0 ? [] : s.rows.map((r) => r.fields[idx] ?? '');
			})
		);
		return out;
	} catch (e) {
		return failed(e, file, lang);
	}
}
