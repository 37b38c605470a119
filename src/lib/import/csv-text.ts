/**
 * CSV text → records with the line a text editor shows, so every rejection can point at the
 * right line even when quoted fields span lines. The dialect (delimiter, quote, escape) is found
 * from many lines by `sniffDialect`; CRLF, LF or CR line ends.
 *
 * An opening quote that is never closed (or whose field runs past `maxQuotedLines` lines, or
 * whose record then has the wrong number of fields) does not swallow the rest of the file: the
 * physical line where it starts becomes one broken record (`error: 'unclosed_quote'`) and parsing
 * starts again on the next line, so every following row is read normally.
 */
export interface CsvDialect {
	delimiter: string;
	quote: '"' | "'";
	/** `""` inside a quoted field (RFC 4180) or `\"` (also accepts `""`) */
	escape: 'double' | 'backslash';
	/** most delimiters are followed by a space (`, `); spaces before a quote are skipped either way */
	spaceAfter: boolean;
}

export interface CsvRecord {
	/** 1-based line on which the record starts */
	line: number;
	/** 1-based line on which the record ends (> line when a quoted field spans lines) */
	endLine: number;
	fields: string[];
	/** set when the record is a line whose quote was never closed; `fields` then holds the raw line */
	error?: 'unclosed_quote';
}

export const DELIMITERS = [';', ',', '\t', '|'] as const;
export const DEFAULT_DIALECT: CsvDialect = { delimiter: ';', quote: '"', escape: 'double', spaceAfter: false };

export interface ParseOptions {
	/** stop after this many records */
	limit?: number;
	/** the header's field count: a multi-line record with another count is treated as an unclosed quote */
	width?: number;
	/** a quoted field may span at most this many lines (default 20) */
	maxQuotedLines?: number;
}

const LF = 10;
const CR = 13;

function asDialect(d: string | CsvDialect): CsvDialect {
	return typeof d === 'string' ? { ...DEFAULT_DIALECT, delimiter: d } : d;
}

/** Parses the text into records (blank lines included, as records with one empty field). */
export function parseCsv(text: string, dialect: string | CsvDialect, opts: ParseOptions | number = {}): CsvRecord[] {
	const o: ParseOptions = typeof opts === 'number' ? { limit: opts } : opts;
	const dl = asDialect(dialect);
	const limit = o.limit ?? Infinity;
	const maxQuotedLines = o.maxQuotedLines ?? 20;
	const d = dl.delimiter.charCodeAt(0);
	const qc = dl.quote.charCodeAt(0);
	const backslash = dl.escape === 'backslash';
	const n = text.length;
	const out: CsvRecord[] = [];
	let i = 0;
	let line = 1;

	/** end of the physical line starting at `from` (index of its line break or n) */
	const eolAt = (from: number) => {
		let e = from;
		while (e < n) {
			const c = text.charCodeAt(e);
			if (c === LF || c === CR) break;
			e++;
		}
		return e;
	};
	const skipBreak = (e: number) => {
		if (e < n && text.charCodeAt(e) === CR) e++;
		if (e < n && text.charCodeAt(e) === LF) e++;
		return e;
	};

	while (i < n && out.length < limit) {
		const start = line;
		const fields: string[] = [];
		let cur = i;
		let curLine = line;
		let broken = false;
		let quotedMulti = false;
		for (;;) {
			// a quote may follow spaces after the delimiter (", " dialects)
			let s = cur;
			while (s < n && text.charCodeAt(s) === 32 && d !== 32) s++;
			if (s < n && text.charCodeAt(s) === qc) {
				let j = s + 1;
				let buf = '';
				let closed = false;
				for (;;) {
					let qpos = text.indexOf(dl.quote, j);
					const bpos = backslash ? text.indexOf('\\', j) : -1;
					if (bpos >= 0 && (qpos < 0 || bpos < qpos)) {
						const next = text.charCodeAt(bpos + 1);
						if (next === qc || next === 92) {
							buf += text.slice(j, bpos) + text[bpos + 1];
							j = bpos + 2;
						} else {
							buf += text.slice(j, bpos + 1);
							j = bpos + 1;
						}
						continue;
					}
					if (qpos < 0) break;
					buf += text.slice(j, qpos);
					if (text.charCodeAt(qpos + 1) === qc) {
						buf += dl.quote;
						j = qpos + 2;
						continue;
					}
					j = qpos + 1;
					closed = true;
					qpos = -1;
					break;
				}
				if (!closed) {
					broken = true;
					break;
				}
				let lines = 0;
				for (let k = 0; k < buf.length; k++) {
					const c = buf.charCodeAt(k);
					if (c === LF || (c === CR && buf.charCodeAt(k + 1) !== LF)) lines++;
				}
				if (lines > 0) quotedMulti = true;
				curLine += lines;
				if (curLine - start >= maxQuotedLines) {
					broken = true;
					break;
				}
				// anything between the closing quote and the delimiter is kept, as spreadsheets do
				let e = j;
				while (e < n) {
					const c = text.charCodeAt(e);
					if (c === d || c === LF || c === CR) break;
					e++;
				}
				const tail = text.slice(j, e);
				fields.push(tail.trim() === '' ? buf : buf + tail);
				cur = e;
			} else {
				let e = cur;
				while (e < n) {
					const c = text.charCodeAt(e);
					if (c === d || c === LF || c === CR) break;
					e++;
				}
				fields.push(text.slice(cur, e));
				cur = e;
			}
			if (cur < n && text.charCodeAt(cur) === d) {
				cur++;
				continue;
			}
			break;
		}
		if (!broken && quotedMulti && o.width !== undefined) {
			let w = fields.length;
			while (w > o.width && fields[w - 1].trim() === '') w--;
			if (w !== o.width) broken = true;
		}
		if (broken) {
			// the quote of this line was never closed: only this physical line is lost
			const e = eolAt(i);
			out.push({ line: start, endLine: start, fields: [text.slice(i, e)], error: 'unclosed_quote' });
			i = skipBreak(e);
			line = start + 1;
			continue;
		}
		i = skipBreak(cur);
		out.push({ line: start, endLine: curLine, fields });
		line = curLine + 1;
	}
	return out;
}

