/**
 * The report's detail lists once a file is checked: the rejections (from `_errors` and the
 * broken rows, each with line, sheet, the file's column name and the reason in the user's
 * language), the repairs (`_repairs` and encoding notes), the rejected rows as written for the
 * download, and the counts per worksheet. Split from import-file.ts, which decides how a file
 * is read and checked; this file only reads what the checks left behind.
 */
import type { Db } from '../db/types';
import type { SegmentInfo } from './check-setup';
import type { CellKind } from './cell-value';
import type { HeaderMatch } from './header-map';
import { normaliseHeader } from './header-map';
import { message } from './messages';
import { ambiguousReadings } from './number-format';
import type { BrokenRow } from './read-file';
import type { ImportReport, Lang, Rejection, Repair, SheetReport } from './report';
import type { DatasetSpec } from './schemas';
import type { StagedRow } from './staging';
import { lit, q, type NumberFormats } from './validate-sql';

export interface DetailsInput {
	lang: Lang;
	maxDetails: number;
	spec: DatasetSpec;
	segments: SegmentInfo[];
	header: string[];
	firstMatch: HeaderMatch;
	rowsAt: (ids: number[]) => Promise<Map<number, StagedRow>>;
	broken: (BrokenRow & { sheet?: string })[];
	fmts: NumberFormats;
	/** the file's column name of a field (its German/English label when the file has none) */
	fileCol: (canonical: string) => string;
	/** how the first row of a duplicate finds its line: Parquet (position + 1), one pass (first data line), or the staged rows */
	lines: { parquet: true } | { onePassFirstLine: number } | { batched: boolean };
}

