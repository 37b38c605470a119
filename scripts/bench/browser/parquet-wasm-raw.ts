/**
 * The benchmark's second raw Parquet read: parquet-wasm (arrow-rs) → Arrow IPC, the reader the app
 * used until stop 9. Benchmark only; the app reads Parquet with hyparquet (src/lib/import/parquet-arrow.ts).
 */
import init, { readParquet } from 'parquet-wasm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | null = null;

export async function wasmParquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
	ready ??= init({ module_or_path: wasmUrl });
	await ready;
	return readParquet(bytes).intoIPCStream();
}
