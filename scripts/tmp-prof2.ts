import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { openParquetBatches } from '../src/lib/import/parquet';
import { splitBatch, type PrecheckRules } from '../src/lib/import/parquet-precheck';
const bytes = readFileSync('.bench/einsaetze_de_1000000.parquet');
const b = await openParquetBatches({ bytes }, 1_000_000);
const tab = tableFromIPC((await b.next())!);
const ags = ['13076034','08111000']; // few
const rules: PrecheckRules = JSON.parse(readFileSync('/tmp/s10pq-rules.json','utf8'));
for (let rep = 0; rep < 2; rep++) {
for (const f of rules.fields) {
  const t = performance.now();
  const s = splitBatch(tab, { fileName: 'x', fields: [f] }, 0);
  console.log(f.name, (performance.now() - t).toFixed(0), s.goodRows);
}
const t = performance.now(); splitBatch(tab, { fileName: 'x', fields: [] }, 0); console.log('none', (performance.now() - t).toFixed(0));
}
