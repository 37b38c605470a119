/**
 * Which CSV file the stream (csv-stream.ts) offers for the one-pass load (csv-one-pass.ts), and
 * where its data lines start: what can be said before the scan of every data line
 * (csv-clean-scan.ts) decides.
 */
import type { FastTest } from './csv-fast';
import type { StreamOptions } from './csv-stream';
import { validUtf8 } from './encoding';
import type { HeaderMatch } from './header-map';
import type { Mode } from './text-pieces';

/**
 * Larger files keep the batched chunked path: the one pass copies the whole file into DuckDB's
 * memory and inserts every row in one transaction; not measured yet at 10 M rows (905 MB), where
 * the batches are known to load within duckdb-wasm's 3.1 GiB.
 */
export const ONE_PASS_MAX_BYTES = 256 * 1024 * 1024;

/** The one-pass load may be offered (its other conditions are known only after the header). */
export function onePassPossible(bytes: Uint8Array, opts: StreamOptions): boolean {
	return opts.onePass !== false && (opts.fast ?? !(opts.keepRows || opts.noIpc)) && !opts.profile?.encoding && (opts.totalBytes ?? bytes.length) <= ONE_PASS_MAX_BYTES;
}

/**
 * Whether a file may be offered for the one-pass load, and its data bytes: valid UTF-8 (a BOM
 * allowed), cut after the header's last line. Every other encoding keeps the chunked path.
 */
export function onePassOffer(bytes: Uint8Array, enc: { mode: Mode; start: number; provisional?: true }, headerEnd: number, test: FastTest, match: HeaderMatch, total = bytes.length) {
	if (enc.mode.kind !== 'utf8' || total > ONE_PASS_MAX_BYTES) return null;
	// the first byte of line headerEnd + 1 (line breaks counted as csv-text counts them)
	let line = 1;
	let from = enc.start;
	for (; from < bytes.length && line <= headerEnd; from++) {
		const b = bytes[from];
		if (b === 10 || (b === 13 && bytes[from + 1] !== 10)) line++;
	}
	if (line <= headerEnd || from >= bytes.length) return null; // no data line after the header
	// the lines up to the header's end must be UTF-8 too (the scan checks the data lines)
	if ((enc.mode.strays || enc.provisional) && !validUtf8(bytes.subarray(enc.start, from))) return null;
	const numeric = new Map<number, string>();
	const keys = new Map<number, string>();
	const dates = new Map<number, string>();
	for (const [i, name] of match.mapping) {
		const t = match.spec.columns.find((c) => c.name === name)?.type;
		if (t === 'int' || t === 'decimal' || t === 'rate') numeric.set(i, name);
		else if (t === 'gemeinde') keys.set(i, name);
		else if (t === 'date') dates.set(i, name);
	}
	return { from, spec: { test, numeric, keys, dates } };
}
