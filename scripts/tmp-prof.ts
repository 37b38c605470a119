import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);
import { readFileSync } from 'node:fs';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { openParquetBatches } from '../src/lib/import/parquet';
import { splitBatch } from '../src/lib/import/parquet-precheck';
import { openNodeDb } from '../src/lib/db/node';
import { loadReferenceFromDisk } from '../src/lib/db/reference-node';
import { importFile } from '../src/lib/import/import-file';
import { precheckRules, fieldSources } from '../src/lib/import/parquet-validate';
import { DATASETS } from '../src/lib/import/schemas';
import { enumRows, lit } from '../src/lib/import/validate-sql';
const db = await openNodeDb(); await loadReferenceFromDisk(db);
const spec = DATASETS.einsaetze;
await db.exec(`CREATE OR REPLACE TEMP TABLE _enum_map (col VARCHAR, spelling VARCHAR, canonical VARCHAR)`);
await db.exec(`INSERT INTO _enum_map VALUES ${enumRows(spec).map((e) => `(${lit(e.col)}, ${lit(e.spelling)}, ${lit(e.canonical)})`).join(', ')}`);
const colOf = new Map(spec.columns.map(c => [c.name, c.name]));
const types = new Map([['datum','DATE'],['ags','VARCHAR'],['lotse_id','VARCHAR'],['format','VARCHAR'],['thema','VARCHAR'],['altersgruppe','VARCHAR'],['teilnehmende','INTEGER'],['minuten','DECIMAL(12,1)'],['digitales_angebot','VARCHAR']]);
let t = performance.now();
const rules = (await precheckRules(db, spec, fieldSources(spec, colOf, types), colOf, 'x.parquet'))!;
require('node:fs').writeFileSync('/tmp/s10pq-rules.json', JSON.stringify(rules)); console.log('rules ms', (performance.now()-t).toFixed(0), rules.fields.map(f => f.name + ':' + (f.accepted?.length ?? '-')).join(' '));
const bytes = readFileSync('.bench/einsaetze_de_1000000.parquet');
const b = await openParquetBatches({ bytes }, 250_000);
let first = 0; const tm = { read: 0, dec: 0, split: 0, enc: 0 };
for (;;) {
  t = performance.now(); const ipc = await b.next(); tm.read += performance.now() - t; if (!ipc) break;
  t = performance.now(); const tab = tableFromIPC(ipc); tm.dec += performance.now() - t;
  t = performance.now(); const s = splitBatch(tab, rules, first); tm.split += performance.now() - t; first += tab.numRows;
  t = performance.now(); const g = s.good && tableToIPC(s.good, 'stream'); tm.enc += performance.now() - t;
  console.log(tab.numRows, s.goodRows, s.rest?.numRows ?? 0, g?.length);
}
console.log(JSON.stringify(tm, (k, v) => typeof v === 'number' ? Math.round(v) : v));
for (const pre of [] as boolean[]) {
  await db.exec('DROP TABLE IF EXISTS einsaetze');
  t = performance.now();
  const r = await importFile(db, { name: 'b.parquet', bytes }, { parquetPrecheck: pre });
  console.log('import precheck', pre, (performance.now() - t).toFixed(0), 'ms', r.rowsLoaded, r.rowsRejected, r.fatal?.code);
}
