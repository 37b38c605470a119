import { describe, it, expect } from 'vitest';
import { parseCsv, sniffDelimiter } from '../../src/lib/import/csv-text';
import { columnNumberFormat, readNumber } from '../../src/lib/import/number-format';
import { normaliseHeader, detectKind } from '../../src/lib/import/header-map';
import { csvString } from './helpers/fixtures';

describe('parseCsv', () => {
	it('numbers records by the line a text editor shows, across quoted line breaks and CRLF', () => {
		const text = 'a;b\r\n1;"zwei\r\nZeilen"\r\n3;"x ""y"""\r\n4;5';
		expect(parseCsv(text, ';')).toEqual([
			{ line: 1, endLine: 1, fields: ['a', 'b'] },
			{ line: 2, endLine: 3, fields: ['1', 'zwei\r\nZeilen'] },
			{ line: 4, endLine: 4, fields: ['3', 'x "y"'] },
			{ line: 5, endLine: 5, fields: ['4', '5'] }
		]);
	});
});

describe('sniffDelimiter', () => {
	it.each([',', ';', '\t', '|'])('finds %j', (d) => {
		const text = csvString(['Datum', 'Betrag', 'Name'], [['31.12.2025', '1,5', 'A, B'], ['01.01.2025', '2', 'C']], { delimiter: d });
		expect(sniffDelimiter(text)).toBe(d);
	});
});

describe('columnNumberFormat: one decision per column, from its own values', () => {
	it('a decimal comma anywhere in the column, thousands points elsewhere', () => {
		expect(columnNumberFormat(['1.234,56', '12,5', '7', '1.000'])).toEqual({ decimal: ',', intOnly: false });
	});
	it('a decimal point with thousands commas', () => {
		expect(columnNumberFormat(['1,234.56', '12.5', '7'])).toEqual({ decimal: '.', intOnly: false });
	});
	it('only ambiguous values and integers: no decision (the delimiter does not decide)', () => {
		expect(columnNumberFormat(['1.234', '7']).decimal).toBeNull();
		expect(columnNumberFormat(['1,234', '7']).decimal).toBeNull();
	});
	it('two groups prove thousands: 1.234.567 means a decimal comma column', () => {
		expect(columnNumberFormat(['1.234.567', '13.363']).decimal).toBe(',');
	});
	it('reads "1 234,5 €" with a space as thousands separator', () => {
		expect(columnNumberFormat(['1 234,5 €', '99,00 €']).decimal).toBe(',');
		expect(readNumber('1 234,5 €', { decimal: ',', intOnly: false })).toEqual({ value: 1234.5 });
	});
	it.each([
		['13.363', { decimal: null, intOnly: false }, { error: 'ambiguous_number' }],
		['13.363', { decimal: '.', intOnly: false }, { error: 'ambiguous_number' }],
		['13.363', { decimal: ',', intOnly: false }, { value: 13363 }],
		['1.000', { decimal: null, intOnly: true }, { value: 1000 }],
		['1.000.000', { decimal: null, intOnly: false }, { value: 1000000 }],
		['1,500', { decimal: null, intOnly: false }, { error: 'ambiguous_number' }],
		['1,500', { decimal: '.', intOnly: false }, { value: 1500 }],
		['0,125', { decimal: null, intOnly: false }, { value: 0.125 }],
		['12500.50', { decimal: null, intOnly: false }, { value: 12500.5 }],
		['12,5', { decimal: '.', intOnly: false }, { error: 'mixed_decimal' }],
		['63,5', { decimal: ',', intOnly: false }, { value: 63.5 }],
		['eine Stunde', { decimal: ',', intOnly: false }, { error: 'not_a_number' }]
	] as const)('readNumber(%j, %j)', (v, f, want) => {
		expect(readNumber(v, f as never)).toEqual(want);
	});
});

describe('header mapping', () => {
	it('normalises German and English header variants', () => {
		expect(normaliseHeader('Betrag (EUR)')).toBe('betrag eur');
		expect(normaliseHeader('Gemeindeschlüssel')).toBe('gemeindeschluessel');
		expect(normaliseHeader('\ufeffArbeitsplätze')).toBe('arbeitsplaetze');
	});
	it('detects the dataset kind from the header', () => {
		expect(detectKind(['date', 'AGS', 'navigator id', 'channel', 'topic', 'age group', 'participants', 'minutes']).match?.kind).toBe('einsaetze');
		expect(detectKind(['Projekt-ID', 'Projektname', 'Gemeindeschlüssel', 'Förderprogramm', 'Betrag (EUR)', 'Status']).match?.kind).toBe('coworking');
		// abbreviations of Gemeindeschlüssel are suggested at once (exact aliases, confidence 1)
		for (const h of ['Gem.-Schlüssel', 'Gem.-Schl.', 'Gemeinde-Nr.', 'Amtl. Gemeindeschlüssel']) {
			const m = detectKind(['Datum', h, 'Lotse', 'Format', 'Thema', 'Altersgruppe', 'Teilnehmende', 'Minuten']).match;
			expect(m?.mapping.get(1), h).toBe('ags');
			expect(m?.confidence.get(1), h).toBe(1);
		}
		const none = detectKind(['foo', 'bar']);
		expect(none.match).toBeNull();
	});
});
