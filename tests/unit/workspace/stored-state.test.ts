/**
 * The stored Arbeitsstand (manifest + original bytes in a ByteStore): survives a "reload" (a new
 * StoredState on the same store), stays as it was when a write is interrupted, refuses damaged
 * entries and newer formats, and tells a full quota apart. Plus: re-importing a stored file with
 * its id as `_file` gives the same report and the same rows (real duckdb-wasm).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { MemoryStore, storageProblemOf } from '../../../src/lib/workspace/store';
import { StoredState, StoredStateError, STORED_VERSION, parseManifest } from '../../../src/lib/workspace/stored-state';
import { fileIdOf, sha256Hex } from '../../../src/lib/workspace/hash';
import { importFile } from '../../../src/lib/import/import-file';
import type { Db } from '../../../src/lib/db/types';
import { referenceDb } from '../helpers/db';

const enc = (s: string) => new TextEncoder().encode(s);
const csvA = enc('Datum;AGS;Lotse;Format;Thema;Altersgruppe;Teilnehmende;Minuten\n03.02.2025;13071001;007;Sprechstunde;Überweisung „online“;65-74;2;30\n');
const csvB = enc('Datum;AGS;Lotse;Format;Thema;Altersgruppe;Teilnehmende;Minuten\n04.02.2025;13071001;008;Hausbesuch;ePA;75+;1;60\n05.02.2025;13071001;008;Hausbesuch;ePA;75+;1;60\n');
const meta = (name: string, rows: number) => ({ name, kind: 'einsaetze', rows, importedAt: '2026-11-27T12:00:00.000Z', profile: { sheet: null, note: 'Profil ä' } });

describe('file ids', () => {
	it('tell two files of the same name apart by content, and the same bytes under two names', async () => {
		const a = await fileIdOf(await sha256Hex(csvA), 'Export.csv');
		const b = await fileIdOf(await sha256Hex(csvB), 'Export.csv');
		const c = await fileIdOf(await sha256Hex(csvA), 'Export (2).csv');
		expect(new Set([a, b, c]).size).toBe(3);
		expect(a).toMatch(/^[0-9a-f]{16}-[0-9a-f]{8}$/);
		// SHA-256 of "abc" from FIPS 180-2
		expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});

describe('stored state', () => {
	it('keeps files, profiles and the sample choice across a reload; remove and clear stay', async () => {
		const store = new MemoryStore();
		const s1 = new StoredState(store);
		await s1.load();
		const a = await s1.addFile(meta('Export.csv', 1), csvA);
		const b = await s1.addFile(meta('Export.csv', 2), csvB);
		await s1.setSampleRemoved(true);
		expect(a.id).not.toBe(b.id);

		const s2 = new StoredState(store); // the page after a reload
		const m = await s2.load();
		expect(m.sampleRemoved).toBe(true);
		expect(m.files.map((f) => [f.name, f.rows, f.size])).toEqual([
			['Export.csv', 1, csvA.length],
			['Export.csv', 2, csvB.length]
		]);
		expect(m.files[0].profile).toEqual({ sheet: null, note: 'Profil ä' });
		expect(await s2.readFile(m.files[1])).toEqual(csvB);

		await s2.removeFile(a.id);
		const s3 = new StoredState(store);
		expect((await s3.load()).files.map((f) => f.id)).toEqual([b.id]);
		expect((await store.keys()).sort()).toEqual([`file-${b.id}`, 'manifest.json']);

		await s3.clear(true);
		const s4 = new StoredState(store);
		const cleared = await s4.load();
		expect(cleared.files).toEqual([]);
		expect(cleared.sampleRemoved).toBe(true);
		expect(await store.keys()).toEqual(['manifest.json']);
	});

	it('an opened workspace (base) replaces the stored files; its removed files stay removed', async () => {
		const store = new MemoryStore();
		const s1 = new StoredState(store);
		await s1.load();
		await s1.addFile(meta('Vorher.csv', 1), csvA);
		const zip = enc('PK\u0003\u0004 not really a zip, the store does not look inside');
		await s1.setBase('Arbeitsstand.dlm.zip', zip, true);
		await s1.removeFromBase('0123456789abcdef-01234567/Export.csv');
		await s1.addFile(meta('Danach.csv', 2), csvB);
		const s2 = new StoredState(store);
		const m = await s2.load();
		expect(m.base?.name).toBe('Arbeitsstand.dlm.zip');
		expect(m.baseRemoved).toEqual(['0123456789abcdef-01234567/Export.csv']);
		expect(m.files.map((f) => f.name)).toEqual(['Danach.csv']);
		expect(await s2.readBase()).toEqual(zip);
		expect((await store.keys()).length).toBe(3); // manifest, base, Danach.csv (Vorher.csv's bytes deleted)
	});

	it('replacing a file (same bytes, same name) keeps one entry', async () => {
		const s = new StoredState(new MemoryStore());
		await s.load();
		const a1 = await s.addFile(meta('Export.csv', 1), csvA);
		const a2 = await s.addFile({ ...meta('Export.csv', 1), importedAt: '2026-11-28T08:00:00.000Z' }, csvA, [a1.id]);
		expect(a2.id).toBe(a1.id);
		expect(s.current.files.map((f) => f.importedAt)).toEqual(['2026-11-28T08:00:00.000Z']);
	});

	it('an import interrupted before its manifest leaves the state as before (the orphan goes)', async () => {
		const store = new MemoryStore();
		const s1 = new StoredState(store);
		await s1.load();
		await s1.addFile(meta('Alt.csv', 1), csvA);
		const before = JSON.stringify(s1.current);
		// the bytes get written, then the "tab closes" before the manifest: simulate with a store that fails the 2nd put
		const put = store.put.bind(store);
		let puts = 0;
		store.put = async (k, v) => {
			if (++puts === 2) throw new Error('page gone');
			return put(k, v);
		};
		await expect(s1.addFile(meta('Neu.csv', 2), csvB)).rejects.toThrow('page gone');
		expect(JSON.stringify(s1.current)).toBe(before);
		store.put = put;
		const s2 = new StoredState(store);
		expect(JSON.stringify(await s2.load())).toBe(before);
		expect((await store.keys()).length).toBe(2); // manifest + Alt.csv; Neu.csv's bytes deleted
	});

	it('a full quota is reported as such and changes nothing', async () => {
		const store = new MemoryStore();
		const s = new StoredState(store);
		await s.load();
		store.failPut = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		const e = await s.addFile(meta('Gross.csv', 1), csvA).catch((x) => x);
		expect(storageProblemOf(e)).toBe('quota');
		expect(storageProblemOf(new DOMException('denied', 'SecurityError'))).toBe('blocked');
		expect(s.current.files).toEqual([]);
		expect(await store.keys()).toEqual([]);
	});

	it('refuses a changed file, a newer format and a foreign manifest', async () => {
		const store = new MemoryStore();
		const s = new StoredState(store);
		await s.load();
		const a = await s.addFile(meta('Export.csv', 1), csvA);
		const cut = csvA.slice(0, 20);
		await store.put(`file-${a.id}`, cut);
		await expect(s.readFile(a)).rejects.toBeInstanceOf(StoredStateError);

		const newer = enc(JSON.stringify({ ...s.current, version: STORED_VERSION + 1 }));
		expect(() => parseManifest(newer)).toThrow(/newer_version/);
		expect(() => parseManifest(enc('{"format":"x","version":1}'))).toThrow(/foreign/);
		expect(() => parseManifest(enc('{"format":'))).toThrow(/damaged/);
	});
});

describe('re-import of a stored file', () => {
	let db: Db;
	beforeAll(async () => {
		db = await referenceDb();
	});
	afterAll(async () => db.close());

	it('gives the same report and rows; two same-named files stay apart by their ids', async () => {
		const idA = await fileIdOf(await sha256Hex(csvA), 'Export.csv');
		const idB = await fileIdOf(await sha256Hex(csvB), 'Export.csv');
		const r1 = await importFile(db, { name: idA, bytes: csvA });
		await importFile(db, { name: idB, bytes: csvB });
		const rows = () => db.query<{ _file: string; n: number }>(`SELECT _file, count(*)::INTEGER AS n FROM einsaetze GROUP BY _file ORDER BY n`);
		expect(await rows()).toEqual([
			{ _file: idA, n: 1 },
			{ _file: idB, n: 2 }
		]);
		const r2 = await importFile(db, { name: idA, bytes: csvA }); // as on the next start
		expect(r2).toEqual(r1);
		expect(await rows()).toEqual([
			{ _file: idA, n: 1 },
			{ _file: idB, n: 2 }
		]);
		const [row] = await db.query<{ lotse_id: string; thema: string; _line: number }>(`SELECT lotse_id, thema, _line FROM einsaetze WHERE _file = ?`, [idA]);
		expect(row).toEqual({ lotse_id: '007', thema: 'Überweisung „online“', _line: 2 });
	});
});
