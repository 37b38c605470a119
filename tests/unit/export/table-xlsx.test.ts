/** XLSX export, opened again with ExcelJS (and the sheet XML with JSZip). */
import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { numberFormat, safeSheetName, tablesToXlsx } from '../../../src/lib/export/table-xlsx';
import { META, TABLE } from './fixtures';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	return wb;
}

describe('safeSheetName', () => {
	it('removes forbidden characters, limits to 31, keeps names unique (case-insensitive)', () => {
		const taken = new Set<string>();
		expect(safeSheetName('Kontakte: [BW/MV] *?\\', taken)).toBe('Kontakte BW MV');
		expect(safeSheetName('kontakte bw mv', taken)).toBe('kontakte bw mv (2)');
		expect(safeSheetName("'Zitat'", taken)).toBe('Zitat');
		expect(safeSheetName('History', taken)).toBe('History 1');
		expect(safeSheetName('', taken)).toBe('Tabelle');
		expect(safeSheetName('  ', taken)).toBe('Tabelle (2)');
		expect(safeSheetName('', taken, 'Table')).toBe('Table');
		expect(safeSheetName('A'.repeat(40), taken)).toBe('A'.repeat(31));
		expect(safeSheetName('A'.repeat(40), taken)).toBe('A'.repeat(27) + ' (2)');
		expect(safeSheetName('Zeile\nzwei\u0007', taken)).toBe('Zeile zwei');
	});

	it('number formats from digits', () => {
		expect(numberFormat(0)).toBe('#,##0');
		expect(numberFormat(1)).toBe('#,##0.0');
		expect(numberFormat(3)).toBe('#,##0.000');
	});
});

describe('tablesToXlsx', () => {
	const longTitle = 'Kontakte je 1.000 Einwohner: Vergleich [BW/MV] mit sehr langem Titel';
	const build = () =>
		tablesToXlsx([
			{ table: TABLE, meta: { ...META, title: longTitle } },
			{ table: TABLE, meta: { ...META, title: longTitle, sample: false } }
		]);

	it('writes a valid workbook with two uniquely and safely named sheets', async () => {
		const wb = await open(await build());
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Kontakte je 1.000 Einwohner Ver', 'Kontakte je 1.000 Einwohner (2)']);
		expect(wb.creator).toBe('Digitallotsen-Monitor');
		expect(wb.title).toBe(longTitle);
	});

	it('title in row 1 (bold), header in row 2 (bold, frozen), typed data cells with number formats', async () => {
		const ws = (await open(await build())).worksheets[0];
		expect(ws.getCell('A1').value).toBe(longTitle);
		expect(ws.getCell('A1').font?.bold).toBe(true);
		expect([1, 2, 3, 4].map((c) => ws.getRow(2).getCell(c).value)).toEqual(['Gemeindeschlüssel', 'Gebiet', 'Kontakte je 1.000 Einwohner', 'Einsätze']);
		expect(ws.getCell('C2').font?.bold).toBe(true);
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });

		expect(ws.getCell('A3').value).toBe('08111000');
		expect(typeof ws.getCell('A3').value).toBe('string');
		expect(ws.getCell('C3').value).toBe(1234.5);
		expect(typeof ws.getCell('C3').value).toBe('number');
		expect(ws.getCell('C3').numFmt).toBe('#,##0.0');
		expect(ws.getCell('D3').value).toBe(1200);
		expect(ws.getCell('D3').numFmt).toBe('#,##0');
		expect(ws.getCell('C4').value).toBe(-3.25);
		expect(ws.getCell('D4').value).toBeNull();
		expect(ws.getCell('C5').value).toBeNull();
		expect(ws.getCell('D6').value).toBe(0);
		expect(ws.getCell('B4').value).toBe('Dömitz, Stadt');

		expect(ws.getCell('B5').value).toBe(`'=HYPERLINK("x")`);
		expect(ws.getCell('A6').value).toBe("'+49");
		expect(ws.getCell('B6').value).toBe("'@foo");
		expect(ws.getCell('A7').value).toBe("'-x");
		expect(ws.getCell('B7').value).toBe('-2');
		expect(ws.getCell('C7').value).toBe(0.5);
		expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(27);
		expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(17);
	});

	it('no cell holds a formula', async () => {
		const wb = await open(await build());
		let cells = 0;
		for (const ws of wb.worksheets) {
			ws.eachRow({ includeEmpty: false }, (row) =>
				row.eachCell({ includeEmpty: false }, (cell) => {
					cells++;
					expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
					expect(cell.formula).toBeUndefined();
				})
			);
		}
		expect(cells).toBeGreaterThan(40);
	});

	it('empty row, then summary, Zeitraum, Quelle, Stand, Beispieldaten under the table', async () => {
		const wb = await open(await build());
		const [sample, real] = wb.worksheets;
		expect(sample.rowCount).toBe(13);
		expect(real.rowCount).toBe(12); // no Beispieldaten line for real data (read before getCell adds rows)
		const colA = (ws: ExcelJS.Worksheet, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ws.getCell(from + i, 1).value);
		expect(colA(sample, 8, 13)).toEqual([
			null,
			'Dömitz-Malliß: 31,4 Kontakte je 1.000 Einwohner.',
			'Zeitraum: 2025',
			'Quelle: Programmdaten; Destatis GV-ISys',
			'Stand: 31.12.2023',
			'Beispieldaten – synthetische Daten, keine echten Einsätze'
		]);
		expect(sample.getCell('A13').font?.bold).toBe(true);
		expect(colA(real, 8, 13)).toEqual([null, 'Dömitz-Malliß: 31,4 Kontakte je 1.000 Einwohner.', 'Zeitraum: 2025', 'Quelle: Programmdaten; Destatis GV-ISys', 'Stand: 31.12.2023', null]);
	});

	it('the sheet XML stores keys as strings, numbers as numbers, and an autofilter on the header', async () => {
		const zip = await JSZip.loadAsync(await build());
		const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
		expect(xml).toContain('<autoFilter ref="A2:D7"/>');
		expect(xml).toMatch(/<c r="A3"[^>]*t="s"/);
		expect(xml).toMatch(/<c r="C3"[^>]*><v>1234.5<\/v><\/c>/);
		expect(xml).not.toContain('<f>');
		const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
		expect(strings).toContain('<t>08111000</t>');
	});

	it('digits default to 0 for whole numbers, 1 otherwise; English fallback sheet name', async () => {
		const wb = await open(
			await tablesToXlsx([
				{
					table: { caption: '', columns: [{ key: 'a', label: 'A', numeric: true }, { key: 'b', label: 'B', numeric: true }], rows: [[1, 1.25], [2, 3]] },
					meta: { lang: 'en', title: '', sample: true }
				}
			])
		);
		const ws = wb.worksheets[0];
		expect(ws.name).toBe('Table');
		expect(ws.getCell('A3').numFmt).toBe('#,##0');
		expect(ws.getCell('B3').numFmt).toBe('#,##0.0');
		expect(ws.getCell('A5').value).toBeNull();
		expect(ws.getCell('A6').value).toBe('Sample data – synthetic data, no real activities');
	});

	it('refuses an empty workbook (Excel cannot open one without sheets)', async () => {
		await expect(tablesToXlsx([])).rejects.toThrow(/no tables/);
	});
});
