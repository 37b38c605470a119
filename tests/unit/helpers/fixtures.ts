/**
 * Writes test fixtures in the dialects users send. Encoders here are independent of the
 * import code (iconv-lite for Windows-1252, ExcelJS, parquet-wasm), so a round trip tests
 * the reader against another implementation.
 */
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import * as pq from 'parquet-wasm';
import { tableToIPC, vectorFromArray, makeVector, makeData, Utf8, DateDay, Int32, Int64, Float64, Decimal, Dictionary, Table, type Vector } from 'apache-arrow';

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
 * Parquet from columns: strings → Utf8, Int32Array → Int32, {days} → Date32, {int32} / {int64} /
 * {float64} → Int32 / Int64 / Float64 with nulls, {decimal: units, scale} → Decimal128(18, scale)
 * (635 with scale 1 is 63.5), {dict} → dictionary-encoded text. `rowGroupRows` splits the file into
 * row groups of that many rows.
 */
export type ParquetColumn =
	| (string | null)[]
	| Int32Array
	| { days: (number | null)[] }
	| { int32: (number | null)[] }
	| { int64: (number | null)[] }
	| { float64: (number | null)[] }
	| { decimal: (number | null)[]; scale: number }
	| { dict: (string | null)[] };

/** Decimal128 from whole units (|units| < 2^53): four little-endian 32-bit words per value */
function decimalVector(units: (number | null)[], scale: number): Vector {
	const words = new Uint32Array(units.length * 4);
	const nullBitmap = new Uint8Array((units.length + 7) >> 3);
	units.forEach((u, i) => {
		if (u === null) return;
		nullBitmap[i >> 3] |= 1 << (i & 7);
		const big = BigInt.asUintN(128, BigInt(u));
		for (let w = 0; w < 4; w++) words[i * 4 + w] = Number((big >> BigInt(32 * w)) & 0xffffffffn);
	});
	const nulls = units.filter((u) => u === null).length;
	return makeVector(makeData({ type: new Decimal(scale, 18, 128), length: units.length, nullCount: nulls, nullBitmap, data: words }));
}
export function parquetBytes(columns: Record<string, ParquetColumn>, opts: { rowGroupRows?: number } = {}): Uint8Array {
	const vecs: Record<string, Vector> = {};
	for (const [name, v] of Object.entries(columns)) {
		if (v instanceof Int32Array) vecs[name] = makeVector(v);
		else if (Array.isArray(v)) vecs[name] = vectorFromArray(v, new Utf8());
		else if ('int32' in v) vecs[name] = vectorFromArray(v.int32, new Int32());
		else if ('float64' in v) vecs[name] = vectorFromArray(v.float64, new Float64());
		else if ('int64' in v) vecs[name] = vectorFromArray(v.int64.map((x) => (x === null ? null : BigInt(x))), new Int64());
		else if ('decimal' in v) vecs[name] = decimalVector(v.decimal, v.scale);
		else if ('dict' in v) vecs[name] = vectorFromArray(v.dict, new Dictionary(new Utf8(), new Int32()));
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
