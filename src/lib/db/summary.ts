/**
 * Summary tables, rebuilt once after every import, so that indicators never scan raw rows.
 * A raw aggregate over 1 M activity rows costs ~0.2 s in the browser; these tables are a small
 * fraction of that size. The grains are chosen so that every filter of the dashboard (period by
 * month, area, format, age group, topic) can still be applied. See db/README.md.
 *
 *  s_einsaetze        ags × monat × format × altersgruppe          → kontakte, teilnehmende, minuten
 *  s_einsaetze_thema  the same × thema (free text, many values: read only when a topic is needed)
 *  s_angebote         ags × monat × digitales_angebot × format      → kontakte, teilnehmende
 *  s_lotsen_monat     ags × monat × lotse_id (distinct)            → exact distinct counts of active Lotsen
 *  s_gebiet_start     ags → first month with activity (programme-start alignment)
 */
import type { Db } from './types';

export const SUMMARY_SQL = [
	`CREATE OR REPLACE TABLE s_einsaetze_thema AS
		SELECT ags, CAST(date_trunc('month', datum) AS DATE) AS monat, format, altersgruppe, thema,
			count(*)::INTEGER AS kontakte, sum(teilnehmende)::BIGINT AS teilnehmende, sum(minuten)::DOUBLE AS minuten
		FROM einsaetze GROUP BY ALL`,
	`CREATE OR REPLACE TABLE s_einsaetze AS
		SELECT ags, monat, format, altersgruppe,
			sum(kontakte)::INTEGER AS kontakte, sum(teilnehmende)::BIGINT AS teilnehmende, sum(minuten)::DOUBLE AS minuten
		FROM s_einsaetze_thema GROUP BY ALL`,
	`CREATE OR REPLACE TABLE s_angebote AS
		SELECT ags, CAST(date_trunc('month', datum) AS DATE) AS monat, COALESCE(digitales_angebot, '(ohne Angabe)') AS digitales_angebot, format,
			count(*)::INTEGER AS kontakte, sum(teilnehmende)::BIGINT AS teilnehmende
		FROM einsaetze GROUP BY ALL`,
	`CREATE OR REPLACE TABLE s_lotsen_monat AS
		SELECT DISTINCT ags, CAST(date_trunc('month', datum) AS DATE) AS monat, lotse_id FROM einsaetze`,
	`CREATE OR REPLACE TABLE s_gebiet_start AS
		SELECT ags, min(CAST(date_trunc('month', datum) AS DATE)) AS erster_monat FROM einsaetze GROUP BY ags`
];

export async function buildSummaries(db: Db): Promise<void> {
	for (const sql of SUMMARY_SQL) await db.exec(sql);
}
