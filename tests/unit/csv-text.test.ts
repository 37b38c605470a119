import { describe, it, expect } from 'vitest';
import { parseCsv, sniffDelimiter } from '../../src/lib/import/csv-text';
import { voteNumberFormat } from '../../src/lib/import/number-format';
import { normaliseHeader, detectKind } from '../../src/lib/import/header-map';
import { csvString } from './helpers/fixtures';

describe('parseCsv', () => {
	it('numbers records by the line a text editor shows, across quoted line breaks and CRLF', () => {
		const text = 'a;b\r\n1;"zwei\r\nZeilen"\r\n3;"x ""y"""\r\n4;5';
		expect(parseCsv(text, ';')).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['1', 'zwei\r\nZeilen'] },
			{ line: 4, fields: ['3', 'x "y"'] },
			{ line: 5, fields: ['4', '5'] }
		]);
	});
});

describe('sniffDelimiter', () => {
	it.each([',', ';', '\t', '|'])('finds %j', (d) => {
		const text = csvString(['Datum', 'Betrag', 'Name'], [['31.12.2025', '1,5', 'A, B'], ['01.01.2025', '2', 'C']], { delimiter: d });
		expect(sniffDelimiter(text)).toBe(d);
	});
});

describe('voteNumberFormat', () => {
	it('votes decimal comma with thousands dot', () => {
		expect(voteNumberFormat(['1.234,56', '12,5', '7', '1.000'])).toEqual({ decimal: ',', thousands: '.' });
	});
	it('votes decimal point with thousands comma', () => {
		expect(voteNumberFormat(['1,234.56', '12.5', '7'])).toEqual({ decimal: '.', thousands: ',' });
	});
	it('falls back to the delimiter custom when only ambiguous values are seen', () => {
		expect(voteNumberFormat(['1.234', '7'], ';').decimal).toBe(',');
		expect(voteNumberFormat(['1.234', '7'], ',').decimal).toBe('.');
	});
	it('reads "1 234,5 €" with a space as thousands separator', () => {
		expect(voteNumberFormat(['1 234,5 €', '99,00 €'])).toEqual({ decimal: ',', thousands: ' ' });
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
		const none = detectKind(['foo', 'bar']);
		expect(none.match).toBeNull();
	});
});
