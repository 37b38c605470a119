/**
 * Browser only: Parquet batches read in parquet.worker.ts. The next batch is requested as soon
 * as one arrives, so the worker decodes batch k+1 while DuckDB checks batch k; `close` ends the
 * worker (a cancelled or failed import stops reading at once).
 */
import type { ParquetBatchSource } from './parquet';
import type { ParquetWorkerReply, ParquetWorkerRequest } from './parquet.worker';

/** files above this size go to the worker as the File itself (no copy on the main thread) */
const CLONE_LIMIT = 8 * 1024 * 1024;

export const workerParquetBatches: ParquetBatchSource = async (file, batchRows) => {
	const worker = new Worker(new URL('./parquet.worker.ts', import.meta.url), { type: 'module' });
	const waiting: { resolve: (m: ParquetWorkerReply) => void; reject: (e: Error) => void }[] = [];
	let failed: Error | null = null;
	worker.onmessage = (e: MessageEvent<ParquetWorkerReply>) => waiting.shift()?.resolve(e.data);
	worker.onerror = (e) => {
		failed = new Error(e.message || 'Parquet-Worker fehlgeschlagen');
		for (const w of waiting.splice(0)) w.reject(failed);
	};
	const request = (m: ParquetWorkerRequest): Promise<ParquetWorkerReply> =>
		failed
			? Promise.reject(failed)
			: new Promise((resolve, reject) => {
					waiting.push({ resolve, reject });
					worker.postMessage(m);
				});
	const unwrap = (m: ParquetWorkerReply) => {
		if (m.type === 'error') throw new Error(m.message);
		return m;
	};
	try {
		const big = file.blob && file.bytes.length > CLONE_LIMIT;
		const opened = unwrap(await request({ type: 'open', bytes: big ? undefined : file.bytes, blob: big ? file.blob : undefined, batchRows }));
		let ahead: Promise<ParquetWorkerReply> | null = request({ type: 'next' });
		return {
			numRows: opened.type === 'opened' ? opened.numRows : 0,
			async next() {
				if (!ahead) return null;
				const m = unwrap(await ahead);
				const ipc = m.type === 'batch' ? m.ipc : null;
				ahead = ipc ? request({ type: 'next' }) : null;
				return ipc;
			},
			close() {
				worker.terminate();
				failed ??= new Error('closed');
				for (const w of waiting.splice(0)) w.reject(failed);
			}
		};
	} catch (e) {
		worker.terminate();
		throw e;
	}
};
