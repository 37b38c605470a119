/** Browser only: tell parquet-wasm where the app serves its wasm (a Vite asset, never a CDN). */
import init from 'parquet-wasm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { setParquetInit } from './parquet';

setParquetInit(() => init({ module_or_path: wasmUrl }));
