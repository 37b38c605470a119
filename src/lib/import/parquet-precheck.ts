/**
 * The Parquet pre-check (issue 8): where the batches are read (the browser: the Parquet worker),
 * each batch's typed Arrow columns are looked at, and the rows that are certainly good go to
 * DuckDB already in the kind's table's shape — appended straight into the table, so DuckDB
 * writes each of them once, as its own Parquet read would. Every other row goes the SQL way
 * (parquet-validate.ts), which stays the one home of the rules: it gives the reasons and lines.
 *
 * The pre-check is conservative. It accepts a row only where the SQL check would certainly load
 * exactly the value the file holds:
 * - a date: an Arrow DATE (days) inside the field's range;
 * - a number: an Arrow integer, float or decimal, finite, ≥ 0, within the field's maximum, whole
 *   where the field wants whole numbers, ≤ 1 for a share (a share written as 75 is divided by
 *   100 in SQL, so it goes that way); the column is handed over as it is, and DuckDB's INSERT
 *   casts it to the table's type with the same cast as the SQL path's `CAST`;
 * - a key or closed-list value: text that equals, byte for byte, one of `accepted` (values that
 *   DuckDB, running the check's own SQL, found to load as themselves: a known AGS as written, an
 *   allowed value in its canonical spelling);
 * - free text: text whose first and last characters are letters, digits, punctuation or symbols
 *   (so `trim` cannot change it); an empty text in an optional field is loaded as NULL, as the
 *   SQL path does; a missing value only in an optional field.
 * A column of another type (text numbers or dates, a key stored as a number, …) cannot be judged:
 * its whole batch goes the SQL way unchanged. So does a batch whose good and other rows alternate
 * too often (more than MAX_RUNS runs), where many small Arrow batches would cost more than they save.
 *
 * `_line` of a good row is its position in the file + 2 (header = line 1), as in the SQL path;
 * the other rows carry their position in the batch as `_pq_pos`.
 */
import { Data, DateUnit, Dictionary, Field, Float64, Int32, makeData, makeVector, Precision, RecordBatch, Schema, Struct, Table, Type, Utf8, DateDay, tableFromIPC, tableToIPC, type DataType } from 'apache-arrow';
import type { ParquetBatches } from './parquet';
import type { ColumnType } from './schemas';

/** What the pre-check needs to know of one column of the kind's table (in the table's order). */
export interface FieldRule {
	/** the column of the kind's table */
	name: string;
	type: ColumnType;
	required: boolean;
	/** the file column it is read from, or null when the file has none */
	column: string | null;
	/** dates: the allowed range as days since 1970-01-01 */
	minDay?: number;
	maxDay?: number;
	/** numbers: the largest allowed value */
	max?: number;
	/** keys and closed lists: the values that load as written */
	accepted?: string[];
}

/** Sent once per import (the page asks DuckDB for `accepted`). */
export interface PrecheckRules {
	fileName: string;
	fields: FieldRule[];
}

/** One batch, split: rows for the kind's table (its shape) and rows for the SQL checks (the file's shape). */
export interface SplitBatch {
	/** rows in the batch (null: not counted here, because there were no rules) */
	rows: number | null;
	/** Arrow IPC of the good rows in the kind's table's column order (+ `_file`, `_line`) */
	good: Uint8Array | null;
	goodRows: number;
	/** Arrow IPC of every other row, with the file's columns */
	rest: Uint8Array | null;
	/** `rest` carries `_pq_pos` (the row's position in the batch); without it, the batch's rows in order */
	positions: boolean;
}

/** A batch of good and other rows alternating more often than this goes the SQL way whole. */
export const MAX_RUNS = 2000;

/** the column that tells a row's position in its batch, in `rest` */
export const POS_COLUMN = '_pq_pos';

/** The split as Arrow tables (the pure step; `splitIPC` and the wrappers encode it). */
export interface Split {
	rows: number;
	good: Table | null;
	goodRows: number;
	rest: Table | null;
	positions: boolean;
}

const DAY = Type.Date;

