/**
 * Arrow IPC ⇄ Parquet for the workspace file (duckdb-wasm has no Parquet code built in).
 * Reading uses the import's hyparquet reader (pure JavaScript, part of the app's scripts).
 * Writing uses parquet-wasm, loaded only when a workspace is saved: Node loads its Node build
 * (no init); the browser sets a loader that fetches the wasm (an asset of the app) with
 * `setWorkspaceParquetLoader`, so the 5 MB wasm is neither in the start bundle nor precached.
 */
import { parquetToIPC } from '../import/parquet';

type ParquetWasm = typeof import('parquet-wasm');
let loader: () => Promise<ParquetWasm> = () => import('parquet-wasm');
let ready: Promise<ParquetWasm> | null = null;

export function setWorkspaceParquetLoader(fn: () => Promise<ParquetWasm>): void {
	loader = fn;
	ready = null;
}

export async function ipcToParquet(ipc: Uint8Array): Promise<Uint8Array> {
	ready ??= loader();
	const pq = await ready;
	const table = pq.Table.fromIPCStream(ipc);
	const props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.SNAPPY).build();
	return pq.writeParquet(table, props);
}

export async function parquetToArrowIPC(bytes: Uint8Array): Promise<Uint8Array> {
	return parquetToIPC(bytes);
}
