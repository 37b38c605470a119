/**
 * Decimal comma or point, decided per column from that column's own values (a file may hold
 * amounts "12500.50" and rates "0,75"). See README "Decisions: numbers" for the rules and why.
 *
 * Evidence for a decimal comma: "12,5", "0,125", "12500,50", "1.234,56", "1.234.567".
 * Evidence for a decimal point: the same with the marks swapped.
 * No evidence: "13.363", "1.000", "1,500" (one group of exactly three digits after one mark:
 * thousands or decimals?) and plain integers.
 */
export interface ColumnNumberFormat {
	/** the column's decimal mark, or null when its values do not show one */
	decimal: ',' | '.' | null;
	/** a whole-number field (participants, workplaces): a decimal reading is impossible */
	intOnly: boolean;
}

/** What a number is written with once spaces, currency and percent signs are removed (SQL: `numberCleanSql`). */
export function cleanNumber(v: string): string {
	return v.replace(/[\s\u00a0\u202f']|€|EUR|%/gi, '');
}

// Regular expressions shared by JS (counting evidence) and SQL (RE2 syntax is the same here).
export const RE = {
	int: '[-+]?[0-9]+',
	/** 1–3 digits then groups of ".ddd" (no comma): thousands, or a decimal point before 3 decimals */
	dotGroups: '[-+]?[1-9][0-9]{0,2}(\\.[0-9]{3})+',
	commaGroups: '[-+]?[1-9][0-9]{0,2}(,[0-9]{3})+',
	/** two or more groups: only thousands are possible */
	dotGroupsMulti: '[-+]?[1-9][0-9]{0,2}(\\.[0-9]{3}){2,}',
	commaGroupsMulti: '[-+]?[1-9][0-9]{0,2}(,[0-9]{3}){2,}',
	/** a decimal comma number (optionally with thousands points) */
	commaDecimal: '[-+]?([0-9]{1,3}(\\.[0-9]{3})+|[0-9]+),[0-9]+',
	pointDecimal: '[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)\\.[0-9]+'
} as const;

const full = (re: string) => new RegExp(`^(?:${re})$`);
const R = Object.fromEntries(Object.entries(RE).map(([k, v]) => [k, full(v)])) as Record<keyof typeof RE, RegExp>;

/** The mark a single value proves, if any. */
export function evidenceOf(raw: string): ',' | '.' | null {
	const v = cleanNumber(raw);
	if (!v || R.int.test(v)) return null;
	if (R.dotGroups.test(v)) return R.dotGroupsMulti.test(v) ? ',' : null;
	if (R.commaGroups.test(v)) return R.commaGroupsMulti.test(v) ? '.' : null;
	if (R.commaDecimal.test(v)) return ',';
	if (R.pointDecimal.test(v)) return '.';
	return null;
}

/** Majority of the evidence; a tie (including none) leaves the mark open. */
export function decideDecimal(comma: number, point: number): ',' | '.' | null {
	return comma > point ? ',' : point > comma ? '.' : null;
}

export function columnNumberFormat(values: Iterable<string>, intOnly = false): ColumnNumberFormat {
	let comma = 0;
	let point = 0;
	for (const v of values) {
		const e = evidenceOf(v);
		if (e === ',') comma++;
		else if (e === '.') point++;
	}
	return { decimal: decideDecimal(comma, point), intOnly };
}

export type NumberReading = { value: number } | { error: 'ambiguous_number' | 'mixed_decimal' | 'not_a_number' };

/** One value read under its column's format; the same rules as the SQL in validate-sql.ts. */
export function readNumber(raw: string, f: ColumnNumberFormat): NumberReading {
	const v = cleanNumber(raw);
	if (R.int.test(v)) return { value: Number(v) };
	if (R.dotGroups.test(v)) {
		return f.decimal === ',' || f.intOnly || R.dotGroupsMulti.test(v) ? { value: Number(v.replace(/\./g, '')) } : { error: 'ambiguous_number' };
	}
	if (R.commaGroups.test(v)) {
		return f.decimal === '.' || f.intOnly || R.commaGroupsMulti.test(v) ? { value: Number(v.replace(/,/g, '')) } : { error: 'ambiguous_number' };
	}
	if (R.commaDecimal.test(v)) return f.decimal === '.' ? { error: 'mixed_decimal' } : { value: Number(v.replace(/\./g, '').replace(',', '.')) };
	if (R.pointDecimal.test(v)) return f.decimal === ',' ? { error: 'mixed_decimal' } : { value: Number(v.replace(/,/g, '')) };
	return { error: 'not_a_number' };
}

/** The two readings of an ambiguous value, for the message ("13.363 kann 13,363 oder 13363 sein"). */
export function ambiguousReadings(raw: string): { dec_de: string; dec_en: string; whole: string } {
	const v = cleanNumber(raw);
	const whole = v.replace(/[.,]/g, '');
	if (v.includes('.')) return { dec_de: v.replace('.', ','), dec_en: v, whole };
	return { dec_de: v, dec_en: v.replace(',', '.'), whole };
}
