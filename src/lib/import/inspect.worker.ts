/**
 * Web Worker: the import assistant's inspection (inspect.ts) of a large file's first part, so
 * the page stays responsive while it is parsed. One request, one reply; inspectFile never throws.
 */
import { inspectFile, type Inspection } from './inspect';
import type { ImportProfile } from './profile';
import type { Lang } from './report';
import './parquet-browser';

export interface InspectRequest {
	bytes: Uint8Array;
	file: string;
	profile: ImportProfile | null;
	lang: Lang;
}

self.onmessage = async (e: MessageEvent<InspectRequest>) => {
	const { bytes, file, profile, lang } = e.data;
	const out: Inspection = await inspectFile(bytes, file, profile, lang);
	self.postMessage(out);
};
