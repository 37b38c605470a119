// @ts-nocheck -- a classic worker script (importScripts, self.name); the app's DOM typings do not describe it
/*
 * The first script of DuckDB's Web Worker (a classic worker, started by db/browser.ts with
 * `name` = JSON {script, wasm}: the URLs of duckdb-wasm's own worker script and of its wasm).
 *
 * Why it exists (issue 10, warm start): duckdb-wasm fetches its wasm only when the page sends
 * "instantiate", and wraps the response in a new `Response` (to report download progress). That
 * response has no URL, so Chromium cannot use its code cache for the 34 MB module and compiles
 * it again on every start. Here the wasm is fetched and compiled at once, while duckdb-wasm's
 * script loads and the page is still busy, with `WebAssembly.compileStreaming` on the plain
 * response (from the service worker's cache on a second visit): the compiled code is cached with
 * that entry and taken from there next time. duckdb-wasm's own call of
 * `WebAssembly.instantiateStreaming` then gets this module; its second download is cancelled.
 * Nothing else of duckdb-wasm changes. A failure is thrown as the worker's `error` event, which
 * db/browser.ts turns into a message instead of waiting for a module that never comes.
 */
'use strict';
(() => {
	const { script, wasm } = JSON.parse(self.name);
	let failed = false;
	const fail = (e) => {
		if (failed) return;
		failed = true;
		setTimeout(() => {
			throw e instanceof Error ? e : new Error(String(e));
		});
	};
	const compiled = WebAssembly.compileStreaming(fetch(wasm, { credentials: 'same-origin' })).catch((e) => {
		// a server that does not send `application/wasm` (or an HTTP error): compile from the bytes
		// (no code cache then), or say what went wrong
		if (!(e instanceof TypeError)) throw e;
		return fetch(wasm, { credentials: 'same-origin' }).then((response) => {
			if (!response.ok) throw new Error(`${wasm}: HTTP ${response.status}`);
			return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
		});
	});
	compiled.catch(fail);
	const original = WebAssembly.instantiateStreaming;
	let taken = false;
	WebAssembly.instantiateStreaming = function (source, imports) {
		// DuckDB's main module is instantiated once; anything after it goes the usual way
		if (taken) return original.call(WebAssembly, source, imports);
		taken = true;
		Promise.resolve(source).then(
			(response) => response.body?.cancel(),
			() => undefined
		);
		const instance = compiled.then((module) => WebAssembly.instantiate(module, imports).then((instance) => ({ module, instance })));
		instance.catch(fail);
		return instance;
	};
	importScripts(script);
})();