/** Code points DuckDB's `trim` can never remove: letters, digits, punctuation, symbols. */
const SAFE_END = /^[\p{L}\p{N}\p{P}\p{S}]$/u;
/** a value's first (or last) character, where it is not plain printable ASCII */
function safeEndChar(values: Uint8Array, start: number, end: number, last: boolean): boolean {
	// the bytes of the first or last UTF-8 sequence
	let a = start;
	let b = start + 1;
	if (last) {
		b = end;
		a = end - 1;
		while (a > start && (values[a] & 0xc0) === 0x80) a--;
	} else {
		while (b < end && (values[b] & 0xc0) === 0x80) b++;
	}
	const ch = utf8.decode(values.subarray(a, b));
	return SAFE_END.test(ch);
}
const utf8 = new TextDecoder('utf-8', { fatal: false });
const printable = (b: number) => b > 0x20 && b < 0x7f;

/** validity of row i (bit `offset + i` of the bitmap; no bitmap = every row valid) */
function validityOf(data: Data): (i: number) => boolean {
	const bm = data.nullBitmap;
	if (!bm || bm.length === 0 || data.nullCount === 0) return () => true;
	const off = data.offset;
	return (i) => ((bm[(off + i) >> 3] >> ((off + i) & 7)) & 1) === 1;
}

/** FNV-1a over bytes start…end */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
	let h = 0x811c9dc5;
	for (let j = start; j < end; j++) h = Math.imul(h ^ bytes[j], 0x01000193);
	return h & 0x3fffffff; // a small integer: a fast Map key
}

/** `accepted` as UTF-8 byte strings by the hash of their bytes */
function hashTable(values: string[]): Map<number, Uint8Array[]> {
	const enc = new TextEncoder();
	const byHash = new Map<number, Uint8Array[]>();
	for (const v of values) {
		const b = enc.encode(v);
		if (!b.length) continue;
		const k = hashBytes(b, 0, b.length);
		(byHash.get(k) ?? byHash.set(k, []).get(k)!).push(b);
	}
	return byHash;
}
/** does bytes start…end equal one of `cands` */
function matchAny(cands: Uint8Array[], bytes: Uint8Array, start: number, end: number): boolean {
	const len = end - start;
	next: for (const c of cands) {
		if (c.length !== len) continue;
		for (let j = 0; j < len; j++) if (bytes[start + j] !== c[j]) continue next;
		return true;
	}
	return false;
}
/** byte strings of `accepted` (a hash of their bytes, then compared byte by byte) */
function byteSet(values: string[]): (bytes: Uint8Array, start: number, end: number) => boolean {
	const table = hashTable(values);
	return (bytes, start, end) => {
		if (end === start) return false;
		const cands = table.get(hashBytes(bytes, start, end));
		return cands !== undefined && matchAny(cands, bytes, start, end);
	};
}

/** Text rule for one value (bytes start…end): 'ok', 'empty' or 'bad'. */
type TextVerdict = 0 | 1 | 2;
const OK = 0;
const EMPTY = 1;
const BAD = 2;

function textVerdict(rule: FieldRule, inSet: ((b: Uint8Array, s: number, e: number) => boolean) | null): (values: Uint8Array, s: number, e: number) => TextVerdict {
	if (inSet) return (values, s, e) => (s === e ? EMPTY : inSet(values, s, e) ? OK : BAD);
	return (values, s, e) => {
		if (s === e) return EMPTY;
		const first = values[s];
		const last = values[e - 1];
		if (!(printable(first) || (first >= 0x80 && safeEndChar(values, s, e, false)))) return BAD;
		if (!(printable(last) || (last >= 0x80 && safeEndChar(values, s, e, true)))) return BAD;
		return OK;
	};
}

/**
 * Judges one column of a record batch: clears `ok[i]` for every row that is not certainly good.
 * Returns false when the column's type cannot be judged, else the rows whose empty text is to be
 * loaded as NULL (or null when there are none).
 */
