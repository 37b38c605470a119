/**
 * Arrow IPC ⇄ Parquet with parquet-wasm (duckdb-wasm has no Parquet code built in). Node uses
 * parquet-wasm's Node build (no init); the browser registers the wasm URL (an asset of the app)
 * with `setWorkspaceParquetInit`.
 */
import * as pq from 'parquet-wasm';

let init: (() => Promise<unknown>) | null = null;
let ready: Promise<unknown> | null = null;

export function setWorkspaceParquetInit(fn: () => Promise<unknown>): void {
	init = fn;
	ready = null;
}

async function loaded() {
	if (init) ready ??= init();
	await ready;
}

export async function ipcToParquet(ipc: Uint8Array): Promise<Uint8Array> {
	await loaded();
	const table = pq.Table.fromIPCStream(ipc);
	const props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.SNAPPY).build();
	return pq.writeParquet(table, props);
}

export async function parquetToArrowIPC(bytes: Uint8Array): Promise<Uint8Array> {
	await loaded();
	return pq.readParquet(bytes).intoIPCStream();
}
