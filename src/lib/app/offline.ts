/**
 * Registers the service worker (src/service-worker.ts; docs/offline.md) and, on a first visit,
 * waits until it controls the page before the app downloads DuckDB and its data.
 *
 * Why wait: SvelteKit's own registration (after the page's `load` event) let the page and the
 * worker's precache download the 34 MB DuckDB wasm at the same time — 75 MB on a first visit.
 * Now the worker precaches only the app shell, scripts and data (small), and the wasm files are
 * cached when the page first asks for them through the worker: one download. The wait costs a
 * first visit the shell's precache (the scripts come from the HTTP cache); later visits are
 * controlled from the start and do not wait. If the worker cannot be registered or takes too
 * long, the app starts anyway (then the wasm may be fetched twice, nothing worse).
 */
import { dev } from '$app/environment';
import { base } from '$app/paths';

/** a first visit starts anyway after this long without a controlling service worker */
const WAIT_MS = 8_000;

let ready: Promise<void> | null = null;

export function serviceWorkerReady(): Promise<void> {
	ready ??= register();
	return ready;
}

async function register(): Promise<void> {
	// service workers exist only in secure contexts (https, localhost)
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	const sw = navigator.serviceWorker;
	const controlled = new Promise<void>((resolve) => {
		if (sw.controller) resolve();
		else sw.addEventListener('controllerchange', () => resolve(), { once: true });
	});
	const registered = sw.register(`${base}/service-worker.js`, dev ? { type: 'module' } : undefined).then(
		() => true,
		(e) => {
			console.warn('service worker not registered', e);
			return false;
		}
	);
	// in dev the worker caches nothing (see src/service-worker.ts): no reason to wait
	if (dev) return;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<void>((r) => (timer = setTimeout(r, WAIT_MS)));
	// until the worker controls the page, its registration failed, or WAIT_MS passed
	await Promise.race([controlled, registered.then((ok) => (ok ? controlled : undefined)), timeout]);
	clearTimeout(timer);
}