function judgeColumn(data: Data, rule: FieldRule, ok: Uint8Array): false | { nullify: Uint8Array | null } {
	const n = data.length;
	const valid = validityOf(data);
	const type = data.type as DataType;
	const missing = (i: number) => {
		if (rule.required) ok[i] = 0;
	};
	const isText = rule.type === 'id' || rule.type === 'text' || rule.type === 'enum' || rule.type === 'gemeinde';
	if (isText) {
		const inSet = rule.type === 'enum' || rule.type === 'gemeinde' ? byteSet(rule.accepted ?? []) : null;
		const verdict = textVerdict(rule, inSet);
		let nullify: Uint8Array | null = null;
		const apply = (i: number, v: TextVerdict) => {
			if (v === OK) return;
			if (v === EMPTY && !rule.required && !inSet) (nullify ??= new Uint8Array(n))[i] = 1;
			else ok[i] = 0;
		};
		if (type.typeId === Type.Utf8) {
			// the common case, in one tight loop per rule (this runs for every row of the file)
			const offs = data.valueOffsets as Int32Array;
			const values = data.values as Uint8Array;
			const bm = data.nullCount > 0 && data.nullBitmap && data.nullBitmap.length ? data.nullBitmap : null;
			const off = data.offset;
			const req = rule.required;
			const table = inSet ? hashTable(rule.accepted ?? []) : null;
			for (let i = 0; i < n; i++) {
				if (bm && !((bm[(off + i) >> 3] >> ((off + i) & 7)) & 1)) {
					if (req) ok[i] = 0;
					continue;
				}
				const s = offs[i];
				const e = offs[i + 1];
				if (table) {
					let h = 0x811c9dc5;
					for (let j = s; j < e; j++) h = Math.imul(h ^ values[j], 0x01000193);
					const cands = table.get(h & 0x3fffffff);
					if (cands === undefined || !matchAny(cands, values, s, e)) ok[i] = 0;
				} else if (s === e) {
					if (req) ok[i] = 0;
					else (nullify ??= new Uint8Array(n))[i] = 1;
				} else {
					const first = values[s];
					const last = values[e - 1];
					if (!(first > 0x20 && first < 0x7f) && !(first >= 0x80 && safeEndChar(values, s, e, false))) ok[i] = 0;
					else if (!(last > 0x20 && last < 0x7f) && !(last >= 0x80 && safeEndChar(values, s, e, true))) ok[i] = 0;
				}
			}
			return { nullify };
		}
		if (type.typeId === Type.Dictionary && (type as Dictionary).dictionary.typeId === Type.Utf8 && data.dictionary) {
			// each dictionary entry is judged once
			const dict = data.dictionary;
			const verdicts: TextVerdict[] = [];
			for (const d of dict.data) {
				const offs = d.valueOffsets as Int32Array;
				const values = d.values as Uint8Array;
				const dv = validityOf(d);
				for (let j = 0; j < d.length; j++) verdicts.push(dv(j) ? verdict(values, offs[j], offs[j + 1]) : BAD);
			}
			const idx = data.values as ArrayLike<number | bigint>;
			for (let i = 0; i < n; i++) {
				if (!valid(i)) missing(i);
				else apply(i, verdicts[Number(idx[i])] ?? BAD);
			}
			return { nullify };
		}
		return false;
	}
	if (rule.type === 'date') {
		if (type.typeId !== DAY || (type as DateDay).unit !== DateUnit.DAY) return false;
		const v = data.values as Int32Array;
		const lo = rule.minDay ?? -Infinity;
		const hi = rule.maxDay ?? Infinity;
		for (let i = 0; i < n; i++) {
			if (!valid(i)) missing(i);
			else if (!(v[i] >= lo && v[i] <= hi)) ok[i] = 0;
		}
		return { nullify: null };
	}
	// numbers: a range per kind of field
	const whole = rule.type === 'int';
	// whole numbers must fit an INTEGER (the SQL path's bound is 2e9)
	const hi = Math.min(rule.type === 'rate' ? 1 : (rule.max ?? Infinity), whole ? 2e9 - 1 : Infinity);
	const inRange = (x: number) => x >= 0 && x <= hi && (!whole || Number.isInteger(x));
	if (type.typeId === Type.Int || type.typeId === Type.Float) {
		if (type.typeId === Type.Float && (type as unknown as { precision: Precision }).precision === Precision.HALF) return false;
		const bits = (type as unknown as { bitWidth?: number }).bitWidth;
		if (type.typeId === Type.Int && bits === 64) {
			// lower and upper 32 bits of each value; a value ≥ 2^32 or negative is never certainly good here
			const words = new Uint32Array((data.values as BigInt64Array).buffer, (data.values as BigInt64Array).byteOffset, n * 2);
			for (let i = 0; i < n; i++) {
				if (!valid(i)) missing(i);
				else if (words[2 * i + 1] !== 0 || !inRange(words[2 * i])) ok[i] = 0;
			}
			return { nullify: null };
		}
		const v = data.values as ArrayLike<number>;
		for (let i = 0; i < n; i++) {
			if (!valid(i)) missing(i);
			else if (!inRange(v[i])) ok[i] = 0; // NaN and ±∞ fail too
		}
		return { nullify: null };
	}
	if (type.typeId === Type.Decimal) {
		const scale = (type as unknown as { scale: number }).scale;
		const bitWidth = (type as unknown as { bitWidth: number }).bitWidth;
		if (bitWidth !== 128 || scale < 0 || scale > 15) return false;
		const p = 10 ** scale;
		const w = data.values as Uint32Array;
		const hiUnits = hi === Infinity ? Infinity : hi * p;
		for (let i = 0; i < n; i++) {
			if (!valid(i)) {
				missing(i);
				continue;
			}
			const k = 4 * i;
			// non-negative and below 2^53: the value's digits as an exact JS number
			if (w[k + 3] !== 0 || w[k + 2] !== 0 || w[k + 1] >= 0x200000) {
				ok[i] = 0;
				continue;
			}
			const units = w[k + 1] * 0x100000000 + w[k];
			if (units > hiUnits || (whole && units % p !== 0)) ok[i] = 0;
		}
		return { nullify: null };
	}
	return false;
}

