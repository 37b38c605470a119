/**
 * The import assistant's choices as edits of an ImportProfile (profile.ts), pure and tested in
 * Node: when a file needs the assistant, the profile drafted from an inspection, and the edits
 * the user makes (dialect, kind, a field's column, a value's mapping). The UI only calls these.
 */
import type { Inspection } from './inspect';
import { newProfile, type ImportProfile } from './profile';
import { DATASETS, type DatasetKind } from './schemas';

/** Why a file should be shown in the assistant before it is imported (empty = it can go straight in). */
export type AssistantReason = 'unknown_kind' | 'missing_required' | 'unknown_values' | 'ambiguous_numbers';

export function assistantReasons(ins: Inspection): AssistantReason[] {
	// other whole-file problems (empty, binary, unreadable) cannot be fixed by choosing: the report says so
	if (ins.fatal && ins.fatal.code !== 'unknown_kind') return [];
	const out: AssistantReason[] = [];
	if (!ins.kind || ins.fatal) out.push('unknown_kind');
	if (ins.mapping.some((m) => m.required && m.column === null)) out.push('missing_required');
	if (ins.unknownValues.some((u) => u.values.length > 0)) out.push('unknown_values');
	if ((ins.numbers ?? []).some((n) => n.ambiguous > 0)) out.push('ambiguous_numbers');
	return [...new Set(out)];
}

/** The parts of a profile that decide how the text is read (not what the columns mean). */
export type DialectChoice = Pick<ImportProfile, 'encoding' | 'delimiter' | 'quote' | 'escape' | 'headerLine'>;

/** header text → field for every non-empty header text, as the inspection maps them */
export function pinnedColumns(ins: Inspection): Record<string, string | null> {
	const out: Record<string, string | null> = {};
	ins.header.forEach((h, i) => {
		if (h.trim() === '' || Object.prototype.hasOwnProperty.call(out, h)) return;
		out[h] = ins.mapping.find((m) => m.column === i)?.field ?? null;
	});
	return out;
}

/**
 * A profile holding what the inspection found (kind and every column pinned), on top of the
 * user's earlier choices in `base` (dialect, values, decimal marks, name). Dialect fields are
 * kept only where the user chose them, so the next file is still read by detection otherwise.
 */
export function draftFrom(ins: Inspection, base?: ImportProfile | null): ImportProfile {
	const p = newProfile(ins.header, {
		...(base?.name !== undefined ? { name: base.name } : {}),
		...pickDialect(base),
		...(ins.kind ? { kind: ins.kind } : base?.kind ? { kind: base.kind } : {}),
		columns: pinnedColumns(ins),
		...(base?.decimal ? { decimal: { ...base.decimal } } : {}),
		...(base?.values ? { values: structuredClone(base.values) } : {})
	});
	return p;
}

/**
 * Only the reading of a profile (encoding, delimiter, quote, escape, header row), or null when it
 * sets none. A profile made after the user chose another header row is keyed by that header, so a
 * new file is read this way once more to see whether the profile fits it.
 */
export function readingOf(p: ImportProfile): ImportProfile | null {
	const d = pickDialect(p);
	return Object.keys(d).length ? { type: p.type, version: p.version, signature: p.signature, header: p.header, ...d } : null;
}

function pickDialect(p?: ImportProfile | null): DialectChoice {
	const out: DialectChoice = {};
	if (!p) return out;
	if (p.encoding !== undefined) out.encoding = p.encoding;
	if (p.delimiter !== undefined) out.delimiter = p.delimiter;
	if (p.quote !== undefined) out.quote = p.quote;
	if (p.escape !== undefined) out.escape = p.escape;
	if (p.headerLine !== undefined) out.headerLine = p.headerLine;
	return out;
}

/**
 * A changed reading (encoding, delimiter, header row) or kind: the header or the fields may
 * change, so the column choices are dropped and detected again; values and name stay.
 * `undefined` in `change` means "detect automatically".
 */
