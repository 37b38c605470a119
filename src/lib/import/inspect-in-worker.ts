/**
 * Browser only: inspectFile (inspect.ts) run in inspect.worker.ts. The bytes are copied to the
 * worker (the caller keeps the file for the import); the worker ends after its one answer.
 */
import type { Inspection } from './inspect';
import type { InspectRequest } from './inspect.worker';
import type { ImportProfile } from './profile';
import type { Lang } from './report';

export function inspectInWorker(bytes: Uint8Array, file: string, profile: ImportProfile | null, lang: Lang): Promise<Inspection> {
	const worker = new Worker(new URL('./inspect.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<Inspection>((resolve, reject) => {
		worker.onmessage = (e: MessageEvent<Inspection>) => resolve(e.data);
		worker.onerror = (e) => reject(new Error(e.message || 'Prüfung der Datei fehlgeschlagen'));
		const copy = bytes.slice();
		const req: InspectRequest = { bytes: copy, file, profile: profile ? JSON.parse(JSON.stringify(profile)) : null, lang };
		worker.postMessage(req, [copy.buffer]);
	}).finally(() => worker.terminate());
}
