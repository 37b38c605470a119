/**
 * Parquet → Arrow IPC with hyparquet (pure JavaScript, see parquet-arrow.ts), outside DuckDB
 * (duckdb-wasm has no Parquet reader without downloading an extension). No wasm: the reader is
 * part of the import worker's script, so it is cached with the app and works offline after one
 * visit without precaching a 5 MB parquet-wasm (issue 10).
 *
 * The import reads a file in batches of whole row groups (`openParquetBatches`), so a 10 M-row
 * file never sits in memory as one Arrow buffer: each batch is checked, loaded and dropped
 * before the next is needed.
 */
import { tableToIPC } from 'apache-arrow';

/**
 * The reader is loaded when a Parquet file is read: this module is on the page's start path
 * (`isParquet`, via import-file.ts), the reader (hyparquet and its codecs, ~90 kB compressed)
 * is not. In the import worker it is a chunk of the worker's own.
 */
const reader = () => import('./parquet-arrow');

/** The whole file as one Arrow IPC stream (the import assistant's preview, the workspace file). */
export async function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
	return (await reader()).hyparquetToIPC(bytes);
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

/** Parquet batches read in this thread (Node, tests; the browser calls it inside the import worker). */
export const openParquetBatches: ParquetBatchSource = async (file, batchRows) => {
	const { asyncBufferOf, readParquetPlan, readRowGroups } = await reader();
	const buf = asyncBufferOf(file);
	const plan = await readParquetPlan(buf);
	const groups = plan.groupRows;
	// first row of each row group
	const starts = groups.map((_, i) => groups.slice(0, i).reduce((a, b) => a + b, 0));
	const batches = groups.length ? batchPlan(groups, batchRows) : [null];
	let k = 0;
	let closed = false;
	return {
		numRows: Number(plan.metadata.num_rows),
		async next() {
			if (closed || k >= batches.length) return null;
			const groupsOf = batches[k++];
			const from = groupsOf ? starts[groupsOf[0]] : 0;
			const to = groupsOf ? starts[groupsOf.at(-1)!] + groups[groupsOf.at(-1)!] : 0;
			return tableToIPC(await readRowGroups(buf, plan, from, to), 'stream');
		},
		close() {
			closed = true;
		}
	};
};
