/** Import profiles and the inspection the assistant builds them from. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importFile } from '../../src/lib/import/import-file';
import { inspectFile } from '../../src/lib/import/inspect';
import { headerSignature, newProfile, parseProfile, serialiseProfile, type ImportProfile } from '../../src/lib/import/profile';
import type { Db } from '../../src/lib/db/types';
import { referenceDb, balanced } from './helpers/db';
import { csvBytes, encode, parquetBytes, xlsxWorkbook } from './helpers/fixtures';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

// a file whose headers the import does not know, and a Format value it does not know
const HX = ['Einsatztag', 'Kommune (AGS)', 'Kürzel', 'Art', 'Worum ging es', 'Alter', 'Personen', 'Zeit', 'Interne Notiz'];
const rows = [
	['01.03.2025', '13076034', 'MV-L001', 'Sprechstunde', 'Online-Banking', '75+', '1', '30', 'x'],
	['02.03.2025', '13076034', 'MV-L001', 'Videoanruf', 'E-Rezept', '65-74', '2', '45', ''],
	['03.03.2025', '13076034', 'MV-L002', 'Videoanruf', 'BundID', '75+', '1', '20', ''],
	['04.03.2025', '13076034', 'MV-L002', 'Brief', 'Rente', '75+', '1', '15', '']
];
const bytes = csvBytes(HX, rows);

describe('inspectFile', () => {
	it('shows dialect, header, preview and suggestions without touching a database', async () => {
		const ins = await inspectFile(encode('Export vom 01.04.2025\n' + new TextDecoder().decode(bytes)), 'x.csv');
		expect(ins.dialect).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', quote: '"' });
		expect(ins.headerLine).toBe(2);
		expect(ins.skipped).toEqual([{ line: 1, sheet: undefined, kind: 'preamble', text: 'Export vom 01.04.2025' }]);
		expect(ins.header).toEqual(HX);
		expect(ins.signature).toBe('einsatztag|kommune ags|kuerzel|art|worum ging es|alter|personen|zeit|interne notiz');
		expect(ins.preview.map((p) => p.line)).toEqual([3, 4, 5, 6]);
		expect(ins.preview[0].fields).toEqual(rows[0]);
		// "Alter" and "Personen" are known names; the rest is not: no kind yet
		expect(ins.kind).toBeNull();
		expect(ins.fatal?.code).toBe('unknown_kind');
		const e = ins.kinds.find((k) => k.kind === 'einsaetze')!;
		expect(e.missing).toEqual(['Datum', 'Gemeindeschlüssel', 'Lotsen-ID', 'Format', 'Thema', 'Minuten']);
		const sug = Object.fromEntries(ins.mapping.map((m) => [m.field, [m.header, m.confidence]]));
		expect(sug.altersgruppe).toEqual(['Alter', 1]);
		expect(sug.teilnehmende).toEqual(['Personen', 1]);
	});

	it('suggests near names with their confidence and counts unknown closed-list values', async () => {
		const H = ['Einsatzdatum', 'AGS', 'Lotse', 'Format', 'Thema', 'Altersgruppe', 'Anzahl Teilnehmende', 'Dauer', 'Bemerkung'];
		const ins = await inspectFile(csvBytes(H, rows.map((r) => [...r])), 'y.csv');
		expect(ins.kind).toBe('einsaetze');
		expect(ins.mapping.map((m) => [m.field, m.header, m.confidence])).toEqual([
			['datum', 'Einsatzdatum', 1],
			['ags', 'AGS', 1],
			['lotse_id', 'Lotse', 1],
			['format', 'Format', 1],
			['thema', 'Thema', 1],
			['altersgruppe', 'Altersgruppe', 1],
			['teilnehmende', 'Anzahl Teilnehmende', 0.85],
			['minuten', 'Dauer', 1],
			['digitales_angebot', null, 0]
		]);
		expect(ins.unusedColumns).toEqual(['Bemerkung']);
		const fmt = ins.unknownValues.find((u) => u.field === 'format')!;
		expect(fmt.label).toBe('Format');
		expect(fmt.values).toEqual([
			{ value: 'Videoanruf', count: 2 },
			{ value: 'Brief', count: 1 }
		]);
		expect(ins.unknownValues.find((u) => u.field === 'altersgruppe')!.values).toEqual([]);
	});

	it('inspects Parquet and XLSX too, and never throws on garbage', async () => {
		const pq = await inspectFile(parquetBytes({ datum: ['2025-03-01'], ags: ['13076034'], lotse_id: ['L'], format: ['Fax'], thema: ['T'], altersgruppe: ['75+'], teilnehmende: Int32Array.from([1]), minuten: Int32Array.from([5]) }), 'p.parquet');
		expect(pq.kind).toBe('einsaetze');
		expect(pq.preview).toEqual([{ line: 2, fields: ['2025-03-01', '13076034', 'L', 'Fax', 'T', '75+', '1', '5'] }]);
		expect(pq.unknownValues.find((u) => u.field === 'format')!.values).toEqual([{ value: 'Fax', count: 1 }]);
		const wb = await xlsxWorkbook([{ name: 'März', rows: [HX, rows[0]] }]);
		const x = await inspectFile(wb, 'w.xlsx');
		expect(x.format).toBe('xlsx');
		expect(x.preview).toEqual([{ line: 2, sheet: 'März', fields: rows[0] }]);
		const bad = await inspectFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]), 'b.xlsx');
		expect(bad.fatal?.code).toBe('unreadable_xlsx');
	});
});

describe('a profile maps unknown headers and values', () => {
	const profile: ImportProfile = newProfile(HX, {
		name: 'Fachverfahren Landkreis',
		kind: 'einsaetze',
		columns: {
			Einsatztag: 'datum',
			'Kommune (AGS)': 'ags',
			Kürzel: 'lotse_id',
			Art: 'format',
			'Worum ging es': 'thema',
			Alter: 'altersgruppe',
			Personen: 'teilnehmende',
			Zeit: 'minuten',
			'Interne Notiz': null
		},
		values: { format: { Videoanruf: 'Online', Sprechstunde: null } }
	});

	it('inspection with the profile: kind and mapping from the profile, mapped values no longer unknown', async () => {
		const ins = await inspectFile(bytes, 'x.csv', profile);
		expect(ins.profileApplied).toBe(true);
		expect(ins.fatal).toBeNull();
		expect(ins.kind).toBe('einsaetze');
		expect(ins.mapping.filter((m) => m.column !== null).map((m) => [m.field, m.header, m.confidence])).toEqual([
			['datum', 'Einsatztag', 1],
			['ags', 'Kommune (AGS)', 1],
			['lotse_id', 'Kürzel', 1],
			['format', 'Art', 1],
			['thema', 'Worum ging es', 1],
			['altersgruppe', 'Alter', 1],
			['teilnehmende', 'Personen', 1],
			['minuten', 'Zeit', 1]
		]);
		expect(ins.unusedColumns).toEqual(['Interne Notiz']);
		// "Sprechstunde" is a known spelling but the profile refuses it; "Brief" stays unknown
		expect(ins.unknownValues.find((u) => u.field === 'format')!.values).toEqual([{ value: 'Brief', count: 1 }]);
	});

	it('importFile applies it and says so: Videoanruf → Online, Sprechstunde refused, Brief rejected', async () => {
		const without = await importFile(db, { name: 'ohne.csv', bytes });
		expect(without.fatal?.code).toBe('unknown_kind');
		const r = await importFile(db, { name: 'mit.csv', bytes }, { profile });
		expect(r.fatal).toBeNull();
		expect(r.profile).toEqual({ signature: headerSignature(HX), name: 'Fachverfahren Landkreis' });
		expect([r.rowsRead, r.rowsLoaded, r.rowsRejected]).toEqual([4, 2, 2]);
		expect(balanced(r)).toBe(true);
		expect(r.rejections.map((x) => [x.line, x.column, x.value, x.code])).toEqual([
			[2, 'Art', 'Sprechstunde', 'unknown_value'],
			[5, 'Art', 'Brief', 'unknown_value']
		]);
		expect(r.unusedColumns).toEqual(['Interne Notiz']);
		expect(await db.query(`SELECT _line, format, thema FROM einsaetze WHERE _file = 'mit.csv' ORDER BY _line`)).toEqual([
			{ _line: 3, format: 'Online', thema: 'E-Rezept' },
			{ _line: 4, format: 'Online', thema: 'BundID' }
		]);
	});

	it('a profile can fix the dialect, header line and a column\'s decimal mark', async () => {
		const H = ['Projekt-ID', 'Projektname', 'AGS', 'Programm', 'Betrag', 'Status'];
		const text = 'Förderliste\n' + 'Projekt-ID|Projektname|AGS|Programm|Betrag|Status\nA|P|13076034|ILERL|13.363|bewilligt\n';
		const plain = await importFile(db, { name: 'p0.csv', bytes: encode(text) });
		expect(plain.rejections.map((x) => x.code)).toEqual(['ambiguous_number']);
		const p = newProfile(H, { delimiter: '|', headerLine: 2, decimal: { betrag_eur: ',' } });
		const r = await importFile(db, { name: 'p1.csv', bytes: encode(text) }, { profile: p });
		expect(r.dialect).toMatchObject({ delimiter: '|', headerLine: 2 });
		expect([r.rowsRead, r.rowsLoaded]).toEqual([1, 1]);
		expect(await db.query(`SELECT betrag_eur FROM coworking WHERE _file = 'p1.csv'`)).toEqual([{ betrag_eur: 13363 }]);
	});
});

describe('profile JSON', () => {
	it('round-trips through JSON', () => {
		const p = newProfile(HX, { encoding: 'windows-1252', kind: 'einsaetze', columns: { Art: 'format', 'Interne Notiz': null }, values: { format: { Fax: null, Videoanruf: 'Online' } } });
		const back = parseProfile(serialiseProfile(p));
		expect(back.error).toBeNull();
		expect(back.profile).toEqual(p);
	});

	it.each([
		['not JSON', '{kaputt', /^kein gültiges JSON/],
		['another JSON file', '{"name":"paket","version":"1.0.0"}', /keine Importprofil-Datei \(Feld „type“ muss „digitallotsen-importprofil“ sein\)/],
		['unknown field', JSON.stringify({ ...newProfile(['a']), columns: { a: 'betrag' } }), /Spalte „a“: unbekanntes Feld „betrag“/],
		['value outside the list', JSON.stringify({ ...newProfile(['a']), kind: 'einsaetze', values: { format: { Fax: 'Brieftaube' } } }), /„Fax“ → „Brieftaube“ ist kein erlaubter Wert für Format/],
		['bad delimiter', JSON.stringify({ ...newProfile(['a']), delimiter: 'x' }), /unbekanntes Trennzeichen „x“/]
	])('%s gives a clear message', (_, json, re) => {
		const r = parseProfile(json);
		expect(r.profile).toBeNull();
		expect(r.error?.de).toMatch(re);
	});
});

describe('npm run validate -- --profil', () => {
	const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...args], { encoding: 'utf8' });
	it('applies a profile on the command line, and refuses a broken one', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'profil-'));
		const data = path.join(dir, 'daten.csv');
		writeFileSync(data, bytes);
		const prof = path.join(dir, 'profil.json');
		writeFileSync(prof, serialiseProfile(newProfile(HX, { kind: 'einsaetze', columns: { Einsatztag: 'datum', 'Kommune (AGS)': 'ags', Kürzel: 'lotse_id', Art: 'format', 'Worum ging es': 'thema', Zeit: 'minuten' }, values: { format: { Videoanruf: 'Online', Brief: 'Telefon' } } })));
		const ok = run('--profil', prof, data, '--json');
		expect(ok.status).toBe(0);
		const rep = JSON.parse(ok.stdout).files[0];
		expect([rep.rowsRead, rep.rowsLoaded, rep.rowsRejected]).toEqual([4, 4, 0]);
		expect(rep.profile.signature).toBe(headerSignature(HX));
		expect(rep.unusedColumns).toEqual(['Interne Notiz']);
		const text = run('--profil', prof, data);
		expect(text.stdout).toContain('Importprofil angewendet');
		const badPath = path.join(dir, 'kaputt.json');
		writeFileSync(badPath, '{"type":"etwas anderes"}');
		const bad = run('--profil', badPath, data);
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('Importprofil nicht verwendbar: keine Importprofil-Datei');
	}, 60_000);
});
