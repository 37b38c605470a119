/** What an import tells the user about one file. Every row read is either loaded or rejected. */
import type { DatasetKind } from './schemas';
import type { SkippedLine } from './layout';
import type { EncodingNote } from './encoding';
import type { CellKind } from './cell-value';

export type { SkippedLine, EncodingNote };

export type Lang = 'de' | 'en';

export interface Rejection {
	/** line as a text editor numbers it (CSV), or the spreadsheet row (XLSX), or the record number + 1 (Parquet, header = line 1) */
	line: number;
	/** worksheet (XLSX workbooks with several sheets read) */
	sheet?: string;
	/** the column as named in the user's file ('' when the whole row is affected) */
	column: string;
	/** the value as the file means it: a text cell or CSV field as written; a number or date cell canonical (`1.5`, `2019-01-01`) */
	value: string;
	/** XLSX: the value came from a number or date cell; show it with `shownValue` (cell-value.ts: `1,5`, `01.01.2019` in German) */
	cell?: CellKind;
	/** machine-readable reason, e.g. 'unknown_key' (see messages.ts) */
	code: string;
	/** the reason in the requested language */
	reason: string;
	/** the message parameters, so the reason can be rendered again in another language */
	params: Record<string, string | number>;
}

export interface Repair {
	line: number;
	sheet?: string;
	column: string;
	from: string;
	to: string;
	code: string;
	reason: string;
	params: Record<string, string | number>;
}

export interface Dialect {
	format: 'csv' | 'xlsx' | 'parquet';
	encoding?: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
	delimiter?: string;
	decimal?: ',' | '.';
	thousands?: string | null;
	dateFormats?: string[];
	/** the first sheet read (all sheets read: `ImportReport.sheets`) */
	sheet?: string;
	/** CSV: quote character and escape style found */
	quote?: '"' | "'";
	escape?: 'double' | 'backslash';
	/** CSV: a space follows the delimiter (", ") */
	spaceAfter?: boolean;
	/** line (CSV) or row (first sheet) of the header */
	headerLine?: number;
	/** decimal mark per numeric column (the file's header text → mark; null = none seen, whole numbers only) */
	decimalByColumn?: Record<string, ',' | '.' | null>;
}

export interface SheetReport {
	sheet: string;
	headerLine: number;
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
}

export interface UnusedSheet {
	sheet: string;
	/** 'empty', 'no_header' (no row looks like a header), 'other_kind' (its header fits another kind or none) */
	reason: 'empty' | 'no_header' | 'other_kind';
}

/** Every physical line of a CSV file, accounted for: total = header + blank + skipped + data. */
export interface LineAccount {
	total: number;
	header: number;
	blank: number;
	skipped: number;
	/** lines inside data records (a record with a quoted line break spans several) */
	data: number;
}

export interface ImportReport {
	file: string;
	kind: DatasetKind | null;
	dialect: Dialect | null;
	/** header name in the file → canonical column */
	columns: Record<string, string>;
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	rejections: Rejection[];
	repairs: Repair[];
	/** one message when the file could not be read at all (then rowsRead may be 0) */
	fatal: { code: string; message: string; params: Record<string, string | number> } | null;
	/** file name marks sample data ("Beispieldaten") */
	sample: boolean;
	/** lines not read as data: title lines above the header, notes below the data, repeated headers */
	skipped: SkippedLine[];
	/** file columns that are not loaded (the file's own header text) */
	unusedColumns: string[];
	/** worksheets not read, with the reason */
	unusedSheets: UnusedSheet[];
	/** per worksheet read (XLSX); empty for CSV and Parquet */
	sheets: SheetReport[];
	/** stray bytes repaired while decoding (also listed in `repairs`) */
	encodingNotes: EncodingNote[];
	/** CSV line accounting (null for XLSX and Parquet) */
	lines: LineAccount | null;
	/** what the import decided that the user should know (e.g. how duplicates were found) */
	notes: { code: string; message: string; params: Record<string, string | number> }[];
	/** the import profile applied, if any */
	profile: { signature: string; name?: string } | null;
	/** the raw rejected records (header + rows, in the file's own columns) for the download; reasons are in `rejections` */
	rejectedRecords: { header: string[]; rows: { line: number; sheet?: string; values: string[]; /** XLSX: per value, a number or date cell (null: text); absent when none */ cells?: (CellKind | null)[] }[] };
}
