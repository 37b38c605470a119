/**
 * The workspace file (zip: Parquet per table + JSON + manifest) round-trips every table exactly
 * and refuses damaged, truncated, foreign, wrong-checksum and newer files without changing the
 * database. Real duckdb-wasm, real hyparquet / hyparquet-writer (the app's), real parquet-wasm (the
 * writer and reader until stop 10, for the files written then), real jszip.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import JSZip from 'jszip';
import { openNodeDb } from '../../../src/lib/db/node';
import type { Db } from '../../../src/lib/db/types';
import { datasetTableSchemas } from '../../../src/lib/workspace/tables';
import { applyWorkspace, readWorkspace, writeWorkspace, WorkspaceError, WORKSPACE_VERSION, type WorkspaceContent } from '../../../src/lib/workspace/workspace-file';
import { sha256Hex } from '../../../src/lib/workspace/hash';
import { wasmParquetToIPC } from '../helpers/parquet-wasm-reader';
import * as pq from 'parquet-wasm';

let db: Db;
const tables = datasetTableSchemas();
const content: WorkspaceContent = {
	files: [{ id: '0123456789abcdef-01234567', name: 'Export Müritz „neu“.csv', kind: 'einsaetze', rows: 3, importedAt: '2026-11-27T10:00:00.000Z', size: 321, sample: false, report: { file: 'Export Müritz „neu“.csv', rowsRead: 4 } }],
	profiles: { '0123456789abcdef-01234567': { delimiter: ';', sheet: null } },
	view: { search: '?amt=130765659&von=2025-07' }
};

/** every row of every dataset table, in a fixed order, as plain values */
async function snapshot() {
	const out: Record<string, unknown[]> = {};
	for (const t of tables) out[t.name] = await db.query(`SELECT * FROM "${t.name}" ORDER BY ALL`);
	return out;
}

async function fill() {
	for (const t of tables) await db.exec(t.createSql);
	await db.exec(`INSERT INTO einsaetze VALUES
		(DATE '2024-02-29', '13071001', '007', 'Sprechstunde', 'Online-Banking für Ältere – „Überweisung“', '65-74', 3, 45, 'ePA', '0123456789abcdef-01234567', 2),
		(DATE '2025-12-31', '08111000', '0042', 'Hausbesuch', 'Smartphone; Grundlagen', '75+', 1, 90, NULL, '0123456789abcdef-01234567', 3),
		(DATE '2023-01-01', '01001000', 'ÄÖÜß', 'Telefon', 'Line\nbreak "quoted"', 'unter 65', 10000, 1440, 'Bürgerportal MV', 'beispieldaten_einsaetze_mv.csv', 17)`);
	await db.exec(`INSERT INTO coworking VALUES ('000123', 'Coworking Dömitz', '13076032', 'ILERL M-V', DATE '2024-06-03', 1234567.89, 0.1, 12, 'eröffnet', NULL, 'f', 2)`);
	await db.exec(`INSERT INTO qualifizierung VALUES ('0815', '13071001', 'Volkshochschule Müritz', 'Grundlehrgang', DATE '2024-03-01', NULL, 'begonnen', 'q.xlsx', 5)`);
	// bevoelkerung_65plus stays empty: an empty table must round-trip too
}

beforeAll(async () => {
	db = await openNodeDb();
	await fill();
});
afterAll(async () => db.close());

