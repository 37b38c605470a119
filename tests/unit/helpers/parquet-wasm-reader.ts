/**
 * The Parquet reader the app had until stop 9 (parquet-wasm, arrow-rs), kept for tests only: the
 * reference the app's hyparquet reader (src/lib/import/parquet-arrow.ts) is compared with, and
 * the benchmark's second raw read. Node loads parquet-wasm's Node build (no init needed).
 */
import * as pq from 'parquet-wasm';
import { batchPlan, type ParquetBatchSource } from '../../../src/lib/import/parquet';

/** Arrow record batches of this many rows (parquet-wasm's default, 1024, makes thousands of tiny ones) */
const ARROW_BATCH = 65_536;

export const wasmParquetToIPC = (bytes: Uint8Array): Uint8Array => pq.readParquet(bytes).intoIPCStream();

export const wasmParquetBatches: ParquetBatchSource = async ({ bytes, blob }, batchRows) => {
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
