import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { tableFromIPC, tableToIPC, Table, vectorFromArray, Dictionary, Utf8, Int8, Int16, Int32, DataType, type Vector } from 'apache-arrow';
const dir = '.generated/sample-snapshot/';
const br = (b: Uint8Array) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const [name, ...keys] = process.argv.slice(2);
const ipc = readFileSync(dir + name + '.arrow');
const t = tableFromIPC(ipc);
const names = t.schema.fields.map((f) => f.name);
const colVals = names.map((n) => [...t.getChild(n)!]);
const idx = [...Array(t.numRows).keys()];
const ki = keys.map((k) => names.indexOf(k));
const cmp = (a: any, b: any) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
idx.sort((x, y) => { for (const k of ki) { const c = cmp(colVals[k][x], colVals[k][y]); if (c) return c; } return 0; });
const cols: Record<string, Vector> = {};
t.schema.fields.forEach((f, i) => {
	const vals = idx.map((r) => colVals[i][r]);
	if (DataType.isDictionary(f.type)) {
		const n = new Set(vals).size;
		cols[f.name] = vectorFromArray(vals as any, new Dictionary(new Utf8(), n < 127 ? new Int8() : n < 32767 ? new Int16() : new Int32()));
	} else if (DataType.isFloat(f.type) && vals.every((v) => v === null || (Number.isInteger(v) && Math.abs(v as number) < 2 ** 31))) {
		const mx = Math.max(...vals.map((v) => Math.abs((v as number) ?? 0)));
		cols[f.name] = vectorFromArray(vals as any, mx < 32767 ? new Int16() : new Int32());
	} else if (DataType.isDate(f.type)) cols[f.name] = t.getChild(f.name)!.constructor === undefined ? null as any : vectorFromArray(vals as any, f.type);
	else cols[f.name] = vectorFromArray(vals as any, f.type);
});
const out = tableToIPC(new Table(cols), 'stream');
console.log(name, keys.join(','), 'before br', br(ipc), 'sorted+narrow br', br(out));
