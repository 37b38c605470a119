import { browser } from '$app/environment';
import { startApp } from '$lib/app/load';

// A single-page app: everything runs in the browser (duckdb-wasm, the user's files).
export const ssr = false;
export const prerender = false;

/** Runs before the first render: DuckDB starts (and the data download) while the page renders. */
export function load(): void {
	if (browser) void startApp();
}
