/**
 * The sample snapshot the build writes (scripts/build-sample-snapshot.ts) and the app attaches on
 * start must be exactly the sample data imported by hand: same tables, same column types, same
 * rows in the same order, same import reports. One database is filled by hand (import each file,
 * then the dataset tables and summaries, as the data page does); the build script writes the
 * snapshot to a temp folder; a second, empty database attaches it from the Arrow IPC files with the
 * browser's path (the file's bytes → insertArrowIPC), as the app does on start.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importFile } from '../../src/lib/import/import-file';
import { ensureDatasetTables } from '../../src/lib/import/tables';
import { buildSummaries } from '../../src/lib/db/summary';
import { attachSnapshot, SAMPLE_FILE_NAMES, type SnapshotManifest } from '../../src/lib/import/sample-snapshot';
import type { ImportReport } from '../../src/lib/import/report';
import type { Db } from '../../src/lib/db/types';
import { buildSampleSnapshot, dictionaryEncodeText } from '../../scripts/build-sample-snapshot';
import { DataType, tableFromIPC } from 'apache-arrow';
import { openNodeDb } from '../../src/lib/db/node';
import { referenceDb } from './helpers/db';

let byHand: Db;
let attached: Db;
let dir: string;
let manifest: SnapshotManifest;
const handReports: ImportReport[] = [];

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'dlm-snapshot-'));
	const built = await buildSampleSnapshot(true, dir);
	expect(built.built).toBe(true);
	manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

	byHand = await referenceDb();
	for (const name of SAMPLE_FILE_NAMES) handReports.push(await importFile(byHand, { name, bytes: new Uint8Array(readFileSync(`data/sample/${name}`)) }, { lang: 'de' }));
	await ensureDatasetTables(byHand);
	await buildSummaries(byHand);

	attached = await openNodeDb();
	await attachSnapshot(attached, manifest, async (t) => new Uint8Array(readFileSync(path.join(dir, t.file!))));
}, 120_000);

afterAll(async () => {
	await byHand?.close();
	await attached?.close();
	rmSync(dir, { recursive: true, force: true });
});

const userTables = (db: Db) =>
	db
		.query<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE NOT temporary AND table_name <> 'stg' AND table_name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY 1`)
		.then((r) => r.map((x) => x.t));
const columns = (db: Db, t: string) =>
	db.query(`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? AND NOT internal ORDER BY column_index`, [t]);

describe('sample snapshot', () => {
	it('holds every reference, dataset and summary table of an import by hand, and the reference views', async () => {
		const names = await userTables(byHand);
		expect(names).toEqual(expect.arrayContaining(['gemeinden', 'verbaende', 'kreise_alter', 'quellen', 'einsaetze', 'qualifizierung', 'coworking', 's_einsaetze', 's_lotsen_monat', 's_gebiet_start']));
		expect(manifest.tables.map((t) => t.name)).toEqual(names);
		expect(await userTables(attached)).toEqual(names);
		for (const view of ['_key_lookup', 'gemeinden_65plus']) {
			const sql = `SELECT * FROM ${view} ORDER BY ALL`;
			expect(await attached.query(sql), view).toEqual(await byHand.query(sql));
		}
	});

	it('attaches every table with the same column types and the same rows in the same order', async () => {
		for (const t of manifest.tables) {
			expect(await columns(attached, t.name), t.name).toEqual(await columns(byHand, t.name));
			const hand = await byHand.query(`SELECT * FROM "${t.name}"`);
			const snap = await attached.query(`SELECT * FROM "${t.name}"`);
			expect(snap.length, t.name).toBe(hand.length);
			expect(snap.length, t.name).toBe(t.rows);
			// row by row; the first difference is reported with its table and row number
			for (let i = 0; i < hand.length; i++) if (JSON.stringify(snap[i]) !== JSON.stringify(hand[i])) expect([t.name, i, snap[i]]).toEqual([t.name, i, hand[i]]);
		}
		// the activity rows are the sum of the two activity files (MV 3,028 + BW 99,512 lines read, none rejected)
		const [{ n }] = await attached.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM einsaetze');
		expect(n).toBe(3_028 + 99_512);
	});

	it('keeps the import reports of an import by hand (rows read = loaded + rejected)', () => {
		expect(manifest.reports).toEqual(handReports);
		for (const r of manifest.reports) expect(r.rowsRead).toBe(r.rowsLoaded + r.rowsRejected);
		expect(manifest.reports.map((r) => r.file)).toEqual([...SAMPLE_FILE_NAMES]);
	});

	it('refuses a snapshot whose row count does not match its manifest', async () => {
		const broken: SnapshotManifest = { ...manifest, tables: manifest.tables.filter((t) => t.name === 'coworking').map((t) => ({ ...t, rows: t.rows + 1 })) };
		await expect(attachSnapshot(attached, broken, async (t) => new Uint8Array(readFileSync(path.join(dir, t.file!))))).rejects.toThrow(/coworking: 32 rows attached, 33 expected/);
	});

	it('writes text columns dictionary-encoded and DuckDB reads them back unchanged (NULL, umlauts, leading zeros)', async () => {
		const sql = `SELECT * FROM (VALUES ('01001', 'Köln', 1, DATE '2025-01-31'), (NULL, 'Köln', NULL, NULL), ('01001', '=SUMME(A1)', 3, DATE '2024-02-29')) t(ags, name, n, d)`;
		const encoded = dictionaryEncodeText(await attached.queryIPC(sql));
		const types = Object.fromEntries(tableFromIPC(encoded).schema.fields.map((f) => [f.name, DataType.isDictionary(f.type)]));
		expect(types).toEqual({ ags: true, name: true, n: false, d: false });
		await attached.exec('CREATE OR REPLACE TABLE _dict_check (ags VARCHAR, name VARCHAR, n INTEGER, d DATE)');
		await attached.insertArrowIPC('_dict_check', encoded, false);
		expect(await attached.query('SELECT * FROM _dict_check')).toEqual(await attached.query(sql));
		// the sample activity file on disk is dictionary-encoded too
		const einsaetze = tableFromIPC(readFileSync(path.join(dir, manifest.tables.find((t) => t.name === 'einsaetze')!.file!)));
		expect(DataType.isDictionary(einsaetze.schema.fields.find((f) => f.name === 'ags')!.type)).toBe(true);
		await attached.exec('DROP TABLE _dict_check');
	});
});
