/**
 * The one-pass gate (issue 8): a byte scan over a UTF-8 file's data lines (everything after
 * the header) that says whether *every* line is valid UTF-8 and clean in the sense of csv-fast.ts (`cleanPrefix`,
 * the same rules on bytes instead of decoded text), so DuckDB's `read_csv` of the file's own bytes
 * splits it exactly as the JS parser and the layout rules would, one record per physical line.
 * Only then does the import go the one-pass way (csv-one-pass.ts); any other file keeps the
 * chunked path unchanged.
 *
 * While it walks the bytes it also counts what the one-pass SQL needs to know beforehand:
 * - the decimal-mark evidence per numeric column, exactly as `numberEvidenceSql` counts it
 *   (a value proves a comma or a point by the rules of number-format.ts), so the vote is the
 *   whole file's without a pass of its own;
 * - per numeric column whether every value is "plain" (digits, or digits + one mark + digits
 *   that cannot be a thousands group): then the number is `replace(v, ',', '.')` and the SQL
 *   needs no regular expression per row;
 * - per key column whether a value could have lost its leading zero (7 or 11 characters, or
 *   not ASCII): only then are the repairs listed (a further, short query);
 * - per numeric and date column whether every value has a shape `read_csv` types exactly as the
 *   check reads the text (`exact`): then the one pass lets DuckDB's reader type the column.
 * Rules that are not certain on bytes are decided conservatively (the line counts as not clean).
 */
import { FOOTER_START } from './layout';
import { normaliseHeader } from './header-map';
import { RE } from './number-format';
import type { FastTest } from './csv-fast';
import { utf8SequenceAt } from './encoding';

/** DuckDB's `max_line_size` is 2 MB; cleanPrefix allows 500 k characters: 500 k bytes is stricter */
const MAX_LINE_BYTES = 500_000;

export interface CleanScanSpec {
	test: FastTest;
	/** numeric fields: file column index → field name */
	numeric: Map<number, string>;
	/** key (Gemeindeschlüssel) fields: file column index → field name */
	keys: Map<number, string>;
	/** date fields: file column index → field name (for `exact`) */
	dates?: Map<number, string>;
}

export interface NumberShapes {
	/** plain `d+,d+` values that cannot be a thousands group (prove a decimal comma) */
	comma: number;
	/** plain `d+.d+` values, likewise */
	point: number;
	/** values that are neither digits nor one of the above (signs, groups, units, spaces …) */
	other: number;
}

export interface CleanScan {
	/** data lines (= records) after the header */
	rows: number;
	/** some field starts or ends with a space or TAB (the SQL then trims) */
	padded: boolean;
	/** evidence counts as `numberEvidenceSql` gives them: `<field>:,` and `<field>:.` */
	evidence: Record<string, number>;
	shapes: Record<string, NumberShapes>;
	/** per key field: some value may be a key without its leading zero */
	keyRepairable: Record<string, boolean>;
	/**
	 * per numeric and date field: every filled value is, as written (no quote inside), a number of
	 * at most 16 characters made of digits and at most one plain mark (`shapes`: no group, sign,
	 * unit or space), or a date `dd.mm.yyyy` that exists (year 1000–9999). DuckDB's typed reader
	 * reads such a value as the check reads its text (see csv-one-pass.ts `typedReads`).
	 */
	exact: Record<string, boolean>;
}

/** first letters of the words FOOTER_START knows, lower case, and `*` */
const FOOTER_FIRST = new Set([...'sgitqhaef*'].map((c) => c.charCodeAt(0)));

/** a wide space JS `trim` removes but DuckDB's does not, as UTF-8 starting at `i` (csv-fast.ts `isWideSpace`) */
function wideSpaceAt(b: Uint8Array, i: number): boolean {
	const c = b[i];
	const b1 = b[i + 1];
	const b2 = b[i + 2];
	if (c === 0xc2) return b1 === 0xa0;
	if (c === 0xe1) return b1 === 0x9a && b2 === 0x80;
	if (c === 0xe2) return (b1 === 0x80 && (b2 <= 0x8a || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf)) || (b1 === 0x81 && b2 === 0x9f);
	if (c === 0xe3) return b1 === 0x80 && b2 === 0x80;
	if (c === 0xef) return b1 === 0xbb && b2 === 0xbf;
	return false;
}

