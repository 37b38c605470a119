/**
 * The browser half of `npm run bench`: the app's own import (fetch → decode → parse → stage →
 * validate in duckdb-wasm) and the same summary and aggregate SQL as the native half.
 */
import { openBrowserDb } from '../../../src/lib/db/browser';
import { loadReference, type ReferenceName } from '../../../src/lib/db/reference';
import { buildSummaries } from '../../../src/lib/db/summary';
import { importFile } from '../../../src/lib/import/import-file';
import { AGG_RAW, AGG_SUMMARY, dashboardSteps, type BenchResult } from '../queries';

export async function runBrowserBench(opts: { csv: string; parquet: string; runs: number; referenceUrls: Record<ReferenceName, string> }): Promise<BenchResult[]> {
	const db = await openBrowserDb();
	const ref = await Promise.all(Object.entries(opts.referenceUrls).map(async ([k, u]) => [k, new Uint8Array(await (await fetch(u)).arrayBuffer())]));
	await loadReference(db, Object.fromEntries(ref));
	const out: BenchResult[] = [];
	const timed = async (step: string, fn: () => Promise<unknown>) => {
		const runs: number[] = [];
		let rows = 0;
		for (let i = 0; i < opts.runs; i++) {
			const t0 = performance.now();
			const r = await fn();
			runs.push(performance.now() - t0);
			if (r && typeof r === 'object' && 'rowsLoaded' in r) rows = (r as { rowsLoaded: number }).rowsLoaded;
		}
		out.push({ step, rows, runs });
	};
	// import time includes reading the file (fetch from the same origin stands in for the file picker)
	const load = async (url: string, name: string) => {
		await db.exec('DROP TABLE IF EXISTS einsaetze');
		const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
		const r = await importFile(db, { name, bytes });
		if (r.fatal || r.rowsRejected) throw new Error(`${name}: ${r.fatal?.message ?? r.rowsRejected + ' abgewiesen'}`);
		return r;
	};
	await timed('CSV-Import (; und Dezimalkomma)', () => load(opts.csv, 'bench.csv'));
	await timed('Parquet-Import', () => load(opts.parquet, 'bench.parquet'));
	await timed('Summentabellen bauen', () => buildSummaries(db));
	await timed('Aggregat über Rohdaten (Verband × 2025)', () => db.query(AGG_RAW));
	await timed('Aggregat über Summentabellen', () => db.query(AGG_SUMMARY));
	for (const d of dashboardSteps(db)) {
		await d.setup?.();
		await timed(d.step, d.run);
	}
	await db.close();
	return out;
}
