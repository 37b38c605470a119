import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Content-Security-Policy of the built app (issue 10): only the app's own origin, no inline
 * script. SvelteKit's SPA fallback page boots with one inline script; `mode: 'hash'` puts its
 * SHA-256 into the policy, which SvelteKit writes as a `<meta http-equiv>` tag into the page
 * (works under any static server). `npm start`'s server (scripts/serve.ts) sends the same policy
 * as a header, with `frame-ancestors`, which a meta tag cannot carry.
 * - 'wasm-unsafe-eval': DuckDB and parquet-wasm compile WebAssembly (nothing else is eval'd).
 * - worker-src blob: duckdb-wasm may start helper workers from blob URLs.
 * - img-src data: blob: the PNG/SVG exports draw the chart as an image from a blob/data URL.
 * - style-src 'unsafe-inline': ECharts and Svelte set style attributes on elements they create
 *   (tooltips, transitions); this allows styles only, never script.
 * Checked by tests/e2e/csp.e2e.ts (no violation on any page, in export and presentation).
 */
/** @type {import('@sveltejs/kit').Config['kit']['csp']} */
export const csp = {
	mode: 'hash',
	directives: {
		'default-src': ['self'],
		'script-src': ['self', 'wasm-unsafe-eval'],
		'style-src': ['self', 'unsafe-inline'],
		'img-src': ['self', 'data:', 'blob:'],
		'font-src': ['self'],
		'connect-src': ['self'],
		'worker-src': ['self', 'blob:'],
		'manifest-src': ['self'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Plain static files: the app runs from any web server or a USB stick's local server.
		adapter: adapter({ fallback: 'index.html' }),
		csp,
		// registered by the app itself (src/lib/app/offline.ts): a first visit waits for it, so the
		// DuckDB wasm is downloaded once, through the worker
		serviceWorker: { register: false }
	}
};
export default config;
