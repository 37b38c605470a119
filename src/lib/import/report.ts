/** What an import tells the user about one file. Every row read is either loaded or rejected. */
import type { DatasetKind } from './schemas';

export type Lang = 'de' | 'en';

export interface Rejection {
	/** line as a text editor numbers it (CSV), or the spreadsheet row (XLSX), or the record number + 1 (Parquet, header = line 1) */
	line: number;
	/** the column as named in the user's file ('' when the whole row is affected) */
	column: string;
	value: string;
	/** machine-readable reason, e.g. 'unknown_key' (see messages.ts) */
	code: string;
	/** the reason in the requested language */
	reason: string;
	/** the message parameters, so the reason can be rendered again in another language */
	params: Record<string, string | number>;
}

export interface Repair {
	line: number;
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
	sheet?: string;
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
	/** the raw rejected records (header + rows, in the file's own columns) for the download; reasons are in `rejections` */
	rejectedRecords: { header: string[]; rows: { line: number; values: string[] }[] };
}
