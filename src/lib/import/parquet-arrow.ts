/**
 * Parquet → Arrow with hyparquet (pure JavaScript, no wasm), giving the Arrow types parquet-wasm
 * (arrow-rs) gives for the same file, so DuckDB makes the same table from either (tested in
 * tests/unit/parquet-reader-equal.test.ts).
 *
 * hyparquet converts values into JavaScript objects (a DECIMAL into a rounded double, a DATE into
 * a `Date`, text into strings that Arrow would encode again). So every top-level leaf column is
 * read with its annotations taken off (`rawMetadata`): hyparquet then hands back the physical
 * values (int32 / bigint / double / boolean / bytes), and the column's original annotations
 * decide the Arrow type here (`leafField`). A DECIMAL 12500.50 becomes the Decimal128 1250050
 * with scale 2, exactly as in the file.
 *
 * Nested columns (LIST, MAP, groups) cannot be a field of any import kind; they are assembled by
 * hyparquet and given as JSON text (parquet-wasm gave them as Arrow List/Struct). Text columns
 * are checked to be UTF-8 (parquet-wasm refused a file with invalid UTF-8 in a STRING column;
 * so does this reader).
 */
import { parquetMetadata, parquetMetadataAsync, parquetRead, type AsyncBuffer, type ColumnData, type FileMetaData, type SchemaElement, type Compressors } from 'hyparquet';
import { gunzip } from 'hyparquet-compressors/src/gzip.js';
import { decompressLz4, decompressLz4Raw } from 'hyparquet-compressors/src/lz4.js';
import { decompressBrotli } from 'hyparquet-compressors/src/brotli.js';
import { decompress as decompressZstd } from 'fzstd';
import { Binary, Bool, DateDay, Decimal, Field, FixedSizeBinary, Float32, Float64, Int16, Int32, Int64, Int8, RecordBatch, Schema, Struct, Table, Time, TimeUnit, Timestamp, Uint16, Uint32, Uint64, Uint8, Utf8, makeData, tableToIPC, type Data, type DataType } from 'apache-arrow';
import { validUtf8 } from './encoding';

/**
 * Codecs beyond hyparquet's own SNAPPY (DuckDB, pyarrow and pandas write SNAPPY by default, Polars
 * ZSTD; GZIP, LZ4 and BROTLI are options of all of them). LZO is written by nothing current.
 */
const COMPRESSORS: Compressors = {
	GZIP: (input, length) => gunzip(input, new Uint8Array(length)),
	ZSTD: (input) => decompressZstd(input),
	LZ4: decompressLz4,
	LZ4_RAW: decompressLz4Raw,
	BROTLI: decompressBrotli
};

/** A Parquet file as hyparquet reads it: the whole bytes or a Blob read piece by piece. */
export function asyncBufferOf(file: { bytes: Uint8Array; blob?: Blob }): AsyncBuffer {
	const { blob, bytes } = file;
	if (blob) return { byteLength: blob.size, slice: (s, e) => blob.slice(s, e).arrayBuffer() };
	return { byteLength: bytes.length, slice: (s, e) => bytes.slice(s, e).buffer as ArrayBuffer };
}

/** One top-level column: its Arrow field and how to turn hyparquet's values into Arrow data. */
interface ColumnPlan {
	field: Field;
	build: (values: ArrayLike<unknown>) => Data;
}

export interface ParquetPlan {
	metadata: FileMetaData;
	/** the metadata hyparquet reads with: top-level leaves without annotations */
	raw: FileMetaData;
	columns: ColumnPlan[];
	schema: Schema;
	/** rows of each row group */
	groupRows: number[];
}

