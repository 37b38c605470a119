/**
 * Small lookups the pages need beside the indicators: which areas to show, their names, what
 * the imported data contain. The only SQL of the dashboard outside the indicator definitions.
 */
import type { Reader } from '../db/types';
import { keepsRelations } from '../db/reads';
import { lit, litList } from './sql-lit';

/** Verbände taking part in the programme: at least one activity row ever. */
export const PROGRAMM_SQL = `SELECT DISTINCT g.verband_ars AS key, g.land FROM s_gebiet_start s JOIN gemeinden g ON g.ags = s.ags`;

/** Population and 'gering besiedelt' share of every Verband, from the Gemeinden. */
export const VSTATS_SQL = `SELECT g.verband_ars AS key, min(g.verband_name) AS name, min(g.land) AS land, sum(g.einwohner) AS einwohner,
		CAST(sum(CASE WHEN g.dichte_klasse = 'gering besiedelt' THEN g.einwohner ELSE 0 END) AS DOUBLE) / NULLIF(sum(g.einwohner), 0) AS anteil_gering
	FROM gemeinden g GROUP BY g.verband_ars`;

/**
 * the Gemeinden (AGS) of a Verband. Through the coordinator one statement lists every Verband's
 * Gemeinden (kept for the data version), so an Amt change does not wait for this lookup before
 * the statements that need its answer.
 */
export async function amtGemeinden(db: Reader, amt: string): Promise<string[]> {
	if (keepsRelations(db)) {
		const all = await db.query<{ verband_ars: string; ags: string }>(`SELECT verband_ars, ags FROM gemeinden ORDER BY ags`);
		return all.filter((r) => r.verband_ars === amt).map((r) => r.ags);
	}
	return (await db.query<{ ags: string }>(`SELECT ags FROM gemeinden WHERE verband_ars = ${lit(amt)} ORDER BY ags`)).map((r) => r.ags);
}

/** MV Verbände in the programme (at least one activity ever), plus the chosen Amt */
export async function mvProgrammeAreas(db: Reader, amt: string): Promise<string[]> {
	const rows = await db.query<{ key: string }>(`WITH programm AS (${PROGRAMM_SQL}) SELECT key FROM programm WHERE land = 'MV' UNION SELECT ${lit(amt)} ORDER BY key`);
	return rows.map((r) => r.key);
}

/** Verbände by name as the Amt filter shows them: "Amt Grabow", amtsfreie Gemeinden plain */
export async function verbandNames(db: Reader, keys: string[]): Promise<Map<string, string>> {
	if (!keys.length) return new Map();
	const rows = await db.query<{ key: string; name: string }>(
		`SELECT verband_ars AS key, CASE WHEN art = 'Amt' THEN 'Amt ' || name ELSE name END AS name FROM verbaende WHERE verband_ars IN ${litList(keys)}`
	);
	return new Map(rows.map((n) => [n.key, n.name]));
}

/** the funding programmes named in the imported coworking data, e.g. ["ILERL M-V"] */
export async function coworkingProgrammes(db: Reader): Promise<string[]> {
	const rows = await db.query<{ programm: string }>(`SELECT DISTINCT programm FROM coworking WHERE programm IS NOT NULL AND trim(programm) <> '' ORDER BY programm`);
	return rows.map((r) => r.programm);
}

/** the first year with a course start in the qualification data ('YYYY'), null without data */
export async function firstQualifizierungYear(db: Reader): Promise<string | null> {
	const [first] = await db.query<{ y: string | null }>(`SELECT strftime(min(beginn), '%Y') AS y FROM qualifizierung`);
	return first?.y ?? null;
}
