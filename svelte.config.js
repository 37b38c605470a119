import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Plain static files: the app runs from any web server or a USB stick's local server.
		adapter: adapter({ fallback: 'index.html' })
	}
};
export default config;
