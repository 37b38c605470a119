/** Minimal RFC 4180 writer for the project's own machine-readable files (UTF-8, comma, point). */
export function csvField(v: unknown): string {
	if (v === null || v === undefined) return '';
	const s = String(v);
	return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function toCsv(rows: Record<string, unknown>[]): string {
	if (rows.length === 0) return '';
	const cols = Object.keys(rows[0]);
	return [cols.join(','), ...rows.map((r) => cols.map((c) => csvField(r[c])).join(','))].join('\n') + '\n';
}
