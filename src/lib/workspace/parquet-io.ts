/**
 * Arrow IPC ⇄ Parquet for the workspace file (duckdb-wasm has no Parquet code built in), both in
 * plain JavaScript so that saving and opening a workspace work offline after one visit without a
 * wasm in the precache (issue 10): reading with the import's hyparquet reader (parquet.ts),
 * writing with hyparquet-writer. Both are loaded when first used, not on start.
 *
 * The tables a workspace carries have four column types (`SQL_TYPE` in import/validate-sql.ts):
 * DATE, INTEGER, DOUBLE, VARCHAR, plus `_file` VARCHAR and `_line` INTEGER. Each is written as
 * the Parquet type DuckDB and parquet-wasm write for it (INT32 DATE, INT32, DOUBLE, BYTE_ARRAY
 * UTF8), OPTIONAL, SNAPPY. Any other Arrow type is refused rather than written differently.
 */
import { tableFromIPC, Type, type Vector } from 'apache-arrow';
import { parquetToIPC } from '../import/parquet';

type Element = { name: string; type?: 'INT32' | 'DOUBLE' | 'BYTE_ARRAY'; converted_type?: 'DATE' | 'UTF8'; repetition_type?: 'OPTIONAL' | 'REQUIRED'; num_children?: number };

/** a column's values with null where the vector has none; DATE as days since the epoch (its stored int32) */
function values(v: Vector, days: boolean): unknown[] {
	const out = new Array(v.length);
	let i = 0;
	for (const d of v.data) {
		const raw = d.values as ArrayLike<unknown>;
		for (let k = 0; k < d.length; k++, i++) {
			if (!d.getValid(k)) out[i] = null;
			else out[i] = days ? (raw as Int32Array)[d.offset + k] : v.get(i);
		}
	}
	return out;
}

export async function ipcToParquet(ipc: Uint8Array): Promise<Uint8Array> {
	const { parquetWriteBuffer } = await import('hyparquet-writer');
	const table = tableFromIPC(ipc);
	const schema: Element[] = [{ name: 'root', num_children: table.schema.fields.length }];
	const columnData = table.schema.fields.map((f) => {
		const v = table.getChild(f.name)!;
		const el = (e: Omit<Element, 'name' | 'repetition_type'>, data: unknown[]) => {
			schema.push({ name: f.name, repetition_type: 'OPTIONAL', ...e });
			return { name: f.name, data, nullable: true };
		};
		switch (f.type.typeId) {
			case Type.Date:
				if (f.type.unit !== 0) break; // DateUnit.DAY
				return el({ type: 'INT32', converted_type: 'DATE' }, values(v, true));
			case Type.Int:
				if (f.type.bitWidth !== 32 || !f.type.isSigned) break;
				return el({ type: 'INT32' }, values(v, false));
			case Type.Float:
				if (f.type.precision !== 2) break; // Precision.DOUBLE
				return el({ type: 'DOUBLE' }, values(v, false));
			case Type.Utf8:
				return el({ type: 'BYTE_ARRAY', converted_type: 'UTF8' }, values(v, false));
		}
		throw new Error(`Arbeitsstand: Spalte ${f.name} hat den Typ ${String(f.type)}, der nicht geschrieben wird`);
	});
	// one row group per 100,000 rows: hyparquet's default [1000, 100000] starts with a small one for previews
	const buf = parquetWriteBuffer({ columnData: columnData as never, schema: schema as never, codec: 'SNAPPY', rowGroupSize: 100_000 });
	return new Uint8Array(buf);
}

export async function parquetToArrowIPC(bytes: Uint8Array): Promise<Uint8Array> {
	return parquetToIPC(bytes);
}
