/**
 * The sample data, imported once at build time into a ready, validated form that start-up only
 * attaches (issue 10, "fast start"). Importing and validating the four sample files took
 * 4.4–4.7 s of every start and loaded ExcelJS for the sample workbook; the result is the same on
 * every start, so the build does it with this same import code in Node (scripts/build-sample-snapshot.ts).
 *
 * A snapshot is: every table after the import (reference, dataset and summary tables) as an Arrow
 * IPC stream file (`<table>.arrow`, DuckDB's own result bytes, inserted as they are on start: no
 * Parquet decoding on the page) plus a manifest with the column types and the import reports,
 * which the data page shows exactly as after an import by hand. Rows read = loaded + rejected holds because the
 * reports are the import's own.
 *
 * Types: the connection casts BIGINT and DECIMAL to DOUBLE in results (db/README.md), so the
 * exported Arrow columns may be wider or different from the table's. The manifest keeps every
 * column's DuckDB type and attaching casts back to it (BIGINT values here are counts far below
 * 2^53, so DOUBLE holds them exactly; DECIMAL would travel as text). tests/unit/sample-snapshot.test.ts
 * compares every table row by row with a fresh import.
 */
import type { Db } from '../db/types';
import { buildSummaries, SUMMARY_SQL } from '../db/summary';
import { referenceViews } from '../db/reference';
import { importFile } from './import-file';
import type { ImportReport, Lang } from './report';
import { ensureDatasetTables } from './tables';
import { q } from './validate-sql';

/** The sample files shown on start, in the order the app has always imported them. */
export const SAMPLE_FILE_NAMES = [
	'beispieldaten_einsaetze_mv.csv',
	'beispieldaten_einsaetze_bw.parquet',
	'beispieldaten_qualifizierung.xlsx',
	'beispieldaten_coworking_mv.csv'
] as const;

export interface SnapshotTable {
	name: string;
	rows: number;
	columns: { name: string; type: string }[];
	/** the file beside the manifest holding this table's rows (Arrow IPC stream); null for an empty table */
	file: string | null;
}

export interface SnapshotManifest {
	/** format of this manifest; bump when its meaning changes (2: tables as Arrow IPC instead of Parquet) */
	format: 2;
	/** hash of everything the snapshot was built from (see the build script) */
	inputs: string;
	lang: Lang;
	reports: ImportReport[];
	tables: SnapshotTable[];
}

export interface Snapshot {
	manifest: SnapshotManifest;
	/** table name → Arrow IPC stream of its rows */
	ipc: Map<string, Uint8Array>;
}

/** not part of the snapshot: the import's staging table */
const NOT_SNAPSHOT = new Set<string>(['stg']);

/**
 * The summary tables (db/summary.ts). Their row order is a GROUP BY's, which means nothing, so the
 * snapshot stores them sorted by all columns, group keys first: equal keys then stand in runs
 * and the files compress to 40–85 % less (stop 9: s_lotsen_monat 48 → 8 kB brotli). The other tables
 * keep their order (the import's, file line by line).
 */
export const SORTED_IN_SNAPSHOT: ReadonlySet<string> = new Set(SUMMARY_SQL.map((sql) => /CREATE OR REPLACE TABLE (\w+)/.exec(sql)![1]));

/**
 * Imports the sample files into `db` (which has the reference tables) with the app's import,
 * builds the summaries, and returns every resulting table. Throws if a sample file does not
 * load cleanly: the committed samples must.
 */
export async function buildSnapshot(db: Db, read: (name: string) => Promise<Uint8Array>, opts: { lang: Lang; inputs: string }): Promise<Snapshot> {
	const reports: ImportReport[] = [];
	for (const name of SAMPLE_FILE_NAMES) {
		const r = await importFile(db, { name, bytes: await read(name) }, { lang: opts.lang });
		if (r.fatal || r.rowsRejected) throw new Error(`sample file ${name} did not load cleanly: ${r.fatal?.message ?? `${r.rowsRejected} rows rejected`}`);
		reports.push(r);
	}
	await ensureDatasetTables(db);
	await buildSummaries(db);
	const names = (
		await db.query<{ table_name: string }>(`SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main' ORDER BY table_name`)
	)
		.map((r) => r.table_name)
		.filter((n) => !NOT_SNAPSHOT.has(n) && !n.startsWith('_'));
	const tables: SnapshotTable[] = [];
	const ipc = new Map<string, Uint8Array>();
	for (const name of names) {
		const columns = (await db.query<{ column_name: string; data_type: string }>(
			`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? AND schema_name = 'main' AND NOT internal ORDER BY column_index`,
			[name]
		)).map((c) => ({ name: c.column_name, type: c.data_type }));
		if (columns.some((c) => c.type.startsWith('DECIMAL'))) throw new Error(`${name}: DECIMAL columns are not supported by the snapshot`);
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q(name)}`);
		tables.push({ name, rows: n, columns, file: n ? `${name}.arrow` : null });
		if (n) ipc.set(name, await db.queryIPC(`SELECT * FROM ${q(name)}${SORTED_IN_SNAPSHOT.has(name) ? ' ORDER BY ALL' : ''}`));
	}
	return { manifest: { format: 2, inputs: opts.inputs, lang: opts.lang, reports, tables }, ipc };
}

/**
 * Creates the snapshot's tables in `db` (replacing tables of the same name) from their Arrow IPC
 * streams, in the stored row order (the summaries sorted, see SORTED_IN_SNAPSHOT), then the reference views (db/reference.ts). Each table is
 * created with its recorded column types first and the Arrow rows inserted into it, so a column
 * that travelled as DOUBLE (BIGINT, see above) or narrower (the build stores whole numbers in the
 * smallest integer type that holds them, scripts/build-sample-snapshot.ts) is cast back on the way in, in one pass.
 * Every call is a round trip to DuckDB's worker on start-up's path: all tables are created in one
 * statement and counted in one, so only the inserts go one by one.
 */
export async function attachSnapshot(db: Db, manifest: SnapshotManifest, ipcOf: (t: SnapshotTable) => Promise<Uint8Array>): Promise<void> {
	if (manifest.format !== 2) throw new Error(`sample snapshot: format ${manifest.format}, expected 2 (rebuild with \`npm run data:snapshot\`)`);
	// every table's bytes are asked for at once and inserted as they arrive, in the manifest's order
	const pending = manifest.tables.map((t) => (t.file ? ipcOf(t) : Promise.resolve(null)));
	pending.forEach((p) => p.catch(() => undefined));
	await db.exec(manifest.tables.map((t) => `CREATE OR REPLACE TABLE ${q(t.name)} (${t.columns.map((c) => `${q(c.name)} ${c.type}`).join(', ')});`).join('\n'));
	for (let i = 0; i < manifest.tables.length; i++) {
		const ipc = await pending[i];
		if (ipc) await db.insertArrowIPC(manifest.tables[i].name, ipc, false);
	}
	const counted = await db.query<{ i: number; n: number }>(
		manifest.tables.map((t, i) => `SELECT ${i}::INTEGER AS i, count(*)::INTEGER AS n FROM ${q(t.name)}`).join(' UNION ALL ')
	);
	for (const { i, n } of counted.sort((a, b) => a.i - b.i)) {
		const t = manifest.tables[i];
		if (n !== t.rows) throw new Error(`${t.name}: ${n} rows attached, ${t.rows} expected`);
	}
	await referenceViews(db);
}