/** Fills `report.rejections`, `repairs`, `rejectedRecords` and `sheets` from what the checks left. */
export async function reportDetails(db: Db, report: ImportReport, inp: DetailsInput): Promise<void> {
	const { lang, maxDetails, spec, segments, header, firstMatch, rowsAt, broken, fmts, fileCol } = inp;
	// row id → sheet (rows were staged segment after segment)
	const bounds: { last: number; sheet?: string }[] = [];
	let acc = 0;
	for (const s of segments) bounds.push({ last: (acc += s.rowCount), sheet: s.sheet });
	const sheetOf = (row: number) => (segments.length > 1 || segments[0]?.sheet ? bounds.find((b) => row <= b.last)?.sheet : undefined);

	const allowed = (col: string) => Object.keys(spec.columns.find((c) => c.name === col)?.values ?? {}).join(', ');
	const rangeOf = (col: string) => {
		const c = spec.columns.find((x) => x.name === col);
		const de = (iso?: string) => (iso ? iso.split('-').reverse().join('.') : '');
		const en = (iso?: string) => (iso ? iso.split('-').reverse().join('/') : '');
		return { min: de(c?.minDate), max: de(c?.maxDate), min_en: en(c?.minDate), max_en: en(c?.maxDate), max_n: c?.max ?? '' };
	};
	const errs = await db.query<{ _row: number; _line: number; col: string; value: string | null; code: string; first_row: number | null }>(
		`SELECT * FROM _errors ORDER BY _row, col LIMIT ${maxDetails}`
	);
	const firstRows = [...new Set(errs.filter((e) => e.first_row !== null).map((e) => Number(e.first_row)))];
	const lineOfRow = new Map<number, number>();
	const how = inp.lines;
	if (firstRows.length && 'parquet' in how) {
		// Parquet: a record's line is its position + 1 (the first row of a duplicate may have loaded)
		for (const r of firstRows) lineOfRow.set(r, r + 1);
	} else if (firstRows.length && 'onePassFirstLine' in how) {
		// one pass: every data line is one record
		for (const r of firstRows) lineOfRow.set(r, r + how.onePassFirstLine - 1);
	} else if (firstRows.length) {
		const batched = 'batched' in how && how.batched;
		// checked batch by batch: the first rows of keys are kept in _keys (stg holds only the last batch)
		const from = batched ? `SELECT _first_row AS _row, _first_line AS _line FROM _keys WHERE _first_row IN (${firstRows.join(',')})` : `SELECT _row, _line FROM stg WHERE _row IN (${firstRows.join(',')})`;
		for (const r of await db.query<{ _row: number; _line: number }>(from)) lineOfRow.set(Number(r._row), Number(r._line));
		if (batched) await db.exec('DROP TABLE IF EXISTS _keys');
	}
	// XLSX: which rejected values came from number or date cells (shown as Excel shows them, cell-value.ts)
	const cellOf = report.dialect?.format === 'xlsx' ? await rejectedCellKinds(errs, segments, rowsAt) : () => undefined;
	const rejection = (line: number, sheet: string | undefined, column: string, value: string, code: string, params: Record<string, string | number>, cell?: CellKind): Rejection => ({
		line,
		...(sheet !== undefined ? { sheet } : {}),
		column,
		value,
		...(cell ? { cell } : {}),
		code,
		reason: message(code, lang, params),
		params
	});
	const rejections: Rejection[] = broken.map((b) =>
		rejection(
			b.record.line,
			b.sheet,
			'',
			b.code === 'unclosed_quote' ? b.record.fields[0] : b.record.fields.join(report.dialect?.delimiter ?? ';'),
			b.code,
			b.code === 'unclosed_quote' ? {} : { found: b.record.fields.length, expected: segments.find((s) => s.sheet === b.sheet)?.header.length ?? header.length }
		)
	);
	const markName = { ',': { de: 'Komma', en: 'comma' }, '.': { de: 'Punkt', en: 'point' } };
	for (const e of errs) {
		const r = rangeOf(e.col);
		const params: Record<string, string | number> = {};
		if (e.code === 'unknown_value') params.allowed = allowed(e.col);
		if (e.code === 'duplicate') {
			const fr = Number(e.first_row);
			const fs = sheetOf(fr);
			params.first = lineOfRow.get(fr) ?? '';
			if (fs !== undefined && fs !== sheetOf(Number(e._row))) params.first = `${params.first} (${lang === 'de' ? 'Blatt' : 'sheet'} „${fs}“)`;
		}
		if (e.code === 'date_out_of_range') Object.assign(params, { min: r.min, max: r.max, min_en: r.min_en, max_en: r.max_en });
		if (e.code === 'too_large') params.max = r.max_n;
		if (e.code === 'ambiguous_number') Object.assign(params, { value: e.value ?? '' }, ambiguousReadings(e.value ?? ''));
		if (e.code === 'mixed_decimal') {
			const m = fmts[e.col]?.decimal;
			if (m) Object.assign(params, { mark_de: markName[m].de, mark_en: markName[m].en });
		}
		rejections.push(rejection(Number(e._line), sheetOf(Number(e._row)), fileCol(e.col), e.value ?? '', e.code, params, cellOf(Number(e._row), e.col)));
	}
	const sheetIdx = new Map(segments.map((s, i) => [s.sheet, i]));
	rejections.sort((a, b) => (sheetIdx.get(a.sheet) ?? 0) - (sheetIdx.get(b.sheet) ?? 0) || a.line - b.line || a.column.localeCompare(b.column));
	report.rejections = rejections.slice(0, maxDetails);
	const encodingRepairs: Repair[] = report.encodingNotes.map((n) => ({
		line: n.line,
		column: '',
		from: n.byte,
		to: n.char,
		code: 'encoding_byte',
		reason: message('encoding_byte', lang, { byte: n.byte, char: n.char }),
		params: { byte: n.byte, char: n.char }
	}));
	report.repairs = [...encodingRepairs, ...(await repairs(db, spec, fileCol, lang, maxDetails, sheetOf))].slice(0, maxDetails);
	report.rejectedRecords = await rejectedRecords(db, spec, header, firstMatch.mapping, segments, broken, maxDetails, rowsAt);
	if (segments.some((s) => s.sheet !== undefined)) report.sheets = await perSheet(db, segments, broken);
}

/** (row id, field) → the kind of cell its value came from, for the rejected values of a workbook (its rows are in memory). */
async function rejectedCellKinds(
	errs: { _row: number; col: string }[],
	segments: SegmentInfo[],
	rowsAt: (ids: number[]) => Promise<Map<number, StagedRow>>
): Promise<(row: number, field: string) => CellKind | undefined> {
	const found = await rowsAt([...new Set(errs.map((e) => Number(e._row)))]);
	const bounds: { last: number; seg: SegmentInfo }[] = [];
	let acc = 0;
	for (const seg of segments) bounds.push({ last: (acc += seg.rowCount), seg });
	return (row, field) => {
		const cells = found.get(row)?.cells;
		const mapping = bounds.find((b) => row <= b.last)?.seg.match?.mapping;
		if (!cells || !mapping) return undefined;
		for (const [i, name] of mapping) if (name === field) return cells[i];
		return undefined;
	};
}

/** Rows read, loaded and rejected per worksheet. */
async function perSheet(db: Db, segments: SegmentInfo[], broken: (BrokenRow & { sheet?: string })[]): Promise<SheetReport[]> {
	const out: SheetReport[] = [];
	let first = 1;
	for (const s of segments) {
		const last = first + s.rowCount - 1;
		const rej = (await db.query<{ n: number }>(`SELECT count(DISTINCT _row)::INTEGER AS n FROM _errors WHERE _row BETWEEN ${first} AND ${last}`))[0].n;
		const nb = broken.filter((b) => b.sheet === s.sheet).length;
		out.push({ sheet: s.sheet!, headerLine: s.headerLine, rowsRead: s.rowCount + nb, rowsLoaded: s.rowCount - rej, rowsRejected: rej + nb });
		first = last + 1;
	}
	return out;
}

