/**
 * Browser only: where the app serves parquet-wasm's wasm (a Vite asset, never a CDN), and the
 * page's parquet-wasm told so. One URL for the page and every worker: a worker that imported the
 * `?url` itself would get its own copy of the 5 MB file under another name, which the service
 * worker would have to cache twice. Workers receive this URL in their first message
 * (`initParquetIn`).
 */
import init from 'parquet-wasm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { setParquetInit } from './parquet';

export const parquetWasmUrl: string = wasmUrl;

setParquetInit(() => init({ module_or_path: wasmUrl }));
