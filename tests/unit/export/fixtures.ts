/** A chart table with the awkward cases: keys with leading zeros, formula-like text, negatives, nulls, umlauts. */
import type { TableModel } from '../../../src/lib/charts/types';
import type { ExportMeta } from '../../../src/lib/export/export-meta';

export const TABLE: TableModel = {
	caption: 'Kontakte je 1.000 Einwohner, 2025',
	columns: [
		{ key: 'ags', label: 'Gemeindeschlüssel', numeric: false },
		{ key: 'name', label: 'Gebiet', numeric: false },
		{ key: 'value', label: 'Kontakte je 1.000 Einwohner', numeric: true, digits: 1 },
		{ key: 'n', label: 'Einsätze', numeric: true, digits: 0 }
	],
	rows: [
		['08111000', 'Stuttgart', 1234.5, 1200],
		['13076014', 'Dömitz, Stadt', -3.25, null],
		['13076999', '=HYPERLINK("x")', null, 7],
		['+49', '@foo', 12, 0],
		['-x', '-2', 0.5, 3]
	]
};

export const META: ExportMeta = {
	lang: 'de',
	title: 'Kontakte je 1.000 Einwohner – Amt Dömitz-Malliß',
	summary: 'Dömitz-Malliß: 31,4 Kontakte je 1.000 Einwohner.',
	source: 'Programmdaten; Destatis GV-ISys',
	stand: '31.12.2023',
	period: '2025',
	sample: true
};
