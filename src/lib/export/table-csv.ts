/**
 * A chart's data table as CSV for German Excel (see csv-excel.ts: UTF-8 with BOM, `;`, CRLF,
 * decimal comma, formulas neutralised). Title and meta lines (source, Stand, Beispieldaten) go
 * under the table after an empty line, so the header stays in line 1.
 */
import type { TableModel } from '../charts/types';
import { excelCsv, type CsvCell } from './csv-excel';
import { metaLines, type ExportMeta } from './export-meta';

/** rows cut or padded to the number of columns; numbers stay numbers, strings stay strings (keys such as "08111000") */
export function tableCells(table: TableModel): (string | number | null)[][] {
	const n = table.columns.length;
	return table.rows.map((row) => Array.from({ length: n }, (_, i) => {
		const v = row[i];
		if (typeof v === 'number') return Number.isFinite(v) ? v : null;
		return typeof v === 'string' ? v : null;
	}));
}

export function tableToCsv(table: TableModel, meta: ExportMeta): string {
	const title = (meta.title || table.caption).trim();
	const footer = [...(title ? [title] : []), ...metaLines(meta)];
	return excelCsv(table.columns.map((c) => c.label), tableCells(table) as CsvCell[][], footer);
}
