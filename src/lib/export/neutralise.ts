/**
 * OWASP CSV injection: a text cell that starts with = + - @ tab or CR could run as a formula
 * in Excel. Such cells get a leading apostrophe. Plain numbers ("-2", "-1.234,5") are data,
 * not formulas, and stay as they are.
 */
const DANGEROUS = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d{1,3}(?:[.\s]\d{3})*(?:,\d+)?$|^-?\d+(?:[.,]\d+)?$/;

export function neutraliseCell(s: string): string {
	if (!DANGEROUS.test(s)) return s;
	if (PLAIN_NUMBER.test(s)) return s;
	return "'" + s;
}