describe('workspace file', () => {
	it('round-trips every table with exact values, leading zeros, dates, umlauts, NULLs', async () => {
		const before = await snapshot();
		expect(before.einsaetze).toHaveLength(3);
		const zip = await writeWorkspace(db, tables, content, '0.0.1');
		const plan = await readWorkspace(zip, tables);
		expect(plan.manifest.tables.map((t) => [t.name, t.rows])).toEqual([
			['einsaetze', 3],
			['qualifizierung', 1],
			['coworking', 1],
			['bevoelkerung_65plus', 0]
		]);
		expect(plan.content).toEqual(content);
		for (const t of tables) await db.exec(`DELETE FROM "${t.name}"`);
		await applyWorkspace(db, plan, tables);
		const after = await snapshot();
		expect(after).toEqual(before);
		// spot checks written out, so a both-sides-wrong comparison cannot pass
		const e = await db.query<{ d: string; ags: string; lotse_id: string; thema: string }>(
			`SELECT strftime(datum, '%Y-%m-%d') AS d, ags, lotse_id, thema FROM einsaetze ORDER BY datum`
		);
		expect(e).toEqual([
			{ d: '2023-01-01', ags: '01001000', lotse_id: 'ÄÖÜß', thema: 'Line\nbreak "quoted"' },
			{ d: '2024-02-29', ags: '13071001', lotse_id: '007', thema: 'Online-Banking für Ältere – „Überweisung“' },
			{ d: '2025-12-31', ags: '08111000', lotse_id: '0042', thema: 'Smartphone; Grundlagen' }
		]);
		const c = await db.query<{ betrag_eur: number; foerderquote: number; projekt_id: string }>(`SELECT betrag_eur, foerderquote, projekt_id FROM coworking`);
		expect(c).toEqual([{ betrag_eur: 1234567.89, foerderquote: 0.1, projekt_id: '000123' }]);
		const types = await db.query<{ t: string }>(`SELECT data_type AS t FROM duckdb_columns() WHERE table_name = 'einsaetze' AND column_name IN ('datum', 'teilnehmende') ORDER BY column_name`);
		expect(types.map((x) => x.t)).toEqual(['DATE', 'INTEGER']);
	});

	it('its Parquet tables read the same with parquet-wasm, and a workspace written by parquet-wasm (until stop 10) opens', async () => {
		const before = await snapshot();
		const zip = await JSZip.loadAsync(await writeWorkspace(db, tables, content, '0.0.1'));
		const parquet = await zip.file('tabellen/einsaetze.parquet')!.async('uint8array');
		// the file the app wrote (hyparquet-writer), read by arrow-rs: same types and rows as the table
		await db.insertArrowIPC('_pw', wasmParquetToIPC(parquet), true);
		const cols = await db.query<{ n: string; t: string }>(`SELECT column_name AS n, data_type AS t FROM duckdb_columns() WHERE table_name = '_pw' ORDER BY column_index`);
		const want = await db.query<{ n: string; t: string }>(`SELECT column_name AS n, data_type AS t FROM duckdb_columns() WHERE table_name = 'einsaetze' ORDER BY column_index`);
		expect(cols).toEqual(want);
		expect(await db.query(`SELECT * FROM _pw ORDER BY ALL`)).toEqual(before.einsaetze);
		await db.exec('DROP TABLE _pw');
		// the same zip with every table rewritten by parquet-wasm, as the app wrote it until stop 10 (checksums updated)
		const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
		for (const t of manifest.tables) {
			const ipc = await db.queryIPC(`SELECT * FROM "${t.name}" ORDER BY _file, _line`);
			const old = pq.writeParquet(pq.Table.fromIPCStream(ipc), new pq.WriterPropertiesBuilder().setCompression(pq.Compression.SNAPPY).build());
			zip.file(t.path, old, { compression: 'STORE' });
			t.sha256 = await sha256Hex(old);
		}
		zip.file('manifest.json', JSON.stringify(manifest));
		const plan = await readWorkspace(await zip.generateAsync({ type: 'uint8array' }), tables);
		for (const t of tables) await db.exec(`DELETE FROM "${t.name}"`);
		await applyWorkspace(db, plan, tables);
		expect(await snapshot()).toEqual(before);
	});

	it('manifest names app version, row counts and a SHA-256 per entry that matches', async () => {
		const zip = await JSZip.loadAsync(await writeWorkspace(db, tables, content, '9.8.7'));
		const m = JSON.parse(await zip.file('manifest.json')!.async('string'));
		expect(m.format).toBe('dlm-arbeitsstand');
		expect(m.version).toBe(WORKSPACE_VERSION);
		expect(m.appVersion).toBe('9.8.7');
		for (const t of m.tables) expect(await sha256Hex(await zip.file(t.path)!.async('uint8array'))).toBe(t.sha256);
		for (const e of m.entries) expect(await sha256Hex(await zip.file(e.path)!.async('uint8array'))).toBe(e.sha256);
	});

	async function refused(bytes: Uint8Array): Promise<string> {
		const before = await snapshot();
		let code = 'accepted';
		try {
			const plan = await readWorkspace(bytes, tables);
			await applyWorkspace(db, plan, tables);
		} catch (e) {
			expect(e).toBeInstanceOf(WorkspaceError);
			code = (e as WorkspaceError).code;
		}
		expect(await snapshot()).toEqual(before);
		return code;
	}

	it('refuses a damaged zip, a truncated one and a non-zip, changing nothing', async () => {
		const zip = await writeWorkspace(db, tables, content, '0.0.1');
		const damaged = zip.slice();
		// flip bytes inside the first stored Parquet entry (after its local header)
		for (let i = 200; i < 260; i++) damaged[i] ^= 0xff;
		expect(await refused(damaged)).toBe('damaged');
		expect(await refused(zip.slice(0, Math.floor(zip.length * 0.6)))).toBe('damaged');
		expect(await refused(new TextEncoder().encode('datum;ags\n01.01.2025;13071001\n'))).toBe('not_zip');
	});

	it('refuses a wrong checksum, a foreign zip and a newer version, changing nothing', async () => {
		const zip = await JSZip.loadAsync(await writeWorkspace(db, tables, content, '0.0.1'));
		// a different (valid) Parquet under the old manifest
		const other = await JSZip.loadAsync(await writeWorkspace(db, tables, content, '0.0.1'));
		await db.exec(`INSERT INTO qualifizierung VALUES ('0816', '13071001', 'X', 'Grundlehrgang', DATE '2024-03-01', NULL, 'begonnen', 'q2', 6)`);
		const changed = await JSZip.loadAsync(await writeWorkspace(db, tables, content, '0.0.1'));
		await db.exec(`DELETE FROM qualifizierung WHERE _file = 'q2'`);
		zip.file('tabellen/qualifizierung.parquet', await changed.file('tabellen/qualifizierung.parquet')!.async('uint8array'));
		expect(await refused(await zip.generateAsync({ type: 'uint8array' }))).toBe('damaged');

		other.remove('manifest.json');
		expect(await refused(await other.generateAsync({ type: 'uint8array' }))).toBe('foreign');

		const foreign = new JSZip();
		foreign.file('manifest.json', JSON.stringify({ format: 'something-else', version: 1 }));
		expect(await refused(await foreign.generateAsync({ type: 'uint8array' }))).toBe('foreign');

		const newer = await JSZip.loadAsync(await writeWorkspace(db, tables, content, '0.0.1'));
		const m = JSON.parse(await newer.file('manifest.json')!.async('string'));
		m.version = WORKSPACE_VERSION + 1;
		newer.file('manifest.json', JSON.stringify(m));
		expect(await refused(await newer.generateAsync({ type: 'uint8array' }))).toBe('newer_version');
	});

	it('leaves the tables as they were when the rows do not match the manifest', async () => {
		const plan = await readWorkspace(await writeWorkspace(db, tables, content, '0.0.1'), tables);
		plan.manifest.tables.find((t) => t.name === 'einsaetze')!.rows = 4;
		const before = await snapshot();
		await expect(applyWorkspace(db, plan, tables)).rejects.toThrow(/einsaetze: 3 rows, manifest 4/);
		expect(await snapshot()).toEqual(before);
		expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_ws\\_%' ESCAPE '\\'`)).toEqual([]);
	});
});
