// A single-page app: everything runs in the browser (duckdb-wasm, the user's files).
export const ssr = false;
export const prerender = false;
