/**
 * How the app runs one import in the browser: CSV decoded and parsed in a worker chunk by chunk
 * (the page stays responsive), Parquet read batch by batch in its own worker, progress into `app.progress`,
 * and one cancel switch for the running import. Used by every import path (own files through the
 * Arbeitsstand, the demo file), so all of them show the progress bar and can be cancelled.
 */
import type { ImportOptions } from '$lib/import/import-file';
import type { ImportReport } from '$lib/import/report';
import { workerCsvSource } from '$lib/import/csv-stream-worker-source';
import { workerParquetBatches } from '$lib/import/parquet-worker-source';
import { app } from './state.svelte';

let running: AbortController | null = null;

/** Cancels the running import: the tables stay as they were before it. */
export function cancelImport(): void {
	running?.abort();
}

/** Options for the next `importFile` call; `importDone` clears the progress afterwards. */
export function browserImportOptions(): Pick<ImportOptions, 'csvSource' | 'parquetSource' | 'signal' | 'onProgress'> {
	running = new AbortController();
	app.progress = null;
	return { csvSource: workerCsvSource, parquetSource: workerParquetBatches, signal: running.signal, onProgress: (p) => (app.progress = p) };
}

export function importDone(): void {
	running = null;
	app.progress = null;
}

/** A cancelled or too large import loaded nothing and left an earlier import of the file as it was. */
export function loadedNothing(report: ImportReport): boolean {
	return !!report.fatal && ['cancelled', 'file_too_large', 'file_too_large_unread'].includes(report.fatal.code);
}

/** was the import cancelled by the user (then the files after it are not imported either) */
export function wasCancelled(report: ImportReport): boolean {
	return report.fatal?.code === 'cancelled';
}
