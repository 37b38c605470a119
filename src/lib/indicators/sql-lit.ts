/**
 * Everything that comes from parameters enters SQL through these helpers: strings are quoted,
 * dates and numbers are checked before they are written into the text.
 */
export { lit, q } from '../import/validate-sql';
import { lit } from '../import/validate-sql';

/** ('a', 'b') — never empty: an empty list would be a syntax error, so it becomes (NULL) which matches nothing */
export function litList(values: readonly string[]): string {
	if (values.length === 0) return '(NULL)';
	return '(' + values.map((v) => lit(String(v))).join(', ') + ')';
}

/** [ 'a', 'b' ]::VARCHAR[] as a DuckDB list literal */
export function litArray(values: readonly string[]): string {
	return '[' + values.map((v) => lit(String(v))).join(', ') + ']::VARCHAR[]';
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → the first day of its month, 'YYYY-MM-01'; throws on anything else. */
export function monthStart(iso: string): string {
	const m = ISO.exec(String(iso));
	const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
	if (!m || !d || d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
		throw new Error(`Ungültiges Datum (erwartet JJJJ-MM-TT): ${JSON.stringify(iso)}`);
	}
	return `${m[1]}-${m[2]}-01`;
}

/** month arithmetic on 'YYYY-MM-01' strings (no time zones involved) */
export function addMonths(monthIso: string, n: number): string {
	const [y, mo] = monthIso.split('-').map(Number);
	const t = y * 12 + (mo - 1) + n;
	return `${String(Math.floor(t / 12)).padStart(4, '0')}-${String((t % 12) + 1).padStart(2, '0')}-01`;
}

export const dateLit = (iso: string) => `DATE ${lit(iso)}`;

export function intLit(n: number, name = 'Zahl'): string {
	if (!Number.isInteger(n) || n < 0) throw new Error(`${name} muss eine ganze Zahl ≥ 0 sein: ${n}`);
	return String(n);
}
