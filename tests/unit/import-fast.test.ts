/**
 * The DuckDB fast path (csv-fast.ts): which lines count as clean, and that a file whose clean
 * lines are split by DuckDB's read_csv loads exactly what the JS parser alone loads (same report,
 * same rows, same lines) — with every kind of line that is not clean scattered between them.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cleanPrefix, type FastTest } from '../../src/lib/import/csv-fast';
import { csvChunks } from '../../src/lib/import/csv-stream';
import { importFile, localCsvSourceWith } from '../../src/lib/import/import-file';
import type { ImportReport } from '../../src/lib/import/report';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';
import { encode } from './helpers/fixtures';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

const T: FastTest = { delimiter: ';', quote: '"', escape: 'double', width: 4, headerFirst: 'Datum' };
/** how many of the lines are clean, scanning the whole text */
const clean = (text: string, t: FastTest = T) => cleanPrefix(text, text.length, t).lines;

describe('cleanPrefix', () => {
	it('takes plain lines, LF or CRLF, with empty fields, spaces and tabs', () => {
		expect(cleanPrefix('a;b;c;d\n1;2;;\n x ;\ty;z;\n', 99, T)).toEqual({ lines: 3, end: 24, padded: true });
		expect(cleanPrefix('a;b;c;d\r\n1;2;;\r\n', 99, T)).toEqual({ lines: 2, end: 16, padded: false });
		expect(cleanPrefix('a;b;c;d\n1;2;3;4\n', 8, T)).toEqual({ lines: 1, end: 8, padded: false });
		expect(cleanPrefix('a;"b ";c;d\n', 99, T).padded).toBe(true);
	});
	it('takes whole quoted fields with doubled quotes, closed on their line', () => {
		expect(clean('a;"b ""x"", y";c;d\n"1";"2;3";4;5\n')).toBe(2);
	});
	it.each([
		['a quote inside an unquoted field', 'a;b"c;d;e\n'],
		['a space before an opening quote', 'a; "b";c;d\n'],
		['text after a closing quote', 'a;"b"x;c;d\n'],
		['a quoted field spanning lines', 'a;"b\nc";d;e\n'],
		['an unclosed quote', 'a;"b;c;d\n'],
		['too few fields', 'a;b;c\n'],
		['too many fields', 'a;b;c;d;\n'],
		['one filled field (a note)', ';x;;\n'],
		['a blank line', ';;;\n'],
		['a total line', 'Summe;;12;3\n'],
		['a quoted note line', '"Quelle: Amt";x;y;z\n'],
		['a repeated header', 'datum;b;c;d\n'],
		['a bare CR', 'a;b;c;d\rx;y;z;w\n'],
		['a no-break space', 'a;b\u00a0;c;d\n'],
		['a BOM', '\ufeffa;b;c;d\n'],
		['a NUL', 'a;b\u0000;c;d\n'],
		['the last line without a line break', 'a;b;c;d'],
		['another line ending than the first line', 'a;b;c;d\r\n']
	])('stops at %s', (_what, line) => {
		expect(clean('1;2;3;4\n' + line + '5;6;7;8\n')).toBe(1);
	});
	it('takes no quote at all when quotes are escaped with a backslash', () => {
		expect(clean('a;"b";c;d\n', { ...T, escape: 'backslash' })).toBe(0);
		expect(clean('a;b\\x;c;d\n', { ...T, escape: 'backslash' })).toBe(1);
	});
});

// ---- the same file through the JS parser alone and through the fast path ----
const H = ['Datum', 'AGS', 'Lotse', 'Format', 'Thema', 'Altersgruppe', 'Teilnehmende', 'Minuten'];
/** a clean line i, every 5th with quoted fields (one with doubled quotes and a delimiter inside) */
const good = (i: number) => {
	const thema = i % 41 === 3 ? '""' : i % 5 === 0 ? `"Apps (""WhatsApp""; Signal) ${i}"` : i % 5 === 1 ? `"Thema ${i}"` : `Thema ${i}`;
	return [`${(i % 28) + 1}.03.2025`, i % 400 === 13 ? ' 8435024 ' : i % 400 === 14 ? '8435024' : '13076034', `MV-L${i % 50}`, i % 2 ? 'Telefon' : 'Hausbesuch', thema, '75+', String((i % 4) + 1), i % 3 ? '30' : '63,5'].join(';');
};
/** lines that are not clean, each a rule of its own */
const dirty = [
	(i: number) => good(i).replace('Thema', 'Thema mit "Zitat"'),
	(i: number) => good(i).replace(/Thema [0-9]+/, `"Zeile eins\nZeile zwei ${i}"`),
	() => '01.03.2025;13076034;MV-L1;Telefon;"offen ohne Ende;75+;1;30',
	(i: number) => good(i).replace('MV-L', 'MV\u00a0L'),
	() => 'Zwischensumme;;;;;;99;',
	() => H.join(';'),
	(i: number) => good(i) + ';zu viel',
	(i: number) => good(i).split(';').slice(0, 5).join(';'),
	() => '',
	() => ';;;;;;;',
	(i: number) => good(i).replace('Telefon', ' "Telefon"')
];

