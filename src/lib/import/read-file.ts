/**
 * Reading without a database: bytes → dialect → records → table layout → header mapping, for
 * CSV/text and XLSX. Used by `importFile` (then staged and validated in SQL) and by
 * `inspectFile` (the assistant's preview). Pure: same input, same result, in Node and browsers.
 */
import { decodeAs, decodeText, BinaryFileError, type EncodingNote } from './encoding';
import { parseCsv, sniffDialect, type CsvDialect, type CsvRecord } from './csv-text';
import { detectKind, matchKind, type HeaderMatch } from './header-map';
import { locateTable, type SkippedLine } from './layout';
import type { ImportProfile } from './profile';
import type { Dialect, Lang, LineAccount, UnusedSheet } from './report';
import { DATASETS, type DatasetSpec } from './schemas';
import type { StagedRow } from './staging';
import { isXlsx, readXlsx, type SheetRecord } from './xlsx';

export class FatalImport extends Error {
	constructor(
		public code: string,
		public params: Record<string, string | number> = {}
	) {
		super(code);
	}
}

/** the user cancelled the import (its signal aborted) */
export class CancelledImport extends Error {}

export interface BrokenRow {
	record: CsvRecord;
	code: 'too_many_fields' | 'too_few_fields' | 'unclosed_quote';
}

/** The rows under one header: a CSV file, or one worksheet. */
export interface ReadSegment {
	sheet?: string;
	header: string[];
	headerLine: number;
	rows: StagedRow[];
	broken: BrokenRow[];
	skipped: SkippedLine[];
	match: HeaderMatch | null;
}

export interface ReadResult {
	dialect: Dialect;
	csv: CsvDialect | null;
	encodingNotes: EncodingNote[];
	/** segments of the chosen kind (one for CSV; one per fitting sheet for XLSX) */
	segments: ReadSegment[];
	unusedSheets: UnusedSheet[];
	/** the kind (null when no header fits any kind) */
	spec: DatasetSpec | null;
	/** for an unknown kind: the best header and its closest matches */
	unknown: { header: string[]; candidates: HeaderMatch[] } | null;
	lines: LineAccount | null;
}

/** Splits records into well-formed rows and structurally broken ones (wrong field count, open quote). */
export function checkShape(records: (CsvRecord & Pick<SheetRecord, 'nums' | 'cells'>)[], width: number, spreadsheet: boolean) {
	const ok: StagedRow[] = [];
	const broken: BrokenRow[] = [];
	for (const r of records) {
		if (r.error) {
			broken.push({ record: r, code: r.error });
			continue;
		}
		let f = r.fields;
		if (f.length > width && f.slice(width).every((x) => x.trim() === '')) f = f.slice(0, width); // trailing ;;; from Excel
		if (spreadsheet && f.length < width) f = [...f, ...Array<string>(width - f.length).fill('')]; // empty cells at the row's end
		if (f.length > width) broken.push({ record: r, code: 'too_many_fields' });
		else if (f.length < width && f.length > 1) broken.push({ record: r, code: 'too_few_fields' });
		else ok.push({ line: r.line, fields: f, nums: r.nums, cells: r.cells });
	}
	return { ok, broken };
}

/** header index → profile choice (field or null), for the header texts the profile names */
function fixedMapping(header: string[], profile?: ImportProfile): Map<number, string | null> | undefined {
	if (!profile?.columns) return undefined;
	const m = new Map<number, string | null>();
	header.forEach((h, i) => {
		if (Object.prototype.hasOwnProperty.call(profile.columns, h)) m.set(i, profile.columns![h]);
	});
	return m;
}

export function matchFor(header: string[], profile?: ImportProfile): { match: HeaderMatch | null; candidates: HeaderMatch[] } {
	if (profile?.kind) {
		const m = matchKind(DATASETS[profile.kind], header, fixedMapping(header, profile));
		return { match: m.missing.length === 0 ? m : null, candidates: [m] };
	}
	const fixed = fixedMapping(header, profile);
	if (fixed) {
		const all = Object.values(DATASETS).map((s) => matchKind(s, header, fixed));
		const complete = all.filter((m) => m.missing.length === 0).sort((a, b) => b.mapping.size / b.spec.columns.length - a.mapping.size / a.spec.columns.length);
		return { match: complete[0] ?? null, candidates: all };
	}
	const d = detectKind(header);
	return { match: d.match, candidates: d.candidates };
}

function readCsvText(bytes: Uint8Array, profile?: ImportProfile): ReadResult {
	let decoded;
	try {
		decoded = profile?.encoding ? decodeAs(bytes, profile.encoding) : decodeText(bytes);
	} catch (e) {
		if (e instanceof BinaryFileError) throw new FatalImport('binary_file');
		throw e;
	}
	const text = decoded.text.replace(/^\ufeff/, '');
	if (text.trim() === '') throw new FatalImport('empty_file');
	const sniffed = sniffDialect(text);
	const csv: CsvDialect = {
		delimiter: profile?.delimiter ?? sniffed.delimiter,
		quote: profile?.quote ?? sniffed.quote,
		escape: profile?.escape ?? sniffed.escape,
		spaceAfter: sniffed.spaceAfter
	};
	// first pass over the first lines to find the header and its width, then the whole text
	const head = parseCsv(text, csv, { limit: 200 });
	const probe = locateTable(head, csv.delimiter, { headerLine: profile?.headerLine });
	const width = probe.header?.fields.length;
	const all = parseCsv(text, csv, { width });
	const layout = locateTable(all, csv.delimiter, { headerLine: probe.header?.line });
	if (!layout.header) throw new FatalImport('empty_file');
	const header = layout.header.fields;
	const { match, candidates } = matchFor(header, profile);
	const shape = checkShape(layout.data, header.length, false);
	const span = (r: CsvRecord) => r.endLine - r.line + 1;
	const total = all.length ? all[all.length - 1].endLine : 0;
	const skippedAt = new Set(layout.skipped.map((s) => s.line));
	let skippedLines = 0;
	for (const r of all) if (skippedAt.has(r.line)) skippedLines += span(r);
	const lines: LineAccount = {
		total,
		header: span(layout.header),
		blank: layout.blank,
		skipped: skippedLines,
		data: layout.data.reduce((a, r) => a + span(r), 0)
	};
	return {
		dialect: { format: 'csv', encoding: decoded.encoding, delimiter: csv.delimiter, quote: csv.quote, escape: csv.escape, spaceAfter: csv.spaceAfter, headerLine: layout.header.line },
		csv,
		encodingNotes: decoded.notes,
		segments: [{ header, headerLine: layout.header.line, rows: shape.ok, broken: shape.broken, skipped: layout.skipped, match }],
		unusedSheets: [],
		spec: match?.spec ?? null,
		unknown: match ? null : { header, candidates },
		lines
	};
}

