/**
 * The CSV/text reader of `read-file.ts`, chunk by chunk: the same rules (encoding decided from
 * the whole file, dialect from the first 256 K characters, header in the first lines, preamble /
 * repeated header / footer lines, unclosed quotes, field counts) without ever holding the file as
 * one string or its rows as one array. Each chunk of rows leaves as an Arrow IPC stream for the
 * staging table `stg`, so the import can run in a Web Worker (csv-stream.worker.ts) and the
 * database gets the rows while the next chunk is parsed. Node tests call `csvChunks` directly;
 * `tests/unit/import-stream.test.ts` checks that it gives what `readTabular` gives.
 *
 * Records crossing a chunk's end: a quoted field may span at most `maxQuotedLines` (20) lines,
 * so a record starting more than 21 lines before the chunk's last line break is decided by the
 * text the chunk holds; later records are parsed again with the next chunk.
 */
import { parseCsv, sampleOf, sniffDialect, isBlank, type CsvDialect, type CsvRecord } from './csv-text';
import { BinaryFileError, type EncodingNote } from './encoding';
import type { HeaderMatch } from './header-map';
import { isNoteLike, locateTable, repeatedHeaderTest, type SkippedLine } from './layout';
import type { ImportProfile } from './profile';
import { checkShape, FatalImport, matchFor, type BrokenRow } from './read-file';
import type { Dialect, LineAccount } from './report';
import { stagingIPC, type StagedRow } from './staging';
import { cleanPrefix, type FastTest } from './csv-fast';
import { countBreaks, decideEncoding, decodePieces, provisionalEncoding, lastBreakEnd, lineOffset, startOfLastLines, utf8Length } from './text-pieces';
import { scanCleanSteps, type CleanScan } from './csv-clean-scan';
import { onePassOffer, onePassPossible } from './csv-one-pass-offer';

/**
 * bytes decoded and parsed per step (a 1 M-row, 88 MB file: 256 kB, then 6 steps of 16 MB). The
 * first step stays small: it is parsed in JS whole (the header is decided there, while DuckDB
 * waits: 4 MB cost 1–1.6 s of JS before DuckDB had a row); later steps
 * hand their clean lines to DuckDB, which reads fewer, larger runs faster (staging 1 M rows in
 * Node: 2.9–4.1 s with 16 MB steps against 4.0–5.9 s with 4 MB, same minutes).
 */
export const DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024;
const FIRST_CHUNK_BYTES = 64 * 1024;
/** dialect and header are decided from this much of the file (decoded apart from the steps) */
export const HEAD_BYTES = 4 * 1024 * 1024;
const MAX_QUOTED_LINES = 20;
/** bytes the one-pass scan covers between two progress events */
const SCAN_STEP_BYTES = 4 * 1024 * 1024;
/** the first pause comes sooner: its guess starts the one INSERT (about 2.800 lines of a German export) */
const FIRST_SCAN_STEP_BYTES = 256 * 1024;
/** lines the JS parser takes at a time while the DuckDB fast path is on (≥ MAX_QUOTED_LINES + 2) */
const JS_WINDOW_LINES = 32;

export interface StreamHead {
	dialect: Dialect;
	csv: CsvDialect;
	header: string[];
	headerLine: number;
	/** the kind's match, null when the header fits no kind (then no rows follow) */
	match: HeaderMatch | null;
	candidates: HeaderMatch[];
}

export interface StreamChunk {
	/** Arrow IPC stream of the chunk's well-formed rows (`stagingIPC`); null when it has none */
	ipc: Uint8Array | null;
	/** the rows themselves, only when asked for (`keepRows`) */
	rows?: StagedRow[];
	firstRow: number;
	rowCount: number;
	/** rows read so far (staged + broken) */
	rowsRead: number;
	bytesDone: number;
	bytesTotal: number;
	/**
	 * clean lines for DuckDB to split (csv-fast.ts): UTF-8 bytes, staged after the chunk's
	 * `ipc` rows as `_row` firstRow…, `_line` firstLine… (consecutive lines)
	 */
	fast?: { csv: Uint8Array; firstRow: number; firstLine: number; rows: number; padded: boolean; test: FastTest };
}

export interface StreamEnd {
	broken: BrokenRow[];
	skipped: SkippedLine[];
	lines: LineAccount;
	encodingNotes: EncodingNote[];
	rowsStaged: number;
}