/** the table's type for an all-NULL column (a field the file does not have) */
function nullColumn(rule: FieldRule, n: number): Data {
	const nullBitmap = new Uint8Array((n + 7) >> 3);
	switch (rule.type) {
		case 'date':
			return makeData({ type: new DateDay(), length: n, nullCount: n, nullBitmap, data: new Int32Array(n) });
		case 'int':
			return makeData({ type: new Int32(), length: n, nullCount: n, nullBitmap, data: new Int32Array(n) });
		case 'decimal':
		case 'rate':
			return makeData({ type: new Float64(), length: n, nullCount: n, nullBitmap, data: new Float64Array(n) });
		default:
			return makeData({ type: new Utf8(), length: n, nullCount: n, nullBitmap, valueOffsets: new Int32Array(n + 1), data: new Uint8Array(0) });
	}
}

/** the column with the marked rows set to NULL (empty text in an optional field) */
function withNulls(data: Data, nullify: Uint8Array): Data {
	const n = data.length;
	const off = data.offset;
	const valid = validityOf(data);
	const bm = new Uint8Array((off + n + 7) >> 3);
	let nulls = 0;
	for (let i = 0; i < n; i++) {
		if (valid(i) && !nullify[i]) bm[(off + i) >> 3] |= 1 << ((off + i) & 7);
		else nulls++;
	}
	return data.clone(data.type, off, n, nulls, [data.valueOffsets, data.values, bm, data.typeIds] as never, data.children);
}

/**
 * Splits one batch (the Arrow table of some whole row groups) whose first record is record
 * `firstRow + 1` of the file. Pure: the same answer in Node and in the worker.
 */