export async function readParquetPlan(file: AsyncBuffer | ArrayBuffer): Promise<ParquetPlan> {
	const metadata = file instanceof ArrayBuffer ? parquetMetadata(file, { geoparquet: false }) : await parquetMetadataAsync(file, { geoparquet: false });
	const raw = rawMetadata(metadata);
	const columns = topLevel(metadata.schema).map(({ element, leaf }) => (leaf ? leafColumn(element) : nestedColumn(element)));
	return { metadata, raw, columns, schema: new Schema(columns.map((c) => c.field)), groupRows: metadata.row_groups.map((g) => Number(g.num_rows)) };
}

/** The top-level columns (children of the root) and whether each is a leaf. */
function topLevel(schema: SchemaElement[]): { element: SchemaElement; index: number; leaf: boolean }[] {
	const out: { element: SchemaElement; index: number; leaf: boolean }[] = [];
	const skip = (i: number): number => {
		// index after the subtree starting at i
		const n = schema[i].num_children ?? 0;
		let j = i + 1;
		for (let k = 0; k < n; k++) j = skip(j);
		return j;
	};
	let i = 1;
	const children = schema[0].num_children ?? 0;
	for (let k = 0; k < children; k++) {
		const e = schema[i];
		const leaf = !e.num_children && e.repetition_type !== 'REPEATED';
		out.push({ element: e, index: i, leaf });
		i = skip(i);
	}
	return out;
}

/** A copy of the metadata whose top-level leaf columns carry no annotation: hyparquet then gives physical values. */
function rawMetadata(m: FileMetaData): FileMetaData {
	const schema = m.schema.map((e) => ({ ...e }));
	for (const { index, leaf } of topLevel(schema)) {
		if (!leaf) continue;
		delete schema[index].converted_type;
		delete schema[index].logical_type;
	}
	return { ...m, schema };
}

// ---- Arrow data from physical values ----

const nullable = (e: SchemaElement) => e.repetition_type !== 'REQUIRED';

/** validity bitmap (Arrow: bit set = value present) and null count of values where null/undefined means missing */
function validity(values: ArrayLike<unknown>): { nullBitmap: Uint8Array | undefined; nullCount: number } {
	const n = values.length;
	if (ArrayBuffer.isView(values)) return { nullBitmap: undefined, nullCount: 0 };
	let nulls = 0;
	const bits = new Uint8Array((n + 7) >> 3);
	for (let i = 0; i < n; i++) {
		if (values[i] == null) nulls++;
		else bits[i >> 3] |= 1 << (i & 7);
	}
	return nulls ? { nullBitmap: bits, nullCount: nulls } : { nullBitmap: undefined, nullCount: 0 };
}

type TypedCtor = Int8ArrayConstructor | Int16ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor | Float32ArrayConstructor | Float64ArrayConstructor;
type BigCtor = BigInt64ArrayConstructor | BigUint64ArrayConstructor;

function numeric<T extends DataType>(type: T, Ctor: TypedCtor) {
	return (values: ArrayLike<unknown>): Data => {
		const n = values.length;
		const data = new Ctor(n);
		// a typed array of the physical type copies in one step (Uint32 from Int32 keeps the bits)
		if (ArrayBuffer.isView(values) && !(values instanceof BigInt64Array) && !(values instanceof BigUint64Array)) data.set(values as unknown as ArrayLike<number>);
		else for (let i = 0; i < n; i++) data[i] = (values[i] as number | null) ?? 0;
		return makeData({ type, length: n, data, ...validity(values) } as never);
	};
}

function bigint<T extends DataType>(type: T, Ctor: BigCtor) {
	return (values: ArrayLike<unknown>): Data => {
		const n = values.length;
		const data = new Ctor(n);
		for (let i = 0; i < n; i++) data[i] = (values[i] as bigint | null) ?? 0n;
		return makeData({ type, length: n, data, ...validity(values) } as never);
	};
}

