/** Download names: transliteration, path characters, dots, empty and very long titles, sample prefix. */
import { describe, it, expect } from 'vitest';
import { safeFileName, slug } from '../../../src/lib/export/filename';

describe('safeFileName', () => {
	it('transliterates umlauts and ß, drops thousands separators', () => {
		expect(safeFileName('Kontakte je 1.000 Einwohner – Dömitz-Malliß', 'csv')).toBe('kontakte-je-1000-einwohner-doemitz-malliss.csv');
		expect(safeFileName('Ärger über Öl & Straße', 'xlsx')).toBe('aerger-ueber-oel-strasse.xlsx');
		expect(safeFileName('ÄÖÜ ẞ', 'csv')).toBe('aeoeue-ss.csv');
	});

	it('strips other diacritics (NFKD) and keeps the parts of a date', () => {
		expect(safeFileName('Café Crème – Łódź', 'pptx')).toBe('cafe-creme-lodz.pptx');
		expect(safeFileName('Stand 31.12.2023', 'csv')).toBe('stand-31-12-2023.csv');
		expect(slug('1.234,5 Kontakte')).toBe('1234-5-kontakte');
	});

	it('removes path and control characters and leading dots', () => {
		expect(safeFileName('../../etc/passwd', 'csv')).toBe('etc-passwd.csv');
		expect(safeFileName('a/b\\c:d*e?f"g<h>i|j', 'csv')).toBe('a-b-c-d-e-f-g-h-i-j.csv');
		expect(safeFileName('.hidden', 'csv')).toBe('hidden.csv');
		expect(safeFileName('a\u0000b\nc\td', 'csv')).toBe('a-b-c-d.csv');
		expect(safeFileName('--a---b--', 'csv')).toBe('a-b.csv');
	});

	it('is never empty', () => {
		expect(safeFileName('', 'csv')).toBe('export.csv');
		expect(safeFileName('..', 'csv')).toBe('export.csv');
		expect(safeFileName('   ', 'xlsx')).toBe('export.xlsx');
		expect(safeFileName('日本語', 'csv')).toBe('export.csv');
		expect(safeFileName('Tabelle', '')).toBe('tabelle');
	});

	it('cleans the extension and avoids Windows device names', () => {
		expect(safeFileName('Daten', '.CSV')).toBe('daten.csv');
		expect(safeFileName('CON', 'txt')).toBe('con-export.txt');
		expect(safeFileName('nul', 'csv')).toBe('nul-export.csv');
	});

	it('cuts very long titles at a word boundary (≤ 80 characters before the extension)', () => {
		const name = safeFileName('Wort '.repeat(40), 'csv');
		expect(name).toBe('wort-wort-wort-wort-wort-wort-wort-wort-wort-wort-wort-wort-wort-wort-wort-wort.csv');
		expect(name.length - '.csv'.length).toBe(79);
		const long = safeFileName('x'.repeat(200), 'csv');
		expect(long).toBe('x'.repeat(80) + '.csv');
	});

	it('prefixes sample data once, in the language of the export', () => {
		expect(safeFileName('Kontakte', 'pptx', { sample: true })).toBe('beispieldaten-kontakte.pptx');
		expect(safeFileName('Beispieldaten: Kontakte', 'pptx', { sample: true })).toBe('beispieldaten-kontakte.pptx');
		expect(safeFileName('Contacts', 'pptx', { sample: true, lang: 'en' })).toBe('sample-data-contacts.pptx');
		expect(safeFileName('', 'csv', { sample: true })).toBe('beispieldaten.csv');
		const long = safeFileName('y'.repeat(200), 'csv', { sample: true });
		expect(long).toBe('beispieldaten-' + 'y'.repeat(66) + '.csv');
	});
});
