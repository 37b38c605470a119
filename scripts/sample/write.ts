/** Serialising rows in the dialects users actually send: CSV variants, Parquet, XLSX. */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DateDay, Field, Int32, makeData, RecordBatch, Schema, Struct, Table, tableToIPC, Utf8, vectorFromArray, type DataType } from 'apache-arrow';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import * as pq from 'parquet-wasm';
import { DATASETS, type DatasetKind } from '../../src/lib/import/schemas.ts';

/** fixed timestamp for everything that would otherwise record "now" */
const FIXED_TIME = new Date(Date.UTC(2025, 11, 31, 12, 0, 0));

// ---------- header check ----------

/** lower case, punctuation/underscores/hyphens/brackets → space, spaces collapsed; optionally umlauts folded */
function normaliseHeader(header: string, foldUmlauts: boolean): string {
	let s = header.toLowerCase();
	if (foldUmlauts) s = s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
	return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** headers in schema column order; throws unless each one normalises to an alias of its column */
export function checkHeaders(kind: DatasetKind, headers: string[]): string[] {
	const columns = DATASETS[kind].columns;
	if (headers.length !== columns.length) throw new Error(`${kind}: ${headers.length} headers for ${columns.length} columns`);
	headers.forEach((h, i) => {
		const ok = [true, false].some((fold) => columns[i].aliases.includes(normaliseHeader(h, fold)));
		if (!ok) throw new Error(`${kind}: header "${h}" is not an alias of ${columns[i].name}`);
	});
	return headers;
}

// ---------- CSV ----------

export interface CsvDialect {
	delimiter: string;
	eol: '\n' | '\r\n';
	encoding: 'utf-8' | 'windows-1252';
}

function csvField(value: string, delimiter: string): string {
	const needsQuotes = value.includes(delimiter) || value.includes('"') || /[\r\n]/.test(value);
	return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(path: string, header: string[], rows: string[][], d: CsvDialect): void {
	const text = [header, ...rows].map((r) => r.map((v) => csvField(v, d.delimiter)).join(d.delimiter) + d.eol).join('');
	if (d.encoding === 'utf-8') return writeFileSync(path, text, 'utf8');
	if (!iconv.encodingExists('windows1252')) throw new Error('iconv-lite lacks windows-1252');
	const bytes = iconv.encode(text, 'windows1252');
	if (iconv.decode(bytes, 'windows1252') !== text) throw new Error(`${path}: text not representable in Windows-1252`);
	writeFileSync(path, bytes);
}

/** 123456.78 → "123.456,78" */
export function germanNumber(value: number, decimals: number): string {
	const [whole, frac] = value.toFixed(decimals).split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
	return frac ? `${grouped},${frac}` : grouped;
}

// ---------- Parquet ----------

export interface ParquetColumn {
	name: string;
	type: 'date' | 'utf8' | 'int32';
	nullable: boolean;
	/** date: days since 1970-01-01 */
	values: (string | number | null)[];
}

function arrowData(c: ParquetColumn) {
	if (c.type === 'date') return makeData({ type: new DateDay(), length: c.values.length, nullCount: 0, data: Int32Array.from(c.values as number[]) });
	if (c.type === 'int32') return makeData({ type: new Int32(), length: c.values.length, nullCount: 0, data: Int32Array.from(c.values as number[]) });
	return vectorFromArray(c.values as (string | null)[], new Utf8()).data[0];
}

export function writeParquet(path: string, columns: ParquetColumn[], metadata: Record<string, string>): void {
	const types: Record<ParquetColumn['type'], DataType> = { date: new DateDay(), utf8: new Utf8(), int32: new Int32() };
	const fields = columns.map((c) => new Field(c.name, types[c.type], c.nullable));
	const length = columns[0].values.length;
	const struct = makeData({ type: new Struct(fields), length, nullCount: 0, children: columns.map(arrowData) });
	const table = new Table([new RecordBatch(new Schema(fields), struct)]);
	const props = new pq.WriterPropertiesBuilder()
		.setCompression(pq.Compression.SNAPPY)
		.setKeyValueMetadata(new Map(Object.entries(metadata)))
		.build();
	writeFileSync(path, pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(table, 'stream')), props));
}

// ---------- XLSX ----------

export interface XlsxColumn {
	header: string;
	width: number;
	numFmt?: string;
}

/** one sheet, header row in bold and frozen, autofilter; byte-identical on every run */
export async function writeXlsx(path: string, sheet: string, columns: XlsxColumn[], rows: (string | number | Date | null)[][]): Promise<void> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'scripts/make-sample-data.ts (Beispieldaten)';
	wb.lastModifiedBy = wb.creator;
	wb.created = FIXED_TIME;
	wb.modified = FIXED_TIME;
	const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
	ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
	ws.getRow(1).font = { bold: true };
	ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
	ws.addRows(rows);
	const buffer = await wb.xlsx.writeBuffer();
	writeFileSync(path, await withFixedZipDates(buffer as ArrayBuffer));
}

/** ExcelJS stamps every zip entry with the current time; re-pack the entries with a fixed one */
async function withFixedZipDates(buffer: ArrayBuffer): Promise<Uint8Array> {
	const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip');
	const source = await JSZip.loadAsync(buffer);
	const target = new JSZip();
	for (const name of Object.keys(source.files)) {
		const entry = source.files[name];
		if (entry.dir) continue;
		target.file(name, await entry.async('uint8array'), { date: FIXED_TIME, createFolders: false });
	}
	return target.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
