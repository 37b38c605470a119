/**
 * The one-pass CSV load (csv-one-pass.ts, gate csv-clean-scan.ts) against the chunked path
 * (`csvOnePass: false`): the same files give equal reports (counts, lines, columns, reasons,
 * repairs) and equal tables, row for row — with one bad value per rule, blank and quoted fields,
 * a duplicate, ambiguous `1.000` / `13.363`, keys without their leading zero — and loaded
 * values checked by hand. Each file is first checked to really go the one-pass way.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { csvChunks } from '../../src/lib/import/csv-stream';
import { scanClean, scanCleanSteps, sqlEvidenceOf, type ScanStep } from '../../src/lib/import/csv-clean-scan';
import { importFile } from '../../src/lib/import/import-file';
import { localCsvSourceWith, type CsvSourceFactory } from '../../src/lib/import/csv-staging';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';
import { encode } from './helpers/fixtures';
import { evidenceOf } from '../../src/lib/import/number-format';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

/** did the stream offer the file and find every data line clean? */
function onePassTaken(bytes: Uint8Array): boolean {
	for (const e of csvChunks(bytes)) if (e.type === 'verdict') return e.scan !== null;
	return false;
}

const TABLE = { einsaetze: 'einsaetze', qualifizierung: 'qualifizierung', coworking: 'coworking', bevoelkerung: 'bevoelkerung_65plus' } as const;

async function both(name: string, bytes: Uint8Array, kind: keyof typeof TABLE) {
	const run = async (onePass: boolean) => {
		const report = await importFile(db, { name, bytes }, { csvOnePass: onePass, maxDetails: 50 });
		const rows = await db.query(`SELECT * FROM ${TABLE[kind]} WHERE _file = '${name}' ORDER BY _line`);
		await db.exec(`DELETE FROM ${TABLE[kind]} WHERE _file = '${name}'`);
		return { report, rows };
	};
	const chunked = await run(false);
	const one = await run(true);
	return { chunked, one };
}

const E_HEAD = 'Datum;AGS;Lotse;Format;Thema;Altersgruppe;Teilnehmende;Minuten;Digitales Angebot';
const eLine = (i: number) => `${String((i % 28) + 1).padStart(2, '0')}.03.2025;13076034;MV-L${i % 7};${i % 2 ? 'Telefon' : 'Hausbesuch'};Thema ${i};75+;${(i % 4) + 1};${i % 3 ? '30' : '63,5'};`;