const R = Object.fromEntries(Object.entries(RE).map(([k, v]) => [k, new RegExp(`^(?:${v})$`)])) as Record<keyof typeof RE, RegExp>;

/** `cleanSql` of validate-sql.ts in JS: the same replacements in the same order */
function cleanLikeSql(v: string): string {
	for (const ch of ['EUR', 'eur', 'Eur', '€', '%', "'", ' ', '\u00a0', '\u202f', '\t']) v = v.split(ch).join('');
	return v;
}

/** The mark a value proves by `numberEvidenceSql`'s rules (`v` trimmed, not empty). */
export function sqlEvidenceOf(v: string): ',' | '.' | null {
	if (!(v.includes('.') || v.includes(','))) return null;
	const t = cleanLikeSql(v);
	if ((R.commaDecimal.test(t) && !R.commaGroups.test(t)) || R.dotGroupsMulti.test(t)) return ',';
	if ((R.pointDecimal.test(t) && !R.dotGroups.test(t)) || R.commaGroupsMulti.test(t)) return '.';
	return null;
}

const utf8 = new TextDecoder('utf-8');
const SPACE = 1;
const HIGH = 2;
const END = 3;
const BAD = 4;

/**
 * Scans `bytes` from `from` (the first byte after the header line) to the end. Returns null as
 * soon as a line is not clean. The last line may end without a line break (the file's end).
 */
export function scanClean(bytes: Uint8Array, from: number, s: CleanScanSpec): CleanScan | null {
	const steps = scanCleanSteps(bytes, from, s);
	let r = steps.next();
	while (!r.done) r = steps.next();
	return r.value;
}

/** Where a scan stands: data lines scanned and the byte after the last of them. */
export interface ScanStep {
	rows: number;
	bytesDone: number;
	/** what the lines scanned so far give (a copy): the one-pass statement may start from it (csv-staging.ts) */
	sofar: CleanScan;
}

/**
 * `scanClean` in steps: pauses after the line that ends beyond every `stepBytes`, so a caller
 * can show progress (rows, percent) and be cancelled while a large file is scanned; the result
 * is the generator's return value.
 */
