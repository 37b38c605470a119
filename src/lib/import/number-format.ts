/**
 * Decimal comma or point? Votes over the numeric-looking values of a column, as Datawrapper
 * does: "1.234,5" and "12,5" vote comma; "1,234.5" and "12.5" vote point; "1.234" alone is
 * ambiguous and does not vote. Ties fall back to the delimiter's custom (';' → comma).
 */
export interface NumberFormat {
	decimal: ',' | '.';
	/** thousands separator seen ('.', ',', ' ', "'") or null */
	thousands: string | null;
}

// "1,234" and "1.234" are ambiguous (thousands or decimal) and match neither; "0,125" is not.
const COMMA_DECIMAL = /^[-+]?\d{1,3}(?:[.\s'\u00a0\u202f]\d{3})+,\d+$|^[-+]?\d+,(?:\d{1,2}|\d{4,})$|^[-+]?0,\d+$/;
const POINT_DECIMAL = /^[-+]?\d{1,3}(?:[,\s'\u00a0\u202f]\d{3})+\.\d+$|^[-+]?\d+\.(?:\d{1,2}|\d{4,})$|^[-+]?0\.\d+$/;

function clean(v: string): string {
	return v.trim().replace(/\s*(€|EUR|%)$/i, '').trim();
}

export function voteNumberFormat(values: Iterable<string>, delimiter = ','): NumberFormat {
	let comma = 0;
	let point = 0;
	const seps = new Map<string, number>();
	for (const raw of values) {
		const v = clean(raw);
		if (!v || !/^[-+]?\d/.test(v)) continue;
		if (COMMA_DECIMAL.test(v)) comma++;
		else if (POINT_DECIMAL.test(v)) point++;
		const m = v.match(/\d([.,\s'\u00a0\u202f])\d{3}(?!\d)/);
		if (m) seps.set(m[1], (seps.get(m[1]) ?? 0) + 1);
	}
	const decimal: ',' | '.' = comma > point ? ',' : point > comma ? '.' : delimiter === ';' ? ',' : '.';
	let thousands: string | null = null;
	let best = 0;
	for (const [s, c] of seps) if (s !== decimal && c > best) ((thousands = s), (best = c));
	return { decimal, thousands };
}
