/**
 * Web Worker: the import assistant's inspection (inspect.ts) of a large text file's first part, so
 * the page stays responsive while it is parsed. One request, one reply; inspectTextFile never throws.
 * Text only (inspect-sample.ts sends nothing else here): workbooks and Parquet files are inspected
 * on the page, so this worker carries neither ExcelJS nor the Parquet reader (the page loads them when it needs them).
 */
import { inspectTextFile, type Inspection } from './inspect';
import type { ImportProfile } from './profile';
import type { Lang } from './report';

export interface InspectRequest {
	bytes: Uint8Array;
	file: string;
	profile: ImportProfile | null;
	lang: Lang;
}

self.onmessage = async (e: MessageEvent<InspectRequest>) => {
	const { bytes, file, profile, lang } = e.data;
	const out: Inspection = await inspectTextFile(bytes, file, profile, lang);
	self.postMessage(out);
};