function boolean(values: ArrayLike<unknown>): Data {
	const n = values.length;
	const data = new Uint8Array((n + 7) >> 3);
	for (let i = 0; i < n; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
	return makeData({ type: new Bool(), length: n, data, ...validity(values) } as never);
}

/** Utf8 / Binary from byte values: one data buffer and int32 offsets */
function bytesColumn(type: Utf8 | Binary, name: string) {
	return (values: ArrayLike<unknown>): Data => {
		const n = values.length;
		let total = 0;
		for (let i = 0; i < n; i++) total += (values[i] as Uint8Array | null)?.length ?? 0;
		const data = new Uint8Array(total);
		const valueOffsets = new Int32Array(n + 1);
		let at = 0;
		for (let i = 0; i < n; i++) {
			const v = values[i] as Uint8Array | null;
			if (v) {
				const len = v.length;
				// short values (keys, list values) are copied faster by hand than by a set() call each
				if (len < 32) for (let k = 0; k < len; k++) data[at + k] = v[k];
				else data.set(v, at);
				at += len;
			}
			valueOffsets[i + 1] = at;
		}
		if (type instanceof Utf8 && !utf8Values(data, valueOffsets)) throw new Error(`Spalte „${name}“: kein gültiges UTF-8`);
		return makeData({ type, length: n, data, valueOffsets, ...validity(values) } as never);
	};
}

/** every value valid UTF-8: the whole buffer is, and no value starts inside a sequence (a continuation byte) */
function utf8Values(data: Uint8Array, offsets: Int32Array): boolean {
	if (!validUtf8(data)) return false;
	for (let i = 0; i < offsets.length - 1; i++) {
		const s = offsets[i];
		if (s < offsets[i + 1] && (data[s] & 0xc0) === 0x80) return false;
	}
	return true;
}

function fixedBinary(width: number) {
	return (values: ArrayLike<unknown>): Data => {
		const n = values.length;
		const data = new Uint8Array(n * width);
		for (let i = 0; i < n; i++) {
			const v = values[i] as Uint8Array | null;
			if (v) data.set(v, i * width);
		}
		return makeData({ type: new FixedSizeBinary(width), length: n, data, ...validity(values) } as never);
	};
}

/**
 * Decimal128 (16 bytes little-endian two's complement per value) from an INT32 / INT64 unscaled
 * value or big-endian bytes (FIXED_LEN_BYTE_ARRAY, BYTE_ARRAY).
 */
function decimal(type: Decimal) {
	return (values: ArrayLike<unknown>): Data => {
		const n = values.length;
		const bytes = new Uint8Array(n * 16);
		// two 64-bit lanes per value: low, then the sign extension (no DataView: 3× faster here)
		const lanes = new BigInt64Array(bytes.buffer);
		const words = new Int32Array(bytes.buffer);
		for (let i = 0; i < n; i++) {
			const v = values[i];
			if (v == null) continue;
			if (typeof v === 'number') {
				// INT32 unscaled value: low word, then the sign in the other three
				const s = v < 0 ? -1 : 0;
				words[i * 4] = v;
				words[i * 4 + 1] = s;
				words[i * 4 + 2] = s;
				words[i * 4 + 3] = s;
			} else if (typeof v === 'bigint') {
				lanes[i * 2] = v;
				lanes[i * 2 + 1] = v < 0n ? -1n : 0n;
			} else {
				const be = v as Uint8Array;
				const fill = be.length && be[0] & 0x80 ? 0xff : 0;
				for (let k = 0; k < 16; k++) bytes[i * 16 + k] = k < be.length ? be[be.length - 1 - k] : fill;
			}
		}
		return makeData({ type, length: n, data: new Uint32Array(bytes.buffer), ...validity(values) } as never);
	};
}

function jsonText(values: ArrayLike<unknown>): unknown[] {
	const enc = new TextEncoder();
	const out = new Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		out[i] = v == null ? null : enc.encode(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)));
	}
	return out;
}

function nestedColumn(e: SchemaElement): ColumnPlan {
	const build = bytesColumn(new Utf8(), e.name);
	return { field: new Field(e.name, new Utf8(), true), build: (values) => build(jsonText(values)) };
}

