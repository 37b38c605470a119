/** CSV export of a chart table, read back as German Excel would see it. */
import { describe, it, expect } from 'vitest';
import { tableToCsv } from '../../../src/lib/export/table-csv';
import { metaLines, sampleNote } from '../../../src/lib/export/export-meta';
import { parseCsv } from './helpers';
import { META, TABLE } from './fixtures';

describe('metaLines', () => {
	it('German: summary, Zeitraum, Quelle, Stand, Beispieldaten', () => {
		expect(metaLines(META)).toEqual([
			'Dömitz-Malliß: 31,4 Kontakte je 1.000 Einwohner.',
			'Zeitraum: 2025',
			'Quelle: Programmdaten; Destatis GV-ISys',
			'Stand: 31.12.2023',
			'Beispieldaten – synthetische Daten, keine echten Einsätze'
		]);
	});

	it('English, and parts left out when not given', () => {
		expect(metaLines({ lang: 'en', title: 'x', source: 'Programme data', stand: '2023', sample: true })).toEqual([
			'Source: Programme data',
			'As of: 2023',
			'Sample data – synthetic data, no real activities'
		]);
		expect(metaLines({ lang: 'de', title: 'x', sample: false, source: '  ' })).toEqual([]);
		expect(sampleNote('de')).toBe('Beispieldaten – synthetische Daten, keine echten Einsätze');
	});
});

describe('tableToCsv', () => {
	const csv = tableToCsv(TABLE, META);

	it('is exactly the expected text (BOM, ;, CRLF, decimal comma, neutralised cells, meta lines)', () => {
		expect(csv).toBe(
			'\ufeff' +
				'Gemeindeschlüssel;Gebiet;Kontakte je 1.000 Einwohner;Einsätze\r\n' +
				'08111000;Stuttgart;1234,5;1200\r\n' +
				'13076014;Dömitz, Stadt;-3,25;\r\n' +
				`13076999;"'=HYPERLINK(""x"")";;7\r\n` +
				"'+49;'@foo;12;0\r\n" +
				"'-x;-2;0,5;3\r\n" +
				'\r\n' +
				'Kontakte je 1.000 Einwohner – Amt Dömitz-Malliß\r\n' +
				'Dömitz-Malliß: 31,4 Kontakte je 1.000 Einwohner.\r\n' +
				'Zeitraum: 2025\r\n' +
				'"Quelle: Programmdaten; Destatis GV-ISys"\r\n' +
				'Stand: 31.12.2023\r\n' +
				'Beispieldaten – synthetische Daten, keine echten Einsätze\r\n'
		);
	});

	it('parses back to the same cells', () => {
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // every line ends in CRLF
		const rows = parseCsv(csv.slice(1));
		expect(rows[0]).toEqual(['Gemeindeschlüssel', 'Gebiet', 'Kontakte je 1.000 Einwohner', 'Einsätze']);
		expect(rows[1]).toEqual(['08111000', 'Stuttgart', '1234,5', '1200']);
		expect(rows[2]).toEqual(['13076014', 'Dömitz, Stadt', '-3,25', '']);
		expect(rows[3]).toEqual(['13076999', `'=HYPERLINK("x")`, '', '7']);
		expect(rows[4]).toEqual(["'+49", "'@foo", '12', '0']);
		expect(rows[5]).toEqual(["'-x", '-2', '0,5', '3']);
		expect(rows[6]).toEqual(['']);
		expect(rows.slice(7).map((r) => r.join(';'))).toEqual([
			'Kontakte je 1.000 Einwohner – Amt Dömitz-Malliß',
			'Dömitz-Malliß: 31,4 Kontakte je 1.000 Einwohner.',
			'Zeitraum: 2025',
			'Quelle: Programmdaten; Destatis GV-ISys',
			'Stand: 31.12.2023',
			'Beispieldaten – synthetische Daten, keine echten Einsätze'
		]);
	});

	it('no Beispieldaten line for real data; caption as title fallback; ragged rows padded or cut', () => {
		const out = tableToCsv(
			{ caption: 'Einsätze 2025', columns: [{ key: 'a', label: 'A', numeric: false }, { key: 'b', label: 'B', numeric: true }], rows: [['x'], ['y', 2, 'extra'], ['z', Number.NaN]] },
			{ lang: 'en', title: '', sample: false, stand: '2025' }
		);
		expect(out).toBe('\ufeffA;B\r\nx;\r\ny;2\r\nz;\r\n\r\nEinsätze 2025\r\nAs of: 2025\r\n');
		expect(out).not.toContain('Beispieldaten');
		expect(out).not.toContain('Sample data');
	});
});
