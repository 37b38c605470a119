/**
 * Builds the app's reference tables (data/reference/*.csv) from the unchanged official files in
 * data/reference/quellen/. Re-runnable: `npm run data:reference`. Uses the app's own DuckDB layer.
 *
 * Decisions (see docs/referenzdaten.md):
 * - Population, area, Verband: Destatis GV-ISys 31.12.2023.
 * - Settlement density class: GV-ISys 2019 (the 2023 extract lacks it), matched by AGS.
 * - Share 65+ per Kreis: BBSR INKAR 2022 (newest year); estimated 65+ per Gemeinde =
 *   population × Kreis share, flagged as an estimate.
 */
import { writeFileSync } from 'node:fs';
import { openNodeDb } from '../src/lib/db/node';
import { toCsv } from '../src/lib/reference/csv-write';
import { QUELLEN } from '../src/lib/reference/quellen';

const Q = 'data/reference/quellen/';
const db = await openNodeDb();
const { readFileSync } = await import('node:fs');
for (const f of [
	'mv_bw_gemeinden_bevoelkerung_destatis_gv_20231231.csv',
	'mv_bw_gemeindeverbaende_destatis_gv_20231231.csv',
	'mv_bw_kreise_alter65plus_destatis_12411-0017_20191231.csv',
	'mv_bw_kreise_inkar_share65plus_2011_2022.csv',
	'gemeindeverzeichnis-2019.csv'
]) {
	await db.registerFile(f, readFileSync(Q + f));
}

await db.exec(`
CREATE TABLE gv AS SELECT * FROM read_csv('mv_bw_gemeinden_bevoelkerung_destatis_gv_20231231.csv', header=true, all_varchar=true);
CREATE TABLE vb AS SELECT * FROM read_csv('mv_bw_gemeindeverbaende_destatis_gv_20231231.csv', header=true, all_varchar=true);
CREATE TABLE kr19 AS SELECT * FROM read_csv('mv_bw_kreise_alter65plus_destatis_12411-0017_20191231.csv', header=true, all_varchar=true);
CREATE TABLE inkar AS SELECT * FROM read_csv('mv_bw_kreise_inkar_share65plus_2011_2022.csv', header=true, all_varchar=true);
CREATE TABLE gv19 AS SELECT land || rb || kreis || gemeinde AS ags, verstaedterungbezeichnung AS dichte
  FROM read_csv('gemeindeverzeichnis-2019.csv', header=true, all_varchar=true) WHERE satzart = '60';
`);

const kreise = await db.query(`
SELECT k.AGS AS kreis_ags, k.NAME AS kreis_name, CASE k.LAND WHEN '13' THEN 'MV' ELSE 'BW' END AS land,
  round(CAST(i.share_65plus AS DOUBLE) / 100, 4) AS anteil_65plus, CAST(i.year AS INTEGER) AS anteil_jahr,
  CAST(k.EW_65_PLUS AS INTEGER) AS ew_65plus_2019, CAST(k.EW_INSGESAMT AS INTEGER) AS ew_2019
FROM kr19 k JOIN inkar i ON i.county_code = k.AGS AND i.year = '2022'
ORDER BY kreis_ags`);

const gemeinden = await db.query(`
SELECT g.AGS AS ags, g.ARS AS ars, g.GEN AS name, g.VB_ARS AS verband_ars, g.VB_NAME AS verband_name,
  g.KRS AS kreis_ags, k.NAME AS kreis_name, CASE g.LAND WHEN '13' THEN 'MV' ELSE 'BW' END AS land,
  CAST(g.EW_INSGESAMT AS INTEGER) AS einwohner, CAST(g.FLAECHE_KM2 AS DOUBLE) AS flaeche_km2,
  COALESCE(d.dichte, 'unbekannt') AS dichte_klasse, CAST(g.LON AS DOUBLE) AS lon, CAST(g.LAT AS DOUBLE) AS lat,
  CAST(round(CAST(g.EW_INSGESAMT AS INTEGER) * CAST(i.share_65plus AS DOUBLE) / 100) AS INTEGER) AS einwohner_65plus_schaetzung
FROM gv g
LEFT JOIN gv19 d ON d.ags = g.AGS
LEFT JOIN kr19 k ON k.AGS = g.KRS
LEFT JOIN inkar i ON i.county_code = g.KRS AND i.year = '2022'
ORDER BY ags`);

const verbaende = await db.query(`
SELECT v.VB_ARS AS verband_ars, v.VB_NAME AS name, CASE v.LAND WHEN '13' THEN 'MV' ELSE 'BW' END AS land,
  v.KRS AS kreis_ags, CASE v.TEXTKENNZEICHEN WHEN '51' THEN 'Amt' WHEN '50' THEN CASE v.LAND WHEN '13' THEN 'amtsfreie Gemeinde' ELSE 'verbandsfreie Gemeinde' END
    WHEN '54' THEN 'Vereinbarte Verwaltungsgemeinschaft' WHEN '56' THEN 'Gemeindeverwaltungsverband' ELSE v.TEXTKENNZEICHEN END AS art,
  CAST(v.N_GEMEINDEN AS INTEGER) AS anzahl_gemeinden, CAST(v.EW_INSGESAMT AS INTEGER) AS einwohner
FROM vb v ORDER BY verband_ars`);

const write = (name: string, rows: Record<string, unknown>[]) => {
	writeFileSync(`data/reference/${name}.csv`, toCsv(rows));
	console.log(`data/reference/${name}.csv: ${rows.length} Zeilen`);
};
write('gemeinden', gemeinden);
write('verbaende', verbaende);
write('kreise_alter', kreise);
write('quellen', QUELLEN as unknown as Record<string, unknown>[]);
const missing = gemeinden.filter((g) => g.dichte_klasse === 'unbekannt').length;
console.log(`Gemeinden ohne Besiedlungsklasse 2019: ${missing}`);
await db.close();
