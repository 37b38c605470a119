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

export function looksLikeUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
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

/** A byte that was not valid UTF-8 in an otherwise UTF-8 file, decoded as Windows-1252 at that spot. */
export interface EncodingNote {
	/** 1-based line of the byte */
	line: number;
	/** the byte as written, e.g. "0xE4" */
	byte: string;
	/** the character it was read as */
	char: string;
}

export interface Decoded {
	text: string;
	encoding: Encoding;
	/** stray bytes repaired in a UTF-8 file (empty otherwise) */
	notes: EncodingNote[];
}

/**
 * Walks the bytes as UTF-8 and returns the offsets of bytes that start no valid sequence, and the
 * number of valid multi-byte sequences. Decides from the whole file, not from a prefix.
 */
export function scanUtf8(bytes: Uint8Array): { invalid: number[]; multibyte: number } {
	const invalid: number[] = [];
	let multibyte = 0;
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		if (bytes[i] < 0x80) {
			i++;
			continue;
		}
		const len = utf8SequenceAt(bytes, i);
		if (len) {
			multibyte++;
			i += len;
		} else {
			invalid.push(i);
			i++;
		}
	}
	return { invalid, multibyte };
}

/**
 * The length of the valid UTF-8 sequence that starts with the byte ≥ 0x80 at `i`, or 0: no
 * overlong form, surrogate or code point above U+10FFFF, no cut sequence. The one rule both
 * `scanUtf8` and `validUtf8` apply.
 */
export function utf8SequenceAt(bytes: Uint8Array, i: number): number {
	const b = bytes[i];
	let len = 0;
	let min = 0;
	if (b >= 0xc2 && b <= 0xdf) (len = 2), (min = 0x80);
	else if (b >= 0xe0 && b <= 0xef) (len = 3), (min = 0x800);
	else if (b >= 0xf0 && b <= 0xf4) (len = 4), (min = 0x10000);
	if (len === 0 || i + len > bytes.length) return 0;
	let cp = len === 2 ? b & 0x1f : len === 3 ? b & 0x0f : b & 0x07;
	for (let k = 1; k < len; k++) {
		const c = bytes[i + k];
		if ((c & 0xc0) !== 0x80) return 0;
		cp = (cp << 6) | (c & 0x3f);
	}
	return cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0 : len;
}

/**
 * True when `scanUtf8` would find no invalid byte, with runs of ASCII skipped four bytes at a
 * time: the whole file is checked before the first row, and scanUtf8's byte loop took 280–500 ms
 * for 90 MB (this: 90–200 ms). The platform's strict TextDecoder was slower still (860 ms: it
 * builds the text). A file with an invalid byte is scanned again by scanUtf8 for the positions.
 */
export function validUtf8(bytes: Uint8Array): boolean {
	const n = bytes.length;
	const off = (4 - (bytes.byteOffset & 3)) & 3;
	const words = n >= off + 4 ? new Uint32Array(bytes.buffer, bytes.byteOffset + off, (n - off) >> 2) : new Uint32Array(0);
	let i = 0;
	while (i < n) {
		if (bytes[i] < 0x80) {
			if (i >= off && ((i - off) & 3) === 0) {
				let w = (i - off) >> 2;
				while (w < words.length && (words[w] & 0x80808080) === 0) w++;
				const next = off + (w << 2);
				i = next > i ? next : i + 1;
			} else i++;
			continue;
		}
		const len = utf8SequenceAt(bytes, i);
		if (!len) return false;
		i += len;
	}
	return true;
}

/**
 * UTF-8 text with a few stray single bytes: each stray byte is decoded as Windows-1252 at its
 * place and noted with its line, the rest stays UTF-8.
 */
export function decodeUtf8WithStrays(bytes: Uint8Array, invalid: number[]): Decoded {
	const dec = new TextDecoder('utf-8');
	const notes: EncodingNote[] = [];
	let text = '';
	let from = 0;
	let line = 1;
	let lineFrom = 0;
	for (const at of invalid) {
		for (let k = lineFrom; k < at; k++) if (bytes[k] === 10 || (bytes[k] === 13 && bytes[k + 1] !== 10)) line++;
		lineFrom = at;
		text += dec.decode(bytes.subarray(from, at));
		const b = bytes[at];
		const ch = decodeWindows1252(bytes.subarray(at, at + 1));
		text += ch;
		notes.push({ line, byte: '0x' + b.toString(16).toUpperCase().padStart(2, '0'), char: ch });
		from = at + 1;
	}
	text += dec.decode(bytes.subarray(from));
	return { text, encoding: 'utf-8', notes };
}

export function decodeText(bytes: Uint8Array): Decoded {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		const rest = bytes.subarray(3);
		const { invalid } = scanUtf8(rest);
		if (invalid.length) {
			const d = decodeUtf8WithStrays(rest, invalid);
			return { ...d, encoding: 'utf-8-bom' };
		}
		return { text: new TextDecoder('utf-8').decode(rest), encoding: 'utf-8-bom', notes: [] };
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', notes: [] };
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', notes: [] };
	}
	const u16 = looksLikeUtf16(bytes);
	if (u16) return { text: new TextDecoder(u16).decode(bytes), encoding: u16, notes: [] };
	if (looksBinary(bytes)) throw new BinaryFileError('binary');
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', notes: [] };
	} catch {
		// Decided over the whole file: more valid multi-byte UTF-8 sequences than stray bytes means
		// a UTF-8 file with a few Windows-1252 bytes pasted in; otherwise a Windows-1252 file (in
		// which valid UTF-8 sequences such as "Ã¤" are practically never written on purpose).
		const { invalid, multibyte } = scanUtf8(bytes);
		if (multibyte > invalid.length) return decodeUtf8WithStrays(bytes, invalid);
		return { text: decodeWindows1252(bytes), encoding: 'windows-1252', notes: [] };
	}
}

/** Decodes with a given encoding (an import profile's choice); never throws. */
export function decodeAs(bytes: Uint8Array, encoding: Encoding): Decoded {
	switch (encoding) {
		case 'windows-1252':
			return { text: decodeWindows1252(bytes), encoding, notes: [] };
		case 'utf-16le':
		case 'utf-16be': {
			const bom = encoding === 'utf-16le' ? bytes[0] === 0xff && bytes[1] === 0xfe : bytes[0] === 0xfe && bytes[1] === 0xff;
			return { text: new TextDecoder(encoding).decode(bom ? bytes.subarray(2) : bytes), encoding, notes: [] };
		}
		default: {
			const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
			const rest = bom ? bytes.subarray(3) : bytes;
			const { invalid } = scanUtf8(rest);
			const d = invalid.length ? decodeUtf8WithStrays(rest, invalid) : { text: new TextDecoder('utf-8').decode(rest), encoding: 'utf-8' as Encoding, notes: [] };
			return { ...d, encoding: bom ? 'utf-8-bom' : 'utf-8' };
		}
	}
}
