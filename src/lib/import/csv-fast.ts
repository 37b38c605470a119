/**
 * The DuckDB fast path for CSV (issue 8): a cheap scan finds the run of "clean" lines at the start
 * of a chunk's text — lines whose records the JS parser (csv-text.ts) and DuckDB's `read_csv` with
 * the same delimiter split identically, and that the layout rules (layout.ts) would take as plain
 * data rows. Those lines go to DuckDB as UTF-8 bytes and are split there
 * (`read_csv(all_varchar)`, see `fastChunkInsertSql`); everything else keeps the JS parser.
 *
 * A line is clean when it has
 * - quote characters only around whole fields (the quote first, the closing quote right before a
 *   delimiter or the line's end, doubled quotes inside), closed on the same line; no quote
 *   inside an unquoted field, no space before an opening quote (the JS parser skips it, DuckDB
 *   would not), and in backslash-escape files no quote at all,
 * - no control character but TAB (a bare CR, NUL, VT, FF …) and no whitespace JS `trim` would
 *   remove but DuckDB's `trim(x, ' \t')` would not (no-break spaces, BOM, …),
 * - exactly `width − 1` delimiters (no short, long or trailing-`;;;` rows),
 * - at least two filled fields and a first filled field that does not start like a note or total
 *   line (`isNoteLike`: such lines may be footer lines, decided only at the file's end),
 * - a first field that does not read like the header's first field (a repeated header is decided
 *   by the JS parser),
 * - a line break (LF or CRLF) at its end, the same as the run's first line (DuckDB's reader fails
 *   on a mix), and fewer than `MAX_FAST_LINE` characters.
 * Blank lines are not clean (≥ 2 filled fields). The scan stops at the first line that is not
 * clean; that line and the rest of the text go through `parseCsv` as before.
 */
import { normaliseHeader } from './header-map';
import { FOOTER_START } from './layout';
import { q, lit } from './validate-sql';
import type { DatasetSpec } from './schemas';

/** longer lines go the JS way (DuckDB's `max_line_size` is 2 MB of bytes; 3 bytes per char at most) */
const MAX_FAST_LINE = 500_000;

export interface FastTest {
	delimiter: string;
	quote: string;
	escape: 'double' | 'backslash';
	/** fields per record (the header's) */
	width: number;
	/** the header's first field, as written */
	headerFirst: string;
}

/** JS `trim` whitespace above U+009F (TAB/VT/FF/CR/LF and space are handled apart) */
const isWideSpace = (c: number) =>
	c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** first letters of the words FOOTER_START knows, lower case, and `*` */
const FOOTER_FIRST = new Set([...'sgitqhaef*'].map((c) => c.charCodeAt(0)));

/**
 * The clean lines at the start of `text` that start before offset `stop`: how many, and the
 * offset where the first line after them starts.
 */
