/** Reach among people aged 65+: per 1,000 inhabitants aged 65+ (official or estimated) and share of participations. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import type { IndicatorParams } from '../../../src/lib/indicators/types';
import { runIndicator } from '../../../src/lib/indicators/run';
import { fixtureDb, insertEinsaetze, buildSummaries, DM } from './fixture';

let db: Db;
const run = (id: string, p: Partial<IndicatorParams>) =>
	runIndicator(db, id, { from: '2025-01-01', to: '2025-12-31', level: 'gemeinde', ...p } as IndicatorParams);
const get = async (id: string, key: string, p: Partial<IndicatorParams> = {}) =>
	(await run(id, { areas: [key], ...p }))[0];

beforeAll(async () => {
	db = await fixtureDb();
	// official figures: Karenz 0 people aged 65+ (edge case), Malliß 300 (replaces the estimate 274)
	await db.exec(`INSERT INTO bevoelkerung_65plus VALUES ('${DM.karenz}', 0, DATE '2023-12-31', 'Test', 'fixture', 2),
		('${DM.mallis}', 300, DATE '2023-12-31', 'Test', 'fixture', 3)`);
	await insertEinsaetze(db, [
		{ datum: '2025-03-01', ags: DM.doemitz, alter: '65–74', tn: 3 },
		{ datum: '2025-03-02', ags: DM.doemitz, alter: '75+', tn: 2 },
		{ datum: '2025-03-03', ags: DM.doemitz, alter: '50–64', tn: 4 },
		{ datum: '2025-04-01', ags: DM.karenz, alter: '75+', tn: 1 },
		{ datum: '2025-05-01', ags: DM.mallis, alter: '65–74', tn: 6 },
		{ datum: '2025-05-02', ags: DM.mallis, alter: 'unter 50', tn: 2 },
		{ datum: '2025-06-01', ags: DM.neukalis, alter: '65–74', tn: 0 } // a contact without participants
	]);
	await buildSummaries(db);
});
afterAll(() => db.close());

describe('participations 65+ per 1,000 inhabitants aged 65+', () => {
	it('uses the estimate where no official figure exists, and says so', async () => {
		// Dömitz: (3 + 2) participants 65+ / 765 estimated 65+ × 1000 = 6.535948
		const r = await get('teilnehmende_65plus_je_1000_65plus', DM.doemitz);
		expect(r).toMatchObject({ numerator: 5, denominator: 765, estimate: true });
		expect(r.value).toBeCloseTo(6.535948, 6);
	});

	it('uses an official figure where imported (estimate false)', async () => {
		// Malliß: 6 / 300 official × 1000 = 20
		expect(await get('teilnehmende_65plus_je_1000_65plus', DM.mallis)).toMatchObject({ value: 20, denominator: 300, estimate: false });
	});

	it('a Gemeinde with zero people aged 65+ gives NULL, not a division by zero', async () => {
		// Karenz: 1 participant 75+, official 65+ population 0
		expect(await get('teilnehmende_65plus_je_1000_65plus', DM.karenz)).toMatchObject({ value: null, numerator: 1, denominator: 0, estimate: false });
	});

	it('Amt: sums of numerators and of 65+ populations, estimate if any part is estimated', async () => {
		// 65+: Dömitz 5 + Karenz 1 + Malliß 6 + Neu Kaliß 0 = 12;
		// 65+ population 765 + 139 + 0 (Karenz, official) + 106 + 300 (Malliß, official) + 484 + 324 = 2118
		// 12 / 2118 × 1000 = 5.665722
		const r = await get('teilnehmende_65plus_je_1000_65plus', DM.amt, { level: 'verband' });
		expect(r).toMatchObject({ numerator: 12, denominator: 2118, estimate: true });
		expect(r.value).toBeCloseTo(5.665722, 6);
		// only age group 75+: (2 + 1) / 2118 × 1000 = 1.416431
		const f = await get('teilnehmende_65plus_je_1000_65plus', DM.amt, { level: 'verband', filters: { altersgruppe: ['75+'] } });
		expect(f.value).toBeCloseTo(1.416431, 6);
	});
});

describe('share of participations aged 65+', () => {
	it('per Gemeinde and Amt', async () => {
		// Dömitz: 5 / (3 + 2 + 4) × 100 = 55.5556 %
		expect((await get('anteil_teilnehmende_65plus', DM.doemitz)).value).toBeCloseTo(55.555556, 5);
		// Malliß: 6 / 8 × 100 = 75 %
		expect((await get('anteil_teilnehmende_65plus', DM.mallis)).value).toBe(75);
		// Amt: 12 / (9 + 1 + 8 + 0) × 100 = 66.6667 %
		expect((await get('anteil_teilnehmende_65plus', DM.amt, { level: 'verband' })).value).toBeCloseTo(66.666667, 5);
	});

	it('NULL where there were no participants at all, also for an empty period', async () => {
		// Neu Kaliß: one contact with 0 participants → 0 / 0
		expect(await get('anteil_teilnehmende_65plus', DM.neukalis)).toMatchObject({ value: null, numerator: 0, denominator: 0 });
		const empty = await get('anteil_teilnehmende_65plus', DM.amt, { level: 'verband', from: '2023-01-01', to: '2023-06-30' });
		expect(empty).toMatchObject({ value: null, numerator: 0, denominator: 0 });
		// while the rate per 65+ population is a real 0 in the empty period
		const rate = await get('teilnehmende_65plus_je_1000_65plus', DM.amt, { level: 'verband', from: '2023-01-01', to: '2023-06-30' });
		expect(rate).toMatchObject({ value: 0, numerator: 0 });
	});
});
