import { describe, it, expect } from 'vitest';
import { decodeText, BinaryFileError } from '../../src/lib/import/encoding';
import { encode } from './helpers/fixtures';

const TEXT = 'Projekt;Betrag\n„Alte Schule“ Malliß – Tagespass;15 €\nÖffnungszeit Straße;1.234,56\n';

describe('decodeText', () => {
	it.each([
		['utf-8', 'utf-8'],
		['utf-8-bom', 'utf-8-bom'],
		['windows-1252', 'windows-1252'],
		['utf-16le-bom', 'utf-16le']
	] as const)('decodes %s so that €, „“, – and umlauts survive', (enc, detected) => {
		const r = decodeText(encode(TEXT, enc));
		expect(r.encoding).toBe(detected);
		expect(r.text).toBe(TEXT);
	});

	it('maps Windows-1252 bytes 0x80–0x9F to their real characters (not C1 controls)', () => {
		const r = decodeText(new Uint8Array([0x80, 0x84, 0x93, 0x96, 0x3b, 0xe4]));
		expect(r.text).toBe('€„“–;ä');
	});

	it('recognises UTF-16 LE without a BOM', () => {
		const bytes = encode(TEXT, 'utf-16le-bom').subarray(2);
		expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: 'utf-16le', notes: [] });
	});

	it('refuses binary content', () => {
		expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]))).toThrow(BinaryFileError);
	});
});

describe('decodeText decides over the whole file', () => {
	it('UTF-8 with one stray Windows-1252 byte: the rest stays UTF-8, the byte is noted with its line', () => {
		const utf8 = encode('Thema\nÜberweisung für Ältere\nStraße\nGr?n\n');
		const bytes = new Uint8Array(utf8);
		bytes[utf8.lastIndexOf(0x3f)] = 0xfc;
		const r = decodeText(bytes);
		expect(r).toEqual({ text: 'Thema\nÜberweisung für Ältere\nStraße\nGrün\n', encoding: 'utf-8', notes: [{ line: 4, byte: '0xFC', char: 'ü' }] });
	});

	it('the same after a BOM and with CRLF line ends', () => {
		const utf8 = encode('A\r\nÄ\r\nx?\r\n', 'utf-8-bom');
		const bytes = new Uint8Array(utf8);
		bytes[utf8.lastIndexOf(0x3f)] = 0x80;
		expect(decodeText(bytes)).toEqual({ text: 'A\r\nÄ\r\nx€\r\n', encoding: 'utf-8-bom', notes: [{ line: 3, byte: '0x80', char: '€' }] });
	});

	it('a Windows-1252 file that happens to contain one valid UTF-8 pair stays Windows-1252', () => {
		// "Ã¤" written in Windows-1252 is C3 A4, a valid UTF-8 sequence; the five umlauts are not
		const text = 'Größe;Äpfel;Übung\nöäü;Ã¤;x\n';
		const r = decodeText(encode(text, 'windows-1252'));
		expect(r).toEqual({ text, encoding: 'windows-1252', notes: [] });
	});
});
