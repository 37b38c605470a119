/**
 * The browser entry of `npm run bench` (its own Vite build into .bench/app/, never part of the
 * app's build): runs the benchmark workload in this page and writes the results as JSON into
 * `#bench-results`, where scripts/bench.ts reads them.
 * Parameters: ?csv=URL&parquet=URL&runs=N (the script serves the generated files);
 * `suite=import` (+ `bigcsv`, `bigparquet`) runs the import benchmark (scripts/bench/import.ts).
 */
import { runBrowserBench } from './run-browser';
import type { ReferenceName } from '../../../src/lib/db/reference';
import gemeinden from '../../../data/reference/gemeinden.csv?url';
import verbaende from '../../../data/reference/verbaende.csv?url';
import kreiseAlter from '../../../data/reference/kreise_alter.csv?url';
import quellen from '../../../data/reference/quellen.csv?url';

const REFERENCE_URLS: Record<ReferenceName, string> = { gemeinden, verbaende, kreise_alter: kreiseAlter, quellen };

const status = document.getElementById('bench-status')!;
const out = document.getElementById('bench-results') as HTMLOutputElement;
const p = new URLSearchParams(location.search);
const csv = p.get('csv');
const parquet = p.get('parquet');

function finish(result: unknown, text: string) {
	out.value = JSON.stringify(result);
	out.dataset.done = 'true';
	status.textContent = text;
}

if (!csv || !parquet) {
	finish({ error: 'Aufruf nur über npm run bench (Parameter csv und parquet fehlen).' }, 'Parameter fehlen.');
} else if (p.get('suite') === 'import') {
	const big = { csv: p.get('bigcsv') ?? undefined, parquet: p.get('bigparquet') ?? undefined };
	import('./import-bench')
		.then(({ runImportBench }) => runImportBench({ csv, parquet, big, only: p.get('only') ?? undefined, runs: Number(p.get('runs') ?? 3), referenceUrls: REFERENCE_URLS, log: (s) => console.log(s) }))
		.then(
			(results) => finish(results, 'Fertig.'),
			(e) => finish({ error: String((e as Error)?.message ?? e) }, 'Fehler.')
		);
} else {
	runBrowserBench({ csv, parquet, runs: Number(p.get('runs') ?? 3), referenceUrls: REFERENCE_URLS }).then(
		(results) => finish(results, 'Fertig.'),
		(e) => finish({ error: String((e as Error)?.message ?? e) }, 'Fehler.')
	);
}
