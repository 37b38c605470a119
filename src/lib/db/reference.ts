/**
 * Loads the reference tables (built by scripts/build-reference.ts) into DuckDB with explicit
 * types, so keys stay text with their leading zeros. The caller supplies the bytes (fs in Node,
 * fetch of Vite asset URLs in the browser).
 */
import type { Db } from './types';

export const REFERENCE_FILES = ['gemeinden', 'verbaende', 'kreise_alter', 'quellen'] as const;
export type ReferenceName = (typeof REFERENCE_FILES)[number];

const COLUMNS: Record<ReferenceName, string> = {
	gemeinden: `{'ags':'VARCHAR','ars':'VARCHAR','name':'VARCHAR','verband_ars':'VARCHAR','verband_name':'VARCHAR',
		'kreis_ags':'VARCHAR','kreis_name':'VARCHAR','land':'VARCHAR','einwohner':'INTEGER','flaeche_km2':'DOUBLE',
		'dichte_klasse':'VARCHAR','lon':'DOUBLE','lat':'DOUBLE','einwohner_65plus_schaetzung':'INTEGER'}`,
	verbaende: `{'verband_ars':'VARCHAR','name':'VARCHAR','land':'VARCHAR','kreis_ags':'VARCHAR','art':'VARCHAR',
		'anzahl_gemeinden':'INTEGER','einwohner':'INTEGER'}`,
	kreise_alter: `{'kreis_ags':'VARCHAR','kreis_name':'VARCHAR','land':'VARCHAR','anteil_65plus':'DOUBLE',
		'anteil_jahr':'INTEGER','ew_65plus_2019':'INTEGER','ew_2019':'INTEGER'}`,
	quellen: `{'id':'VARCHAR','tabelle':'VARCHAR','titel':'VARCHAR','herausgeber':'VARCHAR','stand':'VARCHAR',
		'lizenz':'VARCHAR','hinweis':'VARCHAR'}`
};

export async function loadReference(db: Db, files: Record<ReferenceName, Uint8Array>): Promise<void> {
	for (const name of REFERENCE_FILES) {
		const file = `ref_${name}.csv`;
		await db.registerFile(file, files[name]);
		await db.exec(
			`CREATE OR REPLACE TABLE ${name} AS SELECT * FROM read_csv('${file}', header=true, delim=',', quote='"', columns=${COLUMNS[name]})`
		);
		await db.dropFile(file);
	}
	await referenceViews(db);
}

/**
 * The views and tables that go with the reference tables. Separate from loading the CSVs because
 * the app's start attaches the reference tables from the sample snapshot (import/sample-snapshot.ts).
 */
export async function referenceViews(db: Db): Promise<void> {
	// Every accepted spelling of a Gemeinde key (AGS 8 digits, ARS 12 digits) → AGS.
	await db.exec(`CREATE OR REPLACE VIEW _key_lookup AS SELECT ags AS k, ags FROM gemeinden UNION ALL SELECT ars AS k, ags FROM gemeinden`);
	// Official 65+ figures may be imported later (kind 'bevoelkerung'); until then the estimate counts.
	await db.exec(`CREATE TABLE IF NOT EXISTS bevoelkerung_65plus (ags VARCHAR, einwohner_65plus INTEGER, stichtag DATE, quelle VARCHAR, _file VARCHAR, _line INTEGER)`);
	await db.exec(`CREATE OR REPLACE VIEW gemeinden_65plus AS
		SELECT g.ags,
			COALESCE(b.einwohner_65plus, g.einwohner_65plus_schaetzung) AS einwohner_65plus,
			b.einwohner_65plus IS NULL AS ist_schaetzung
		FROM gemeinden g LEFT JOIN (SELECT ags, max(einwohner_65plus) AS einwohner_65plus FROM bevoelkerung_65plus GROUP BY ags) b USING (ags)`);
}