const isBlank = (r: CsvRecord) => !r.error && r.fields.every((f) => f.trim() === '');

/** Text of a sample: the first `bytes` characters cut at a line end (many lines, not only the first). */
export function sampleOf(text: string, chars = 256 * 1024): string {
	if (text.length <= chars) return text;
	const cut = text.lastIndexOf('\n', chars);
	return text.slice(0, cut > 0 ? cut + 1 : chars);
}

/** How consistently a delimiter splits the sample: records with the most common field count (≥ 2). */
function consistency(sample: string, dialect: CsvDialect): { score: number; width: number } {
	const recs = parseCsv(sample, dialect, { limit: 2000 }).filter((r) => !isBlank(r));
	const counts = new Map<number, number>();
	let broken = 0;
	for (const r of recs) {
		if (r.error) broken++;
		else if (r.fields.length > 1) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
	}
	let width = 0;
	let best = 0;
	for (const [w, c] of counts) if (c > best || (c === best && w > width)) ((best = c), (width = w));
	return { score: best - broken, width };
}

function countMatches(s: string, re: RegExp): number {
	let c = 0;
	for (const _ of s.matchAll(re)) c++;
	return c;
}

const reEsc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds delimiter, quote and escape from the sample's lines: the delimiter that splits most
 * lines into the same number (≥ 2) of fields; the quote character that encloses more whole
 * fields; backslash escapes when `\"` occurs more often than `""` inside fields.
 */
export function sniffDialect(text: string): CsvDialect {
	const sample = sampleOf(text);
	let best: CsvDialect = DEFAULT_DIALECT;
	let bestScore = -Infinity;
	let bestWidth = 0;
	for (const delimiter of DELIMITERS) {
		for (const quote of ['"', "'"] as const) {
			const dl: CsvDialect = { delimiter, quote, escape: 'double', spaceAfter: false };
			const { score, width } = consistency(sample, dl);
			if (width < 2) continue;
			if (score > bestScore || (score === bestScore && width > bestWidth)) {
				bestScore = score;
				bestWidth = width;
				best = dl;
			}
		}
	}
	const D = reEsc(best.delimiter);
	// fields that open with the quote (after a delimiter or at a line start) and fields that close
	// with it (before a delimiter or a line end); a quoted field spanning lines counts too
	const enclosed = (q: string) => {
		const Qe = reEsc(q);
		const opens = countMatches(sample, new RegExp(`(?:^|${D})[ ]*${Qe}`, 'gm'));
		const closes = countMatches(sample, new RegExp(`${Qe}[ ]*(?=${D}|\\r|\\n|$)`, 'gm'));
		return Math.min(opens, closes);
	};
	const quote: CsvDialect['quote'] = enclosed("'") > enclosed('"') ? "'" : '"';
	const Q = reEsc(quote);
	const bs = countMatches(sample, new RegExp(`\\\\${Q}(?![ ]*(?:${D}|\\r|\\n|$))`, 'gm'));
	const dbl = countMatches(sample, new RegExp(`[^${D}\\s${Q}]${Q}${Q}[^${D}\\s${Q}]`, 'gm'));
	const escape: CsvDialect['escape'] = bs > dbl ? 'backslash' : 'double';
	const all = countMatches(sample, new RegExp(D, 'g'));
	const spaced = countMatches(sample, new RegExp(`${D} `, 'g'));
	return { delimiter: best.delimiter, quote, escape, spaceAfter: best.delimiter !== ' ' && all > 0 && spaced / all >= 0.8 };
}

/** Delimiter only (kept for callers that need just that). */
export function sniffDelimiter(text: string): string {
	return sniffDialect(text).delimiter;
}

export { isBlank };
