/**
 * Parquet → Arrow IPC with parquet-wasm, outside DuckDB (duckdb-wasm has no Parquet reader
 * without downloading an extension). Node loads parquet-wasm's Node build, which needs no init;
 * the browser registers its wasm URL via `setParquetInit` (see parquet-browser.ts).
 *
 * The import reads a file in batches of whole row groups (`openParquetBatches`), so a 10 M-row
 * file never sits in memory as one Arrow buffer: each batch is checked, loaded and dropped
 * before the next is needed.
 */
import * as pq from 'parquet-wasm';

let init: (() => Promise<unknown>) | null = null;
let ready: Promise<unknown> | null = null;

export function setParquetInit(fn: () => Promise<unknown>): void {
	init = fn;
	ready = null;
}

const wasmReady = async () => {
	if (init) ready ??= init();
	await ready;
};

/** The whole file as one Arrow IPC stream (the import assistant's preview, the benchmark's raw read). */
export async function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
	await wasmReady();
	const table = pq.readParquet(bytes);
	return table.intoIPCStream();
}

export function isParquet(bytes: Uint8Array): boolean {
	const n = bytes.length;
	const magic = (o: number) => bytes[o] === 0x50 && bytes[o + 1] === 0x41 && bytes[o + 2] === 0x52 && bytes[o + 3] === 0x31;
	return n >= 12 && magic(0) && magic(n - 4);
}

/** A Parquet file read batch by batch: each `next()` is the Arrow IPC stream of some whole row groups, in file order. */
export interface ParquetBatches {
	/** rows in the file (from its footer) */
	numRows: number;
	/** the next batch, or null after the last; a file without rows gives one batch (its schema) */
	next(): Promise<Uint8Array | null>;
	close(): void;
}
export type ParquetBatchSource = (file: { bytes: Uint8Array; blob?: Blob }, batchRows: number) => Promise<ParquetBatches>;

/** Row groups joined into batches of at least `batchRows` rows (a larger group is a batch of its own). */
export function batchPlan(groupRows: number[], batchRows: number): number[][] {
	const out: number[][] = [];
	let cur: number[] = [];
	let n = 0;
	groupRows.forEach((rows, i) => {
		cur.push(i);
		n += rows;
		if (n >= batchRows) {
			out.push(cur);
			cur = [];
			n = 0;
		}
	});
	if (cur.length) out.push(cur);
	return out;
}

/** Arrow record batches of this many rows (parquet-wasm's default, 1024, makes thousands of tiny ones) */
const ARROW_BATCH = 65_536;

/** parquet-wasm in this thread (Node, tests; the browser calls it inside the import worker). */
export const openParquetBatches: ParquetBatchSource = async ({ bytes, blob }, batchRows) => {
	await wasmReady();
	const file = await pq.ParquetFile.fromFile(blob ?? new Blob([bytes as Uint8Array<ArrayBuffer>]));
	const meta = file.metadata();
	const groups = meta.rowGroups().map((g) => g.numRows());
	const plan = groups.length ? batchPlan(groups, batchRows) : [null];
	let k = 0;
	let closed = false;
	return {
		numRows: meta.fileMetadata().numRows(),
		async next() {
			if (closed || k >= plan.length) return null;
			const groupsOf = plan[k++];
			const table = await file.read(groupsOf ? { rowGroups: groupsOf, batchSize: ARROW_BATCH } : { batchSize: ARROW_BATCH });
			return table.intoIPCStream();
		},
		close() {
			if (closed) return;
			closed = true;
			file.free();
		}
	};
};
