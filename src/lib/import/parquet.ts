/**
 * Parquet → Arrow IPC with parquet-wasm, outside DuckDB (duckdb-wasm has no Parquet reader
 * without downloading an extension). Node loads parquet-wasm's Node build, which needs no init;
 * the browser registers its wasm URL via `setParquetInit` (see parquet-browser.ts).
 */
import * as pq from 'parquet-wasm';

let init: (() => Promise<unknown>) | null = null;
let ready: Promise<unknown> | null = null;

export function setParquetInit(fn: () => Promise<unknown>): void {
	init = fn;
	ready = null;
}

export async function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
	if (init) ready ??= init();
	await ready;
	const table = pq.readParquet(bytes);
	return table.intoIPCStream();
}

export function isParquet(bytes: Uint8Array): boolean {
	const n = bytes.length;
	const magic = (o: number) => bytes[o] === 0x50 && bytes[o + 1] === 0x41 && bytes[o + 2] === 0x52 && bytes[o + 3] === 0x31;
	return n >= 12 && magic(0) && magic(n - 4);
}