export function cleanPrefix(text: string, stop: number, t: FastTest): { lines: number; end: number; padded: boolean } {
	const d = t.delimiter.charCodeAt(0);
	const qc = t.quote.charCodeAt(0);
	const headFirst = normaliseHeader(t.headerFirst);
	const headLen = t.headerFirst.length;
	const n = text.length;
	/** a character no clean line holds (outside the structure: delimiter, quote, line break) */
	const bad = (c: number) => (c < 32 && c !== 9) || (c >= 0xa0 && isWideSpace(c));
	let lines = 0;
	let pos = 0;
	/** the run's line ending (CRLF or LF): DuckDB's reader fails on a mix within one input */
	let crlf: boolean | undefined;
	/** a field with a space or TAB at its start or end (then DuckDB trims; most exports have none) */
	let padded = false;
	lines: while (pos < stop && pos < n) {
		let i = pos;
		let fields = 0;
		let filled = 0;
		// the first filled field's text (inside its quotes) and the first field's
		let firstStart = -1;
		let firstEnd = -1;
		let f0Start = pos;
		let f0End = -1;
		let f0Escaped = false;
		for (;;) {
			// one field from i
			let cStart = i;
			let cEnd: number;
			let isFilled = false;
			let escaped = false;
			if (i < n && text.charCodeAt(i) === qc) {
				if (t.escape !== 'double') break lines;
				// quoted: closed on this line, doubled quotes inside, then a delimiter or the line's end
				cStart = ++i;
				for (;;) {
					if (i >= n) break lines;
					const c = text.charCodeAt(i);
					if (c === qc) {
						if (text.charCodeAt(i + 1) === qc) {
							escaped = isFilled = true;
							i += 2;
							continue;
						}
						break;
					}
					if (c === 10 || c === 13 || bad(c)) break lines;
					if (c !== 32 && c !== 9) isFilled = true;
					i++;
				}
				cEnd = i++;
				const c = i < n ? text.charCodeAt(i) : -1;
				if (c !== d && c !== 10 && c !== 13) break lines;
			} else {
				for (; i < n; i++) {
					const c = text.charCodeAt(i);
					if (c === d || c === 10 || c === 13) break;
					if (c === qc || bad(c)) break lines;
					if (c !== 32 && c !== 9) isFilled = true;
				}
				cEnd = i;
			}
			if (cEnd > cStart && !padded) {
				const a = text.charCodeAt(cStart);
				const b = text.charCodeAt(cEnd - 1);
				padded = a === 32 || a === 9 || b === 32 || b === 9;
			}
			if (fields === 0) {
				f0Start = cStart;
				f0End = cEnd;
				f0Escaped = escaped;
			}
			fields++;
			if (isFilled) {
				if (filled === 0) {
					firstStart = cStart;
					firstEnd = cEnd;
				}
				filled++;
			}
			if (i >= n) break lines; // the last line without a break
			const c = text.charCodeAt(i);
			if (c === d) {
				i++;
				continue;
			}
			if (c === 13 && text.charCodeAt(i + 1) !== 10) break lines; // a bare CR
			break;
		}
		if (i - pos > MAX_FAST_LINE || fields !== t.width || filled < 2) break;
		if (FOOTER_FIRST.has(text.charCodeAt(firstStart) | 32) && FOOTER_START.test(text.slice(firstStart, firstEnd).trim())) break;
		if (Math.abs(f0End - f0Start - headLen) <= 4 && (f0Escaped || normaliseHeader(text.slice(f0Start, f0End)) === headFirst)) break;
		const cr = text.charCodeAt(i) === 13;
		if ((crlf ??= cr) !== cr) break;
		pos = cr ? i + 2 : i + 1;
		lines++;
	}
	return { lines, end: pos, padded };
}

/**
 * SQL appending the clean lines registered as `file` to `stg`, in file order: `_row` from
 * `firstRow`, `_line` from `firstLine` (clean lines are consecutive), each mapped column's text
 * trimmed (the whitespace a clean line can hold: space and TAB) with '' → NULL, as `stagingIPC`.
 * `padded` false: no field of the lines starts or ends with a space or TAB, so no trim is needed
 * (empty fields, also `""`, are NULL in DuckDB's reader already: `allow_quoted_nulls`).
 * Row numbers come from a sequence read in scan order: duckdb-wasm scans the file in one thread,
 * in order (a window `row_number() OVER ()` cost more than the read itself).
 */
export function fastChunkInsertSql(spec: DatasetSpec, mapping: Map<number, string>, file: string, t: FastTest, firstRow: number, firstLine: number, padded = true): string {
	const colOf = new Map<string, number>();
	for (const [i, name] of mapping) colOf.set(name, i);
	const cols = Array.from({ length: t.width }, (_, i) => `${lit('c' + i)}: 'VARCHAR'`).join(', ');
	const sel: string[] = [`CAST(_n AS INTEGER)`, `CAST(_n + ${firstLine - firstRow} AS INTEGER)`];
	for (const c of spec.columns) {
		const i = colOf.get(c.name);
		sel.push(i === undefined ? `NULL::VARCHAR` : padded ? `NULLIF(trim(${q('c' + i)}, ' \t'), '')` : q('c' + i));
		if (c.type === 'int' || c.type === 'decimal' || c.type === 'rate') sel.push(`NULL::DOUBLE`);
	}
	return `CREATE OR REPLACE TEMP SEQUENCE _stg_seq START WITH ${firstRow};
	INSERT INTO stg SELECT ${sel.join(', ')} FROM (SELECT nextval('_stg_seq') AS _n, * FROM read_csv(${lit(file)}, header=false, auto_detect=false,
		all_varchar=true, allow_quoted_nulls=true, delim=${lit(t.delimiter)}, quote=${lit(t.quote)}, escape=${lit(t.quote)}, columns={${cols}}))`;
}
