/** The rejected rows of one import as a CSV for German Excel: line, reasons, then the file's own columns. */
import { excelCsv } from '../export/csv-excel';
import { message } from './messages';
import type { ImportReport, Lang } from './report';

export function rejectedRowsCsv(report: ImportReport, lang: Lang = 'de'): string {
	const reasons = new Map<number, string[]>();
	for (const r of report.rejections) {
		const text = message(r.code, lang, r.params);
		reasons.set(r.line, [...(reasons.get(r.line) ?? []), r.column ? `${r.column}: ${text}` : text]);
	}
	const head = lang === 'de' ? ['Zeile', 'Grund'] : ['Line', 'Reason'];
	const rows = report.rejectedRecords.rows.map((r) => [r.line, (reasons.get(r.line) ?? []).join(' | '), ...r.values]);
	const note = report.sample ? [lang === 'de' ? 'Beispieldaten (synthetisch)' : 'Sample data (synthetic)'] : [];
	const src = lang === 'de' ? `Abgewiesene Zeilen aus ${report.file}` : `Rejected rows from ${report.file}`;
	return excelCsv([...head, ...report.rejectedRecords.header], rows, [src, ...note]);
}

export function rejectedRowsFileName(report: ImportReport): string {
	const base = report.file.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '_');
	return `${base}_abgewiesen.csv`;
}