export function withReading(p: ImportProfile, change: Partial<DialectChoice & { kind: DatasetKind | undefined }>): ImportProfile {
	const next: ImportProfile = { ...p };
	for (const [k, v] of Object.entries(change) as [keyof ImportProfile, unknown][]) {
		if (v === undefined) delete next[k];
		else (next as unknown as Record<string, unknown>)[k] = v;
	}
	delete next.columns;
	if ('kind' in change && change.kind !== p.kind) {
		// values and decimal marks belong to the fields of a kind
		delete next.values;
		delete next.decimal;
	}
	return next;
}

/**
 * Field `field` now reads file column `col` (null: the file has no such column). The column's
 * earlier field loses it, and the field's earlier column is not imported any more.
 */
export function withFieldColumn(p: ImportProfile, header: string[], field: string, col: number | null): ImportProfile {
	const columns = { ...(p.columns ?? {}) };
	for (const [h, f] of Object.entries(columns)) if (f === field) columns[h] = null;
	if (col !== null) {
		const h = header[col];
		if (h !== undefined && h.trim() !== '') columns[h] = field;
	}
	return { ...p, columns };
}

/** A file value of a closed list mapped to an allowed value; null/undefined: rejected as before. */
export function withValue(p: ImportProfile, field: string, value: string, to: string | null): ImportProfile {
	const values = structuredClone(p.values ?? {});
	const m = (values[field] ??= {});
	if (to === null) delete m[value];
	else m[value] = to;
	if (!Object.keys(m).length) delete values[field];
	const next: ImportProfile = { ...p, values };
	if (!Object.keys(values).length) delete next.values;
	return next;
}

/** One decimal mark for every number field of the kind, or undefined = decided per column. */
export function withDecimal(p: ImportProfile, mark: ',' | '.' | undefined): ImportProfile {
	const next = { ...p };
	delete next.decimal;
	if (mark && p.kind) {
		const fields = DATASETS[p.kind].columns.filter((c) => c.type === 'decimal' || c.type === 'rate' || c.type === 'int').map((c) => c.name);
		next.decimal = Object.fromEntries(fields.map((f) => [f, mark]));
	}
	return next;
}

/** The one mark a profile sets for all number fields, or undefined. */
export function profileDecimal(p: ImportProfile): ',' | '.' | undefined {
	const marks = new Set(Object.values(p.decimal ?? {}));
	return marks.size === 1 ? [...marks][0] : undefined;
}

/** The file column a field reads in this profile (first header text naming it), or null. */
export function columnOf(p: ImportProfile, header: string[], field: string): number | null {
	const i = header.findIndex((h) => p.columns?.[h] === field);
	return i < 0 ? null : i;
}

/** File columns that no field reads ("wird nicht übernommen"). */
export function unusedColumns(p: ImportProfile, header: string[]): string[] {
	return header.filter((h) => h.trim() !== '' && !p.columns?.[h]);
}

/**
 * Whether a profile holds a choice of the user's, compared with what detection alone would do
 * (`detected` = `draftFrom` of the inspection without a profile). Only such a profile is worth
 * saving: one that merely repeats detection would stop the assistant from asking about the
 * next file with that header.
 */
export function hasChoices(p: ImportProfile, detected: ImportProfile): boolean {
	if (p.encoding !== undefined || p.delimiter !== undefined || p.quote !== undefined || p.escape !== undefined || p.headerLine !== undefined) return true;
	if (Object.keys(p.decimal ?? {}).length || Object.keys(p.values ?? {}).length) return true;
	if (p.kind !== detected.kind) return true;
	const a = p.columns ?? {};
	const b = detected.columns ?? {};
	return Object.keys({ ...a, ...b }).some((h) => (a[h] ?? null) !== (b[h] ?? null));
}

/** A profile name from a file name: "einsaetze_2025.csv" → "einsaetze_2025". */
export function defaultProfileName(file: string): string {
	return file.replace(/\.[^.]+$/, '') || file;
}
