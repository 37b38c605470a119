/**
 * A file's bytes as decoded text pieces that end at line breaks, and the line arithmetic the CSV
 * stream needs on them. The encoding is decided exactly as `decodeText` / `decodeAs` do
 * (encoding.ts), but the file is never decoded as one string: the stream (csv-stream.ts) takes
 * one piece at a time.
 */
import { decodeUtf8WithStrays, decodeWindows1252, looksBinary, looksLikeUtf16, scanUtf8, validUtf8, type Encoding, type EncodingNote } from './encoding';
import { FatalImport } from './read-file';

export type Mode = { kind: 'utf8'; strays: boolean } | { kind: 'w1252' } | { kind: 'utf16'; label: 'utf-16le' | 'utf-16be' };

/**
 * A UTF-8 verdict from the first `prefix` bytes only (`provisional`): the one-pass scan checks
 * the rest of the file (csv-clean-scan.ts) while the database reads it; when the scan fails, the
 * stream decides again over the whole file before it reads one chunk (csv-stream.ts).
 */
export function provisionalEncoding(bytes: Uint8Array, prefix: number): { encoding: Encoding; mode: Mode; start: number; provisional?: true } {
	if (bytes.length <= prefix) return decideEncoding(bytes);
	const bom8 = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	if (bom8 || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16(bytes) || looksBinary(bytes)) return decideEncoding(bytes);
	// cut at an ASCII byte, so no sequence is cut in two
	let cut = prefix;
	while (cut > 0 && bytes[cut - 1] >= 0x80) cut--;
	if (!validUtf8(bytes.subarray(0, cut))) return decideEncoding(bytes);
	return { encoding: 'utf-8', mode: { kind: 'utf8', strays: false }, start: 0, provisional: true };
}

/** Decides the encoding exactly as `decodeText` / `decodeAs` do, without decoding the file. */
export function decideEncoding(bytes: Uint8Array, forced?: Encoding): { encoding: Encoding; mode: Mode; start: number; provisional?: true } {
	const bom8 = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	if (forced) {
		if (forced === 'windows-1252') return { encoding: forced, mode: { kind: 'w1252' }, start: 0 };
		if (forced === 'utf-16le' || forced === 'utf-16be') {
			const bom = forced === 'utf-16le' ? bytes[0] === 0xff && bytes[1] === 0xfe : bytes[0] === 0xfe && bytes[1] === 0xff;
			return { encoding: forced, mode: { kind: 'utf16', label: forced }, start: bom ? 2 : 0 };
		}
		return { encoding: bom8 ? 'utf-8-bom' : 'utf-8', mode: { kind: 'utf8', strays: true }, start: bom8 ? 3 : 0 };
	}
	if (bom8) return { encoding: 'utf-8-bom', mode: { kind: 'utf8', strays: true }, start: 3 };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', mode: { kind: 'utf16', label: 'utf-16le' }, start: 2 };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', mode: { kind: 'utf16', label: 'utf-16be' }, start: 2 };
	const u16 = looksLikeUtf16(bytes);
	if (u16) return { encoding: u16, mode: { kind: 'utf16', label: u16 }, start: 0 };
	if (looksBinary(bytes)) throw new FatalImport('binary_file');
	// decided over the whole file (see decodeText): valid UTF-8, UTF-8 with stray bytes, or Windows-1252
	if (validUtf8(bytes)) return { encoding: 'utf-8', mode: { kind: 'utf8', strays: false }, start: 0 };
	const { invalid, multibyte } = scanUtf8(bytes);
	if (invalid.length === 0) return { encoding: 'utf-8', mode: { kind: 'utf8', strays: false }, start: 0 };
	if (multibyte > invalid.length) return { encoding: 'utf-8', mode: { kind: 'utf8', strays: true }, start: 0 };
	return { encoding: 'windows-1252', mode: { kind: 'w1252' }, start: 0 };
}

/** Physical line breaks in bytes (LF, or CR not followed by LF), as csv-text counts lines. */
export function countBreaks(bytes: Uint8Array): number {
	let n = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) n++;
	}
	return n;
}

/** Decoded text pieces, each ending at a line break (but the last); notes carry file line numbers. */
export function* decodePieces(bytes: Uint8Array, mode: Mode, start: number, chunkBytes: number, firstBytes = chunkBytes): Generator<{ text: string; bytesDone: number; notes: EncodingNote[] }> {
	const n = bytes.length;
	if (mode.kind === 'utf16') {
		const dec = new TextDecoder(mode.label);
		for (let at = start; at < n; ) {
			const end = Math.min(n, at + Math.max(2, (at === start ? firstBytes : chunkBytes) & ~1));
			const text = dec.decode(bytes.subarray(at, end), { stream: end < n });
			at = end;
			yield { text, bytesDone: end, notes: [] };
		}
		return;
	}
	const dec = new TextDecoder('utf-8');
	let lineBase = 1;
	for (let at = start; at < n; ) {
		// cut after a LF byte: never inside a UTF-8 sequence, never between CR and LF
		let end = Math.min(n, at + (at === start ? firstBytes : chunkBytes));
		if (end < n) {
			const lf = bytes.lastIndexOf(10, end - 1);
			if (lf >= at) end = lf + 1;
			else {
				const next = bytes.indexOf(10, end);
				end = next < 0 ? n : next + 1;
			}
		}
		const part = bytes.subarray(at, end);
		let text: string;
		let notes: EncodingNote[] = [];
		if (mode.kind === 'w1252') text = decodeWindows1252(part);
		else if (mode.strays) {
			const { invalid } = scanUtf8(part);
			if (invalid.length) {
				const d = decodeUtf8WithStrays(part, invalid);
				text = d.text;
				notes = d.notes.map((x) => ({ ...x, line: x.line + lineBase - 1 }));
			} else text = dec.decode(part);
		} else text = dec.decode(part);
		if (mode.kind === 'utf8' && mode.strays) lineBase += countBreaks(part);
		at = end;
		yield { text, bytesDone: end, notes };
	}
}

/** UTF-8 length of `text` up to `end` (text decoded from valid UTF-8: no lone surrogates). */
export function utf8Length(text: string, end: number): number {
	let n = end;
	for (let i = 0; i < end; i++) {
		const c = text.charCodeAt(i);
		// 2 bytes below U+0800, 3 above; a surrogate pair is 4 (high +2, low +0)
		if (c >= 0x80) n += c < 0x800 ? 1 : c >= 0xdc00 && c <= 0xdfff ? 0 : 2;
	}
	return n;
}

/** Offset in `text` where 1-based line `line` starts. */
export function lineOffset(text: string, line: number): number {
	let l = 1;
	for (let i = 0; i < text.length && l < line; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
			l++;
			if (l === line) return i + 1;
		}
	}
	return l === line ? 0 : text.length;
}

/** Where the last `k` lines of `text` (which ends at a line break) start; 0 when it has no more. */
export function startOfLastLines(text: string, k: number): number {
	let seen = 0;
	for (let i = text.length - 1; i >= 0; i--) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
			if (seen === k) return i + 1;
			seen++;
		}
	}
	return 0;
}

/** Last line-break position + 1 in `text` (0 when none). */
export function lastBreakEnd(text: string): number {
	const lf = text.lastIndexOf('\n');
	const cr = text.lastIndexOf('\r');
	if (lf >= cr) return lf + 1;
	// a CR at the very end may be the first half of CRLF: wait for the next piece
	return cr === text.length - 1 ? (lf >= 0 ? lf + 1 : 0) : cr + 1;
}
