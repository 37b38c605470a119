/** PNG header reading and data-URL helpers. */
import { describe, it, expect } from 'vitest';
import { bytesToDataUrl, dataUrlMime, dataUrlToBytes, pngSize } from '../../../src/lib/export/png';
import { crc32, makePng } from './helpers';

describe('test helper PNG', () => {
	it('computes the standard CRC-32', () => {
		expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
		expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
	});
});

describe('pngSize', () => {
	it('reads width and height from IHDR', () => {
		expect(pngSize(makePng(3, 2))).toEqual({ width: 3, height: 2 });
		expect(pngSize(makePng(640, 1))).toEqual({ width: 640, height: 1 });
	});

	it('works on a view into a larger buffer', () => {
		const png = makePng(5, 7);
		const big = new Uint8Array(png.length + 10);
		big.set(png, 10);
		expect(pngSize(big.subarray(10))).toEqual({ width: 5, height: 7 });
	});

	it('throws on anything that is not a PNG', () => {
		expect(() => pngSize(new TextEncoder().encode('this is not an image, really not'))).toThrow(/PNG/);
		expect(() => pngSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(30).fill(0)]))).toThrow(/PNG/);
		expect(() => pngSize(makePng(2, 2).subarray(0, 20))).toThrow(/PNG/);
		expect(() => pngSize(new Uint8Array(0))).toThrow(/PNG/);
		const noIhdr = makePng(2, 2);
		noIhdr[12] = 0x58; // "XHDR"
		expect(() => pngSize(noIhdr)).toThrow(/IHDR/);
	});
});

describe('data URLs', () => {
	it('round-trips bytes through base64', () => {
		const png = makePng(4, 4);
		const url = bytesToDataUrl(png, 'image/png');
		expect(url.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
		expect(dataUrlMime(url)).toBe('image/png');
		expect(Array.from(dataUrlToBytes(url))).toEqual(Array.from(png));
		expect(pngSize(dataUrlToBytes(url))).toEqual({ width: 4, height: 4 });
	});

	it('handles all byte values and larger inputs', () => {
		const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
		expect(Array.from(dataUrlToBytes(bytesToDataUrl(bytes, 'application/octet-stream')))).toEqual(Array.from(bytes));
		expect(bytesToDataUrl(new TextEncoder().encode('Hä'), 'text/plain')).toBe('data:text/plain;base64,SMOk');
	});

	it('decodes percent-encoded URLs and rejects others', () => {
		expect(new TextDecoder().decode(dataUrlToBytes('data:text/plain;charset=utf-8,H%C3%A4'))).toBe('Hä');
		expect(dataUrlMime('data:,x')).toBe('');
		expect(() => dataUrlToBytes('https://example.org/a.png')).toThrow(/data: URL/);
	});
});
