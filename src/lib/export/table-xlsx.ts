/**
 * Chart data tables as an Excel workbook (ExcelJS, works in the browser and in Node): one sheet
 * per table with the title in row 1, the header in row 2 (frozen, autofilter), real numbers with
 * a number format from the column's `digits`, text as text, then an empty row and the meta lines
 * (source, Stand, Beispieldaten).
 */
import type { TableModel } from '../charts/types';
import { metaLines, sampleNote, type ExportMeta } from './export-meta';
import { neutraliseCell } from './neutralise';
import { tableCells } from './table-csv';

export interface XlsxSheet {
	table: TableModel;
	meta: ExportMeta;
	/** sheet name (default: the title); made safe and unique */
	name?: string;
}

type ExcelJSModule = typeof import('exceljs');

async function loadExcelJS(): Promise<ExcelJSModule> {
	// loaded on demand: keeps ExcelJS out of the page bundle until someone exports
	const mod = await import('exceljs');
	return (mod as unknown as { default?: ExcelJSModule }).default ?? mod;
}

const SHEET_MAX = 31;

/** at most `max` UTF-16 units, without splitting a surrogate pair */
function truncate(s: string, max: number): string {
	let out = '';
	for (const ch of s) {
		if (out.length + ch.length > max) break;
		out += ch;
	}
	return out;
}

/**
 * An Excel sheet name: no [ ] : * ? / \ or control characters, no apostrophe at either end,
 * at most 31 characters, not "History", unique among `taken` (compared case-insensitively;
 * the chosen name is added to `taken`). Duplicates get " (2)", " (3)" …
 */
export function safeSheetName(name: string, taken: Set<string>, fallback = 'Tabelle'): string {
	let base = (name ?? '')
		.replace(/[\u0000-\u001f\u007f[\]:*?/\\]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^'+|'+$/g, '')
		.trim();
	if (!base) base = fallback;
	if (base.toLowerCase() === 'history') base += ' 1';
	base = truncate(base, SHEET_MAX).trim().replace(/'+$/, '');
	let candidate = base;
	for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
		const suffix = ` (${i})`;
		candidate = truncate(base, SHEET_MAX - suffix.length).trimEnd() + suffix;
	}
	taken.add(candidate.toLowerCase());
	return candidate;
}

/** Excel number format for `digits` fraction digits: 0 → "#,##0", 1 → "#,##0.0" … (Excel localises the separators) */
export function numberFormat(digits: number): string {
	const d = Math.max(0, Math.min(10, Math.round(digits)));
	return d === 0 ? '#,##0' : '#,##0.' + '0'.repeat(d);
}

function columnDigits(values: (string | number | null)[], digits?: number): number {
	if (digits !== undefined) return digits;
	return values.every((v) => typeof v !== 'number' || Number.isInteger(v)) ? 0 : 1;
}

/** rough display width of a cell in characters */
function displayWidth(v: string | number | null, digits: number): number {
	if (v === null) return 0;
	if (typeof v === 'number') {
		const s = Math.abs(v).toFixed(Math.max(0, Math.min(10, digits)));
		const int = s.split('.')[0].length;
		return s.length + Math.floor((int - 1) / 3) + (v < 0 ? 1 : 0);
	}
	return Math.max(...v.split(/\r?\n/).map((l) => l.length));
}

const text = (s: string) => neutraliseCell(s);

export async function tablesToXlsx(sheets: XlsxSheet[], book: { title?: string } = {}): Promise<Uint8Array> {
	if (!sheets.length) throw new Error('tablesToXlsx: no tables to write');
	const ExcelJS = await loadExcelJS();
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Digitallotsen-Monitor';
	wb.lastModifiedBy = 'Digitallotsen-Monitor';
	wb.title = book.title ?? sheets[0]?.meta.title ?? '';
	wb.created = new Date();
	wb.modified = wb.created;
	const sample = sheets.find((s) => s.meta.sample);
	if (sample) wb.keywords = sampleNote(sample.meta.lang);

	const taken = new Set<string>();
	for (const { table, meta, name } of sheets) {
		const title = (meta.title || table.caption).trim();
		const sheetName = safeSheetName(name ?? title, taken, meta.lang === 'en' ? 'Table' : 'Tabelle');
		const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
		const cols = table.columns;
		const rows = tableCells(table);
		const digits = cols.map((c, i) => columnDigits(rows.map((r) => r[i]), c.digits));

		const titleCell = ws.getCell(1, 1);
		titleCell.value = text(title);
		titleCell.font = { bold: true, size: 13 };

		const header = ws.getRow(2);
		cols.forEach((c, i) => {
			const cell = header.getCell(i + 1);
			cell.value = text(c.label);
			cell.font = { bold: true };
			cell.alignment = { vertical: 'bottom', horizontal: c.numeric ? 'right' : 'left', wrapText: true };
			cell.border = { bottom: { style: 'thin' } };
		});

		rows.forEach((row, r) => {
			const xrow = ws.getRow(3 + r);
			row.forEach((v, i) => {
				if (v === null) return;
				const cell = xrow.getCell(i + 1);
				if (typeof v === 'number') {
					cell.value = v;
					cell.numFmt = cols[i].numeric ? numberFormat(digits[i]) : 'General';
				} else {
					// a string is written as a string cell: keys such as "08111000" keep their zeros
					cell.value = text(v);
				}
			});
		});

		if (cols.length && rows.length) {
			ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: cols.length } };
		}

		let line = 3 + rows.length + 1; // one empty row under the table
		for (const m of metaLines(meta)) {
			const cell = ws.getCell(line++, 1);
			cell.value = text(m);
			if (meta.sample && m === sampleNote(meta.lang)) cell.font = { bold: true };
		}

		cols.forEach((c, i) => {
			const widest = Math.max(c.label.length, ...rows.map((r) => displayWidth(r[i], digits[i])));
			ws.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
		});
	}

	const buf = await wb.xlsx.writeBuffer();
	return new Uint8Array(buf as ArrayBuffer);
}
