/**
 * CSV text → records with the line number a text editor shows, so every rejection can point
 * at the right line even when quoted fields span lines. RFC 4180 quoting; CRLF, LF or CR.
 */
export interface CsvRecord {
	/** 1-based line on which the record starts */
	line: number;
	fields: string[];
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Parses the whole text (or only the first `limit` records). */
export function parseCsv(text: string, delimiter: string, limit = Infinity): CsvRecord[] {
	const out: CsvRecord[] = [];
	const d = delimiter.charCodeAt(0);
	const n = text.length;
	let i = 0;
	let line = 1;
	while (i < n && out.length < limit) {
		const start = line;
		const fields: string[] = [];
		for (;;) {
			let value: string;
			if (text.charCodeAt(i) === 34 /* " */) {
				let j = i + 1;
				let buf = '';
				for (;;) {
					const q = text.indexOf('"', j);
					if (q < 0) {
						buf += text.slice(j); // unterminated quote: take the rest
						j = n;
						break;
					}
					buf += text.slice(j, q);
					if (text.charCodeAt(q + 1) === 34) {
						buf += '"';
						j = q + 2;
					} else {
						j = q + 1;
						break;
					}
				}
				for (let k = 0; k < buf.length; k++) {
					const c = buf.charCodeAt(k);
					if (c === 10 || (c === 13 && buf.charCodeAt(k + 1) !== 10)) line++;
				}
				// anything between the closing quote and the delimiter is kept, as spreadsheets do
				let e = j;
				while (e < n) {
					const c = text.charCodeAt(e);
					if (c === d || c === 10 || c === 13) break;
					e++;
				}
				value = buf + text.slice(j, e);
				i = e;
			} else {
				let e = i;
				while (e < n) {
					const c = text.charCodeAt(e);
					if (c === d || c === 10 || c === 13) break;
					e++;
				}
				value = text.slice(i, e);
				i = e;
			}
			fields.push(value);
			if (i < n && text.charCodeAt(i) === d) {
				i++;
				continue;
			}
			break;
		}
		if (i < n && text.charCodeAt(i) === 13) i++;
		if (i < n && text.charCodeAt(i) === 10) i++;
		line++;
		out.push({ line: start, fields });
	}
	return out;
}

/**
 * Picks the delimiter that splits the first lines into the most columns consistently
 * (the header and most sampled records agree on the count).
 */
export function sniffDelimiter(text: string): string {
	const sample = text.slice(0, 64 * 1024);
	let best: string = DELIMITERS[0];
	let bestScore = -1;
	for (const d of DELIMITERS) {
		const recs = parseCsv(sample, d, 30).filter((r) => r.fields.some((f) => f.trim() !== ''));
		if (recs.length === 0) continue;
		const width = recs[0].fields.length;
		if (width < 2) continue;
		const agree = recs.filter((r) => r.fields.length === width).length / recs.length;
		const score = agree * width;
		if (score > bestScore) {
			bestScore = score;
			best = d;
		}
	}
	return best;
}
