/**
 * Web Worker: reads a Parquet file batch by batch with hyparquet (parquet.ts, parquet-arrow.ts)
 * off the main thread. Requests are answered one by one, in order: `open` → the file's row count,
 * `next` → the next batch as Arrow IPC (transferred, not copied) or null after the last.
 * A picked file arrives as the `File` itself; the reader reads only the parts it needs from it.
 * The reader is plain JavaScript inside this worker's script: nothing else to fetch, so an import
 * works offline whenever the app's scripts are cached.
 */
import { openParquetBatches, type ParquetBatches } from './parquet';

export type ParquetWorkerRequest = { type: 'open'; bytes?: Uint8Array; blob?: Blob; batchRows: number } | { type: 'next' };
export type ParquetWorkerReply = { type: 'opened'; numRows: number } | { type: 'batch'; ipc: Uint8Array | null } | { type: 'error'; message: string };

let src: ParquetBatches | null = null;
const post = (m: ParquetWorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

let chain: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<ParquetWorkerRequest>) => {
	const m = e.data;
	chain = chain.then(() => handle(m));
};

async function handle(m: ParquetWorkerRequest) {
	try {
		if (m.type === 'open') {
			src = await openParquetBatches({ bytes: m.bytes ?? new Uint8Array(0), blob: m.blob }, m.batchRows);
			post({ type: 'opened', numRows: src.numRows });
			return;
		}
		const ipc = await src!.next();
		post({ type: 'batch', ipc }, ipc ? [ipc.buffer as ArrayBuffer] : []);
	} catch (err) {
		post({ type: 'error', message: String((err as Error)?.message ?? err) });
	}
}