/**
 * The one-pass offer (csv-one-pass.ts): the file's data lines as its own UTF-8 bytes, sent before
 * the scan decides, so the database can take them in meanwhile.
 */
export interface StreamWhole {
	/** the data lines' bytes (a copy); absent when the stream was asked for none (`wholeBytes: false`) */
	csv?: Uint8Array;
	/** where the data lines start in the file's bytes */
	from: number;
	/** file line of the first data line */
	firstLine: number;
	test: FastTest;
}

export type StreamEvent =
	| ({ type: 'head' } & StreamHead)
	| ({ type: 'whole' } & StreamWhole)
	/** the scan of every data line: clean (then `end` follows, no chunks) or null (chunks follow, as without the offer) */
	| { type: 'verdict'; scan: CleanScan | null }
	/**
	 * the one-pass scan's progress: data lines scanned so far; the first carries `guess`, what
	 * the lines scanned so far give, so the one statement can start before the scan ends
	 */
	| { type: 'scanning'; rowsRead: number; bytesDone: number; bytesTotal: number; guess?: CleanScan }
	| ({ type: 'chunk' } & StreamChunk)
	| ({ type: 'end' } & StreamEnd);

export interface StreamOptions {
	profile?: ImportProfile;
	chunkBytes?: number;
	/** also return each chunk's rows as JS objects (tests, and finding rejected rows again) */
	keepRows?: boolean;
	/** build no Arrow IPC (finding rejected rows again) */
	noIpc?: boolean;
	/** let DuckDB split clean lines (csv-fast.ts); default on unless `keepRows` or `noIpc` */
	fast?: boolean;
	/** offer a file whose data lines are all clean for the one-pass load (csv-one-pass.ts); default on with `fast` */
	onePass?: boolean;
	/** the one-pass scan pauses (progress, and the first pause's guess) after every this many bytes; small in tests */
	scanStepBytes?: number;
	/** false: the one-pass offer carries no copy of the data lines (the caller reads them from the picked File) */
	wholeBytes?: boolean;
	/** the whole file's size when `bytes` is only its first part (csv-stream-peek.ts): the one pass's size limit applies to it */
	totalBytes?: number;
	/** a file that may go the one-pass way is judged UTF-8 from this many bytes first (default 4 MB; small in tests) */
	provisionalBytes?: number;
}

/** clean lines of a text (csv-fast.ts), from file line `firstLine` */
interface FastLines {
	fast: true;
	text: string;
	/** the same lines as the file's own bytes (valid UTF-8 files: no encoding back from text) */
	bytes?: Uint8Array;
	firstLine: number;
	count: number;
	padded: boolean;
}

/**
 * Streams a CSV/text file: one `head` event (dialect, header, kind), then `chunk` events with
 * staged rows, then `end` (broken rows, skipped lines, line account, encoding notes).
 * Throws FatalImport like readTabular (binary, empty). Yields no chunks when no kind fits.
 */
