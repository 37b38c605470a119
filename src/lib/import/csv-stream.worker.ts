/**
 * Web Worker: decodes and parses a CSV file chunk by chunk (csv-stream.ts) off the main thread.
 * Pull protocol, one reply per request and in order: `next` → the next StreamEvent (its Arrow
 * IPC bytes transferred, not copied) or null at the end; `rows` → staged rows by id, read again.
 * The main thread forwards each chunk to the DuckDB worker; it never holds the file as text.
 */
import { csvChunks, rowsFromStream, type StreamEvent } from './csv-stream';
import { streamWithPeek } from './csv-stream-peek';
import type { ImportProfile } from './profile';
import { FatalImport } from './read-file';

export type WorkerRequest =
	| { type: 'start'; bytes?: Uint8Array; blob?: Blob; peek?: Uint8Array | null; profile?: ImportProfile; chunkBytes?: number; onePass?: boolean; wholeBytes?: boolean }
	| { type: 'next' }
	| { type: 'rows'; ids: number[] };

export type WorkerReply =
	| { type: 'event'; event: StreamEvent | null }
	| { type: 'rows'; rows: [number, { line: number; fields: string[] }][] }
	| { type: 'fatal'; code: string; params: Record<string, string | number> }
	| { type: 'error'; message: string };

let bytes: Promise<Uint8Array> | null = null;
let profile: ImportProfile | undefined;
let chunkBytes: number | undefined;
let onePass: boolean | undefined;
let wholeBytes: boolean | undefined;
let it: AsyncGenerator<StreamEvent> | null = null;
let peek: Uint8Array | null = null;
let total = 0;

const post = (m: WorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

// Requests are answered strictly in order (the main thread matches replies to requests by order).
let chain: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<WorkerRequest>) => {
	const m = e.data;
	chain = chain.then(() => handle(m));
};

async function handle(m: WorkerRequest) {
	try {
		if (m.type === 'start') {
			bytes = m.bytes ? Promise.resolve(m.bytes) : m.blob!.arrayBuffer().then((b) => new Uint8Array(b));
			profile = m.profile;
			chunkBytes = m.chunkBytes;
			onePass = m.onePass;
			wholeBytes = m.wholeBytes;
			// the file's first lines, sent along with the File: the header is known before the File is read
			peek = m.peek ?? null;
			total = m.bytes?.length ?? m.blob!.size;
			return;
		}
		if (m.type === 'next') {
			it ??= streamWithPeek(peek, bytes!, total, { profile, chunkBytes, onePass, wholeBytes });
			const r = await it.next();
			const ev = r.done ? null : r.value;
			const transfer = ev?.type === 'chunk' ? [ev.ipc?.buffer, ev.fast?.csv.buffer] : ev?.type === 'whole' && ev.csv ? [ev.csv.buffer] : [];
			post({ type: 'event', event: ev }, transfer.filter((b): b is ArrayBuffer => !!b));
			return;
		}
		const found = rowsFromStream(csvChunks(await bytes!, { profile, chunkBytes, keepRows: true, noIpc: true }), m.ids);
		post({ type: 'rows', rows: [...found].map(([id, r]) => [id, { line: r.line, fields: r.fields }]) });
	} catch (err) {
		if (err instanceof FatalImport) post({ type: 'fatal', code: err.code, params: err.params });
		else post({ type: 'error', message: String((err as Error)?.message ?? err) });
	}
}
