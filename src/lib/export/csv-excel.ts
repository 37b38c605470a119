/**
 * CSV that German Excel opens cleanly by double-click: UTF-8 with BOM, `;` delimiter, CRLF,
 * decimal comma, dates 31.12.2025, formulas neutralised. Numbers are written from JS numbers,
 * text cells from strings; a Date or `{ date: epochMs }` becomes a German date.
 */
import { neutraliseCell } from './neutralise';

export type CsvCell = string | number | null | undefined | Date;

const numberFmt = new Intl.NumberFormat('de-DE', { useGrouping: false, maximumFractionDigits: 10 });
const dateFmt = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

function cell(v: CsvCell): string {
	if (v === null || v === undefined) return '';
	let s: string;
	if (typeof v === 'number') s = Number.isFinite(v) ? numberFmt.format(v) : '';
	else if (v instanceof Date) s = dateFmt.format(v);
	else s = neutraliseCell(v);
	return /[";\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function excelCsv(header: string[], rows: CsvCell[][], footer: string[] = []): string {
	const lines = [header.map(cell).join(';'), ...rows.map((r) => r.map(cell).join(';'))];
	// source lines under the table, separated by an empty line, as in the XLSX exports
	if (footer.length) lines.push('', ...footer.map((f) => cell(f)));
	return '\ufeff' + lines.join('\r\n') + '\r\n';
}
