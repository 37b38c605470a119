/**
 * Browser only: Parquet batches read and pre-checked in parquet.worker.ts. From the first `next`
 * on, the next batch is requested as soon as one arrives, so the worker reads and pre-checks
 * batch k+1 while DuckDB loads batch k; `close` ends the worker (a cancelled or failed import
 * stops reading at once).
 */
import type { CheckedBatchSource } from './parquet-precheck';
import type { ParquetWorkerReply, ParquetWorkerRequest } from './parquet.worker';

/** files above this size go to the worker as the File itself (no copy on the main thread) */
const CLONE_LIMIT = 8 * 1024 * 1024;

export const workerParquetBatches: CheckedBatchSource = async (file, batchRows) => {
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
		if (opened.type !== 'opened') throw new Error('Parquet-Worker: unerwartete Antwort');
		// no batch is asked for before the rules are set (the first `next`)
		let ahead: Promise<ParquetWorkerReply> | null = null;
		let done = false;
		return {
			numRows: opened.numRows,
			schema: opened.schema,
			async setRules(rules) {
				unwrap(await request({ type: 'rules', rules }));
			},
			async next() {
				if (done) return null;
				const m = unwrap(await (ahead ?? request({ type: 'next' })));
				const split = m.type === 'batch' ? m.split : null;
				ahead = split ? request({ type: 'next' }) : null;
				done = !split;
				return split;
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
