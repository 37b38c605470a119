/**
 * Browser only: a CsvSource whose parsing runs in csv-stream.worker.ts. The next chunk is
 * requested as soon as one arrives, so the worker parses chunk k+1 while DuckDB inserts chunk k
 * (two threads at work, the main thread only passes bytes on). `close` ends the worker: a
 * cancelled import stops parsing at once.
 */
import type { CsvSource, CsvSourceFactory } from './import-file';
import type { StreamEvent } from './csv-stream';
import { peekOf } from './csv-stream-peek';
import { FatalImport } from './read-file';
import { DATASETS } from './schemas';
import type { StagedRow } from './staging';
import type { WorkerReply, WorkerRequest } from './csv-stream.worker';

/** files above this size go to the worker as the File itself (no copy on the main thread) */
const CLONE_LIMIT = 8 * 1024 * 1024;

export const workerCsvSource: CsvSourceFactory = (file, profile, opts): CsvSource => {
	const worker = new Worker(new URL('./csv-stream.worker.ts', import.meta.url), { type: 'module' });
	const waiting: { resolve: (m: WorkerReply) => void; reject: (e: Error) => void }[] = [];
	let failed: Error | null = null;
	worker.onmessage = (e: MessageEvent<WorkerReply>) => waiting.shift()?.resolve(e.data);
	worker.onerror = (e) => {
		failed = new Error(e.message || 'Import-Worker fehlgeschlagen');
		for (const w of waiting.splice(0)) w.reject(failed);
	};
	const send = (m: WorkerRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
	const request = (m: WorkerRequest): Promise<WorkerReply> =>
		failed
			? Promise.reject(failed)
			: new Promise((resolve, reject) => {
					waiting.push({ resolve, reject });
					send(m);
				});
	const unwrap = (m: WorkerReply): WorkerReply => {
		if (m.type === 'fatal') throw new FatalImport(m.code, m.params);
		if (m.type === 'error') throw new Error(m.message);
		return m;
	};
	const big = file.blob && file.bytes.length > CLONE_LIMIT;
	// a large File goes as itself with a copy of its first lines (csv-stream-peek.ts)
	send({ type: 'start', bytes: big ? undefined : file.bytes, blob: big ? file.blob : undefined, peek: big ? peekOf(file.bytes) : null, profile: profile ? JSON.parse(JSON.stringify(profile)) : undefined, onePass: opts?.onePass, wholeBytes: !(big && opts?.blobRegistrable) });
	let ahead: Promise<WorkerReply> | null = request({ type: 'next' });
	return {
		async next(): Promise<StreamEvent | null> {
			if (!ahead) return null;
			const m = unwrap(await ahead);
			const ev = m.type === 'event' ? m.event : null;
			ahead = ev && ev.type !== 'end' ? request({ type: 'next' }) : null;
			if (ev?.type === 'head') {
				// the kind's spec by reference (the worker sent a copy)
				if (ev.match) ev.match.spec = DATASETS[ev.match.kind];
				for (const c of ev.candidates) c.spec = DATASETS[c.kind];
			}
			if (ev?.type === 'end') ahead = null;
			return ev;
		},
		async rowsAt(ids: number[]): Promise<Map<number, StagedRow>> {
			if (!ids.length) return new Map();
			const m = unwrap(await request({ type: 'rows', ids }));
			return new Map(m.type === 'rows' ? m.rows : []);
		},
		close() {
			worker.terminate();
			failed ??= new Error('closed');
			for (const w of waiting.splice(0)) w.reject(failed);
		}
	};
};
