/**
 * Web Worker: reads a Parquet file batch by batch with hyparquet (parquet.ts, parquet-arrow.ts)
 * off the main thread, and pre-checks each batch there (parquet-precheck.ts). Requests are
 * answered one by one, in order: `open` → the file's row count and columns, `rules` → the
 * pre-check's rules for the batches to come, `next` → the next batch split into good rows and the
 * others, as Arrow IPC (transferred, not copied), or null after the last.
 * A picked file arrives as the `File` itself; the reader reads only the parts it needs from it.
 * The reader is plain JavaScript inside this worker's script: nothing else to fetch, so an import
 * works offline whenever the app's scripts are cached.
 */
import { openParquetBatches } from './parquet';
import { checkedBatches, type CheckedBatches, type PrecheckRules, type SplitBatch } from './parquet-precheck';

export type ParquetWorkerRequest = { type: 'open'; bytes?: Uint8Array; blob?: Blob; batchRows: number } | { type: 'rules'; rules: PrecheckRules | null } | { type: 'next' };
export type ParquetWorkerReply =
	| { type: 'opened'; numRows: number; schema: Uint8Array }
	| { type: 'rules-set' }
	| { type: 'batch'; split: SplitBatch | null }
	| { type: 'error'; message: string };

let src: CheckedBatches | null = null;
const post = (m: ParquetWorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

let chain: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<ParquetWorkerRequest>) => {
	const m = e.data;
	chain = chain.then(() => handle(m));
};

async function handle(m: ParquetWorkerRequest) {
	try {
		if (m.type === 'open') {
			src = await checkedBatches(await openParquetBatches({ bytes: m.bytes ?? new Uint8Array(0), blob: m.blob }, m.batchRows));
			post({ type: 'opened', numRows: src.numRows, schema: src.schema });
			return;
		}
		if (m.type === 'rules') {
			await src!.setRules(m.rules);
			post({ type: 'rules-set' });
			return;
		}
		const split = await src!.next();
		post({ type: 'batch', split }, [split?.good?.buffer, split?.rest?.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer));
	} catch (err) {
		post({ type: 'error', message: String((err as Error)?.message ?? err) });
	}
}
