/**
 * The rejected rows of one import as a CSV for German Excel: line, reasons, then the file's own
 * columns. Values from Excel number and date cells are written as German Excel shows them
 * (`1,5`, `01.01.2019`) in both languages, as every CSV the app writes (export/README.md): a
 * `1.5` in a `;` CSV would open in German Excel as the date 1 May. Text cells stay as written.
 */
import { excelCsv } from '../export/csv-excel';
import { message } from './messages';
import { shownValue } from './cell-value';
import type { ImportReport, Lang } from './report';

export function rejectedRowsCsv(report: ImportReport, lang: Lang = 'de'): string {
	const key = (sheet: string | undefined, line: number) => `${sheet ?? ''}\u0000${line}`;
	const reasons = new Map<string, string[]>();
	for (const r of report.rejections) {
		const text = message(r.code, lang, r.params);
		const k = key(r.sheet, r.line);
		reasons.set(k, [...(reasons.get(k) ?? []), r.column ? `${r.column}: ${text}` : text]);
	}
	// a workbook read sheet by sheet: the sheet becomes a column of its own
	const sheets = report.rejectedRecords.rows.some((r) => r.sheet !== undefined);
	const head = [...(sheets ? [lang === 'de' ? 'Blatt' : 'Sheet'] : []), ...(lang === 'de' ? ['Zeile', 'Grund'] : ['Line', 'Reason'])];
	const rows = report.rejectedRecords.rows.map((r) => [...(sheets ? [r.sheet ?? ''] : []), r.line, (reasons.get(key(r.sheet, r.line)) ?? []).join(' | '), ...r.values.map((v, i) => shownValue(v, r.cells?.[i], 'de'))]);
	const note = report.sample ? [lang === 'de' ? 'Beispieldaten (synthetisch)' : 'Sample data (synthetic)'] : [];
	const src = lang === 'de' ? `Abgewiesene Zeilen aus ${report.file}` : `Rejected rows from ${report.file}`;
	return excelCsv([...head, ...report.rejectedRecords.header], rows, [src, ...note]);
}

export function rejectedRowsFileName(report: ImportReport): string {
	const base = report.file.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '_');
	return `${base}_abgewiesen.csv`;
}
