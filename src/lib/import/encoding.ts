/**
 * Detects a text file's encoding and decodes it to a JS string.
 * Order: BOM (UTF-8, UTF-16 LE/BE) → UTF-16 without BOM (NUL pattern) → strict UTF-8 →
 * Windows-1252, German Excel's "CSV (Trennzeichen-getrennt)". Windows-1252 is decoded with our
 * own table for 0x80–0x9F because Node 20's TextDecoder maps 0x80 to U+0080 instead of €.
 */
import type { Dialect } from './report';

export type Encoding = NonNullable<Dialect['encoding']>;

// Windows-1252 0x80..0x9F; undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as their Latin-1 code point.
const CP1252_HIGH = [
	0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178
];

export function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	const CHUNK = 8192;
	for (let i = 0; i < bytes.length; i += CHUNK) {
		const end = Math.min(i + CHUNK, bytes.length);
		const codes = new Array<number>(end - i);
		for (let j = i; j < end; j++) {
			const b = bytes[j];
			codes[j - i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
		}
		out += String.fromCharCode(...codes);
	}
	return out;
}

function looksLikeUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const n = Math.min(bytes.length, 2000) & ~1;
	if (n < 4) return null;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZero++;
		if (bytes[i + 1] === 0) oddZero++;
	}
	const pairs = n / 2;
	if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
	if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
	return null;
}

/** True when the bytes look like a binary file rather than text (NUL bytes outside UTF-16). */
export function looksBinary(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 4096);
	let ctrl = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i];
		if (b === 0) return true;
		if (b < 9 || (b > 13 && b < 32)) ctrl++;
	}
	return n > 0 && ctrl / n > 0.05;
}

export class BinaryFileError extends Error {}

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	}
	const u16 = looksLikeUtf16(bytes);
	if (u16) return { text: new TextDecoder(u16).decode(bytes), encoding: u16 };
	if (looksBinary(bytes)) throw new BinaryFileError('binary');
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
	}
}