function fileText(n: number, eol: (i: number) => string): string {
	const out = ['Lotsen-Einsätze Test', H.join(';')];
	for (let i = 0; i < n; i++) {
		out.push(i % 97 === 50 ? dirty[((i / 97) | 0) % dirty.length](i) : good(i));
		if (i % 250 === 7) out.push(dirty[i % dirty.length](i));
	}
	out.push('', 'Quelle: Test', 'Summe;;;;;;;');
	return out.map((l, i) => l + eol(i)).join('');
}

async function load(name: string, bytes: Uint8Array, mode: 'whole' | { chunkBytes: number; batch?: number }) {
	const report = await importFile(
		db,
		{ name, bytes },
		mode === 'whole' ? { csvMode: 'whole' } : { csvSource: localCsvSourceWith({ chunkBytes: mode.chunkBytes }), validateBatchRows: mode.batch }
	);
	const rows = report.kind ? await db.query(`SELECT * FROM einsaetze WHERE _file = '${name}' ORDER BY _line`) : [];
	return { report, rows };
}

const fastRows = (bytes: Uint8Array, chunkBytes: number) => {
	let n = 0;
	for (const e of csvChunks(bytes, { chunkBytes })) if (e.type === 'chunk') n += e.fast?.rows ?? 0;
	return n;
};

describe('fast path = JS parser', () => {
	const files: Record<string, Uint8Array> = {
		'lf.csv': encode(fileText(3000, () => '\n')),
		'crlf-mixed.csv': encode(fileText(3000, (i) => (i % 3 ? '\r\n' : '\n'))),
		'windows-1252.csv': encode(fileText(3000, () => '\r\n').replace(/Thema /g, 'Überweisung € '), 'windows-1252')
	};
	for (const [name, bytes] of Object.entries(files)) {
		it(name, async () => {
			const exact = await load(name, bytes, 'whole');
			expect(balanced(exact.report)).toBe(true);
			expect(exact.report.rowsLoaded).toBeGreaterThan(2500 * (name.startsWith('windows') ? 0.6 : 1));
			// 65 kB chunks also validated in batches of 701 rows (a batch boundary inside every few chunks)
			for (const [chunkBytes, batch] of [[16_384], [65_536, 701]]) {
				// most rows go through DuckDB's reader, or this test would not test it
				expect(fastRows(bytes, chunkBytes), `chunkBytes ${chunkBytes}`).toBeGreaterThan(exact.report.rowsRead * 0.5);
				const fast = await load(name, bytes, { chunkBytes, batch });
				expect(fast.report, `chunkBytes ${chunkBytes}`).toEqual(exact.report as ImportReport);
				expect(fast.rows, `chunkBytes ${chunkBytes}`).toEqual(exact.rows);
			}
			// three imports of 3000 rows, one in batches of 701 (crlf-mixed: ~21 s alone on 2 cores)
		}, 120_000);
	}

	it('the file reaches the rules it is meant for', async () => {
		const { report } = await load('lf.csv', files['lf.csv'], { chunkBytes: 16_384 });
		const codes = new Set(report.rejections.map((r) => r.code));
		for (const c of ['unclosed_quote', 'too_many_fields', 'too_few_fields']) expect(codes, c).toContain(c);
		expect(report.skipped.map((s) => s.kind)).toEqual(expect.arrayContaining(['preamble', 'repeated_header', 'footer']));
		// rows i = 13 and 14 (lines 3 + i + 1: title, header, one extra line after row 7) lost their leading zero
		expect(report.repairs.filter((r) => r.line < 100).map((r) => [r.line, r.column, r.from, r.to, r.code])).toEqual([
			[17, 'AGS', '8435024', '08435024', 'repaired_leading_zero'],
			[18, 'AGS', '8435024', '08435024', 'repaired_leading_zero']
		]);
		// a quoted Thema with a delimiter and doubled quotes inside, loaded as written
		const t = await db.query<{ thema: string }>(`SELECT thema FROM einsaetze WHERE _file = 'lf.csv' AND _line = 2 + 1 + 5`);
		expect(t[0].thema).toBe('Apps ("WhatsApp"; Signal) 5');
	});
});
