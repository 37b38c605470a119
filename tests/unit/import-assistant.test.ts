/**
 * The import assistant's back end: when a file needs it, the profile it drafts and edits, the
 * number evidence it shows, profiles kept in a key-value store, and that importFile loads what
 * the edited profile says (real duckdb-wasm, values checked, not only counts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { importFile } from '../../src/lib/import/import-file';
import { inspectFile } from '../../src/lib/import/inspect';
import { parseProfile, serialiseProfile, headerSignature, type ImportProfile } from '../../src/lib/import/profile';
import {
	assistantReasons,
	columnOf,
	draftFrom,
	hasChoices,
	pinnedColumns,
	profileDecimal,
	readingOf,
	unusedColumns,
	withDecimal,
	withFieldColumn,
	withReading,
	withValue
} from '../../src/lib/import/profile-edit';
import { findProfile, loadProfiles, PROFILES_KEY, removeProfile, saveProfile } from '../../src/lib/app/profile-store';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';
import { csvBytes, encode, type Cell } from './helpers/fixtures';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

// headers no alias knows (the assistant is needed), one unknown Format spelling
const H = ['Datum des Einsatzes', 'Gem.-Schlüssel', 'Lotse', 'Art', 'Thema', 'Altersgruppe', 'TN', 'Minuten', 'Bemerkung'];
const rows: Cell[][] = [
	['03.03.2025', '13076034', 'L1', 'Sprechstd. im Rathaus', 'Online-Banking', '75+', '2', '45', 'erster'],
	['04.03.2025', '13076034', 'L1', 'Telefon', 'Rente', '65–74', '1', '30', ''],
	['05.03.2025', '13076034', 'L2', 'Sprechstd. im Rathaus', 'Online-Banking', '75+', '3', '60', ''],
	['06.03.2025', '13076034', 'L2', 'Hausbesuch', 'Rente', 'u50', '1', '20', '']
];

describe('a file with unknown headers and an unknown Format value', () => {
	it('needs the assistant, and the edited profile loads every row with the mapped value', async () => {
		const bytes = csvBytes(H, rows);
		const ins = await inspectFile(bytes, 'rathaus.csv');
		expect(ins.kind).toBeNull();
		expect(assistantReasons(ins)).toContain('unknown_kind');
		expect(ins.header).toEqual(H);

		// the user chooses the kind: columns are detected again for it, "Datum" etc. stay open
		const detected = draftFrom(ins);
		let p = withReading(detected, { kind: 'einsaetze' });
		expect(hasChoices(detected, detected)).toBe(false);
		expect(hasChoices(p, detected)).toBe(true); // the kind was chosen
		let ins2 = await inspectFile(bytes, 'rathaus.csv', p);
		expect(ins2.kind).toBe('einsaetze');
		// "Gem.-Schlüssel" is a known abbreviation (suggested at once); the other three stay open
		expect(ins2.mapping.find((m) => m.field === 'ags')?.column).toBe(1);
		expect(ins2.mapping.filter((m) => m.column === null && m.required).map((m) => m.label)).toEqual(['Datum', 'Format', 'Teilnehmende']);
		p = draftFrom(ins2, p);
		expect(assistantReasons(ins2)).toEqual(['missing_required']);

		p = withFieldColumn(p, ins2.header, 'datum', 0);
		p = withFieldColumn(p, ins2.header, 'ags', 1);
		p = withFieldColumn(p, ins2.header, 'format', 3);
		p = withFieldColumn(p, ins2.header, 'teilnehmende', 6);
		expect(columnOf(p, H, 'format')).toBe(3);
		expect(unusedColumns(p, H)).toEqual(['Bemerkung']);
		ins2 = await inspectFile(bytes, 'rathaus.csv', p);
		expect(ins2.mapping.every((m) => !m.required || m.column !== null)).toBe(true);
		expect(ins2.unknownValues.find((u) => u.field === 'format')?.values).toEqual([{ value: 'Sprechstd. im Rathaus', count: 2 }]);
		expect(ins2.unknownValues.find((u) => u.field === 'altersgruppe')?.values).toEqual([]);
		expect(assistantReasons(ins2)).toEqual(['unknown_values']);

		// without the value mapping the two rows are rejected at their lines …
		const before = await importFile(db, { name: 'rathaus.csv', bytes }, { profile: p });
		expect([before.rowsRead, before.rowsLoaded, before.rowsRejected]).toEqual([4, 2, 2]);
		expect(before.rejections.map((r) => [r.line, r.column, r.value, r.code])).toEqual([
			[2, 'Art', 'Sprechstd. im Rathaus', 'unknown_value'],
			[4, 'Art', 'Sprechstd. im Rathaus', 'unknown_value']
		]);
		// … with it, all four load and the value is the allowed one
		p = withValue(p, 'format', 'Sprechstd. im Rathaus', 'Sprechstunde vor Ort');
		const text = serialiseProfile(p);
		const back = parseProfile(text);
		expect(back.error).toBeNull();
		const r = await importFile(db, { name: 'rathaus.csv', bytes }, { profile: back.profile });
		expect(balanced(r)).toBe(true);
		expect([r.rowsRead, r.rowsLoaded, r.rowsRejected]).toEqual([4, 4, 0]);
		expect(r.unusedColumns).toEqual(['Bemerkung']);
		expect(r.profile).toEqual({ signature: headerSignature(H), name: undefined });
		expect(await db.query(`SELECT _line, datum::VARCHAR AS datum, ags, format, teilnehmende FROM einsaetze WHERE _file = 'rathaus.csv' ORDER BY _line`)).toEqual([
			{ _line: 2, datum: '2025-03-03', ags: '13076034', format: 'Sprechstunde vor Ort', teilnehmende: 2 },
			{ _line: 3, datum: '2025-03-04', ags: '13076034', format: 'Telefon', teilnehmende: 1 },
			{ _line: 4, datum: '2025-03-05', ags: '13076034', format: 'Sprechstunde vor Ort', teilnehmende: 3 },
			{ _line: 5, datum: '2025-03-06', ags: '13076034', format: 'Hausbesuch', teilnehmende: 1 }
		]);

		// a second file with the same header (other spelling of the same texts) is found by its signature
		const second = csvBytes(
			H.map((h) => h.toUpperCase()),
			[['07.03.2025', '13076034', 'L3', 'Sprechstd. im Rathaus', 'WLAN', '50–64', '4', '15', '']]
		);
		const ins3 = await inspectFile(second, 'rathaus2.csv');
		expect(ins3.signature).toBe(p.signature);
	});

	it('moving a field to another column frees its old column; a value mapped back to null is rejected again', () => {
		const ins = { header: ['A', 'B', 'C'] };
		const p: ImportProfile = { type: 'digitallotsen-importprofil', version: 1, signature: 'a|b|c', header: ['A', 'B', 'C'], kind: 'einsaetze', columns: { A: 'thema', B: null, C: null } };
		const q = withFieldColumn(p, [...ins.header], 'thema', 1);
		expect(q.columns).toEqual({ A: null, B: 'thema', C: null });
		const r = withFieldColumn(q, [...ins.header], 'minuten', 1);
		expect(r.columns).toEqual({ A: null, B: 'minuten', C: null });
		expect(withFieldColumn(r, [...ins.header], 'minuten', null).columns).toEqual({ A: null, B: null, C: null });
		const v = withValue(withValue(p, 'format', 'x', 'Telefon'), 'format', 'y', 'Online');
		expect(v.values).toEqual({ format: { x: 'Telefon', y: 'Online' } });
		expect(withValue(withValue(v, 'format', 'x', null), 'format', 'y', null).values).toBeUndefined();
		// a new kind drops column, value and decimal choices; a new header row drops only the columns
		const d = withDecimal(v, ',');
		expect(d.decimal).toEqual({ teilnehmende: ',', minuten: ',' });
		expect(profileDecimal(d)).toBe(',');
		expect(withDecimal(d, undefined).decimal).toBeUndefined();
		const k = withReading(d, { kind: 'coworking' });
		expect([k.kind, k.columns, k.values, k.decimal]).toEqual(['coworking', undefined, undefined, undefined]);
		const h = withReading(d, { headerLine: 3 });
		expect([h.headerLine, h.columns, h.values, h.decimal]).toEqual([3, undefined, v.values, d.decimal]);
		expect(withReading(h, { headerLine: undefined }).headerLine).toBeUndefined();
	});
});

describe('the decimal mark per number field, as the assistant shows it', () => {
	const CH = ['Projekt-ID', 'Projekt', 'Gemeindeschlüssel', 'Programm', 'Betrag', 'Fördersatz', 'Status'];
	it('finds a decimal comma for amounts, counts "13.363" as ambiguous in a file without evidence, and a chosen mark removes the doubt', async () => {
		const good = csvBytes(CH, [
			['P1', 'Cowork A', '13076034', 'ILERL', '12.500,50', '0,75', 'bewilligt'],
			['P2', 'Cowork B', '13076034', 'ILERL', '800,00', '0,9', 'bewilligt']
		]);
		const a = await inspectFile(good, 'a.csv');
		expect(a.kind).toBe('coworking');
		expect(a.numbers.map((n) => [n.label, n.header, n.decimal, n.ambiguous])).toEqual([
			['Betrag (EUR)', 'Betrag', ',', 0],
			['Förderquote', 'Fördersatz', ',', 0]
		]);
		expect(assistantReasons(a)).toEqual([]);
		// a draft the user did not change is no choice (not saved); one column moved, or a mark chosen, is
		const plain = draftFrom(a);
		expect(hasChoices(draftFrom(await inspectFile(good, 'a.csv', plain), plain), plain)).toBe(false);
		expect(hasChoices(withFieldColumn(plain, a.header, 'foerderquote', null), plain)).toBe(true);
		expect(hasChoices(withDecimal(plain, '.'), plain)).toBe(true);
		expect(hasChoices({ ...plain, encoding: 'windows-1252' }, plain)).toBe(true);

		const unsure = csvBytes(CH, [
			['P1', 'Cowork A', '13076034', 'ILERL', '13.363', '', 'bewilligt'],
			['P2', 'Cowork B', '13076034', 'ILERL', '2000', '', 'bewilligt']
		]);
		const b = await inspectFile(unsure, 'b.csv');
		expect(b.numbers.find((n) => n.field === 'betrag_eur')).toMatchObject({ decimal: null, ambiguous: 1 });
		expect(assistantReasons(b)).toEqual(['ambiguous_numbers']);
		const p = withDecimal(draftFrom(b), ',');
		const c = await inspectFile(unsure, 'b.csv', p);
		expect(c.numbers.find((n) => n.field === 'betrag_eur')).toMatchObject({ decimal: ',', ambiguous: 0 });
		const r = await importFile(db, { name: 'b.csv', bytes: unsure }, { profile: p });
		expect([r.rowsRead, r.rowsLoaded, r.rowsRejected]).toEqual([2, 2, 0]);
		expect(await db.query(`SELECT projekt_id, betrag_eur FROM coworking WHERE _file = 'b.csv' ORDER BY projekt_id`)).toEqual([
			{ projekt_id: 'P1', betrag_eur: 13363 },
			{ projekt_id: 'P2', betrag_eur: 2000 }
		]);
	});

	it('a Windows-1252 file with a title line: the draft pins every column, empty texts left out', async () => {
		const text = 'Coworking-Förderung Landkreis Vorpommern-Greifswald\n' + CH.join(';') + ';\nP1;Cowork Ä;13076034;ILERL;12.500,50;0,75;bewilligt;\n';
		const ins = await inspectFile(encode(text, 'windows-1252'), 'titel.csv');
		expect([ins.dialect.encoding, ins.headerLine, ins.kind]).toEqual(['windows-1252', 2, 'coworking']);
		expect(ins.skipped.map((s) => [s.line, s.kind])).toEqual([[1, 'preamble']]);
		expect(ins.preview[0].fields[1]).toBe('Cowork Ä');
		// the user picks the title line's neighbour as header by hand: the profile keeps that reading,
		// and the same file read with only that reading has the profile's header again
		const chosen = withReading(draftFrom(ins), { headerLine: 2, encoding: 'windows-1252' });
		expect(readingOf(chosen)).toEqual({ type: chosen.type, version: 1, signature: chosen.signature, header: chosen.header, headerLine: 2, encoding: 'windows-1252' });
		expect((await inspectFile(encode(text, 'windows-1252'), 'titel.csv', readingOf(chosen))).signature).toBe(chosen.signature);
		expect(readingOf(draftFrom(ins))).toBeNull();
		expect(pinnedColumns(ins)).toEqual({
			'Projekt-ID': 'projekt_id',
			Projekt: 'name',
			Gemeindeschlüssel: 'ags',
			Programm: 'programm',
			Betrag: 'betrag_eur',
			Fördersatz: 'foerderquote',
			Status: 'status'
		});
	});
});

describe('profiles saved in the browser (a key-value store)', () => {
	function memoryStore() {
		const m = new Map<string, string>();
		return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
	}
	const prof = (sig: string, name: string) => ({ type: 'digitallotsen-importprofil' as const, version: 1 as const, signature: sig, header: sig.split('|'), name });

	it('keeps one profile per header, finds it by signature, skips damaged entries and survives a blocked store', () => {
		const s = memoryStore();
		expect(loadProfiles(s)).toEqual([]);
		saveProfile(s, prof('a|b', 'eins'));
		saveProfile(s, prof('c|d', 'zwei'));
		const { list, stored } = saveProfile(s, prof('a|b', 'eins neu'));
		expect(stored).toBe(true);
		expect(list.map((p) => p.name)).toEqual(['zwei', 'eins neu']);
		expect(findProfile(loadProfiles(s), 'a|b')?.name).toBe('eins neu');
		expect(findProfile(loadProfiles(s), 'x')).toBeNull();
		// a damaged entry (wrong type) is dropped, the others stay
		s.m.set(PROFILES_KEY, JSON.stringify([prof('a|b', 'ok'), { type: 'other' }]));
		expect(loadProfiles(s).map((p) => p.name)).toEqual(['ok']);
		s.m.set(PROFILES_KEY, '{not json');
		expect(loadProfiles(s)).toEqual([]);
		expect(removeProfile(s, 'a|b')).toEqual([]);
		const blocked = {
			getItem: () => {
				throw new Error('blocked');
			},
			setItem: () => {
				throw new Error('quota');
			}
		};
		expect(loadProfiles(blocked)).toEqual([]);
		expect(saveProfile(blocked, prof('a|b', 'x')).stored).toBe(false);
	});
});
