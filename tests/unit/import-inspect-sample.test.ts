/**
 * What the assistant inspects of a large file: its first part, cut at a line end (UTF-16 on a
 * code unit boundary); workbooks and Parquet above the limit are not inspected. The inspection of
 * the part finds the same reading, header and mapping as the inspection of the whole file.
 */
import { describe, it, expect } from 'vitest';
import { inspectionInput } from '../../src/lib/import/inspect-sample';
import { inspectFile, inspectTextFile } from '../../src/lib/import/inspect';
import { csvBytes, encode, parquetBytes, xlsxBytes, csvString, type Cell } from './helpers/fixtures';

const HEADER = ['Datum', 'Gemeindeschlüssel', 'Lotse', 'Format', 'Thema', 'Altersgruppe', 'Teilnehmende', 'Minuten'];
const row = (i: number): Cell[] => [`0${(i % 9) + 1}.03.2025`, '13076036', `L${i}`, i % 2 ? 'Hausbesuch' : 'Telefon', 'Online-Banking', '75+', (i % 4) + 1, `${30 + (i % 7)},5`];
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i));

describe('inspectionInput', () => {
	it('a file within the limit is inspected whole', () => {
		const bytes = csvBytes(HEADER, rows(10));
		const input = inspectionInput(bytes, 10_000)!;
		expect(input.sample).toBeNull();
		expect(input.bytes).toBe(bytes);
	});

	it('a larger CSV: its first part up to the last line end within the limit', () => {
		const bytes = csvBytes(HEADER, rows(200), { eol: '\r\n' });
		const input = inspectionInput(bytes, 1000)!;
		expect(input.sample).toEqual({ bytes: input.bytes.length, totalBytes: bytes.length });
		expect(input.bytes.length).toBeLessThanOrEqual(1000);
		expect(input.bytes[input.bytes.length - 1]).toBe(0x0a);
		// the part is a prefix of whole lines: as many lines as it has line ends
		const text = new TextDecoder().decode(input.bytes);
		const whole = new TextDecoder().decode(bytes).split('\r\n');
		expect(text).toBe(whole.slice(0, text.split('\r\n').length - 1).join('\r\n') + '\r\n');
	});

	it('UTF-16LE: the cut keeps whole code units, so the part decodes to whole lines', () => {
		const bytes = encode(csvString(HEADER, rows(100)), 'utf-16le-bom');
		const input = inspectionInput(bytes, 1001)!;
		expect(input.bytes.length % 2).toBe(0);
		expect([...input.bytes.subarray(-2)]).toEqual([0x0a, 0x00]);
		const text = new TextDecoder('utf-16le').decode(input.bytes.subarray(2));
		expect(text.endsWith('\n')).toBe(true);
		expect(text.split('\n')[0]).toBe(HEADER.join(';'));
	});

	it('workbooks and Parquet cannot be cut: above the limit they are not inspected', async () => {
		const xlsx = await xlsxBytes(HEADER, rows(50));
		expect(inspectionInput(xlsx, 100)).toBeNull();
		expect(inspectionInput(xlsx, xlsx.length)!.sample).toBeNull();
		const pq = parquetBytes({ a: ['x', 'y'] });
		expect(inspectionInput(pq, 10)).toBeNull();
	});

	it('no line end within the limit: not inspected', () => {
		expect(inspectionInput(encode('x'.repeat(5000)), 1000)).toBeNull();
	});

	it('the part gives the same reading, header, kind and mapping as the whole file', async () => {
		// a Windows-1252 export with a title line and a blank line above the header
		const bytes = encode('Lotsen-Einsätze Landkreis Ludwigslust-Parchim\n\n' + csvString(HEADER, rows(3000)), 'windows-1252');
		const input = inspectionInput(bytes, 20_000)!;
		expect(input.sample).not.toBeNull();
		const [part, whole] = await Promise.all([inspectFile(input.bytes, 'x.csv'), inspectFile(bytes, 'x.csv')]);
		expect(part.fatal).toBeNull();
		expect(part.dialect).toEqual(whole.dialect);
		expect(part.header).toEqual(whole.header);
		expect(part.headerLine).toBe(3);
		expect(part.kind).toBe('einsaetze');
		expect(part.kind).toBe(whole.kind);
		expect(part.mapping).toEqual(whole.mapping);
		expect(part.preview).toEqual(whole.preview);
		expect(part.numbers.map((n) => [n.field, n.decimal])).toEqual(whole.numbers.map((n) => [n.field, n.decimal]));
	});

	it('the worker’s text-only inspection of a part equals the full inspection; a workbook is not read as one there', async () => {
		const bytes = encode(csvString(HEADER, rows(3000)), 'windows-1252');
		const input = inspectionInput(bytes, 20_000)!;
		const profile = null;
		expect(await inspectTextFile(input.bytes, 'x.csv', profile)).toEqual(await inspectFile(input.bytes, 'x.csv', profile));
		expect(await inspectTextFile(new Uint8Array(), 'leer.csv')).toEqual(await inspectFile(new Uint8Array(), 'leer.csv'));
		// a workbook never reaches the worker (inspectionInput above); if it did, it would not be parsed as one
		const xlsx = await xlsxBytes(HEADER, rows(5));
		expect((await inspectFile(xlsx, 'x.xlsx')).format).toBe('xlsx');
		const asText = await inspectTextFile(xlsx, 'x.xlsx');
		expect(asText.format).toBe('csv');
		expect(asText.fatal).not.toBeNull();
	});
});