const UNITS = { MILLIS: TimeUnit.MILLISECOND, MICROS: TimeUnit.MICROSECOND, NANOS: TimeUnit.NANOSECOND } as const;

/** The Arrow type arrow-rs gives a top-level leaf, and its builder from hyparquet's physical values. */
function leafColumn(e: SchemaElement): ColumnPlan {
	const { type: physical, converted_type: ct, logical_type: lt } = e;
	const name = e.name;
	const col = (type: DataType, build: (v: ArrayLike<unknown>) => Data): ColumnPlan => ({ field: new Field(name, type, nullable(e)), build });

	if (ct === 'DECIMAL' || lt?.type === 'DECIMAL') {
		const precision = lt?.type === 'DECIMAL' ? lt.precision : (e.precision ?? 38);
		const scale = lt?.type === 'DECIMAL' ? lt.scale : (e.scale ?? 0);
		const t = new Decimal(scale, precision, 128);
		return col(t, decimal(t));
	}
	switch (physical) {
		case 'BOOLEAN':
			return col(new Bool(), boolean);
		case 'FLOAT':
			return col(new Float32(), numeric(new Float32(), Float32Array));
		case 'DOUBLE':
			return col(new Float64(), numeric(new Float64(), Float64Array));
		case 'INT32': {
			if (ct === 'DATE' || lt?.type === 'DATE') return col(new DateDay(), numeric(new DateDay(), Int32Array));
			if (ct === 'TIME_MILLIS' || lt?.type === 'TIME') return col(new Time(TimeUnit.MILLISECOND, 32), numeric(new Time(TimeUnit.MILLISECOND, 32), Int32Array));
			const [bits, signed] = intKind(e);
			const t = signed ? (bits === 8 ? new Int8() : bits === 16 ? new Int16() : new Int32()) : bits === 8 ? new Uint8() : bits === 16 ? new Uint16() : new Uint32();
			const ctor = signed ? (bits === 8 ? Int8Array : bits === 16 ? Int16Array : Int32Array) : bits === 8 ? Uint8Array : bits === 16 ? Uint16Array : Uint32Array;
			return col(t, numeric(t, ctor));
		}
		case 'INT64': {
			if (lt?.type === 'TIMESTAMP' || ct === 'TIMESTAMP_MILLIS' || ct === 'TIMESTAMP_MICROS') {
				const unit = lt?.type === 'TIMESTAMP' ? UNITS[lt.unit] : ct === 'TIMESTAMP_MILLIS' ? TimeUnit.MILLISECOND : TimeUnit.MICROSECOND;
				// legacy converted types are UTC instants by the format's definition
				const utc = lt?.type === 'TIMESTAMP' ? lt.isAdjustedToUTC : true;
				const t = new Timestamp(unit, utc ? '+00:00' : null);
				return col(t, bigint(t, BigInt64Array));
			}
			if (lt?.type === 'TIME' || ct === 'TIME_MICROS') {
				const unit = lt?.type === 'TIME' ? UNITS[lt.unit] : TimeUnit.MICROSECOND;
				const t = new Time(unit, 64);
				return col(t, bigint(t, BigInt64Array));
			}
			const [, signed] = intKind(e);
			return signed ? col(new Int64(), bigint(new Int64(), BigInt64Array)) : col(new Uint64(), bigint(new Uint64(), BigUint64Array));
		}
		case 'INT96': {
			// hyparquet turns INT96 into nanoseconds since the epoch (parsers.timestampFromNanoseconds)
			const t = new Timestamp(TimeUnit.NANOSECOND, null);
			return col(t, bigint(t, BigInt64Array));
		}
		case 'BYTE_ARRAY': {
			const text = ct === 'UTF8' || ct === 'ENUM' || ct === 'JSON' || lt?.type === 'STRING' || lt?.type === 'ENUM' || lt?.type === 'JSON';
			return text ? col(new Utf8(), bytesColumn(new Utf8(), name)) : col(new Binary(), bytesColumn(new Binary(), name));
		}
		case 'FIXED_LEN_BYTE_ARRAY':
			return col(new FixedSizeBinary(e.type_length ?? 0), fixedBinary(e.type_length ?? 0));
	}
	throw new Error(`Parquet-Spalte „${name}“: Typ ${String(physical)} wird nicht unterstützt`);
}

