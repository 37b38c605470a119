/**
 * The benchmark's own browser build (`npm run bench` only): scripts/bench/browser/index.html with
 * the app's data path (src/lib), into .bench/app/. The app's build (vite.config.ts) never sees it,
 * so nothing of the benchmark ships to users.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
	root: fileURLToPath(new URL('./browser', import.meta.url)),
	base: '/',
	logLevel: 'warn',
	resolve: { alias: { $lib: `${ROOT}src/lib` } },
	build: { outDir: `${ROOT}.bench/app`, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 100_000 }
});
