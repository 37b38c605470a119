/**
 * Puts a file's text records into the DuckDB staging table `stg` (`_line` + `<column>_raw`
 * VARCHAR per canonical column), crossing over as Arrow IPC bytes (safe whichever copy of
 * apache-arrow the database uses). Empty cells become NULL; text is trimmed.
 */
import { Table, tableToIPC, makeVector, makeData, Float64, type Vector } from 'apache-arrow';
import { utf8Vector } from './arrow-text';
import type { Db } from '../db/types';
import type { DatasetSpec } from './schemas';
import type { CellKind } from './cell-value';

export interface StagedRow {
	line: number;
	fields: string[];
	/** typed numbers from a typed source (XLSX number cells), by field index */
	nums?: (number | undefined)[];
	/** XLSX: which fields were number or date cells (their text is canonical: 1.5, 2019-01-01), by field index */
	cells?: (CellKind | undefined)[];
}

/** Rows of one header (one CSV file, or one worksheet) and how its columns map. */
export interface StagedSegment {
	/** `mapping`: file column index → canonical column name */
	mapping: Map<number, string>;
	rows: StagedRow[];
}

/** Float64 column; `valid` marks the set entries (null = all NULL). */
function float64Vector(values: Float64Array, valid: Uint8Array | null): Vector {
	const n = values.length;
	const bitmap = new Uint8Array((n + 7) >> 3);
	let nullCount = n;
	if (valid) {
		nullCount = 0;
		for (let i = 0; i < n; i++) {
			if (valid[i]) bitmap[i >> 3] |= 1 << (i & 7);
			else nullCount++;
		}
	}
	return makeVector(makeData({ type: new Float64(), length: n, nullCount, nullBitmap: bitmap, data: values }));
}

const isNumeric = (t: string) => t === 'int' || t === 'decimal' || t === 'rate';

/**
 * The Arrow IPC stream of staged rows: `_row` (`firstRow`, firstRow+1, … over all segments, in
 * order), `_line`, `<column>_raw` text and, for numeric columns, `<column>_num` (a typed number
 * from the source, else NULL). Pure (no database): the import worker builds these per chunk.
 */
export function stagingIPC(spec: DatasetSpec, segs: StagedSegment[], firstRow = 1): Uint8Array {
	const total = segs.reduce((a, s) => a + s.rows.length, 0);
	const cols: Record<string, Vector> = {};
	const rowIds = new Int32Array(total);
	for (let i = 0; i < total; i++) rowIds[i] = firstRow + i;
	cols._row = makeVector(rowIds);
	const lines = new Int32Array(total);
	let k = 0;
	for (const s of segs) for (const r of s.rows) lines[k++] = r.line;
	cols._line = makeVector(lines);
	for (const c of spec.columns) {
		const values: (string | null)[] = new Array(total);
		const nums = isNumeric(c.type) ? new Float64Array(total) : null;
		const valid = isNumeric(c.type) ? new Uint8Array(total) : null;
		let anyNum = false;
		k = 0;
		for (const s of segs) {
			let i: number | undefined;
			for (const [idx, name] of s.mapping) if (name === c.name) i = idx;
			for (const r of s.rows) {
				if (i === undefined) values[k] = null;
				else {
					const v = (r.fields[i] ?? '').trim();
					values[k] = v === '' ? null : v;
					const num = r.nums?.[i];
					if (nums && num !== undefined && Number.isFinite(num)) {
						nums[k] = num;
						valid![k] = 1;
						anyNum = true;
					}
				}
				k++;
			}
		}
		cols[`${c.name}_raw`] = utf8Vector(values);
		if (nums) cols[`${c.name}_num`] = float64Vector(nums, anyNum ? valid! : null);
	}
	return tableToIPC(new Table(cols), 'stream');
}

/** Writes `stg` from rows held in memory (XLSX, small CSV); see `stagingIPC`. */
export async function stageRecords(db: Db, spec: DatasetSpec, segments: StagedSegment[] | Map<number, string>, rowsArg?: StagedRow[]): Promise<void> {
	const segs: StagedSegment[] = segments instanceof Map ? [{ mapping: segments, rows: rowsArg ?? [] }] : segments;
	await db.exec('DROP TABLE IF EXISTS stg');
	await db.insertArrowIPC('stg', stagingIPC(spec, segs), true);
}
