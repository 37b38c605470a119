/**
 * The 1 M-row case of the interaction benchmark (scripts/bench/interaction.ts): a Parquet file of
 * N activity rows made from the validated sample rows (.generated/sample-snapshot/einsaetze.arrow,
 * MV and BW; read with apache-arrow and handed to native DuckDB as CSV): copy r of each row keeps its date, format, topic, age group, participants, minutes
 * and offer, gets the Lotse id `<id>-r` and, for r ≥ 1, the Gemeinde r × 131 places further in the
 * same Land's list of Gemeinden. So the summary tables grow with the rows (more Gemeinden with
 * activity, more Lotsen), not only the raw table. Written with native DuckDB; imported by the
 * benchmark through the app's own Daten page, like a user's file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { openNativeDb } from './native-db';

/** the snapshot's Arrow IPC table as CSV (dates ISO, text quoted), for native DuckDB's read_csv */
function arrowToCsv(arrowFile: string, columns: string[], csvFile: string): void {
	const t = tableFromIPC(readFileSync(arrowFile));
	const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : `"${String(v).replace(/"/g, '""')}"`);
	const out: string[] = [columns.join(',')];
	const dates = new Set(t.schema.fields.filter((f) => String(f.type).startsWith('Date')).map((f) => f.name));
	for (const row of t) {
		const r = row.toJSON() as Record<string, unknown>;
		out.push(columns.map((c) => (dates.has(c) && r[c] !== null ? new Date(r[c] as number).toISOString().slice(0, 10) : cell(r[c]))).join(','));
	}
	writeFileSync(csvFile, out.join('\n') + '\n');
}

export async function makeInteractionData(n: number, dir = '.bench'): Promise<string> {
	const file = path.resolve(`${dir}/einsaetze_interaktion_${n}.parquet`);
	if (existsSync(file)) return file;
	const snapshot = path.resolve('.generated/sample-snapshot');
	if (!existsSync(`${snapshot}/einsaetze.arrow`)) throw new Error('.generated/sample-snapshot fehlt: erst `npx vite build`');
	mkdirSync(dir, { recursive: true });
	const srcCsv = path.resolve(dir, 'interaktion_src.csv');
	const gemCsv = path.resolve(dir, 'interaktion_gem.csv');
	arrowToCsv(`${snapshot}/einsaetze.arrow`, ['datum', 'ags', 'lotse_id', 'format', 'thema', 'altersgruppe', 'teilnehmende', 'minuten', 'digitales_angebot'], srcCsv);
	arrowToCsv(`${snapshot}/gemeinden.arrow`, ['ags', 'land'], gemCsv);
	const db = await openNativeDb();
	try {
		await db.exec(`CREATE TABLE src AS SELECT * FROM read_csv('${srcCsv}', header = true, quote = '"', columns = {'datum': 'DATE', 'ags': 'VARCHAR', 'lotse_id': 'VARCHAR', 'format': 'VARCHAR',
			'thema': 'VARCHAR', 'altersgruppe': 'VARCHAR', 'teilnehmende': 'INTEGER', 'minuten': 'DOUBLE', 'digitales_angebot': 'VARCHAR'})`);
		await db.exec(`CREATE TABLE gem AS SELECT ags, land, CAST(row_number() OVER (PARTITION BY land ORDER BY ags) - 1 AS INTEGER) AS i,
			CAST(count(*) OVER (PARTITION BY land) AS INTEGER) AS n FROM read_csv('${gemCsv}', header = true, quote = '"', columns = {'ags': 'VARCHAR', 'land': 'VARCHAR'})`);
		const srcRows = Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM src'))[0].n);
		await db.exec(`COPY (
			SELECT s.datum, CASE WHEN t.r = 0 THEN s.ags ELSE g2.ags END AS ags, s.lotse_id || '-' || t.r AS lotse_id, s.format, s.thema, s.altersgruppe,
				s.teilnehmende, s.minuten, s.digitales_angebot
			FROM src s, range(${Math.ceil(n / srcRows)}) t(r)
			JOIN gem g ON g.ags = s.ags
			JOIN gem g2 ON g2.land = g.land AND g2.i = (g.i + t.r * 131) % g.n
			ORDER BY t.r, s.datum, s.ags
			LIMIT ${n}) TO '${file}' (FORMAT parquet)`);
	} finally {
		await db.close();
	}
	return file;
}
