/**
 * The streamed CSV path (csv-stream.ts, chunk by chunk, the one the app uses) and the exact path
 * (the whole file as one string through readTabular) must give the same loaded table and the
 * same report on every fixture. Small chunk sizes put chunk ends inside quoted fields that span
 * lines, inside CRLF pairs and multi-byte characters.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { importFile, localCsvSourceWith } from '../../src/lib/import/import-file';
import { csvChunks } from '../../src/lib/import/csv-stream';
import { readTabular } from '../../src/lib/import/read-file';
import type { ImportReport } from '../../src/lib/import/report';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';
import { csvString, encode } from './helpers/fixtures';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

const H = ['Datum', 'AGS', 'Lotse', 'Format', 'Thema', 'Altersgruppe', 'Teilnehmende', 'Minuten'];
const row = (i: number, over: Partial<Record<number, string>> = {}): string[] => {
	const r = [`0${(i % 9) + 1}.03.2025`, '13076034', `MV-L${i}`, i % 2 ? 'Telefon' : 'Hausbesuch', `Thema ${i}`, '75+', String((i % 4) + 1), i % 3 ? '30' : '63,5'];
	for (const [k, v] of Object.entries(over)) r[Number(k)] = v!;
	return r;
};
const lines = (rows: string[][], d = ';', eol = '\n') => rows.map((r) => r.join(d)).join(eol) + eol;

const fixtures: Record<string, Uint8Array> = {
	'sample-faulty.csv': new Uint8Array(readFileSync('data/sample/beispieldaten_fehlerhaft_einsaetze.csv')),
	'sample-mv.csv': new Uint8Array(readFileSync('data/sample/beispieldaten_einsaetze_mv.csv')),
	'sample-coworking-1252.csv': new Uint8Array(readFileSync('data/sample/beispieldaten_coworking_mv.csv')),
	'plain-crlf.csv': encode(lines([H, ...Array.from({ length: 120 }, (_, i) => row(i))], ';', '\r\n')),
	'preamble-footer-repeated.csv': encode(
		'Lotsen-Einsätze Landkreis Test\nStand: 31.03.2025\n\n' +
			lines([H, ...Array.from({ length: 60 }, (_, i) => row(i)), H, ...Array.from({ length: 60 }, (_, i) => row(i + 60))]) +
			'\n\nSumme;;;;;;130;\nQuelle: Test\n'
	),
	'quotes-multiline-unclosed.csv': encode(
		csvString(
			H,
			Array.from({ length: 150 }, (_, i) =>
				i % 17 === 5 ? row(i, { 4: `Zeile eins\nZeile zwei; mit "Zitat"\nZeile drei` }) : i === 40 ? row(i, { 4: '"offen ohne Ende' }) : row(i)
			)
		).replace('"offen ohne Ende"', '"offen ohne Ende')
	),
	'windows-1252.csv': encode(lines([H, ...Array.from({ length: 80 }, (_, i) => row(i, { 4: i % 5 ? `Überweisung € „${i}“` : `Ärger ${i}` }))]), 'windows-1252'),
	'utf8-stray-byte.csv': (() => {
		const a = encode(lines([H, ...Array.from({ length: 70 }, (_, i) => row(i, { 4: `Größe ${i}` }))]));
		const i = a.indexOf(0x47, 400); // a "G" somewhere after line 5 → a lone Windows-1252 "ä"
		a[i] = 0xe4;
		return a;
	})(),
	'utf16-bom.csv': encode(lines([H, ...Array.from({ length: 50 }, (_, i) => row(i, { 4: `Bürgeramt ${i}` }))]), 'utf-16le-bom'),
	'comma-space-backslash.csv': encode(
		lines(
			[H, ...Array.from({ length: 90 }, (_, i) => row(i, { 4: i % 4 ? `"Antrag \\"${i}\\", online"` : `Termin ${i}`, 7: i % 3 ? '30' : '63.5' }))],
			', '
		)
	),
	'duplicates-and-errors.csv': encode(
		lines([
			['Projekt-ID', 'Projekt', 'AGS', 'Programm', 'Betrag', 'Status'],
			...Array.from({ length: 90 }, (_, i) => [`P${i % 70}`, `Raum ${i}`, i % 11 ? '13076034' : '1307603', 'Test', i % 13 ? '13.363' : '1.234,56', i % 9 ? 'bewilligt' : 'unbekannt'])
		])
	),
	'header-only.csv': encode(lines([H])),
	'blank.csv': encode('\n\n  \n'),
	'no-kind.csv': encode(lines([['a', 'b', 'c'], ['1', '2', '3']]))
};

async function run(name: string, bytes: Uint8Array, mode: 'whole' | number) {
	const report =
		mode === 'whole'
			? await importFile(db, { name, bytes }, { csvMode: 'whole' })
			: await importFile(db, { name, bytes }, { csvSource: localCsvSourceWith({ chunkBytes: mode }) });
	const table = report.kind ? `"${report.kind === 'einsaetze' ? 'einsaetze' : report.kind}"` : null;
	let rows: unknown[] = [];
	if (table) {
		const exists = await db.query(`SELECT 1 FROM duckdb_tables() WHERE table_name = ${"'" + table.replace(/"/g, '') + "'"}`);
		if (exists.length) rows = await db.query(`SELECT * FROM ${table} WHERE _file = '${name}' ORDER BY _line`);
	}
	return { report, rows };
}

describe('streamed CSV import = whole-file import', () => {
	for (const [name, bytes] of Object.entries(fixtures)) {
		it(name, async () => {
			const exact = await run(name, bytes, 'whole');
			expect(balanced(exact.report)).toBe(true);
			// tiny chunks on small files; a handful of chunk ends on the sample files
			const sizes = bytes.length < 20_000 ? [1, 97, 4096] : [Math.ceil(bytes.length / 7), 65_536];
			for (const chunk of sizes) {
				const fast = await run(name, bytes, chunk);
				expect(fast.report, `chunkBytes ${chunk}`).toEqual(exact.report as ImportReport);
				expect(fast.rows, `chunkBytes ${chunk}`).toEqual(exact.rows);
			}
		});
	}

	it('the fixtures reach the rules they are meant for', async () => {
		const r = async (n: string) => (await run(n, fixtures[n], 97)).report;
		const q = await r('quotes-multiline-unclosed.csv');
		expect(q.rejections.filter((x) => x.code === 'unclosed_quote').map((x) => x.line)).toHaveLength(1);
		expect(q.rowsLoaded).toBeGreaterThan(140);
		const p = await r('preamble-footer-repeated.csv');
		expect(p.skipped.map((s) => s.kind)).toEqual(['preamble', 'preamble', 'repeated_header', 'footer', 'footer']);
		expect((await r('utf8-stray-byte.csv')).encodingNotes).toHaveLength(1);
		expect((await r('windows-1252.csv')).dialect?.encoding).toBe('windows-1252');
		expect((await r('utf16-bom.csv')).dialect?.encoding).toBe('utf-16le');
		const d = await r('duplicates-and-errors.csv');
		expect(d.rejections.some((x) => x.code === 'duplicate')).toBe(true);
		expect((await r('header-only.csv')).fatal?.code).toBe('header_only');
		expect((await r('blank.csv')).fatal?.code).toBe('empty_file');
		expect((await r('no-kind.csv')).fatal?.code).toBe('unknown_kind');
	});

	it('gives the same rows and lines chunk by chunk as readTabular, and never one giant string', async () => {
		const bytes = fixtures['quotes-multiline-unclosed.csv'];
		const whole = (await readTabular(bytes)).segments[0];
		const streamed = [...csvChunks(bytes, { chunkBytes: 64, keepRows: true, noIpc: true })];
		const rows = streamed.flatMap((e) => (e.type === 'chunk' ? e.rows! : []));
		expect(rows).toEqual(whole.rows);
		const chunks = streamed.filter((e) => e.type === 'chunk');
		expect(chunks.length).toBeGreaterThan(10);
		const end = streamed.find((e) => e.type === 'end')!;
		expect(end.type === 'end' && end.broken).toEqual(whole.broken);
	});
});