async function repairs(db: Db, spec: DatasetSpec, fileCol: (c: string) => string, lang: Lang, max: number, sheetOf: (row: number) => string | undefined): Promise<Repair[]> {
	const keyCols = spec.columns.filter((c) => c.type === 'gemeinde');
	const out: Repair[] = [];
	for (const c of keyCols) {
		const rows = await db.query<{ _row: number; _line: number; f: string; t: string }>(`SELECT _row, _line, f, t FROM _repairs WHERE col = ${lit(c.name)} ORDER BY _row LIMIT ${max}`);
		for (const r of rows) {
			const sheet = sheetOf(Number(r._row));
			out.push({ line: Number(r._line), ...(sheet !== undefined ? { sheet } : {}), column: fileCol(c.name), from: r.f, to: r.t, code: 'repaired_leading_zero', reason: message('repaired_leading_zero', lang), params: {} });
		}
	}
	return out;
}

/** The rejected rows as the user wrote them, for the download (reasons: `rejections`). */
async function rejectedRecords(
	db: Db,
	spec: DatasetSpec,
	header: string[],
	mapping: Map<number, string>,
	segments: SegmentInfo[],
	broken: { record: { line: number; fields: string[] }; sheet?: string }[],
	max: number,
	rowsAt: (ids: number[]) => Promise<Map<number, StagedRow>>
): Promise<ImportReport['rejectedRecords']> {
	// later sheets may order and name their columns differently: values go under the first
	// sheet's header by the field they map to (unmapped columns by name)
	const norm = header.map(normaliseHeader);
	const reorder = new Map<SegmentInfo, number[] | null>(
		segments.map((s) => {
			const n = s.header.map(normaliseHeader);
			if (n.join('|') === norm.join('|')) return [s, null];
			const byField = new Map<string, number>();
			for (const [i, f] of s.match?.mapping ?? []) byField.set(f, i);
			return [s, header.map((_, j) => (mapping.has(j) ? (byField.get(mapping.get(j)!) ?? -1) : n.indexOf(norm[j])))];
		})
	);
	const valuesOf = (s: SegmentInfo | undefined, fields: string[]) => {
		const idx = s ? reorder.get(s) : null;
		return idx ? idx.map((i) => (i < 0 ? '' : (fields[i] ?? ''))) : fields;
	};
	// XLSX: number and date cells marked in the same order as the values (none: no `cells`)
	const cellsOf = (s: SegmentInfo | undefined, r: StagedRow) => {
		if (!r.cells?.some(Boolean)) return {};
		const idx = (s ? reorder.get(s) : null) ?? r.fields.map((_, i) => i);
		return { cells: idx.map((i) => (i < 0 ? null : (r.cells![i] ?? null))) };
	};
	const order = new Map(segments.map((s, i) => [s.sheet, i]));
	const rows: ImportReport['rejectedRecords']['rows'] = broken.map((b) => ({
		line: b.record.line,
		...(b.sheet !== undefined ? { sheet: b.sheet } : {}),
		values: b.record.fields // wrong field count: as written
	}));
	const wantedRows = (await db.query<{ _row: number }>(`SELECT DISTINCT _row FROM _errors ORDER BY _row LIMIT ${max}`)).map((r) => Number(r._row));
	if (segments.length) {
		// row ids run segment after segment (staging order); the rows themselves are read again
		const found = await rowsAt(wantedRows);
		const bounds: { last: number; seg: SegmentInfo }[] = [];
		let acc = 0;
		for (const seg of segments) bounds.push({ last: (acc += seg.rowCount), seg });
		for (const id of wantedRows) {
			const r = found.get(id);
			const s = bounds.find((b) => id <= b.last)?.seg;
			if (r) rows.push({ line: r.line, ...(s?.sheet !== undefined ? { sheet: s.sheet } : {}), values: valuesOf(s, r.fields), ...cellsOf(s, r) });
		}
	} else if (wantedRows.length) {
		// Parquet: the staged text is what the file held (only mapped columns exist as text)
		const raw = await db.query<Record<string, string | null>>(
			`SELECT _line, ${spec.columns.map((c) => q(c.name + '_raw')).join(', ')} FROM stg WHERE _row IN (${wantedRows.join(',')}) ORDER BY _row`
		);
		for (const r of raw) {
			const values = header.map((_, i) => (mapping.get(i) ? (r[mapping.get(i)! + '_raw'] ?? '') : ''));
			rows.push({ line: Number(r._line), values });
		}
	}
	rows.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.line - b.line);
	return { header, rows: rows.slice(0, max) };
}