export function* csvChunks(bytes: Uint8Array, opts: StreamOptions = {}): Generator<StreamEvent> {
	const profile = opts.profile;
	const chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
	if (bytes.length === 0) throw new FatalImport('empty_file');
	let enc;
	try {
		// a file that may go the one-pass way: UTF-8 judged from its first 4 MB, the rest by the scan
		enc = onePassPossible(bytes, opts) ? provisionalEncoding(bytes, opts.provisionalBytes ?? HEAD_BYTES) : decideEncoding(bytes, profile?.encoding);
	} catch (e) {
		if (e instanceof BinaryFileError) throw new FatalImport('binary_file');
		throw e;
	}
	const pieces = decodePieces(bytes, enc.mode, enc.start, chunkBytes, Math.min(chunkBytes, FIRST_CHUNK_BYTES));
	// dialect and header from the first 4 MB (or the whole file), decoded apart from the chunks
	const headPiece = decodePieces(bytes, enc.mode, enc.start, HEAD_BYTES).next();
	let headText = headPiece.done ? '' : headPiece.value.text;
	if (!headPiece.done && headPiece.value.bytesDone < bytes.length) headText = headText.slice(0, lastBreakEnd(headText));
	headText = headText.replace(/^\ufeff/, '');
	const notes: EncodingNote[] = [];
	let carry = '';
	let done = false;
	let bytesDone = 0;
	/** the next text to parse (ends at a line break unless it is the file's end) and whether it is the last */
	const nextText = (): { text: string; last: boolean } | null => {
		while (!done) {
			const p = pieces.next();
			if (p.done) {
				done = true;
				break;
			}
			for (const x of p.value.notes) notes.push(x); // no spread: a chunk may hold 100 k+ entries
			bytesDone = p.value.bytesDone;
			const t = carry + p.value.text;
			const cut = lastBreakEnd(t);
			if (cut === 0) {
				carry = t;
				continue;
			}
			carry = t.slice(cut);
			return { text: t.slice(0, cut), last: false };
		}
		if (carry === '') return null;
		const t = carry;
		carry = '';
		return { text: t, last: true };
	};

	// ---- head ----
	if (headText.trim() === '' && (headPiece.done || headPiece.value.bytesDone >= bytes.length)) throw new FatalImport('empty_file');
	const first = nextText();
	if (first) first.text = first.text.replace(/^\ufeff/, '');
	const sniffed = sniffDialect(sampleOf(headText));
	const csv: CsvDialect = {
		delimiter: profile?.delimiter ?? sniffed.delimiter,
		quote: profile?.quote ?? sniffed.quote,
		escape: profile?.escape ?? sniffed.escape,
		spaceAfter: sniffed.spaceAfter
	};
	const probe = locateTable(parseCsv(headText, csv, { limit: 200 }), csv.delimiter, { headerLine: profile?.headerLine });
	const width = probe.header?.fields.length;

	// ---- records in order, with file line numbers ----
	let pending: { text: string; last: boolean } | null = first;
	let parsedBytes = 0;
	let lineBase = 1;
	/**
	 * valid UTF-8 without BOM: the text is the file's bytes decoded, so clean lines are handed on
	 * as the file's own bytes from `textByte` (where `pending.text` starts) instead of encoded again
	 */
	const byteExact = enc.mode.kind === 'utf8' && !enc.mode.strays && enc.start === 0;
	let textByte = 0;
	/** set once the header is known and a kind fits: clean lines may go to DuckDB */
	let fastTest: FastTest | null = null;
	const encoder = new TextEncoder();
	function* records(): Generator<CsvRecord[] | FastLines> {
		while (pending) {
			let { text, last } = pending;
			if (fastTest) {
				// the clean lines at the start, but not the last 21 of a text that continues (they are
				// parsed again with the next text, as below)
				const stop = last ? text.length : startOfLastLines(text, MAX_QUOTED_LINES + 1);
				const pre = cleanPrefix(text, stop, fastTest);
				if (pre.lines > 0) {
					const out: FastLines = { fast: true, text: text.slice(0, pre.end), firstLine: lineBase, count: pre.lines, padded: pre.padded };
					if (byteExact) {
						const len = utf8Length(text, pre.end);
						out.bytes = bytes.subarray(textByte, textByte + len);
						// clean lines start after a line break and end with one: a wrong offset is an error, never other bytes
						if (bytes[textByte + len - 1] !== 10 || (textByte > 0 && bytes[textByte - 1] !== 10)) throw new Error(`internal: clean lines at byte ${textByte} are not whole lines`);
						textByte += len;
					}
					lineBase += pre.lines;
					pending = { text: text.slice(pre.end), last };
					if (pending.text === '') {
						const next = last ? null : nextText();
						pending = next;
					}
					parsedBytes = pending ? bytesDone : bytes.length;
					yield out;
					continue;
				}
			}
			// with the fast path on, the JS parser takes a window of lines after a line that is not
			// clean, then the scan for clean lines goes on (not the whole rest of the text)
			let tail = '';
			if (fastTest) {
				const cut = lineOffset(text, JS_WINDOW_LINES + 1);
				if (cut < text.length) {
					tail = text.slice(cut);
					text = text.slice(0, cut);
					last = false;
				}
			}
			const recs = parseCsv(text, csv, { width });
			let keep = recs.length;
			let rest = '';
			if (!last) {
				let lines = 0;
				for (let i = 0; i < text.length; i++) {
					const c = text.charCodeAt(i);
					if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
				}
				const limit = lines - MAX_QUOTED_LINES - 1;
				keep = 0;
				while (keep < recs.length && recs[keep].line <= limit) keep++;
				if (keep < recs.length) rest = text.slice(lineOffset(text, recs[keep].line));
				else rest = '';
				const consumed = keep < recs.length ? recs[keep].line - 1 : lines;
				if (byteExact) textByte += utf8Length(text, text.length - rest.length);
				const out = recs.slice(0, keep);
				for (const r of out) ((r.line += lineBase - 1), (r.endLine += lineBase - 1));
				lineBase += consumed;
				parsedBytes = bytesDone; // the bytes of this text (roughly: its last lines go again with the next)
				const wasLast = pending!.last;
				yield out;
				// the next text is decoded only now: the one-pass offer after the head needs none of it
				if (tail) pending = { text: rest + tail, last: wasLast };
				else {
					const next = nextText();
					pending = next ? { text: rest + next.text, last: next.last } : rest ? { text: rest, last: true } : null;
				}
			} else {
				for (const r of recs) ((r.line += lineBase - 1), (r.endLine += lineBase - 1));
				parsedBytes = bytes.length;
				pending = null;
				yield recs;
			}
		}
	}

	// ---- layout, streamed (same decisions as locateTable) ----
	const skipped: SkippedLine[] = [];
	const footers: CsvRecord[] = [];
	const text = (r: CsvRecord) => (r.error ? r.fields[0] : r.fields.join(csv.delimiter)).trim();
	const span = (r: CsvRecord) => r.endLine - r.line + 1;
	let blank = 0;
	let total = 0;
	let dataLines = 0;
	let skippedLines = 0;
	let header: CsvRecord | null = null;
	let isRepeatedHeader: (r: CsvRecord) => boolean = () => false;
	let match: HeaderMatch | null = null;
	const broken: BrokenRow[] = [];
	let rowsStaged = 0;
	const mapping = () => [{ mapping: match?.mapping ?? new Map<number, string>(), rows: [] as StagedRow[] }];

	const it = records();
	let firstRecs = it.next();
	let headerDone = false;
	const queue: CsvRecord[] = [];
	const take = (r: CsvRecord, out: CsvRecord[]) => {
		if (isRepeatedHeader(r)) {
			skipped.push({ line: r.line, kind: 'repeated_header', text: text(r) });
			skippedLines += span(r);
		} else {
			out.push(r);
			dataLines += span(r);
		}
	};
	while (!firstRecs.done || queue.length) {
		const item = firstRecs.done ? [] : firstRecs.value;
		const fastLines = Array.isArray(item) ? null : item;
		const recs = Array.isArray(item) ? item : [];
		const data: CsvRecord[] = [];
		if (fastLines) {
			// clean lines are data rows: note-like records held back so far were data after all
			for (const f of footers) take(f, data);
			footers.length = 0;
			total = fastLines.firstLine + fastLines.count - 1;
			dataLines += fastLines.count;
		}
		for (const r of recs) {
			total = r.endLine;
			if (isBlank(r)) {
				blank += span(r);
				continue;
			}
			if (!headerDone) {
				queue.push(r);
				continue;
			}
			if (isNoteLike(r)) {
				footers.push(r);
				continue;
			}
			for (const f of footers) take(f, data);
			footers.length = 0;
			take(r, data);
		}
		if (!headerDone) {
			// the header: among the first records, as locateTable decides it (line fixed by the probe)
			const enough = firstRecs.done || (queue.length > 0 && queue[queue.length - 1].line > Math.max(probe.header?.line ?? 0, 30));
			if (!enough) {
				firstRecs = it.next();
				continue;
			}
			headerDone = true;
			if (queue.length === 0) throw new FatalImport('empty_file');
			const lay = locateTable(queue, csv.delimiter, { headerLine: probe.header?.line });
			header = lay.header!;
			const h = queue.indexOf(header);
			isRepeatedHeader = repeatedHeaderTest(header);
			for (const r of queue.slice(0, h)) {
				skipped.push({ line: r.line, kind: 'preamble', text: text(r) });
				skippedLines += span(r);
			}
			const mf = matchFor(header.fields, profile);
			match = mf.match;
			if (match && (opts.fast ?? !(opts.keepRows || opts.noIpc))) fastTest = { delimiter: csv.delimiter, quote: csv.quote, escape: csv.escape, width: header.fields.length, headerFirst: header.fields[0] ?? '' };
			yield {
				type: 'head',
				dialect: { format: 'csv', encoding: enc.encoding, delimiter: csv.delimiter, quote: csv.quote, escape: csv.escape, spaceAfter: csv.spaceAfter, headerLine: header.line },
				csv,
				header: header.fields,
				headerLine: header.line,
				match,
				candidates: mf.candidates
			};
			if (fastTest && match && !header.error && opts.onePass !== false) {
				const whole = onePassOffer(bytes, enc, header.endLine, fastTest, match, opts.totalBytes);
				if (whole) {
					// a copy: the database takes the buffer it is given
					yield { type: 'whole', ...(opts.wholeBytes !== false ? { csv: bytes.slice(whole.from) } : {}), from: whole.from, firstLine: header.endLine + 1, test: fastTest };
					// progress while the file is scanned (the one statement after it reports none)
					const steps = scanCleanSteps(bytes, whole.from, whole.spec, opts.scanStepBytes ?? SCAN_STEP_BYTES, opts.scanStepBytes ?? FIRST_SCAN_STEP_BYTES);
					let step = steps.next();
					for (let first = true; !step.done; step = steps.next(), first = false) {
						yield { type: 'scanning', rowsRead: step.value.rows, bytesDone: step.value.bytesDone, bytesTotal: opts.totalBytes ?? bytes.length, ...(first ? { guess: step.value.sofar } : {}) };
					}
					const scan = step.value;
					yield { type: 'verdict', scan };
					if (scan) {
						yield {
							type: 'end',
							broken: [],
							skipped,
							lines: { total: header.endLine + scan.rows, header: span(header), blank, skipped: skippedLines, data: scan.rows },
							encodingNotes: [],
							rowsStaged: scan.rows
						};
						return;
					}
				}
			}
			if (enc.provisional) {
				// the file is read in chunks: its encoding is decided over the whole file first
				const full = decideEncoding(bytes);
				if (JSON.stringify(full.mode) !== JSON.stringify(enc.mode) || full.start !== enc.start) {
					// not UTF-8 throughout: read again from the start (a new head, with the encoding found)
					yield* csvChunks(bytes, { ...opts, onePass: false });
					return;
				}
			}
			for (const r of queue.slice(h + 1)) {
				if (isNoteLike(r)) {
					footers.push(r);
					continue;
				}
				for (const f of footers) take(f, data);
				footers.length = 0;
				take(r, data);
			}
			queue.length = 0;
		}
		// no kind: the file is only counted (its line account goes into the report)
		const shape = match ? checkShape(data, header!.fields.length, false) : { ok: [], broken: [] };
		for (const b of shape.broken) broken.push(b);
		const firstRow = rowsStaged + 1;
		rowsStaged += shape.ok.length;
		const segs = mapping();
		segs[0].rows = shape.ok;
		let fast: StreamChunk['fast'];
		if (fastLines) {
			// a copy of the file's bytes (the database takes the buffer it is given)
			fast = { csv: fastLines.bytes ? fastLines.bytes.slice() : encoder.encode(fastLines.text), firstRow: rowsStaged + 1, firstLine: fastLines.firstLine, rows: fastLines.count, padded: fastLines.padded, test: fastTest! };
			rowsStaged += fastLines.count;
		}
		yield {
			type: 'chunk',
			ipc: opts.noIpc || shape.ok.length === 0 || !match ? null : stagingIPC(match.spec, segs, firstRow),
			rows: opts.keepRows ? shape.ok : undefined,
			fast,
			firstRow,
			rowCount: shape.ok.length + (fast?.rows ?? 0),
			rowsRead: rowsStaged + broken.length,
			bytesDone: parsedBytes,
			bytesTotal: bytes.length
		};
		if (firstRecs.done) break;
		firstRecs = it.next();
	}
	if (!header) throw new FatalImport('empty_file');
	// notes below the data: the trailing block of note-like records
	for (const r of footers) {
		skipped.push({ line: r.line, kind: 'footer', text: text(r) });
		skippedLines += span(r);
	}
	yield {
		type: 'end',
		broken,
		skipped,
		lines: { total, header: span(header), blank, skipped: skippedLines, data: dataLines },
		encodingNotes: notes,
		rowsStaged
	};
}

/** Picks the rows with the given `_row` ids out of a fresh stream over the same file. */
export function rowsFromStream(events: Iterable<StreamEvent>, ids: number[]): Map<number, StagedRow> {
	const want = new Set(ids);
	const out = new Map<number, StagedRow>();
	if (!want.size) return out;
	for (const e of events) {
		if (e.type !== 'chunk' || !e.rows) continue;
		e.rows.forEach((r, i) => {
			if (want.has(e.firstRow + i)) out.set(e.firstRow + i, r);
		});
		if (out.size === want.size) break;
	}
	return out;
}
