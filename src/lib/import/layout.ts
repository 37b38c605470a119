/**
 * Where the table sits in a file's records: the header row (anywhere in the first 30 lines),
 * title/preamble lines above it, note/footer lines below the data, and a header row repeated
 * inside the data. Every physical line ends up in exactly one place, so the report can account
 * for all of them.
 */
import { isBlank, type CsvRecord } from './csv-text';
import { findHeaderRow, normaliseHeader } from './header-map';

export type SkipKind = 'preamble' | 'footer' | 'repeated_header';

export interface SkippedLine {
	line: number;
	/** worksheet name (XLSX) */
	sheet?: string;
	kind: SkipKind;
	/** the line's text as written (fields joined by the delimiter) */
	text: string;
}

export interface TableLayout {
	/** the header record (null when the file has no non-blank record) */
	header: CsvRecord | null;
	/** data records in order (blank ones and skipped ones removed) */
	data: CsvRecord[];
	skipped: SkippedLine[];
	/** blank physical lines */
	blank: number;
}

export const HEADER_SCAN_LINES = 30;

/** words that start a note or total line below the data */
export const FOOTER_START = /^(summe|gesamt|insgesamt|total|quelle|stand|hinweis|hinweise|anmerkung|anmerkungen|erstellt|fußnote|fussnote|\*)/i;

export function isNoteLike(r: CsvRecord): boolean {
	if (r.error) return false;
	const filled = r.fields.filter((f) => f.trim() !== '');
	if (filled.length <= 1) return true;
	return FOOTER_START.test(filled[0].trim());
}

/**
 * `headerLine`: a fixed header line (from an import profile); otherwise the record in the first
 * 30 lines that maps most columns of any kind.
 */
export function locateTable(records: CsvRecord[], delimiter: string, opts: { headerLine?: number; sheet?: string } = {}): TableLayout {
	const skipped: SkippedLine[] = [];
	let blank = 0;
	const text = (r: CsvRecord) => (r.error ? r.fields[0] : r.fields.join(delimiter)).trim();
	const nonBlank: CsvRecord[] = [];
	for (const r of records) {
		if (isBlank(r)) blank += r.endLine - r.line + 1;
		else nonBlank.push(r);
	}
	if (nonBlank.length === 0) return { header: null, data: [], skipped, blank };
	let h: number;
	if (opts.headerLine !== undefined) {
		h = nonBlank.findIndex((r) => r.line === opts.headerLine);
		if (h < 0) h = 0;
	} else {
		const early = nonBlank.filter((r) => r.line <= HEADER_SCAN_LINES && !r.error);
		const idx = findHeaderRow(early.map((r) => r.fields), HEADER_SCAN_LINES);
		h = early.length ? nonBlank.indexOf(early[idx]) : 0;
	}
	const header = nonBlank[h];
	for (const r of nonBlank.slice(0, h)) skipped.push({ line: r.line, sheet: opts.sheet, kind: 'preamble', text: text(r) });
	let rest = nonBlank.slice(h + 1);
	// notes below the data: a trailing block of one-field lines or lines starting "Summe", "Quelle", …
	let end = rest.length;
	while (end > 0 && isNoteLike(rest[end - 1])) end--;
	const footers = rest.slice(end);
	rest = rest.slice(0, end);
	const data: CsvRecord[] = [];
	const isRepeated = repeatedHeaderTest(header);
	for (const r of rest) {
		if (isRepeated(r)) {
			skipped.push({ line: r.line, sheet: opts.sheet, kind: 'repeated_header', text: text(r) });
		} else data.push(r);
	}
	for (const r of footers) skipped.push({ line: r.line, sheet: opts.sheet, kind: 'footer', text: text(r) });
	return { header, data, skipped, blank };
}

/**
 * Is a data record the header row again (a second header inside the data)? The cheap test first
 * (the first field), the whole row only when it may be the header. Shared by `locateTable` and the
 * chunked reader (csv-stream.ts), so both skip exactly the same lines.
 */
export function repeatedHeaderTest(header: CsvRecord): (r: CsvRecord) => boolean {
	const headNorm = header.fields.map(normaliseHeader).join('|').replace(/\|+$/, '');
	const first = normaliseHeader(header.fields[0] ?? '');
	const firstLen = (header.fields[0] ?? '').length;
	return (r) => {
		const f0 = r.fields[0] ?? '';
		return !r.error && Math.abs(f0.length - firstLen) <= 4 && normaliseHeader(f0) === first && r.fields.map(normaliseHeader).join('|').replace(/\|+$/, '') === headNorm;
	};
}
