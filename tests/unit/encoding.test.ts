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
