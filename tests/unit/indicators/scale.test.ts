/**
 * Scale: indicators read the summary tables only. On the full sample data the summary-based
 * indicators must agree with independent SQL over the raw rows of `einsaetze`.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import type { Db } from '../../../src/lib/db/types';
import type { IndicatorParams } from '../../../src/lib/indicators/types';
import { INDICATORS } from '../../../src/lib/indicators/registry';
import { runIndicator } from '../../../src/lib/indicators/run';
import { importFile } from '../../../src/lib/import/import-file';
import { fixtureDb, buildSummaries } from './fixture';

let db: Db;
const P: IndicatorParams = { from: '2025-01-01', to: '2025-12-31', level: 'verband' };

beforeAll(async () => {
	db = await fixtureDb();
	for (const f of readdirSync('data/sample').filter((f) => !f.includes('fehlerhaft'))) {
		const r = await importFile(db, { name: f, bytes: new Uint8Array(readFileSync(`data/sample/${f}`)) });
		expect(r.rowsRejected).toBe(0);
	}
	await buildSummaries(db);
});
afterAll(() => db.close());

/** raw SQL, written independently of the indicator code: per Verband, 2025, from the raw rows */
const RAW = `
	WITH e AS (
		SELECT g.verband_ars AS key, e.*
		FROM einsaetze e JOIN gemeinden g ON g.ags = e.ags
		WHERE e.datum >= DATE '2025-01-01' AND e.datum <= DATE '2025-12-31'),
	agg AS (
		SELECT key, count(*) AS kontakte, sum(teilnehmende) AS teilnehmende, sum(minuten) AS minuten,
			sum(teilnehmende) FILTER (WHERE altersgruppe IN ('65–74', '75+')) AS tn65,
			count(DISTINCT lotse_id) AS lotsen
		FROM e GROUP BY key)
	SELECT v.verband_ars AS key, COALESCE(kontakte, 0) AS kontakte, COALESCE(teilnehmende, 0) AS teilnehmende,
		COALESCE(minuten, 0) AS minuten, COALESCE(tn65, 0) AS tn65, COALESCE(lotsen, 0) AS lotsen
	FROM verbaende v LEFT JOIN agg ON agg.key = v.verband_ars ORDER BY v.verband_ars`;

describe('summary tables vs raw rows (full sample data, 2025, per Verband)', () => {
	it('no indicator reads the raw activity table', () => {
		for (const d of INDICATORS) {
			const sql = d.sql(P);
			expect(/(?<![a-z_])einsaetze\b/.test(sql), d.id).toBe(false);
		}
	});

	it('contacts, participations, minutes, participations 65+ and active Lotsen agree', async () => {
		const raw = await db.query<{ key: string; kontakte: number; teilnehmende: number; minuten: number; tn65: number; lotsen: number }>(RAW);
		// the sample has activity in 2025 in many Verbände; a comparison over zeros would prove nothing
		expect(raw.filter((r) => r.kontakte > 0).length).toBeGreaterThan(100);
		const col = async (id: string, field: 'value' | 'numerator' = 'value') =>
			Object.fromEntries((await runIndicator(db, id, P)).map((r) => [r.key, r[field]]));
		const [k, t, h, t65, l] = await Promise.all([
			col('kontakte'),
			col('teilnehmende'),
			col('stunden'),
			col('teilnehmende_65plus_je_1000_65plus', 'numerator'),
			col('lotsen_aktiv')
		]);
		expect(Object.keys(k).length).toBe(raw.length);
		for (const r of raw) {
			expect([k[r.key], t[r.key], t65[r.key], l[r.key]], r.key).toEqual([r.kontakte, r.teilnehmende, r.tn65, r.lotsen]);
			expect(h[r.key] as number, r.key).toBeCloseTo(r.minuten / 60, 9);
		}
	});
});