export function splitBatch(table: Table, rules: PrecheckRules, firstRow: number): Split {
	const rows = table.numRows;
	const whole = (): Split => ({ rows, good: null, goodRows: 0, rest: rows ? table : null, positions: false });
	if (rules.fields.some((f) => f.column === null && f.required)) return whole();
	if (rules.fields.some((f) => f.column !== null && !table.schema.fields.some((x) => x.name === f.column))) return whole();
	if (table.schema.fields.some((f) => f.name === POS_COLUMN)) return whole();

	const judged: { rb: RecordBatch; base: number; ok: Uint8Array; cols: Data[] }[] = [];
	let base = 0;
	let goodRows = 0;
	let runs = 0;
	for (const rb of table.batches) {
		const n = rb.numRows;
		const ok = new Uint8Array(n).fill(1);
		const cols: Data[] = [];
		for (const f of rules.fields) {
			if (f.column === null) {
				cols.push(nullColumn(f, n));
				continue;
			}
			const data = rb.getChild(f.column)!.data[0];
			const res = judgeColumn(data, f, ok);
			if (!res) return whole();
			cols.push(res.nullify ? withNulls(data, res.nullify) : data);
		}
		for (let i = 0; i < n; i++) {
			goodRows += ok[i];
			if (i === 0 || ok[i] !== ok[i - 1]) runs++;
		}
		judged.push({ rb, base, ok, cols });
		base += n;
	}
	if (goodRows === 0 || runs > MAX_RUNS) return whole();

	const fileType = new Dictionary(new Utf8(), new Int32());
	// `_file`: one dictionary entry (the file's name), an index per row
	const nameBytes = new TextEncoder().encode(rules.fileName);
	const fileVec = makeVector(makeData({ type: new Utf8(), length: 1, nullCount: 0, valueOffsets: new Int32Array([0, nameBytes.length]), data: nameBytes }));
	const goodSchema = new Schema([
		...rules.fields.map((f, j) => new Field(f.name, judged[0].cols[j].type, true)),
		new Field('_file', fileType, false),
		new Field('_line', new Int32(), false)
	]);
	const restSchema = new Schema([...table.schema.fields, new Field(POS_COLUMN, new Int32(), false)]);
	const goodBatches: RecordBatch[] = [];
	const restBatches: RecordBatch[] = [];
	for (const { rb, base, ok, cols } of judged) {
		const n = rb.numRows;
		const line = new Int32Array(n);
		const pos = new Int32Array(n);
		for (let i = 0; i < n; i++) {
			pos[i] = base + i;
			line[i] = firstRow + base + i + 2;
		}
		const lineData = makeData({ type: new Int32(), length: n, nullCount: 0, data: line });
		const posData = makeData({ type: new Int32(), length: n, nullCount: 0, data: pos });
		for (let a = 0; a < n; ) {
			let b = a + 1;
			while (b < n && ok[b] === ok[a]) b++;
			const len = b - a;
			if (ok[a]) {
				const children = [...cols.map((c) => c.slice(a, len)), makeData({ type: fileType, length: len, nullCount: 0, data: new Int32Array(len), dictionary: fileVec }), lineData.slice(a, len)];
				goodBatches.push(new RecordBatch(goodSchema, makeData({ type: new Struct(goodSchema.fields), length: len, nullCount: 0, children })));
			} else {
				const children = [...rb.data.children.map((c) => c.slice(a, len)), posData.slice(a, len)];
				restBatches.push(new RecordBatch(restSchema, makeData({ type: new Struct(restSchema.fields), length: len, nullCount: 0, children })));
			}
			a = b;
		}
	}
	return {
		rows,
		good: new Table(goodSchema, goodBatches),
		goodRows,
		rest: restBatches.length ? new Table(restSchema, restBatches) : null,
		positions: true
	};
}

/** `splitBatch` on a batch's Arrow IPC; a batch that goes the SQL way whole keeps its own bytes. */
export function splitIPC(ipc: Uint8Array, rules: PrecheckRules, firstRow: number): SplitBatch & { rows: number } {
	const table = tableFromIPC(ipc);
	const s = splitBatch(table, rules, firstRow);
	return {
		rows: s.rows,
		good: s.good ? tableToIPC(s.good, 'stream') : null,
		goodRows: s.goodRows,
		rest: s.rest === table ? ipc : s.rest ? tableToIPC(s.rest, 'stream') : null,
		positions: s.positions
	};
}

/** Parquet batches with the pre-check where they are read (a worker, or this thread in Node). */
export interface CheckedBatches {
	/** rows in the file (from its footer) */
	numRows: number;
	/** the file's columns and their types: an Arrow IPC stream without rows */
	schema: Uint8Array;
	/** the rules for every batch from now on (null: every row the SQL way); call before the first `next` */
	setRules(rules: PrecheckRules | null): Promise<void>;
	/** the next batch, split, or null after the last */
	next(): Promise<SplitBatch | null>;
	close(): void;
}
export type CheckedBatchSource = (file: { bytes: Uint8Array; blob?: Blob }, batchRows: number) => Promise<CheckedBatches>;

/** Wraps batches read in this thread (or in the worker, around its reader). */
export async function checkedBatches(src: ParquetBatches): Promise<CheckedBatches> {
	// the first batch tells the columns; it is kept for the first `next`
	let pending: Uint8Array | null;
	let schema: Uint8Array;
	try {
		pending = await src.next();
		schema = tableToIPC(tableFromIPC(pending ?? new Uint8Array(0)).slice(0, 0), 'stream');
	} catch (e) {
		src.close();
		throw e;
	}
	let rules: PrecheckRules | null = null;
	let started = false;
	let firstRow = 0;
	return {
		numRows: src.numRows,
		schema,
		async setRules(r) {
			if (started) throw new Error('pre-check rules set after the first batch');
			rules = r;
		},
		async next() {
			started = true;
			const ipc = pending ?? (await src.next());
			pending = null;
			if (!ipc) return null;
			if (!rules) return { rows: null, good: null, goodRows: 0, rest: ipc, positions: false };
			const s = splitIPC(ipc, rules, firstRow);
			firstRow += s.rows;
			return s;
		},
		close() {
			pending = null;
			src.close();
		}
	};
}