async function readWorkbook(bytes: Uint8Array, profile?: ImportProfile): Promise<ReadResult> {
	let sheets;
	try {
		sheets = await readXlsx(bytes);
	} catch (e) {
		throw new FatalImport('unreadable_xlsx', { detail: String((e as Error).message ?? e).slice(0, 120) });
	}
	interface Cand {
		sheet: string;
		records: SheetRecord[];
		layout: ReturnType<typeof locateTable>;
		match: HeaderMatch | null;
		candidates: HeaderMatch[];
	}
	const cands: Cand[] = [];
	const unusedSheets: UnusedSheet[] = [];
	for (const s of sheets) {
		const layout = locateTable(s.records, ';', { headerLine: profile?.headerLine, sheet: s.sheet });
		if (!layout.header) {
			unusedSheets.push({ sheet: s.sheet, reason: 'empty' });
			continue;
		}
		const { match, candidates } = matchFor(layout.header.fields, profile);
		cands.push({ sheet: s.sheet, records: s.records, layout, match, candidates });
	}
	// the kind: the sheet whose header fits a kind best; then every sheet fitting that same kind
	const fitting = cands.filter((c) => c.match);
	fitting.sort((a, b) => b.match!.mapping.size - a.match!.mapping.size);
	const kind = fitting[0]?.match!.kind ?? null;
	const segments: ReadSegment[] = [];
	for (const c of cands) {
		if (kind && c.match?.kind === kind) {
			const header = c.layout.header!.fields;
			const shape = checkShape(c.layout.data, header.length, true);
			segments.push({ sheet: c.sheet, header, headerLine: c.layout.header!.line, rows: shape.ok, broken: shape.broken, skipped: c.layout.skipped, match: c.match });
		} else {
			const headerLike = c.candidates.some((m) => m.mapping.size >= 2);
			unusedSheets.push({ sheet: c.sheet, reason: headerLike ? 'other_kind' : 'no_header' });
		}
	}
	const order = new Map(sheets.map((s, i) => [s.sheet, i]));
	unusedSheets.sort((a, b) => order.get(a.sheet)! - order.get(b.sheet)!);
	if (!kind) {
		if (cands.length === 0) throw new FatalImport('empty_file');
		const size = (c: Cand) => Math.max(...c.candidates.map((m) => m.mapping.size));
		const best = [...cands].sort((a, b) => size(b) - size(a))[0];
		const header = best.layout.header!.fields;
		const shape = checkShape(best.layout.data, header.length, true);
		return {
			dialect: { format: 'xlsx', sheet: best.sheet, decimal: '.' },
			csv: null,
			encodingNotes: [],
			// the best sheet without a kind, for the assistant's preview
			segments: [{ sheet: best.sheet, header, headerLine: best.layout.header!.line, rows: shape.ok, broken: shape.broken, skipped: best.layout.skipped, match: null }],
			unusedSheets,
			spec: null,
			unknown: { header: best.layout.header!.fields, candidates: best.candidates },
			lines: null
		};
	}
	return {
		dialect: { format: 'xlsx', sheet: segments[0].sheet, headerLine: segments[0].headerLine },
		csv: null,
		encodingNotes: [],
		segments,
		unusedSheets,
		spec: DATASETS[kind],
		unknown: null,
		lines: null
	};
}

/** Reads a CSV/text or XLSX file (not Parquet) into segments of one kind. Throws FatalImport. */
export async function readTabular(bytes: Uint8Array, profile?: ImportProfile): Promise<ReadResult> {
	if (bytes.length === 0) throw new FatalImport('empty_file');
	return isXlsx(bytes) ? readWorkbook(bytes, profile) : readCsvText(bytes, profile);
}

/** readTabular for text only: the bytes are read as delimited text, never as a workbook (no ExcelJS in the caller's bundle) */
export async function readText(bytes: Uint8Array, profile?: ImportProfile): Promise<ReadResult> {
	if (bytes.length === 0) throw new FatalImport('empty_file');
	return readCsvText(bytes, profile);
}

/** The "unknown kind" message parameters, in the user's words (German labels, the file's headers). */
export function unknownKindParams(header: string[], candidates: HeaderMatch[], lang: Lang): Record<string, string> {
	return {
		missing: candidates
			.map((c) => `${c.spec.label[lang]}: ${c.missing.map((m) => c.spec.columns.find((x) => x.name === m)!.label[lang]).join(', ')}`)
			.join('; '),
		found: header.filter((x) => x.trim()).join(', ') || '–'
	};
}
