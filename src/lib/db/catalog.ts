/**
 * What the app shows about the loaded data beside the indicators: row counts per table, the
 * filters' choices, the sources; and deleting one file's rows. Kept here so that app/ holds no
 * SQL. Run inside a coordinator's write (they follow an import) or as a read.
 */
import type { Db, Reader } from './types';

export const COUNTED_TABLES = ['einsaetze', 'qualifizierung', 'coworking'] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

export async function tableCounts(db: Reader): Promise<{ table: CountedTable; rows: number; files: number }[]> {
	// asked together: on start-up each answer is a round trip to DuckDB's worker
	return Promise.all(
		COUNTED_TABLES.map(async (table) => {
			const [r] = await db.query<{ n: number; f: number }>(`SELECT count(*)::INTEGER AS n, count(DISTINCT _file)::INTEGER AS f FROM "${table}"`);
			return { table, rows: r.n, files: r.f };
		})
	);
}

/** Gemeinden of the reference per Land, MV first */
export function referenceCounts(db: Reader): Promise<{ land: string; n: number }[]> {
	return db.query<{ land: string; n: number }>(`SELECT land, count(*)::INTEGER AS n FROM gemeinden GROUP BY land ORDER BY land = 'MV' DESC, land`);
}

export interface FilterChoices {
	/** 'YYYY-MM' of the last month with activity data */
	lastMonth: string | null;
	/** MV Ämter and amtsfreie Gemeinden; `active`: has activity data */
	aemter: { key: string; name: string; kreis: string; active: boolean }[];
	/** distinct topics in the activity data */
	themen: string[];
}

/** What the filters offer: the period's end, the MV Ämter, the topics in the data. */
export async function filterChoices(db: Reader): Promise<FilterChoices> {
	const [[last], aemter, themen] = await Promise.all([
		db.query<{ m: string | null }>(`SELECT strftime(max(monat), '%Y-%m') AS m FROM s_einsaetze`),
		db.query<{ key: string; name: string; kreis: string; active: boolean }>(
		`SELECT v.verband_ars AS key, CASE WHEN v.art = 'Amt' THEN 'Amt ' || v.name ELSE v.name END AS name, min(g.kreis_name) AS kreis, bool_or(s.ags IS NOT NULL) AS active
		FROM verbaende v JOIN gemeinden g ON g.verband_ars = v.verband_ars
		LEFT JOIN s_gebiet_start s ON s.ags = g.ags
		WHERE v.land = 'MV' GROUP BY v.verband_ars, v.name, v.art ORDER BY v.name`
		),
		db.query<{ thema: string }>(`SELECT DISTINCT thema FROM s_einsaetze_thema WHERE thema IS NOT NULL ORDER BY thema`).then((rows) => rows.map((r) => r.thema))
	]);
	return { lastMonth: last?.m ?? null, aemter, themen };
}

export function sourcesList(db: Reader): Promise<{ titel: string; herausgeber: string; stand: string; lizenz: string }[]> {
	return db.query(`SELECT titel, herausgeber, stand, coalesce(lizenz, '') AS lizenz FROM quellen`);
}

/** everything the app shows about the loaded data beside the charts (read after every change) */
export interface Catalog {
	counts: { table: CountedTable; rows: number; files: number }[];
	choices: FilterChoices;
	reference: { land: string; n: number }[];
	sources: { titel: string; herausgeber: string; stand: string; lizenz: string }[];
}

export async function readCatalog(db: Reader): Promise<Catalog> {
	// asked together: each answer is a round trip to DuckDB's worker
	const [counts, choices, reference, sources] = await Promise.all([tableCounts(db), filterChoices(db), referenceCounts(db), sourcesList(db)]);
	return { counts, choices, reference, sources };
}

/** deletes the rows one file brought into a dataset table (if the table exists) */
export async function deleteFileRows(db: Db, table: string, file: string): Promise<void> {
	const exists = await db.query('SELECT 1 FROM duckdb_tables() WHERE table_name = ?', [table]);
	if (exists.length) await db.query(`DELETE FROM "${table}" WHERE _file = ?`, [file]);
}

/** The Gemeinden of a Verband by name (the Karte page's keyboard chooser). */
export function gemeindenOfVerband(q: Reader, verbandArs: string): Promise<{ ags: string; name: string }[]> {
	return q.query<{ ags: string; name: string }>('SELECT ags, name FROM gemeinden WHERE verband_ars = ? ORDER BY name', [verbandArs]);
}