export function* scanCleanSteps(bytes: Uint8Array, from: number, s: CleanScanSpec, stepBytes = Infinity, firstStepBytes = stepBytes): Generator<ScanStep, CleanScan | null> {
	const t = s.test;
	const d = t.delimiter.charCodeAt(0);
	const qc = t.quote.charCodeAt(0);
	const double = t.escape === 'double';
	const headFirst = normaliseHeader(t.headerFirst);
	const headLen = t.headerFirst.length;
	const n = bytes.length;
	const width = t.width;
	// per field index: 0 plain, 1 numeric, 2 key, 3 date
	const role = new Uint8Array(width);
	const dates = s.dates ?? new Map<number, string>();
	for (const i of s.numeric.keys()) if (i < width) role[i] = 1;
	for (const i of s.keys.keys()) if (i < width) role[i] = 2;
	for (const i of dates.keys()) if (i < width) role[i] = 3;
	const names: string[] = new Array(width);
	for (const [i, name] of [...s.numeric, ...s.keys, ...dates]) names[i] = name;
	// per field index: still exact (see CleanScan.exact); a flag array, the scan's hot loop reads it
	const exactAt = new Uint8Array(width).fill(1);
	const exactOf = () => {
		const exact: Record<string, boolean> = {};
		for (const [i, name] of [...s.numeric, ...dates]) exact[name] = i < width && exactAt[i] === 1;
		return exact;
	};
	const shapes: Record<string, NumberShapes> = {};
	const evidence: Record<string, number> = {};
	const keyRepairable: Record<string, boolean> = {};
	for (const name of s.numeric.values()) {
		shapes[name] = { comma: 0, point: 0, other: 0 };
		evidence[name + ':,'] = 0;
		evidence[name + ':.'] = 0;
	}
	for (const name of s.keys.values()) keyRepairable[name] = false;
	// byte classes: 0 ordinary (a filled field), the rest see the constants below
	const cls = new Uint8Array(256);
	for (let c = 0; c < 32; c++) cls[c] = BAD;
	cls[9] = cls[32] = SPACE;
	for (let c = 0x80; c < 256; c++) cls[c] = HIGH;
	cls[10] = cls[13] = cls[d] = END;
	cls[qc] = BAD;
	const shapeOf = names.map((nm, i) => (role[i] === 1 ? shapes[nm] : null));

	let rows = 0;
	let padded = false;
	let crlf = -1; // -1 not known yet, 0 LF, 1 CRLF
	let pos = from;
	let nextStep = from + firstStepBytes;
	while (pos < n) {
		let i = pos;
		let fields = 0;
		let filled = 0;
		let firstStart = -1;
		let firstEnd = -1;
		let f0Start = pos;
		let f0End = pos;
		let f0Escaped = false;
		let f0Ascii = true;
		let eol = false;
		for (;;) {
			let cStart = i;
			let cEnd: number;
			let isFilled = false;
			let escaped = false;
			let ascii = true;
			if (i < n && bytes[i] === qc) {
				if (!double) return null;
				cStart = ++i;
				for (;;) {
					if (i >= n) return null; // never closed
					const c = bytes[i];
					if (c === qc) {
						if (bytes[i + 1] === qc) {
							escaped = isFilled = true;
							i += 2;
							continue;
						}
						break;
					}
					if (c < 32) {
						if (c !== 9) return null; // line break inside quotes, control character
					} else if (c !== 32) {
						isFilled = true;
						if (c >= 0x80) {
							ascii = false;
							if (c >= 0xc2 && wideSpaceAt(bytes, i)) return null;
							// a byte that starts no valid UTF-8 sequence: the file is not UTF-8 throughout
							const len = utf8SequenceAt(bytes, i);
							if (!len) return null;
							i += len;
							continue;
						}
					}
					i++;
				}
				cEnd = i++;
				if (i < n) {
					const c = bytes[i];
					if (c !== d && c !== 10 && c !== 13) return null; // text after the closing quote
				}
			} else {
				// unquoted: runs of ordinary bytes at a time (class table), the rest one by one
				for (;;) {
					const s0 = i;
					while (i < n && cls[bytes[i]] === 0) i++;
					if (i > s0) isFilled = true;
					if (i >= n) break;
					const k = cls[bytes[i]];
					if (k === SPACE) i++;
					else if (k === HIGH) {
						isFilled = true;
						ascii = false;
						if (bytes[i] >= 0xc2 && wideSpaceAt(bytes, i)) return null;
						const len = utf8SequenceAt(bytes, i);
						if (!len) return null; // not UTF-8 here (see above)
						i += len;
					} else if (k === END) break;
					else return null; // a quote inside the field, a control character
				}
				cEnd = i;
			}
			if (cEnd > cStart) {
				const a = bytes[cStart];
				const b = bytes[cEnd - 1];
				if (a === 32 || a === 9 || b === 32 || b === 9) padded = true;
			}
			if (fields < width && isFilled) {
				const r = role[fields];
				if (r === 1) {
					const sh = shapeOf[fields]!;
					const other = sh.other;
					classifyNumber(bytes, cStart, cEnd, escaped, ascii, sh, evidence, names[fields]);
					if (sh.other !== other || cEnd - cStart > 16) exactAt[fields] = 0;
				} else if (r === 3) {
					if (exactAt[fields] && !isGermanDate(bytes, cStart, cEnd)) exactAt[fields] = 0;
				} else if (r === 2 && !keyRepairable[names[fields]]) {
					let k = 0;
					for (let j = cStart; j < cEnd; j++) if (bytes[j] !== 32 && bytes[j] !== 9) k++;
					if (k === 7 || k === 11 || !ascii) keyRepairable[names[fields]] = true;
				}
			}
			if (fields === 0) {
				f0Start = cStart;
				f0End = cEnd;
				f0Escaped = escaped;
				f0Ascii = ascii;
			}
			fields++;
			if (isFilled) {
				if (filled === 0) {
					firstStart = cStart;
					firstEnd = cEnd;
				}
				filled++;
			}
			if (i >= n) break; // the file's last line, without a line break
			const c = bytes[i];
			if (c === d) {
				i++;
				continue;
			}
			eol = true;
			break;
		}
		if (i - pos > MAX_LINE_BYTES || fields !== width || filled < 2) return null;
		// a note or total line (decided at the file's end by the layout rules): not clean
		let fs = firstStart;
		while (fs < firstEnd && (bytes[fs] === 32 || bytes[fs] === 9)) fs++;
		if (FOOTER_FIRST.has(bytes[fs] | 32) && FOOTER_START.test(utf8.decode(bytes.subarray(fs, firstEnd)).trim())) return null;
		// may be the header again (a repeated header is decided by the JS parser)
		const f0Bytes = f0End - f0Start;
		if (f0Ascii ? Math.abs(f0Bytes - headLen) <= 4 : f0Bytes >= headLen - 4 && f0Bytes <= 4 * (headLen + 4)) {
			if (f0Escaped) return null;
			const f0 = utf8.decode(bytes.subarray(f0Start, f0End));
			if (Math.abs(f0.length - headLen) <= 4 && normaliseHeader(f0) === headFirst) return null;
		}
		if (eol) {
			const cr = bytes[i] === 13 ? 1 : 0;
			if (cr && bytes[i + 1] !== 10) return null; // a bare CR
			if (crlf < 0) crlf = cr;
			else if (crlf !== cr) return null; // DuckDB's reader fails on a mix of line endings
			pos = cr ? i + 2 : i + 1;
		} else pos = i;
		rows++;
		if (pos >= nextStep) {
			yield { rows, bytesDone: pos, sofar: structuredClone({ rows, padded, evidence, shapes, keyRepairable, exact: exactOf() }) };
			nextStep = pos + stepBytes;
		}
	}
	return { rows, padded, evidence, shapes, keyRepairable, exact: exactOf() };
}

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `dd.mm.yyyy`, a day that exists, year 1000–9999: what `strptime(v, '%d.%m.%Y')` reads exactly */
function isGermanDate(b: Uint8Array, start: number, end: number): boolean {
	if (end - start !== 10 || b[start + 2] !== 46 || b[start + 5] !== 46) return false;
	// digits as 0–9; any other byte gives a number above 9 (unsigned)
	const d0 = (b[start] - 48) >>> 0;
	const d1 = (b[start + 1] - 48) >>> 0;
	const m0 = (b[start + 3] - 48) >>> 0;
	const m1 = (b[start + 4] - 48) >>> 0;
	const y0 = (b[start + 6] - 48) >>> 0;
	const y1 = (b[start + 7] - 48) >>> 0;
	const y2 = (b[start + 8] - 48) >>> 0;
	const y3 = (b[start + 9] - 48) >>> 0;
	if (d0 > 9 || d1 > 9 || m0 > 9 || m1 > 9 || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9) return false;
	const day = d0 * 10 + d1;
	const month = m0 * 10 + m1;
	const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
	if (year < 1000 || month < 1 || month > 12 || day < 1 || day > DAYS[month]) return false;
	return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

/**
 * A numeric field's shape and the mark it proves. Plain shapes are classified on the bytes;
 * anything else is decoded and judged by the SQL's own rules (`sqlEvidenceOf`).
 */
function classifyNumber(b: Uint8Array, start: number, end: number, escaped: boolean, ascii: boolean, shape: NumberShapes, evidence: Record<string, number>, name: string) {
	let i = start;
	const first = b[i];
	while (i < end && b[i] >= 48 && b[i] <= 57) i++;
	const before = i - start;
	if (i === end) return; // digits only: no evidence, plain
	const mark = b[i];
	if (before > 0 && (mark === 44 || mark === 46)) {
		let j = i + 1;
		while (j < end && b[j] >= 48 && b[j] <= 57) j++;
		const after = j - i - 1;
		if (j === end && after > 0) {
			// d+<mark>d+: a thousands group when 1–3 digits (not starting with 0) and exactly 3 after
			const group = after === 3 && before <= 3 && first !== 48;
			if (!group) {
				if (mark === 44) {
					shape.comma++;
					evidence[name + ':,']++;
				} else {
					shape.point++;
					evidence[name + ':.']++;
				}
				return;
			}
			shape.other++;
			return; // a single group proves nothing
		}
	}
	shape.other++;
	if (escaped) return; // a quote character inside: no number shape can match
	let has = false;
	for (let k = start; k < end; k++) if (b[k] === 44 || b[k] === 46) has = true;
	if (!has) return;
	const v = (ascii ? String.fromCharCode(...b.subarray(start, end)) : utf8.decode(b.subarray(start, end))).trim();
	const e = v === '' ? null : sqlEvidenceOf(v);
	if (e) evidence[name + ':' + e]++;
}
