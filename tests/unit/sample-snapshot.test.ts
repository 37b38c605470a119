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
import { attachSnapshot, SAMPLE_FILE_NAMES, SORTED_IN_SNAPSHOT, type SnapshotManifest } from '../../src/lib/import/sample-snapshot';
import type { ImportReport } from '../../src/lib/import/report';
import type { Db } from '../../src/lib/db/types';
import { buildSampleSnapshot, compactIPC } from '../../scripts/build-sample-snapshot';
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

	it('attaches every table with the same column types and the same rows (in the same order, except the sorted summaries)', async () => {
		expect([...SORTED_IN_SNAPSHOT].sort()).toEqual(['s_angebote', 's_einsaetze', 's_einsaetze_thema', 's_gebiet_start', 's_lotsen_monat']);
		for (const t of manifest.tables) {
			expect(await columns(attached, t.name), t.name).toEqual(await columns(byHand, t.name));
			// a summary's order is its GROUP BY's (undefined): compared as sorted rows; every other table row for row as imported
			const order = SORTED_IN_SNAPSHOT.has(t.name) ? ' ORDER BY ALL' : '';
			const hand = await byHand.query(`SELECT * FROM "${t.name}"${order}`);
			const snap = await attached.query(`SELECT * FROM "${t.name}"${order}`);
			expect(snap.length, t.name).toBe(hand.length);
			expect(snap.length, t.name).toBe(t.rows);
			// row by row; the first difference is reported with its table and row number
			for (let i = 0; i < hand.length; i++) if (JSON.stringify(snap[i]) !== JSON.stringify(hand[i])) expect([t.name, i, snap[i]]).toEqual([t.name, i, hand[i]]);
		}
		// the activity rows are the sum of the two activity files (MV 3,028 + BW 99,512 lines read, none rejected)
		const [{ n }] = await attached.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM einsaetze');
		expect(n).toBe(3_028 + 99_512);
	});

	it('stores the raw tables in the import order and the summaries sorted (the order the files compress in)', async () => {
		const stored = (t: string) => tableFromIPC(readFileSync(path.join(dir, manifest.tables.find((x) => x.name === t)!.file!)));
		const lines = stored('einsaetze').getChild('_line')!.toArray() as Int8Array;
		const hand = await byHand.query<{ l: number }>('SELECT _line AS l FROM einsaetze');
		expect([...lines.slice(0, 50)]).toEqual(hand.slice(0, 50).map((r) => r.l));
		const ags = [...stored('s_lotsen_monat').getChild('ags')!] as string[];
		expect(ags).toEqual([...ags].sort());
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

	it('writes text columns dictionary-encoded and whole numbers narrow, and DuckDB reads them back unchanged (NULL, umlauts, leading zeros, -0, 2^31)', async () => {
		const sql = `SELECT * FROM (VALUES
			('01001', 'Köln', 1, 12.0::DOUBLE, 5::BIGINT, 1.5::DOUBLE, DATE '2025-01-31'),
			(NULL, 'Köln', NULL, -0.0::DOUBLE, 40000::BIGINT, 2::DOUBLE, NULL),
			('01001', '=SUMME(A1)', 3, NULL, 2147483648::BIGINT, 3::DOUBLE, DATE '2024-02-29'),
			('01002', 'Ä', -128, -300.0::DOUBLE, -7::BIGINT, 4::DOUBLE, DATE '2024-03-01')
		) t(ags, name, n, whole, big, frac, d)`;
		const encoded = compactIPC(await attached.queryIPC(sql));
		const types = Object.fromEntries(tableFromIPC(encoded).schema.fields.map((f) => [f.name, String(f.type)]));
		// n: -128…3 fits Int8 (|−128| > 127, so Int16); whole has a -0 (kept as a float); big has 2^31 (kept); frac has 1.5
		expect(types).toEqual({
			ags: 'Dictionary<Int8, Utf8>',
			name: 'Dictionary<Int8, Utf8>',
			n: 'Int16',
			whole: 'Float64',
			big: 'Float64',
			frac: 'Float64',
			d: 'Date32<DAY>'
		});
		await attached.exec('CREATE OR REPLACE TABLE _dict_check (ags VARCHAR, name VARCHAR, n INTEGER, whole DOUBLE, big BIGINT, frac DOUBLE, d DATE)');
		await attached.insertArrowIPC('_dict_check', encoded, false);
		const back = await attached.query('SELECT * FROM _dict_check');
		expect(back).toEqual(await attached.query(sql));
		expect(Object.is(back[1].whole, -0)).toBe(true);
		// a column of whole numbers below 2^31 becomes the narrowest integer type and comes back as DOUBLE/BIGINT
		const wholeSql = `SELECT * FROM (VALUES (12.0::DOUBLE, 5::BIGINT), (NULL, 40000::BIGINT), (-300.0::DOUBLE, -7::BIGINT)) t(whole, big)`;
		const wholeIpc = compactIPC(await attached.queryIPC(wholeSql));
		expect(tableFromIPC(wholeIpc).schema.fields.map((f) => String(f.type))).toEqual(['Int16', 'Int32']);
		await attached.exec('CREATE OR REPLACE TABLE _dict_check (whole DOUBLE, big BIGINT)');
		await attached.insertArrowIPC('_dict_check', wholeIpc, false);
		expect(await attached.query('SELECT * FROM _dict_check')).toEqual(await attached.query(wholeSql));
		// the sample activity file on disk: texts as narrow dictionaries, minutes (DOUBLE, whole numbers up to 120) as Int8
		const einsaetze = tableFromIPC(readFileSync(path.join(dir, manifest.tables.find((t) => t.name === 'einsaetze')!.file!)));
		const typeOf = (c: string) => String(einsaetze.schema.fields.find((f) => f.name === c)!.type);
		expect([typeOf('ags'), typeOf('format'), typeOf('minuten')]).toEqual(['Dictionary<Int16, Utf8>', 'Dictionary<Int8, Utf8>', 'Int8']);
		await attached.exec('DROP TABLE _dict_check');
	});
});
