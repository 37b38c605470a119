/** Contacts, participations, hours of help — absolute and per 1,000 inhabitants — on a hand-made fixture. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import type { IndicatorParams, IndicatorRow } from '../../../src/lib/indicators/types';
import { runIndicator } from '../../../src/lib/indicators/run';
import { fixtureDb, insertEinsaetze, buildSummaries, DM, LUDWIGSLUST_LAND, byKey } from './fixture';

let db: Db;
const Y2025 = { from: '2025-01-01', to: '2025-12-31' };
const run = (id: string, p: Partial<IndicatorParams> = {}) => runIndicator(db, id, { ...Y2025, level: 'gemeinde', ...p } as IndicatorParams);
const one = async (id: string, p: Partial<IndicatorParams>) => (await run(id, p))[0] as IndicatorRow;

beforeAll(async () => {
	db = await fixtureDb();
	await insertEinsaetze(db, [
		{ datum: '2025-02-10', ags: DM.doemitz, lotse: 'L1', format: 'Sprechstunde vor Ort', alter: '65–74', tn: 3, min: 90 },
		{ datum: '2025-02-11', ags: DM.doemitz, lotse: 'L2', format: 'Hausbesuch', alter: '75+', tn: 1, min: 45 },
		{ datum: '2025-07-01', ags: DM.doemitz, lotse: 'L1', format: 'Telefon', alter: '50–64', tn: 1, min: 20, thema: 'Online-Banking' },
		{ datum: '2025-12-31', ags: DM.mallis, lotse: 'L1', format: 'Online', alter: 'unter 50', tn: 2, min: 30, thema: 'Online-Banking' },
		{ datum: '2024-12-31', ags: DM.doemitz, tn: 5 }, // before the period
		{ datum: '2026-01-01', ags: DM.doemitz, tn: 7 }, // after the period
		{ datum: '2025-05-05', ags: '08436078', tn: 4, min: 120 }, // Vogt (BW), 4710 EW
		{ datum: '2025-05-05', ags: '08317971', tn: 2 } // Rheinau, gemeindefreies Gebiet (BW): 0 EW
	]);
	await buildSummaries(db);
});
afterAll(() => db.close());

describe('contacts, participations, hours', () => {
	it('per Gemeinde: counts in the period only; areas without activity are 0', async () => {
		const rows = await run('kontakte', { areas: [DM.doemitz, DM.mallis, DM.karenz] });
		// Dömitz: 3 contacts in 2025 (the 2024-12-31 and 2026-01-01 rows are outside); Malliß 1; Karenz none → 0
		expect(byKey(rows, 'value')).toEqual({ [DM.doemitz]: 3, [DM.mallis]: 1, [DM.karenz]: 0 });
		expect(rows.every((r) => r.denominator === null && r.level === 'gemeinde')).toBe(true);
		expect(rows.find((r) => r.key === DM.doemitz)).toMatchObject({ name: 'Dömitz, Stadt', land: 'MV', numerator: 3 });
	});

	it('participations and hours per Gemeinde', async () => {
		// Dömitz: 3 + 1 + 1 = 5 participants; (90 + 45 + 20) min / 60 = 2.5833 h
		expect((await one('teilnehmende', { areas: [DM.doemitz] })).value).toBe(5);
		expect((await one('stunden', { areas: [DM.doemitz] })).value).toBeCloseTo(155 / 60, 10);
	});

	it('per 1,000 inhabitants at Gemeinde level', async () => {
		// 3 contacts / 2967 EW × 1000 = 1.011122
		expect((await one('kontakte_je_1000', { areas: [DM.doemitz] })).value).toBeCloseTo(1.011122, 6);
		// 5 participants / 2967 × 1000 = 1.685204
		expect((await one('teilnehmende_je_1000', { areas: [DM.doemitz] })).value).toBeCloseTo(1.685204, 6);
		// 2.583333 h / 2967 × 1000 = 0.870689
		expect((await one('stunden_je_1000', { areas: [DM.doemitz] })).value).toBeCloseTo(0.870689, 6);
		// Malliß: 1 / 1064 × 1000 = 0.939850
		expect((await one('kontakte_je_1000', { areas: [DM.mallis] })).value).toBeCloseTo(0.93985, 6);
	});

	it('per 1,000 inhabitants at Amt level (Dömitz-Malliß, 8344 EW)', async () => {
		const p = { level: 'verband' as const, areas: [DM.amt] };
		// 4 contacts / 8344 × 1000 = 0.479386
		expect(await one('kontakte_je_1000', p)).toMatchObject({ key: DM.amt, name: 'Dömitz-Malliß', numerator: 4, denominator: 8344 });
		expect((await one('kontakte_je_1000', p)).value).toBeCloseTo(0.479386, 6);
		// 7 participants / 8344 × 1000 = 0.838926
		expect((await one('teilnehmende_je_1000', p)).value).toBeCloseTo(0.838926, 6);
		// (155 + 30) min / 60 = 3.083333 h / 8344 × 1000 = 0.369527
		expect((await one('stunden_je_1000', p)).value).toBeCloseTo(0.369527, 6);
	});

	it('an Amt without any activity gets 0, not a missing row', async () => {
		const r = await one('kontakte_je_1000', { level: 'verband', areas: [LUDWIGSLUST_LAND] });
		// 0 contacts / 8548 EW × 1000 = 0
		expect(r).toMatchObject({ key: LUDWIGSLUST_LAND, value: 0, numerator: 0, denominator: 8548 });
	});

	it('Kreis and Land level', async () => {
		// Kreis Ludwigslust-Parchim (13076): 214057 EW; 4 / 214057 × 1000 = 0.018687
		expect((await one('kontakte_je_1000', { level: 'kreis', areas: ['13076'] })).value).toBeCloseTo(0.018687, 6);
		const land = await run('kontakte_je_1000', { level: 'land' });
		// MV: 4 / 1629464 × 1000 = 0.0024548; BW: 2 / 11339260 × 1000 = 0.00017638
		expect(land.map((r) => r.key)).toEqual(['BW', 'MV']);
		expect(land[1].value).toBeCloseTo(0.0024548, 7);
		expect(land[0].value).toBeCloseTo(0.00017638, 8);
		expect(land[1].name).toBe('Mecklenburg-Vorpommern');
	});

	it('a Gemeinde with 0 inhabitants: the count is there, the rate is NULL', async () => {
		const r = await one('kontakte_je_1000', { areas: ['08317971'] });
		expect(r).toMatchObject({ value: null, numerator: 1, denominator: 0 });
	});

	it('every area of the level has a row when no areas are given', async () => {
		// 1829 Gemeinden, 578 Verbände, 52 Kreise in gemeinden.csv / verbaende.csv
		expect((await run('kontakte')).length).toBe(1829);
		expect((await run('kontakte', { level: 'verband' })).length).toBe(578);
		expect((await run('kontakte', { level: 'kreis' })).length).toBe(52);
	});

	it('filters by format, age group and topic', async () => {
		const p = { level: 'verband' as const, areas: [DM.amt] };
		// Hausbesuch (row 2) + Telefon (row 3) = 2
		expect((await one('kontakte', { ...p, filters: { format: ['Hausbesuch', 'Telefon'] } })).value).toBe(2);
		// 65–74: 3 + 75+: 1 = 4 participants
		expect((await one('teilnehmende', { ...p, filters: { altersgruppe: ['65–74', '75+'] } })).value).toBe(4);
		// Online-Banking: rows 3 and 4; and only Online of those: row 4
		expect((await one('kontakte', { ...p, filters: { thema: ['Online-Banking'] } })).value).toBe(2);
		expect((await one('kontakte', { ...p, filters: { thema: ['Online-Banking'], format: ['Online'] } })).value).toBe(1);
		// an empty list is no restriction
		expect((await one('kontakte', { ...p, filters: { format: [] } })).value).toBe(4);
	});

	it('a period without data gives 0 everywhere', async () => {
		const r = await one('kontakte_je_1000', { level: 'verband', areas: [DM.amt], from: '2023-01-01', to: '2023-12-31' });
		expect(r).toMatchObject({ value: 0, numerator: 0 });
	});

	it('the period is whole months: from/to inside a month select the whole month', async () => {
		// 2025-02-15..2025-02-15 → all of February: the two rows of 10 and 11 Feb
		expect((await one('kontakte', { areas: [DM.doemitz], from: '2025-02-15', to: '2025-02-15' })).value).toBe(2);
		// Dec 2024 .. Jan 2026: all 6 Dömitz-Malliß rows
		expect((await one('kontakte', { level: 'verband', areas: [DM.amt], from: '2024-12-01', to: '2026-01-31' })).value).toBe(6);
	});
});
