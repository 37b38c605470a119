/** Options and results shared by every chart builder. */
import type { Lang } from '../i18n/messages';

export type { Lang };

export interface ChartOpts {
	lang: Lang;
	/** chart title (already in `lang`) */
	title: string;
	/** unit of the values (already in `lang`), e.g. "Kontakte je 1.000 Einwohner" */
	unit: string;
	/** the data are synthetic sample data: "Beispieldaten" goes into the source line */
	sample: boolean;
	/** source text without prefix, e.g. "Programmdaten; Destatis GV-ISys" */
	source?: string;
	/** Stand (date or year as text) of the data, e.g. "31.12.2023" */
	stand?: string;
	/** period shown in the summary, e.g. "2025" or "Jan.–Dez. 2025" */
	period?: string;
	/** false for export and printing (and prefers-reduced-motion); default true */
	animation?: boolean;
	/** false: the title is kept in the option but not drawn (the page shows its own heading) */
	showTitle?: boolean;
	/** fraction digits of value labels, tooltips and tables; default: 0 when every value is whole, else 1 */
	digits?: number;
}

export interface TableColumn {
	key: string;
	label: string;
	numeric: boolean;
	/** fraction digits for numeric cells (the component formats them in the chart's language) */
	digits?: number;
}

/** An accessible data table: `rows` hold raw numbers (formatted by the component), text, or null ("–"). */
export interface TableModel {
	caption: string;
	columns: TableColumn[];
	rows: (string | number | null)[][];
	/** optional: the area key of each row (maps: a click on an area finds its row) */
	rowKeys?: string[];
}
