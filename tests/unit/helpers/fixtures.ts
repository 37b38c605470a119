/**
 * Writes test fixtures in the dialects users send. Encoders here are independent of the
 * import code (iconv-lite for Windows-1252, ExcelJS, parquet-wasm), so a round trip tests
 * the reader against another implementation.
 */
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import * as pq from 'parquet-wasm';
import { tableToIPC, vectorFromArray, makeVector, Utf8, DateDay, Int32, Float64, Table, type Vector } from 'apache-arrow';

export type Cell = string | number | null;

export interface CsvOptions {
	delimiter?: string;
	eol?: '\n' | '\r\n';
	encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le-bom';
	quoteAll?: boolean;
}

export function csvString(header: string[], rows: Cell[][], o: CsvOptions = {}): string {
	const d = o.delimiter ?? ';';
	const field = (v: Cell) => {
		const s = v === null ? '' : String(v);
		return o.quoteAll || s.includes(d) || /["\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
	};
	return [header, ...rows].map((r) => r.map(field).join(d)).join(o.eol ?? '\n') + (o.eol ?? '\n');
}

export function encode(text: string, encoding: CsvOptions['encoding'] = 'utf-8'): Uint8Array {
	switch (encoding) {
		case 'windows-1252':
			return new Uint8Array(iconv.encode(text, 'win1252'));
		case 'utf-8-bom':
			return new Uint8Array(iconv.encode(text, 'utf8', { addBOM: true }));
		case 'utf-16le-bom':
			return new Uint8Array(iconv.encode(text, 'utf16le', { addBOM: true }));
		default:
			return new TextEncoder().encode(text);
	}
}

export function csvBytes(header: string[], rows: Cell[][], o: CsvOptions = {}): Uint8Array {
	return encode(csvString(header, rows, o), o.encoding);
}

/** XLSX with real date cells where a column holds Date values, numbers as numbers. */
export async function xlsxBytes(header: string[], rows: (Cell | Date)[][], sheet = 'Daten'): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet(sheet);
	ws.addRow(header);
	for (const r of rows) ws.addRow(r);
	ws.eachRow((row) =>
		row.eachCell((c) => {
			if (c.value instanceof Date) c.numFmt = 'dd.mm.yyyy';
		})
	);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Parquet from columns: strings → Utf8, Int32Array → Int32, {days} → Date32, {int32} / {float64}
 * → Int32 / Float64 with nulls. `rowGroupRows` splits the file into row groups of that many rows.
 */
export type ParquetColumn = (string | null)[] | Int32Array | { days: (number | null)[] } | { int32: (number | null)[] } | { float64: (number | null)[] };
export function parquetBytes(columns: Record<string, ParquetColumn>, opts: { rowGroupRows?: number } = {}): Uint8Array {
	const vecs: Record<string, Vector> = {};
	for (const [name, v] of Object.entries(columns)) {
		if (v instanceof Int32Array) vecs[name] = makeVector(v);
		else if (Array.isArray(v)) vecs[name] = vectorFromArray(v, new Utf8());
		else if ('int32' in v) vecs[name] = vectorFromArray(v.int32, new Int32());
		else if ('float64' in v) vecs[name] = vectorFromArray(v.float64, new Float64());
		else vecs[name] = vectorFromArray(v.days.map((d) => (d === null ? null : new Date(d * 86400000))), new DateDay());
	}
	const ipc = tableToIPC(new Table(vecs), 'stream');
	const wasmTable = pq.Table.fromIPCStream(ipc);
	const props = opts.rowGroupRows ? new pq.WriterPropertiesBuilder().setMaxRowGroupSize(opts.rowGroupRows).build() : undefined;
	return pq.writeParquet(wasmTable, props);
}

export const daysSinceEpoch = (iso: string) => Date.parse(iso + 'T00:00:00Z') / 86400000;

/** A workbook with several sheets; each sheet's rows are written as given (first row = whatever the test puts there). Strings stay text cells. */
export async function xlsxWorkbook(sheets: { name: string; rows: (Cell | Date)[][] }[]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	for (const s of sheets) {
		const ws = wb.addWorksheet(s.name);
		for (const r of s.rows) ws.addRow(r);
	}
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
