/**
 * The quick UTF-8 check of encoding.ts (`validUtf8`, run over the whole file before the first
 * row) says "valid" exactly when encoding.ts's `scanUtf8` finds no invalid byte.
 */
import { describe, it, expect } from 'vitest';
import { validUtf8 } from '../../src/lib/import/encoding';
import { scanUtf8 } from '../../src/lib/import/encoding';

const scanSaysValid = (b: Uint8Array) => scanUtf8(b).invalid.length === 0;

describe('validUtf8 = scanUtf8 finds nothing', () => {
	it('on chosen cases: ASCII runs, every sequence length, cut, overlong, surrogate, too large', () => {
		const cases: [number[], boolean][] = [
			[[], true],
			[[...Buffer.from('Datum;AGS;Minuten\n01.03.2025;13076034;63,5\n')], true],
			[[...Buffer.from('Lotsen-Einsätze € „x“ 😀 ok')], true],
			[[0x61, 0x62, 0x63, 0x64, 0x65, 0xfc, 0x66], false], // a Windows-1252 ü after ASCII
			[[0xc3], false], // cut two-byte sequence at the end
			[[0xe2, 0x82], false],
			[[0xc0, 0xaf], false], // overlong '/'
			[[0xe0, 0x80, 0xaf], false], // overlong
			[[0xed, 0xa0, 0x80], false], // surrogate U+D800
			[[0xf4, 0x90, 0x80, 0x80], false], // above U+10FFFF
			[[0xf0, 0x9f, 0x98, 0x80], true] // U+1F600
		];
		for (const [bytes, valid] of cases) {
			const b = new Uint8Array(bytes);
			expect(validUtf8(b), JSON.stringify(bytes)).toBe(valid);
			expect(scanSaysValid(b), JSON.stringify(bytes)).toBe(valid);
		}
	});

	it('on 20,000 seeded random byte strings at every alignment', () => {
		let seed = 7;
		const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
		let checked = 0;
		let valid = 0;
		for (let t = 0; t < 20_000; t++) {
			const len = 1 + Math.floor(rnd() * 40);
			const buf = new Uint8Array(len + 3);
			const at = Math.floor(rnd() * 4) % 4;
			const sub = buf.subarray(at, Math.min(buf.length, at + len));
			for (let j = 0; j < sub.length; j++) {
				const r = rnd();
				sub[j] = r < 0.6 ? 32 + Math.floor(rnd() * 90) : r < 0.7 ? 0xc3 : r < 0.75 ? 0xe2 : r < 0.78 ? 0xf0 : r < 0.9 ? 0x80 + Math.floor(rnd() * 64) : Math.floor(rnd() * 256);
			}
			expect(validUtf8(sub)).toBe(scanSaysValid(sub));
			checked++;
			if (scanSaysValid(sub)) valid++;
		}
		// both answers occur often, or the comparison would say little
		expect(valid).toBeGreaterThan(1000);
		expect(checked - valid).toBeGreaterThan(1000);
	});
});