describe('one pass = chunked path', () => {
	it('a clean Einsätze file: every value by hand', async () => {
		// line 3 quoted with a doubled quote and a delimiter inside, line 4 blank optional field, line 5 a key without its leading zero,
		// line 6 spaces around fields (trimmed), line 7 "online" in another case, line 8 a 1.000 in a whole-number column (thousands)
		const text = [
			E_HEAD,
			'01.03.2025;13076034;MV-L1;Telefon;Thema;75+;2;63,5;Online-Banking',
			'02.03.2025;13076034;MV-L2;"Hausbesuch";"Apps (""WhatsApp""; Signal)";unter 50;1;30;',
			'03.03.2025;08435024;MV-L3;Online;Rente;50–64;3;45,25;',
			'04.03.2025;8435024;MV-L4;Online;Rente;65–74;1;15;',
			'05.03.2025; 13076034 ;MV-L5 ;Telefon; Post ;75+; 4 ;20,5;',
			'06.03.2025;13076034;MV-L6;online;Post;75+;1;10;',
			'07.03.2025;13076034;MV-L7;Telefon;Post;75+;1.000;10;'
		].join('\n') + '\n';
		const bytes = encode(text);
		expect(onePassTaken(bytes)).toBe(true);
		const { chunked, one } = await both('clean.csv', bytes, 'einsaetze');
		expect(one.report).toEqual(chunked.report);
		expect(one.rows).toEqual(chunked.rows);
		expect(one.report.rowsRead).toBe(7);
		// 1.000 participants is over the limit of 10.000? no: 1000 ≤ 10000, loaded as 1000 (thousands point, whole-number field)
		expect(one.report.rowsLoaded).toBe(7);
		const r = one.rows as Record<string, unknown>[];
		// dates as epoch ms (DATE), minutes: 63,5 → 63.5; 45,25 → 45.25; 20,5 → 20.5
		expect(r.map((x) => x.minuten)).toEqual([63.5, 30, 45.25, 15, 20.5, 10, 10]);
		expect(r.map((x) => x.teilnehmende)).toEqual([2, 1, 3, 1, 4, 1, 1000]);
		expect(r.map((x) => x.ags)).toEqual(['13076034', '13076034', '08435024', '08435024', '13076034', '13076034', '13076034']);
		expect(r.map((x) => x.format)).toEqual(['Telefon', 'Hausbesuch', 'Online', 'Online', 'Telefon', 'Online', 'Telefon']);
		expect(r[1].thema).toBe('Apps ("WhatsApp"; Signal)');
		expect(r[4].lotse_id).toBe('MV-L5');
		expect(r[4].thema).toBe('Post');
		expect(r.map((x) => x.digitales_angebot)).toEqual(['Online-Banking', null, null, null, null, null, null]);
		expect(r.map((x) => x._line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
		expect(r[0].datum).toBe(Date.UTC(2025, 2, 1));
		// the key without its leading zero is a repair at line 5, not hidden
		expect(one.report.repairs.map((x) => [x.line, x.from, x.to])).toEqual([[5, '8435024', '08435024']]);
	});

	it('one bad value per rule: same rejections, lines, columns and reasons', async () => {
		const bad: [string, string][] = [
			['missing date', ';13076034;L;Telefon;T;75+;1;30;'],
			['invalid date', '31.02.2025;13076034;L;Telefon;T;75+;1;30;'],
			['date out of range', '01.01.2015;13076034;L;Telefon;T;75+;1;30;'],
			['key format', '01.03.2025;13A76034;L;Telefon;T;75+;1;30;'],
			['unknown key', '01.03.2025;99999999;L;Telefon;T;75+;1;30;'],
			['unknown value', '01.03.2025;13076034;L;Brieftaube;T;75+;1;30;'],
			['unknown age group', '01.03.2025;13076034;L;Telefon;T;120+;1;30;'],
			['not a number', '01.03.2025;13076034;L;Telefon;T;75+;viele;30;'],
			['not an integer', '01.03.2025;13076034;L;Telefon;T;75+;1,5;30;'],
			['negative', '01.03.2025;13076034;L;Telefon;T;75+;-2;30;'],
			['too large', '01.03.2025;13076034;L;Telefon;T;75+;20000;30;'],
			['13.363 minutes (the column writes 63,5: thousands, 13363 > 1440)', '01.03.2025;13076034;L;Telefon;T;75+;1;13.363;'],
			['mixed decimal', '01.03.2025;13076034;L;Telefon;T;75+;1;12.5;'],
			['missing text', '01.03.2025;13076034;L;Telefon;;75+;1;30;'],
			['key with inner spaces (loaded)', '01.03.2025;130 760 34;L;Telefon;T;75+;1;30;'],
			['blank quoted optional', '01.03.2025;13076034;L;Telefon;T;75+;1;30;""']
		];
		const lines = [E_HEAD];
		for (let i = 0; i < 40; i++) lines.push(eLine(i));
		bad.forEach(([, l], k) => lines.splice(3 + k * 2, 0, l));
		const bytes = encode(lines.join('\n') + '\n');
		expect(onePassTaken(bytes)).toBe(true);
		const { chunked, one } = await both('bad.csv', bytes, 'einsaetze');
		expect(balanced(one.report)).toBe(true);
		expect(one.report).toEqual(chunked.report);
		expect(one.rows).toEqual(chunked.rows);
		// 16 bad lines, of which 2 load (inner spaces in the key, blank optional field): 14 rejected
		expect(one.report.rowsRead).toBe(56);
		expect(one.report.rowsRejected).toBe(14);
		expect(one.report.rejections.map((r) => [r.line, r.column, r.code])).toEqual([
			[4, 'Datum', 'missing_value'],
			[6, 'Datum', 'invalid_date'],
			[8, 'Datum', 'date_out_of_range'],
			[10, 'AGS', 'key_format'],
			[12, 'AGS', 'unknown_key'],
			[14, 'Format', 'unknown_value'],
			[16, 'Altersgruppe', 'unknown_value'],
			[18, 'Teilnehmende', 'not_a_number'],
			[20, 'Teilnehmende', 'not_an_integer'],
			[22, 'Teilnehmende', 'negative'],
			[24, 'Teilnehmende', 'too_large'],
			[26, 'Minuten', 'too_large'],
			[28, 'Minuten', 'mixed_decimal'],
			[30, 'Thema', 'missing_value']
		]);
		expect(one.report.rejectedRecords.rows.map((r) => r.line)).toEqual([4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]);
		expect((one.rows as Record<string, unknown>[]).find((r) => r._line === 32)?.ags).toBe('13076034');
	});

	it('a duplicate, row rules and dates (Qualifizierung): same report and rows', async () => {
		const text = [
			'Lotsen-ID;Gemeindeschlüssel;Anbieter;Modul;Beginn;Abschluss;Status',
			'MV-1;13076034;VHS;Open Data;01.02.2024;01.03.2024;abgeschlossen',
			'MV-2;13076034;VHS;Open Data;01.02.2024;;laufend',
			'MV-1;13076034;VHS;Open Data;05.02.2024;01.03.2024;abgeschlossen',
			'MV-3;13076034;VHS;E-Government;01.02.2024;01.01.2024;abgeschlossen',
			'MV-4;13076034;VHS;E-Government;01.02.2024;;abgeschlossen',
			'MV-5;13076034;VHS;opendata;01.02.2024;;laufend'
		].join('\r\n') + '\r\n';
		const bytes = encode(text);
		expect(onePassTaken(bytes)).toBe(true);
		const { chunked, one } = await both('quali.csv', bytes, 'qualifizierung');
		expect(one.report).toEqual(chunked.report);
		expect(one.rows).toEqual(chunked.rows);
		expect(one.report.rejections.map((r) => [r.line, r.code, r.params.first ?? ''])).toEqual([
			[4, 'duplicate', 2],
			[5, 'date_order', ''],
			[6, 'completion_missing', '']
		]);
		expect((one.rows as Record<string, unknown>[]).map((r) => r.modul)).toEqual(['Open Data', 'Open Data', 'Open Data']);
	});

	it('amounts with thousands points and decimal commas, rates (Coworking): same report and rows', async () => {
		const text = [
			'Projekt-ID;Projektname;Gemeindeschlüssel;Förderprogramm;Betrag (EUR);Förderquote;Status',
			'P1;Alte Schule;13076034;MV-Cowork;12.500,50;75 %;bewilligt',
			'P2;Hafen;13076034;MV-Cowork;1.000;0,8;bewilligt',
			'P3;Bahnhof;13076034;MV-Cowork;13.363;90;eröffnet',
			'P4;Mühle;13076034;MV-Cowork;2500,75;0,5;beantragt',
			'P5;Speicher;13076034;MV-Cowork;300;150;beantragt'
		].join('\n');
		const bytes = encode(text); // no line break after the last line
		expect(onePassTaken(bytes)).toBe(true);
		const { chunked, one } = await both('cowork.csv', bytes, 'coworking');
		expect(one.report).toEqual(chunked.report);
		expect(one.rows).toEqual(chunked.rows);
		// the column proves a decimal comma (12.500,50 and 2500,75): 1.000 and 13.363 are thousands
		const r = one.rows as Record<string, unknown>[];
		expect(r.map((x) => x.betrag_eur)).toEqual([12500.5, 1000, 13363, 2500.75]);
		expect(r.map((x) => x.foerderquote)).toEqual([0.75, 0.8, 0.9, 0.5]);
		expect(one.report.rejections.map((x) => [x.line, x.code])).toEqual([[6, 'rate_out_of_range']]);
	});

	it('an ambiguous 1.000 in an amount column without other evidence is rejected both ways', async () => {
		const text = ['Projekt-ID;Projektname;Gemeindeschlüssel;Förderprogramm;Betrag (EUR);Status', 'P1;A;13076034;X;1.000;bewilligt', 'P2;B;13076034;X;250;bewilligt'].join('\n') + '\n';
		const bytes = encode(text, 'utf-8-bom');
		expect(onePassTaken(bytes)).toBe(true);
		const { chunked, one } = await both('amb.csv', bytes, 'coworking');
		expect(one.report).toEqual(chunked.report);
		expect(one.rows).toEqual(chunked.rows);
		expect(one.report.rejections.map((x) => [x.line, x.code, x.value])).toEqual([[2, 'ambiguous_number', '1.000']]);
	});

	it('a file that is not clean (footer, blank line) keeps the chunked path', async () => {
		const withFooter = encode([E_HEAD, eLine(1), eLine(2), 'Summe;;;;;;3;;'].join('\n') + '\n');
		const withBlank = encode([E_HEAD, eLine(1), '', eLine(2)].join('\n') + '\n');
		expect(onePassTaken(withFooter)).toBe(false);
		expect(onePassTaken(withBlank)).toBe(false);
		for (const [name, b] of [['f.csv', withFooter], ['b.csv', withBlank]] as const) {
			const { chunked, one } = await both(name, b, 'einsaetze');
			expect(one.report).toEqual(chunked.report);
			expect(one.report.rowsLoaded).toBe(2);
		}
	});
});

describe('one pass: read_csv types the columns the scan proved exact', () => {
	/** the one-pass INSERT's read: file column → type */
	async function insertTypes(name: string, bytes: Uint8Array, table = 'einsaetze'): Promise<{ types: string[]; sql: string }> {
		let sql = '';
		const spy: Db = {
			...db,
			query: (async (s: string, p?: unknown[]) => {
				if (s.startsWith('INSERT INTO') && s.includes('FROM (WITH _src AS')) sql = s;
				return db.query(s, p);
			}) as Db['query'],
			exec: db.exec.bind(db)
		};
		await importFile(spy, { name, bytes }, { maxDetails: 50 });
		await db.exec(`DELETE FROM ${table} WHERE _file = '${name}'`);
		const cols = /columns=\{([^}]*)\}/.exec(sql)![1];
		return { types: [...cols.matchAll(/'c\d+': '([A-Z]+)'/g)].map((m) => m[1]), sql };
	}
	const row = (date: string, n: string, min: string) => `${date};13076034;L;Telefon;T;75+;${n};${min};`;

	it('dates and plain numbers typed by the reader: same report and rows as the text path, errors by hand', async () => {
		const bad = [
			row('29.02.2024', '1', '30'), // a leap day: loaded
			row('31.12.2030', '2', '63,5'), // the last day allowed: loaded
			row('', '1', '30'), // line 6: missing date (the typed read gives NULL only for an empty field)
			row('01.01.2017', '1', '30'), // line 7: before the programme
			row('01.03.2025', '', '30'), // line 8: missing participants
			row('01.03.2025', '2,5', '30'), // line 9: 2.5 participants
			row('01.03.2025', '20000', '30'), // line 10: over 10.000
			row('01.03.2025', '007', '1440,0'), // 7 participants, 1440 minutes: loaded
			row('01.03.2025', '1', '1440,5'), // line 12: over 1440 minutes
			row('"02.03.2025"', '1', '"45,25"'), // quoted: loaded
			row('01.03.2025', '1', '1234567890123,5') // line 14: 16 characters, too large
		];
		const bytes = encode([E_HEAD, eLine(1), eLine(2), ...bad, eLine(3)].join('\n') + '\n');
		expect(onePassTaken(bytes)).toBe(true);
		const { types, sql } = await insertTypes('typed.csv', bytes);
		expect(types).toEqual(['DATE', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'DOUBLE', 'DOUBLE', 'VARCHAR']);
		expect(sql).toContain(`decimal_separator=','`);
		const { chunked, one } = await both('typed.csv', bytes, 'einsaetze');
		expect(one.report).toEqual(chunked.report);
		expect(one.rows).toEqual(chunked.rows);
		expect(one.report.rejections.map((r) => [r.line, r.column, r.code, r.value])).toEqual([
			[6, 'Datum', 'missing_value', ''],
			[7, 'Datum', 'date_out_of_range', '01.01.2017'],
			[8, 'Teilnehmende', 'missing_value', ''],
			[9, 'Teilnehmende', 'not_an_integer', '2,5'],
			[10, 'Teilnehmende', 'too_large', '20000'],
			[12, 'Minuten', 'too_large', '1440,5'],
			[14, 'Minuten', 'too_large', '1234567890123,5']
		]);
		const r = one.rows as Record<string, unknown>[];
		expect(r.map((x) => x._line)).toEqual([2, 3, 4, 5, 11, 13, 15]);
		expect(r.map((x) => x.datum)).toEqual([Date.UTC(2025, 2, 2), Date.UTC(2025, 2, 3), Date.UTC(2024, 1, 29), Date.UTC(2030, 11, 31), Date.UTC(2025, 2, 1), Date.UTC(2025, 2, 2), Date.UTC(2025, 2, 4)]);
		// eLine(i): participants i % 4 + 1, minutes 63,5 when i % 3 = 0, else 30
		expect(r.map((x) => x.teilnehmende)).toEqual([2, 3, 1, 2, 7, 1, 4]);
		expect(r.map((x) => x.minuten)).toEqual([30, 30, 30, 63.5, 1440, 45.25, 63.5]);
	});

	it('rates and amounts typed by the reader (Coworking): a rate over 1 is a percentage, as in the text path', async () => {
		const text = [
			'Projekt-ID;Projektname;Gemeindeschlüssel;Förderprogramm;Betrag (EUR);Förderquote;Status',
			'P1;Alte Schule;13076034;MV-Cowork;12500,50;75;bewilligt',
			'P2;Hafen;13076034;MV-Cowork;1000;0,8;bewilligt',
			'P3;Bahnhof;13076034;MV-Cowork;300;150;beantragt',
			'P4;Mühle;13076034;MV-Cowork;2500,75;1;beantragt',
			'P5;Speicher;13076034;MV-Cowork;450;0,5;beantragt'
		].join('\n') + '\n';
		const bytes = encode(text);
		expect(onePassTaken(bytes)).toBe(true);
		const { types } = await insertTypes('rates.csv', bytes, 'coworking');
		expect(types).toEqual(['VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'DOUBLE', 'DOUBLE', 'VARCHAR']);
		const { chunked, one } = await both('rates.csv', bytes, 'coworking');
		expect(one.report).toEqual(chunked.report);
		expect(one.rows).toEqual(chunked.rows);
		// 75 → 0,75 and 150 → 1,5 (over 1: rejected); 0,8 and 1 as written
		const r = one.rows as Record<string, unknown>[];
		expect(r.map((x) => x.foerderquote)).toEqual([0.75, 0.8, 1, 0.5]);
		expect(r.map((x) => x.betrag_eur)).toEqual([12500.5, 1000, 2500.75, 450]);
		expect(one.report.rejections.map((x) => [x.line, x.code])).toEqual([[4, 'rate_out_of_range']]);
	});

	// one value in an otherwise typed file that the reader could not type as the check reads it:
	// that column (or, padded, every column) stays text, and the result is the text path's
	it.each([
		['29.02.2025 (no such day)', row('29.02.2025', '1', '30'), [0], [[3, 'Datum', 'invalid_date']]],
		['1.3.2025 (one digit)', row('1.3.2025', '1', '30'), [0], []],
		['2025-03-01 (ISO)', row('2025-03-01', '1', '30'), [0], []],
		['01.03.0999 (year < 1000)', row('01.03.0999', '1', '30'), [0], [[3, 'Datum', 'date_out_of_range']]],
		['17 characters', row('01.03.2025', '1', '12345678901234,56'), [7], [[3, 'Minuten', 'too_large']]],
		['1.000 minutes (a thousands group)', row('01.03.2025', '1', '1.000'), [7], []],
		['12.5 minutes (the other mark)', row('01.03.2025', '1', '12.5'), [7], [[3, 'Minuten', 'mixed_decimal']]],
		['12.5 participants (the read uses the comma of Minuten)', row('01.03.2025', '12.5', '30'), [6], [[3, 'Teilnehmende', 'not_an_integer']]],
		['-2 participants (a sign)', row('01.03.2025', '-2', '30'), [6], [[3, 'Teilnehmende', 'negative']]],
		['a padded field', ' 01.03.2025 ;13076034;L;Telefon;T;75+;1;30;', [0, 6, 7], []],
		['a quoted date with a space', '"01.03.2025 ";13076034;L;Telefon;T;75+;1;30;', [0, 6, 7], []]
	] as const)('%s: the column stays text', async (_w, line, text, rejected) => {
		const bytes = encode([E_HEAD, eLine(1), line, eLine(3), eLine(6)].join('\n') + '\n');
		expect(onePassTaken(bytes)).toBe(true);
		const { types } = await insertTypes('odd.csv', bytes);
		const expected = ['DATE', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'DOUBLE', 'DOUBLE', 'VARCHAR'].map((t, i) => ((text as readonly number[]).includes(i) ? 'VARCHAR' : t));
		expect(types).toEqual(expected);
		const { chunked, one } = await both('odd.csv', bytes, 'einsaetze');
		expect(one.report).toEqual(chunked.report);
		expect(one.rows).toEqual(chunked.rows);
		expect(one.report.rejections.map((r) => [r.line, r.column, r.code])).toEqual(rejected);
		expect(one.report.rowsRead).toBe(4);
	});

	it('DuckDB reads these shapes typed exactly as the check reads the text', async () => {
		// numbers of at most 16 characters, digits and one plain mark; dates dd.mm.yyyy that exist
		const nums = ['0', '007', '1', '63', '9007199254740993', '4503599627370497', '1234567890123456', '0,1', '00,50', '63,5', '1440,0', '123456789012345,6', '0,000000000000001', '2,675', '1,0000000000000002'];
		const dates = ['01.01.1000', '29.02.2024', '29.02.2000', '28.02.1900', '31.12.9999', '01.03.2025', '30.04.2025'];
		for (const [sep, vals] of [[',', nums], ['.', nums.map((v) => v.replace(',', '.'))]] as const) {
			await db.registerFile('_exact.csv', encode(vals.map((v, i) => `${v};${dates[i % dates.length]}`).join('\n') + '\n'));
			const rows = await db.query<{ same: boolean; d_same: boolean; v: string }>(
				`SELECT t.n IS NOT DISTINCT FROM TRY_CAST(replace(s.n, ',', '.') AS DOUBLE) AS same, t.d = TRY_CAST(try_strptime(s.d, '%d.%m.%Y') AS DATE) AS d_same, s.n AS v
				FROM (SELECT row_number() OVER () AS i, * FROM read_csv('_exact.csv', header=false, auto_detect=false, decimal_separator='${sep}', dateformat='%d.%m.%Y', delim=';', quote='"', escape='"', columns={'n': 'DOUBLE', 'd': 'DATE'})) t
				JOIN (SELECT row_number() OVER () AS i, * FROM read_csv('_exact.csv', header=false, auto_detect=false, all_varchar=true, delim=';', quote='"', escape='"', columns={'n': 'VARCHAR', 'd': 'VARCHAR'})) s ON s.i = t.i`
			);
			expect(rows.length).toBe(vals.length);
			expect(rows.filter((r) => !r.same || !r.d_same).map((r) => r.v)).toEqual([]);
		}
		await db.dropFile('_exact.csv');
	});
});

describe('one pass: cancel and out of memory', () => {
	const bytes = encode([E_HEAD, ...Array.from({ length: 300 }, (_, i) => eLine(i))].join('\n') + '\n');
	const rows = async () => (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM einsaetze WHERE _file = 'keep.csv'`))[0].n;
	it('an earlier import of the file stays when the next one is cancelled or runs out of memory', async () => {
		expect(onePassTaken(bytes)).toBe(true);
		const first = await importFile(db, { name: 'keep.csv', bytes });
		expect([first.rowsRead, first.rowsLoaded, first.fatal]).toEqual([300, 300, null]);
		const ctl = new AbortController();
		const cancelled = await importFile(db, { name: 'keep.csv', bytes }, { signal: ctl.signal, onProgress: (p) => p.checking && ctl.abort() });
		expect(cancelled.fatal?.code).toBe('cancelled');
		expect(await rows()).toBe(300);
		// Abbrechen pressed while the one statement runs: rolled back when it returns
		const late = new AbortController();
		const abortInInsert: Db = {
			...db,
			query: (async (sql: string, p?: unknown[]) => {
				const r = await db.query(sql, p);
				if (sql.includes('FROM (WITH _src AS') && sql.startsWith('INSERT INTO')) late.abort();
				return r;
			}) as Db['query'],
			exec: db.exec.bind(db)
		};
		const cancelledLate = await importFile(abortInInsert, { name: 'keep.csv', bytes: bytes.slice() }, { signal: late.signal });
		expect(late.signal.aborted).toBe(true);
		expect(cancelledLate.fatal?.code).toBe('cancelled');
		expect(await rows()).toBe(300);
		// the same in the chunked path (csvOnePass false): an abort while the checks insert the rows
		const chunkedLate = new AbortController();
		const abortInCheck: Db = {
			...db,
			query: (async (sql: string, p?: unknown[]) => {
				const r = await db.query(sql, p);
				if (sql.startsWith('INSERT INTO "einsaetze"')) chunkedLate.abort();
				return r;
			}) as Db['query'],
			exec: db.exec.bind(db)
		};
		const cancelledChunked = await importFile(abortInCheck, { name: 'keep.csv', bytes: bytes.slice() }, { signal: chunkedLate.signal, csvOnePass: false });
		expect(chunkedLate.signal.aborted).toBe(true);
		expect(cancelledChunked.fatal?.code).toBe('cancelled');
		expect(await rows()).toBe(300);
		// duckdb-wasm's own words when its memory limit is reached, in the one-pass insert
		const tight: Db = {
			...db,
			query: async (sql, p) => {
				if (sql.includes('FROM (WITH _src AS')) throw new Error('Out of Memory Error: failed to allocate data of size 4.0 MiB (3.1 GiB/3.1 GiB used)');
				return db.query(sql, p);
			},
			exec: db.exec.bind(db)
		};
		const oom = await importFile(tight, { name: 'keep.csv', bytes });
		expect(oom.fatal?.code).toBe('file_too_large');
		expect(oom.fatal?.message).toMatch(/^Die Datei ist zu groß für den Browser: 300 Zeilen gelesen/);
		expect(await rows()).toBe(300);
		const left = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name IN ('stg', '_chk', '_load')`);
		expect(left[0].n).toBe(0);
		expect((await db.query<{ value: string }>(`SELECT current_setting('disabled_optimizers') AS value`))[0].value).toBe('');
	});
});

describe('one pass: the INSERT begun from the scan\'s first part', () => {
	// the scan pauses every 300 bytes: the first pause's guess starts the INSERT after about 5 lines
	const early = localCsvSourceWith({ scanStepBytes: 300 });
	/** the order in which the stream's events and the database's statements came */
	function watched() {
		const log: string[] = [];
		const source: CsvSourceFactory = (f, p, o) => {
			const s = early(f, p, o);
			return {
				...s,
				next: async () => {
					const e = await s.next();
					if (e?.type === 'verdict') {
						// in the browser the worker scans while DuckDB inserts; here the scan runs in this
						// thread, so the verdict waits until the INSERT has been sent (at most 5 s)
						for (let t = 0; log.includes('guess') && !log.includes('insert') && t < 500; t++) await new Promise((r) => setTimeout(r, 10));
						log.push(`verdict ${e.scan ? 'clean' : 'not clean'}`);
					}
					if (e?.type === 'scanning' && e.guess) log.push('guess');
					return e;
				}
			};
		};
		const note = (sql: string) => {
			if (/^INSERT INTO "einsaetze" SELECT .* FROM \(WITH _src AS/s.test(sql)) log.push('insert');
			if (sql === 'ROLLBACK' || sql === 'COMMIT') log.push(sql.toLowerCase());
		};
		const spy: Db = {
			...db,
			query: (async (sql: string, p?: unknown[]) => (note(sql), db.query(sql, p))) as Db['query'],
			exec: async (sql: string) => (note(sql), db.exec(sql))
		};
		return { log, source, spy };
	}
	const lines = (n: number, f: (i: number) => string = eLine) => Array.from({ length: n }, (_, i) => f(i));
	const table = async (name: string) => db.query(`SELECT * FROM einsaetze WHERE _file = '${name}' ORDER BY _line`);
	/** the chunked path's report and rows for the same file (the reference) */
	async function reference(name: string, bytes: Uint8Array) {
		const report = await importFile(db, { name, bytes }, { csvOnePass: false, maxDetails: 50 });
		const rows = await table(name);
		await db.exec(`DELETE FROM einsaetze WHERE _file = '${name}'`);
		return { report, rows };
	}

	it('kept when the whole file builds the same statement: begun before the scan ended, one INSERT, equal to the chunked path', async () => {
		// a value of a closed list that is not on it far behind the guess (line 62) is still rejected there
		const bytes = encode([E_HEAD, ...lines(80, (i) => (i === 60 ? eLine(i).replace(';Telefon;', ';Brieftaube;').replace(';Hausbesuch;', ';Brieftaube;') : eLine(i)))].join('\n') + '\n');
		const ref = await reference('early.csv', bytes);
		const { log, source, spy } = watched();
		const report = await importFile(spy, { name: 'early.csv', bytes }, { csvSource: source, maxDetails: 50 });
		expect(log).toEqual(['guess', 'insert', 'verdict clean', 'commit']);
		expect(report).toEqual(ref.report);
		expect(await table('early.csv')).toEqual(ref.rows);
		expect([report.rowsRead, report.rowsLoaded, report.rowsRejected]).toEqual([80, 79, 1]);
		expect(report.rejections.map((r) => [r.line, r.column, r.value, r.code])).toEqual([[62, 'Format', 'Brieftaube', 'unknown_value']]);
		await db.exec(`DELETE FROM einsaetze WHERE _file = 'early.csv'`);
	});

	it('redone when a date behind the guess does not exist: the typed read begun from the guess fails, is rolled back, the text read rejects the date at its line', async () => {
		// the first part's dates are all TT.MM.JJJJ that exist, so the guess lets read_csv type the column
		const bytes = encode([E_HEAD, ...lines(80, (i) => (i === 60 ? eLine(i).replace(/^\d\d\.03/, '31.02') : eLine(i)))].join('\n') + '\n');
		const ref = await reference('date.csv', bytes);
		const { log, source, spy } = watched();
		const report = await importFile(spy, { name: 'date.csv', bytes }, { csvSource: source, maxDetails: 50 });
		expect(log).toEqual(['guess', 'insert', 'verdict clean', 'rollback', 'insert', 'commit']);
		expect(report).toEqual(ref.report);
		expect(await table('date.csv')).toEqual(ref.rows);
		expect(report.rejections.map((r) => [r.line, r.column, r.value, r.code])).toEqual([[62, 'Datum', '31.02.2025', 'invalid_date']]);
		expect((await db.query<{ value: string }>(`SELECT current_setting('disabled_optimizers') AS value`))[0].value).toBe('');
		await db.exec(`DELETE FROM einsaetze WHERE _file = 'date.csv'`);
	});

	it('redone when the rest of the file changes the statement (a padded field after the guess): rolled back, run again, right values', async () => {
		// line 62 has spaces around its fields: the whole file's statement trims, the guessed one did not
		const bytes = encode([E_HEAD, ...lines(80, (i) => (i === 60 ? eLine(i).replace(';Thema ', '; Thema ').replace(/;(\d);/, '; $1 ;') : eLine(i)))].join('\n') + '\n');
		const ref = await reference('padded.csv', bytes);
		const { log, source, spy } = watched();
		const report = await importFile(spy, { name: 'padded.csv', bytes }, { csvSource: source, maxDetails: 50 });
		expect(log).toEqual(['guess', 'insert', 'verdict clean', 'rollback', 'insert', 'commit']);
		expect(report).toEqual(ref.report);
		const rows = await table('padded.csv');
		expect(rows).toEqual(ref.rows);
		expect([report.rowsRead, report.rowsLoaded]).toEqual([80, 80]);
		// line 62 = eLine(60): 60 % 4 + 1 = 1 participant, topic "Thema 60" trimmed
		const r62 = (rows as Record<string, unknown>[]).find((x) => x._line === 62)!;
		expect([r62.thema, r62.teilnehmende]).toEqual(['Thema 60', 1]);
		await db.exec(`DELETE FROM einsaetze WHERE _file = 'padded.csv'`);
	});

	it('rolled back when the rest of the file is not clean (a total line at the end): the chunked path loads it, the earlier import stays until then', async () => {
		const bytes = encode([E_HEAD, ...lines(80), 'Summe;;;;;;200;;'].join('\n') + '\n');
		const ref = await reference('footer.csv', bytes);
		const { log, source, spy } = watched();
		const report = await importFile(spy, { name: 'footer.csv', bytes }, { csvSource: source, maxDetails: 50 });
		// then the chunked path, its own transaction
		expect(log).toEqual(['guess', 'insert', 'verdict not clean', 'rollback', 'commit']);
		expect(report).toEqual(ref.report);
		expect(await table('footer.csv')).toEqual(ref.rows);
		expect([report.rowsRead, report.rowsLoaded, report.skipped.map((x) => x.line)]).toEqual([80, 80, [82]]);
		// Abbrechen before the scan's end is taken in: the begun INSERT is rolled back, the import above stays whole
		const ctl = new AbortController();
		const w = watched();
		const cancelled = await importFile(w.spy, { name: 'footer.csv', bytes: bytes.slice() }, {
			csvSource: (f, p, o) => {
				const s = w.source(f, p, o);
				return { ...s, next: async () => s.next().then((e) => (e?.type === 'verdict' && ctl.abort(), e)) };
			},
			signal: ctl.signal
		});
		expect(cancelled.fatal?.code).toBe('cancelled');
		expect(w.log).toEqual(['guess', 'insert', 'verdict not clean', 'rollback']);
		expect(await table('footer.csv')).toEqual(ref.rows);
		expect((await db.query<{ value: string }>(`SELECT current_setting('disabled_optimizers') AS value`))[0].value).toBe('');
		await db.exec(`DELETE FROM einsaetze WHERE _file = 'footer.csv'`);
	});
});

describe('one pass: UTF-8 judged from the first part, the rest by the scan', () => {
	// judged UTF-8 from the first 300 bytes (about 4 lines); the scan checks every byte after the header
	const early = localCsvSourceWith({ provisionalBytes: 300, scanStepBytes: 300 });
	const lines = (f: (i: number) => string) => Array.from({ length: 60 }, (_, i) => f(i));
	/** the same file read as one string (decodeText decides over the whole file): the reference */
	async function asReference(name: string, bytes: Uint8Array) {
		const report = await importFile(db, { name, bytes }, { csvMode: 'whole', maxDetails: 50 });
		const rows = await db.query(`SELECT * FROM einsaetze WHERE _file = '${name}' ORDER BY _line`);
		await db.exec(`DELETE FROM einsaetze WHERE _file = '${name}'`);
		return { report, rows };
	}
	async function streamed(name: string, bytes: Uint8Array) {
		const report = await importFile(db, { name, bytes }, { csvSource: early, maxDetails: 50 });
		const rows = (await db.query(`SELECT * FROM einsaetze WHERE _file = '${name}' ORDER BY _line`)) as Record<string, unknown>[];
		await db.exec(`DELETE FROM einsaetze WHERE _file = '${name}'`);
		return { report, rows };
	}
	const w1252 = (text: string) => encode(text, 'windows-1252');

	it('a UTF-8 file with one Windows-1252 byte after the first part: the UTF-8 text kept, the byte noted at its line', async () => {
		// line 42 = lines[40]: "Börse" with ö as the single byte 0xF6; line 12: "Grüße" in UTF-8
		const text = [E_HEAD, ...lines((i) => eLine(i).replace(`Thema ${i};`, i === 10 ? 'Grüße;' : i === 40 ? 'B\u0000rse;' : `Thema ${i};`))].join('\n') + '\n';
		const utf8 = encode(text);
		const at = utf8.indexOf(0);
		utf8[at] = 0xf6;
		const ref = await asReference('stray.csv', utf8);
		const got = await streamed('stray.csv', utf8);
		expect(got.report).toEqual(ref.report);
		expect(got.rows).toEqual(ref.rows);
		expect(got.report.dialect?.encoding).toBe('utf-8');
		expect(got.report.encodingNotes.map((n) => n.line)).toEqual([42]);
		expect(got.rows.find((r) => r._line === 12)!.thema).toBe('Grüße');
		expect(got.rows.find((r) => r._line === 42)!.thema).toBe('Börse');
		expect(got.report.rowsLoaded).toBe(60);
	});

	it('a Windows-1252 file whose first part is plain ASCII: read again as Windows-1252, no mojibake', async () => {
		const text = [E_HEAD, ...lines((i) => eLine(i).replace(`Thema ${i};`, i === 30 ? 'Bürgeramt;' : i === 50 ? 'Führerschein;' : `Thema ${i};`))].join('\n') + '\n';
		const bytes = w1252(text);
		const ref = await asReference('ansi.csv', bytes);
		const got = await streamed('ansi.csv', bytes);
		expect(got.report).toEqual(ref.report);
		expect(got.rows).toEqual(ref.rows);
		expect(got.report.dialect?.encoding).toBe('windows-1252');
		expect(got.rows.find((r) => r._line === 32)!.thema).toBe('Bürgeramt');
		expect(got.rows.find((r) => r._line === 52)!.thema).toBe('Führerschein');
	});

	it('a UTF-8 file with umlauts only after the first part goes the one-pass way, values exact', async () => {
		const text = [E_HEAD, ...lines((i) => eLine(i).replace(`Thema ${i};`, i === 30 ? 'Bürgeramt – Termin;' : `Thema ${i};`))].join('\n') + '\n';
		const bytes = encode(text);
		const ref = await asReference('umlaut.csv', bytes);
		let onePass = false;
		const report = await importFile(db, { name: 'umlaut.csv', bytes }, {
			maxDetails: 50,
			csvSource: (f, p, o) => {
				const s = early(f, p, o);
				return { ...s, next: async () => s.next().then((e) => (e?.type === 'verdict' && (onePass = e.scan !== null), e)) };
			}
		});
		const rows = (await db.query(`SELECT * FROM einsaetze WHERE _file = 'umlaut.csv' ORDER BY _line`)) as Record<string, unknown>[];
		expect(onePass).toBe(true);
		expect(report).toEqual(ref.report);
		expect(rows).toEqual(ref.rows);
		expect(rows.find((r) => r._line === 32)!.thema).toBe('Bürgeramt – Termin');
		await db.exec(`DELETE FROM einsaetze WHERE _file = 'umlaut.csv'`);
	});
});

describe('scanClean', () => {
	const t = { delimiter: ';', quote: '"' as const, escape: 'double' as const, width: 3, headerFirst: 'Datum' };
	const spec = { test: t, numeric: new Map([[2, 'n']]), keys: new Map([[1, 'k']]) };
	const scan = (s: string) => scanClean(encode(s), 0, spec);
	it('counts rows, evidence and shapes like the SQL', () => {
		const r = scan('a;13076034;63,5\nb;x;12.5\nc;y;1.000\nd;z;1.234,5\ne;w;7\n')!;
		expect(r.rows).toBe(5);
		// 63,5 and 1.234,5 prove a comma, 12.5 a point, 1.000 nothing
		expect(r.evidence).toEqual({ 'n:,': 2, 'n:.': 1 });
		expect(r.shapes.n).toEqual({ comma: 1, point: 1, other: 2 });
		expect(r.keyRepairable.k).toBe(false);
		expect(scan('a;8435024;1\nb;x;2\n')!.keyRepairable.k).toBe(true);
		// typed by read_csv only when every value is plain (12.5, 7, 63,5) and at most 16 characters
		expect(r.exact).toEqual({ n: false });
		expect(scan('a;b;63,5\nb;x;12.5\nc;y;7\nd;z;\n')!.exact).toEqual({ n: true });
		expect(scan('a;b;1234567890123,56\n')!.exact).toEqual({ n: true });
		expect(scan('a;b;12345678901234,56\n')!.exact).toEqual({ n: false });
	});
	it('in steps: pauses after the line that passes each step, ends with what scanClean gives', () => {
		// lines of 16, 9, 10, 8 and 6 bytes (ends at 16, 25, 35, 43, 49); a step every 20 bytes
		const text = 'a;13076034;63,5\nb;x;12.5\nc;y;1.000\nd;z;1,5\ne;w;7\n';
		const bytes = encode(text);
		const steps = scanCleanSteps(bytes, 0, spec, 20);
		const seen: ScanStep[] = [];
		let r = steps.next();
		for (; !r.done; r = steps.next()) seen.push(r.value);
		// line 2 ends at byte 25 (≥ 20), the next step at 25 + 20 = 45: line 5 ends at 49
		expect(seen.map(({ rows, bytesDone }) => ({ rows, bytesDone }))).toEqual([
			{ rows: 2, bytesDone: 25 },
			{ rows: 5, bytesDone: 49 }
		]);
		expect(seen.every((s) => bytes[s.bytesDone - 1] === 10)).toBe(true);
		expect(r.value).toEqual(scanClean(bytes, 0, spec));
		expect(r.value!.rows).toBe(5);
		// each pause carries what the lines so far give (the early start's guess)
		expect(seen[0].sofar).toEqual(scanClean(encode('a;13076034;63,5\nb;x;12.5\n'), 0, spec));
		expect(seen[1].sofar).toEqual(r.value);
		// a line that is not clean after a step: the steps before it were given, the end is null
		const bad = scanCleanSteps(encode('a;b;1\nc;d;2\ne;f\n'), 0, spec, 1);
		const rows: number[] = [];
		let b = bad.next();
		for (; !b.done; b = bad.next()) rows.push(b.value.rows);
		expect(rows).toEqual([1, 2]);
		expect(b.value).toBeNull();
	});
	it.each([
		['a line with another field count', 'a;b;1\nc;d\n'],
		['a quoted field spanning lines', 'a;"b\nc";1\n'],
		['a padded total line', 'a;b;1\n Summe;x;2\n'],
		['a repeated header', 'a;b;1\nDatum;x;y\n'],
		['a no-break space', 'a;b\u00a0c;1\n'],
		['mixed line endings', 'a;b;1\r\nc;d;2\n'],
		['a blank line', 'a;b;1\n\nc;d;2\n']
	])('stops at %s', (_w, s) => expect(scan(s)).toBeNull());
	it('judges values the way numberEvidenceSql does (JS evidenceOf agrees on these)', () => {
		for (const v of ['12,5', '1.234,56', '1.234.567', '12.5', '1,234,567', '13.363', '1,500', '7', '€ 12,50', '12,50 EUR', '-3,5']) expect(sqlEvidenceOf(v)).toBe(evidenceOf(v));
	});
});
