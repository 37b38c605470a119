/**
 * Fuzz: valid files, mutated (stray quotes, delimiters, line breaks, backslashes, deleted and
 * duplicated pieces, truncation, stray bytes). Whatever comes in: no exception escapes, no
 * hang, rows read = loaded + rejected, and every physical line is accounted for: the header,
 * blank, skipped or data lines add up to the file's lines, and every row read is either in the
 * table (by its line) or rejected at its line.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { importFile } from '../../src/lib/import/import-file';
import { decodeText } from '../../src/lib/import/encoding';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';
import { encode } from './helpers/fixtures';
import { csvText, prng, randomDialect, randomRows, type Rng } from './helpers/generate';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

const FILES = 300;
const MIN_FILES = 120;
const BUDGET_MS = 45_000;
const PER_FILE_MS = 5_000;

const INSERTS = ['"', "'", ';', ',', '\t', '|', '\n', '\r', '\r\n', '\\', '\\"', '""', ' ', 'ä', '€', 'x;y;z', '\n\n\n'];

function mutate(r: Rng, text: string): string {
	let t = text;
	for (let k = r.int(1, 4); k > 0; k--) {
		const at = r.int(0, t.length);
		switch (r.int(0, 5)) {
			case 0:
				t = t.slice(0, at) + r.pick(INSERTS) + t.slice(at);
				break;
			case 1:
				t = t.slice(0, at) + t.slice(Math.min(t.length, at + r.int(1, 20)));
				break;
			case 2: {
				const lines = t.split('\n');
				const i = r.int(0, lines.length - 1);
				lines.splice(i, 0, lines[r.int(0, lines.length - 1)]);
				t = lines.join('\n');
				break;
			}
			case 3:
				t = t.slice(0, r.int(Math.floor(t.length / 2), t.length));
				break;
			case 4: {
				const lines = t.split('\n');
				const i = r.int(0, lines.length - 1);
				lines[i] = lines[i].replace(/[;,\t|]/, '"');
				t = lines.join('\n');
				break;
			}
			default:
				t = t.slice(0, at) + r.pick(['Summe;;;;;;9;9', 'Quelle: Amt', '']) + '\n' + t.slice(at);
		}
	}
	return t;
}

/** physical lines as a text editor counts them */
function physicalLines(text: string): number {
	const t = text.replace(/^\ufeff/, '');
	if (t === '') return 0;
	const breaks = (t.match(/\r\n|\n|\r/g) ?? []).length;
	return breaks + (/[\r\n]$/.test(t) ? 0 : 1);
}

describe('fuzz: mutated files never break the accounting', () => {
	it(`up to ${FILES} mutated files, time-bounded`, async () => {
		const t0 = performance.now();
		let n = 0;
		let fatal = 0;
		for (let seed = 1; seed <= FILES && (n < MIN_FILES || performance.now() - t0 < BUDGET_MS); seed++) {
			const r = prng(7000 + seed);
			const d = randomDialect(r);
			const rows = randomRows(r, r.int(1, 10), seed, true);
			let bytes = encode(mutate(r, csvText(rows, d)), r.chance(0.8) ? 'utf-8' : 'windows-1252');
			if (r.chance(0.15)) {
				bytes = new Uint8Array(bytes);
				bytes[r.int(0, bytes.length - 1)] = r.pick([0x80, 0x93, 0xe4, 0xfc, 0xc3, 0xff]);
			}
			const name = `fuzz_${seed}.csv`;
			const t1 = performance.now();
			let report;
			try {
				report = await importFile(db, { name, bytes });
			} catch (e) {
				throw new Error(`seed ${seed}: exception escaped: ${(e as Error).message}`);
			}
			const ctx = `seed ${seed}: ${JSON.stringify(report.fatal)} ${JSON.stringify(report.lines)}`;
			expect(performance.now() - t1, ctx).toBeLessThan(PER_FILE_MS);
			expect(balanced(report), ctx).toBe(true);
			if (report.fatal) {
				fatal++;
				n++;
				continue;
			}
			const L = report.lines!;
			expect(L.header + L.blank + L.skipped + L.data, ctx).toBe(L.total);
			expect(L.total, ctx).toBe(physicalLines(decodeText(bytes).text));
			expect(report.rowsRead, ctx).toBeLessThanOrEqual(L.data);
			const loadedLines = (await db.query<{ _line: number }>(`SELECT _line FROM einsaetze WHERE _file = ?`, [name])).map((x) => x._line);
			const rejectedLines = new Set(report.rejections.map((x) => x.line));
			expect(loadedLines.length, ctx).toBe(report.rowsLoaded);
			expect(rejectedLines.size, ctx).toBe(report.rowsRejected);
			expect(loadedLines.filter((l) => rejectedLines.has(l)), ctx).toEqual([]);
			const notData = new Set([report.dialect!.headerLine!, ...report.skipped.map((s) => s.line)]);
			expect([...loadedLines, ...rejectedLines].filter((l) => notData.has(l)), ctx).toEqual([]);
			await db.exec(`DELETE FROM einsaetze WHERE _file = '${name}'`);
			n++;
		}
		console.log(`fuzz: ${n} files (${fatal} unreadable as a whole) in ${Math.round(performance.now() - t0)} ms`);
		expect(n).toBeGreaterThanOrEqual(MIN_FILES);
	}, 120_000);
});
