/**
 * XLSX → rows of text with their spreadsheet row numbers, via ExcelJS (maintained; the npm
 * `xlsx` 0.18.5 is not). Dates become ISO text, numbers plain "1234.5" text, so that the same
 * SQL validation runs for every format. Key cells that Excel stored as numbers lose their
 * leading zero; validation restores it and reports the repair. Which cells were numbers or dates
 * is kept (`cells`), so a rejected value can be shown as Excel shows it (cell-value.ts).
 */
import type { CsvRecord } from './csv-text';
import type { CellKind } from './cell-value';

export function isXlsx(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	if (typeof v === 'number') return String(v);
	if (typeof v === 'boolean') return v ? 'WAHR' : 'FALSCH';
	if (typeof v === 'string') return v;
	const o = v as { richText?: { text: string }[]; result?: unknown; text?: string; error?: string };
	if (o.richText) return o.richText.map((r) => r.text).join('');
	if ('result' in o) return cellText(o.result);
	if (o.text !== undefined) return String(o.text);
	if (o.error) return o.error;
	return String(v);
}

/** A worksheet row: text per cell, the number where the cell held a number (not text), and which cells were numbers or dates. */
export interface SheetRecord extends CsvRecord {
	nums?: (number | undefined)[];
	cells?: (CellKind | undefined)[];
}

export interface SheetRows {
	sheet: string;
	records: SheetRecord[];
}

function cellNumber(v: unknown): number | undefined {
	if (typeof v === 'number') return v;
	if (v && typeof v === 'object' && 'result' in (v as object)) {
		const r = (v as { result?: unknown }).result;
		if (typeof r === 'number') return r;
	}
	return undefined;
}

/** a number or date cell (also a formula's result); text, booleans and errors: undefined */
function cellKind(v: unknown): CellKind | undefined {
	const r = v && typeof v === 'object' && !(v instanceof Date) && 'result' in (v as object) ? (v as { result?: unknown }).result : v;
	if (typeof r === 'number') return 'number';
	if (r instanceof Date) return 'date';
	return undefined;
}

/** Reads every worksheet; the caller picks the one whose header fits a dataset kind. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRows[]> {
	const mod = await import('exceljs');
	const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	const out: SheetRows[] = [];
	wb.eachSheet((ws) => {
		const records: SheetRecord[] = [];
		const width = ws.columnCount;
		ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
			const fields: string[] = [];
			let nums: (number | undefined)[] | undefined;
			let cells: (CellKind | undefined)[] | undefined;
			for (let c = 1; c <= width; c++) {
				const v = row.getCell(c).value;
				fields.push(cellText(v));
				const num = cellNumber(v);
				if (num !== undefined) (nums ??= [])[c - 1] = num;
				const kind = cellKind(v);
				if (kind) (cells ??= [])[c - 1] = kind;
			}
			while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
			records.push({ line: rowNumber, endLine: rowNumber, fields, nums, cells });
		});
		out.push({ sheet: ws.name, records });
	});
	return out;
}