/** bit width and signedness of an INT32/INT64 column (INT_8 … UINT_64 or the INTEGER logical type) */
function intKind(e: SchemaElement): [number, boolean] {
	const lt = e.logical_type;
	if (lt?.type === 'INTEGER') return [lt.bitWidth, lt.isSigned];
	const m = /^(U?)INT_(8|16|32|64)$/.exec(e.converted_type ?? '');
	if (m) return [Number(m[2]), m[1] !== 'U'];
	return [e.type === 'INT64' ? 64 : 32, true];
}

/** INT96 as nanoseconds; every other parser is unused (no annotations are left on the leaves read) */
const PARSERS = { timestampFromNanoseconds: (nanos: bigint) => nanos as unknown as Date };

/**
 * The rows [rowStart, rowEnd) — whole row groups — as an Arrow table. hyparquet hands a column
 * over in chunks of rows (a large row group in several); the table gets one record batch per
 * stretch of rows that every column's chunks cover alike (cut where any column's chunk ends).
 */
export async function readRowGroups(file: AsyncBuffer | ArrayBuffer, plan: ParquetPlan, rowStart: number, rowEnd: number): Promise<Table> {
	const chunks = new Map<string, ColumnData[]>();
	await parquetRead({
		file,
		metadata: plan.raw,
		rowStart,
		rowEnd,
		utf8: false,
		geoparquet: false,
		compressors: COMPRESSORS,
		parsers: PARSERS as never,
		onChunk(c) {
			const list = chunks.get(c.columnName) ?? [];
			list.push(c);
			chunks.set(c.columnName, list);
		}
	});
	const cuts = new Set<number>([rowStart, rowEnd]);
	for (const list of chunks.values()) for (const c of list) if (c.rowStart > rowStart && c.rowStart < rowEnd) cuts.add(c.rowStart);
	const bounds = [...cuts].sort((a, b) => a - b);
	const batches: RecordBatch[] = [];
	for (let k = 0; k + 1 < bounds.length; k++) batches.push(rowsBatch(plan, chunks, bounds[k], bounds[k + 1]));
	return new Table(plan.schema, batches);
}

/** the rows [start, end) of every column, which lie inside one chunk of each column */
function rowsBatch(plan: ParquetPlan, chunks: Map<string, ColumnData[]>, start: number, end: number): RecordBatch {
	const children = plan.columns.map((c) => {
		const chunk = chunks.get(c.field.name)?.find((x) => x.rowStart <= start && x.rowEnd >= end);
		if (!chunk) throw new Error(`Parquet-Spalte „${c.field.name}“: Zeilen ${start}–${end} fehlen`);
		const data = chunk.columnData as unknown as { slice(a: number, b: number): ArrayLike<unknown> } & ArrayLike<unknown>;
		const from = start - chunk.rowStart;
		const values = from === 0 && chunk.rowEnd === end ? data : data.slice(from, from + end - start);
		return c.build(values);
	});
	const type = new Struct(plan.schema.fields);
	return new RecordBatch(plan.schema, makeData({ type, length: end - start, nullCount: 0, children }));
}

/** The whole file as one Arrow IPC stream. */
export async function hyparquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
	const buf = bytes.slice().buffer as ArrayBuffer;
	const plan = await readParquetPlan(buf);
	const n = plan.groupRows.reduce((a, b) => a + b, 0);
	return tableToIPC(await readRowGroups(buf, plan, 0, n), 'stream');
}
