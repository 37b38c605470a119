/**
 * Reach by distance, against a fixture computed by hand: three Gemeinden of Amt Dömitz-Malliß
 * are moved to simple coordinates (the other four onto Dömitz), so every distance is written out.
 *
 *   A Dömitz         11.0° E, 53.0° N   Sprechstunde vor Ort 2025 · Bürgerdialog 2024 is at B
 *   B Grebs-Niendorf 11.0° E, 53.1° N   Bürgerdialog 2024-06, Online 2025 (Online never counts)
 *   C Karenz         11.1° E, 53.0° N   Hausbesuch 2025 (home visits do not count)
 *   Malk Göhren, Malliß, Neu Kaliß, Vielank: 11.0° E, 53.0° N (same point as A)
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import type { IndicatorParams, IndicatorRow } from '../../../src/lib/indicators/types';
import { runIndicator } from '../../../src/lib/indicators/run';
import { fixtureDb, insertEinsaetze, buildSummaries, DM } from './fixture';

let db: Db;
const run = (id: string, p: Partial<IndicatorParams> = {}) =>
	runIndicator(db, id, { from: '2025-01-01', to: '2025-12-31', level: 'gemeinde', areas: [DM.doemitz, DM.grebs, DM.karenz, DM.mallis], ...p } as IndicatorParams);
const byKey = (rows: IndicatorRow[]) => Object.fromEntries(rows.map((r) => [r.key, r]));

// the arithmetic, by hand: R = 6371.0088 km, 0.1° = 0.1 × π / 180 = 0.00174533 rad
// A–B: same longitude, Δφ = 0.1°: d = 2R · asin(sin(0.05°)) = R · 0.00174533 = 11.11951 km (11.119508)
const AB = 11.11951;
// A–C: same latitude 53°, Δλ = 0.1°: d = 2R · asin(cos 53° · sin 0.05°) = 2 · 6371.0088 · asin(0.601815 · 0.000872665)
//      = 2 · 6371.0088 · 0.000525184 = 6.69189 km
const AC = 6.69189;
// B–C: a = sin²(−0.05°) + cos 53.1° · cos 53° · sin²(0.05°) = 7.6154e-7 + 0.600420 · 0.601815 · 7.6154e-7 = 1.03672e-6
//      d = 2R · asin(√a) = 2 · 6371.0088 · asin(0.00101819) = 2 · 6371.0088 · 0.00101820 = 12.97386 km
const BC = 12.97386;

beforeAll(async () => {
	db = await fixtureDb();
	await db.exec(`UPDATE gemeinden SET lon = 11.0, lat = 53.0 WHERE verband_ars = '${DM.amt}'`);
	await db.exec(`UPDATE gemeinden SET lat = 53.1 WHERE ags = '${DM.grebs}'`);
	await db.exec(`UPDATE gemeinden SET lon = 11.1 WHERE ags = '${DM.karenz}'`);
	await insertEinsaetze(db, [
		{ datum: '2025-03-01', ags: DM.doemitz, format: 'Sprechstunde vor Ort' },
		{ datum: '2024-06-10', ags: DM.grebs, format: 'Bürgerdialog' },
		{ datum: '2025-04-01', ags: DM.grebs, format: 'Online' },
		{ datum: '2025-05-01', ags: DM.karenz, format: 'Hausbesuch' }
	]);
	await buildSummaries(db);
});
afterAll(() => db.close());

describe('distance to the nearest Sprechstunde vor Ort / Bürgerdialog', () => {
	it('2025: only Dömitz counts (online and home visits do not, 2024 is outside the period)', async () => {
		const r = byKey(await run('distanz_vor_ort_km'));
		expect(r[DM.doemitz].value).toBe(0);
		expect(r[DM.doemitz].category).toBe('Dömitz, Stadt');
		expect(r[DM.mallis].value).toBe(0);
		expect(r[DM.grebs].value).toBeCloseTo(AB, 4);
		expect(r[DM.karenz].value).toBeCloseTo(AC, 4);
		expect(r[DM.karenz].category).toBe('Dömitz, Stadt');
	});

	it('2024: the Bürgerdialog in Grebs-Niendorf is the only place', async () => {
		const r = byKey(await run('distanz_vor_ort_km', { from: '2024-01-01', to: '2024-12-31' }));
		expect(r[DM.grebs].value).toBe(0);
		expect(r[DM.doemitz].value).toBeCloseTo(AB, 4);
		expect(r[DM.karenz].value).toBeCloseTo(BC, 4);
	});

	it('2024–2025: the nearer of both places', async () => {
		const r = byKey(await run('distanz_vor_ort_km', { from: '2024-01-01' }));
		expect(r[DM.doemitz].value).toBe(0);
		expect(r[DM.grebs].value).toBe(0);
		expect(r[DM.karenz].value).toBeCloseTo(AC, 4); // min(6.69, 12.97)
	});

	it('no place in the Land in the period: no value, not 0', async () => {
		const r = await run('distanz_vor_ort_km', { from: '2023-01-01', to: '2023-12-31' });
		expect(r.map((x) => x.value)).toEqual([null, null, null, null]);
		// BW has no place at all
		const [bw] = await run('distanz_vor_ort_km', { areas: ['08111000'] });
		expect(bw.value).toBeNull();
	});

	it('per Amt: mean km weighted by inhabitants 65+', async () => {
		// 65+ (estimate): Dömitz 765, Grebs-Niendorf 139, Karenz 58, Malk Göhren 106, Malliß 274, Neu Kaliß 484, Vielank 324 = 2150
		// (139 × 11.119508 + 58 × 6.691886) / 2150 = (1545.6116 + 388.1294) / 2150 = 0.899414 km
		const [a] = await run('distanz_vor_ort_km', { level: 'verband', areas: [DM.amt] });
		expect(a.value).toBeCloseTo(0.899414, 5);
		expect(a.estimate).toBe(true);
	});

	it('share 65+ more than 10 km away, per Amt', async () => {
		// 2025: only Grebs-Niendorf (11.12 km) is beyond 10 km: 139 / 2150 × 100 = 6.465116 %
		const [a] = await run('anteil_65plus_ueber_10km', { level: 'verband', areas: [DM.amt] });
		expect(a).toMatchObject({ numerator: 139, denominator: 2150, estimate: true });
		expect(a.value).toBeCloseTo(6.465116, 5);
		// 2024 (place: Grebs-Niendorf): beyond 10 km are Dömitz (11.12), Karenz (12.97) and the four at Dömitz's point
		// (11.12 each): 2150 − 139 = 2011 → 2011 / 2150 × 100 = 93.534884 %
		const [b] = await run('anteil_65plus_ueber_10km', { level: 'verband', areas: [DM.amt], from: '2024-01-01', to: '2024-12-31' });
		expect(b).toMatchObject({ numerator: 2011, denominator: 2150 });
		expect(b.value).toBeCloseTo(93.534884, 5);
		// 2023: no place → no share
		const [c] = await run('anteil_65plus_ueber_10km', { level: 'verband', areas: [DM.amt], from: '2023-01-01', to: '2023-12-31' });
		expect(c).toMatchObject({ value: null, numerator: null, denominator: null });
	});

	it('refuses activity filters (they do not apply)', async () => {
		await expect(runIndicator(db, 'distanz_vor_ort_km', { from: '2025-01-01', to: '2025-12-31', level: 'gemeinde', filters: { format: ['Online'] } })).rejects.toThrow(/nicht möglich/);
	});
});
