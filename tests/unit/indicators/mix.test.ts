/** Topic mix, format mix and the monthly trend with its trailing 3-month mean. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import type { IndicatorParams } from '../../../src/lib/indicators/types';
import { runIndicator } from '../../../src/lib/indicators/run';
import { fixtureDb, insertEinsaetze, buildSummaries, DM, LUDWIGSLUST_LAND, type Einsatz } from './fixture';

let db: Db;
const run = (id: string, p: Partial<IndicatorParams> = {}) =>
	runIndicator(db, id, { from: '2025-01-01', to: '2025-12-31', level: 'verband', areas: [DM.amt], ...p } as IndicatorParams);
const times = (n: number, e: Einsatz) => Array.from({ length: n }, () => e);
const SG = 'Smartphone-Grundlagen';

beforeAll(async () => {
	db = await fixtureDb();
	await insertEinsaetze(db, [
		...times(2, { datum: '2025-01-10', ags: DM.doemitz, format: 'Sprechstunde vor Ort', thema: SG }),
		{ datum: '2025-01-11', ags: DM.doemitz, format: 'Hausbesuch', thema: 'Online-Banking' },
		...times(3, { datum: '2025-03-05', ags: DM.doemitz, format: 'Telefon', thema: 'Online-Banking' }),
		...times(3, { datum: '2025-03-06', ags: DM.mallis, format: 'Online', thema: 'E-Rezept' }),
		...times(3, { datum: '2024-12-15', ags: DM.doemitz, format: 'Sprechstunde vor Ort', thema: SG }),
		{ datum: '2025-02-01', ags: '08436078', format: 'Bürgerdialog', thema: 'Deutschlandticket' } // Vogt (BW)
	]);
	await buildSummaries(db);
});
afterAll(() => db.close());

describe('topic mix', () => {
	it('shares of the Amt’s 2025 contacts, every known topic as a row', async () => {
		const rows = await run('themenmix');
		// 2025 in the Amt: 3 (January) + 6 (March) = 9 contacts
		expect(rows.map((r) => [r.category, r.numerator, r.denominator])).toEqual([
			['Deutschlandticket', 0, 9],
			['E-Rezept', 3, 9],
			['Online-Banking', 4, 9], // 1 Hausbesuch + 3 Telefon
			[SG, 2, 9]
		]);
		// 4 / 9 × 100 = 44.444 %; shares add up to 100
		expect(rows[2].value).toBeCloseTo(44.444444, 5);
		expect(rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBeCloseTo(100, 9);
	});

	it('an area without contacts gets every category with NULL shares', async () => {
		const rows = await run('themenmix', { areas: [LUDWIGSLUST_LAND] });
		expect(rows.length).toBe(4);
		expect(rows.every((r) => r.value === null && r.numerator === 0 && r.denominator === 0)).toBe(true);
	});

	it('a topic filter limits categories and denominator', async () => {
		const rows = await run('themenmix', { filters: { thema: ['E-Rezept'] } });
		expect(rows.map((r) => [r.category, r.value])).toEqual([['E-Rezept', 100]]);
	});
});

describe('format mix', () => {
	it('all five formats, shares of 9 contacts', async () => {
		const rows = await run('formatmix');
		expect(rows.map((r) => [r.category, r.numerator])).toEqual([
			['Bürgerdialog', 0],
			['Hausbesuch', 1],
			['Online', 3],
			['Sprechstunde vor Ort', 2],
			['Telefon', 3]
		]);
		// Telefon: 3 / 9 × 100 = 33.333 %
		expect(rows[4].value).toBeCloseTo(33.333333, 5);
		// Online only → one category with 100 %
		expect((await run('formatmix', { filters: { format: ['Online'] } })).map((r) => [r.category, r.value])).toEqual([['Online', 100]]);
	});
});

describe('monthly trend', () => {
	it('months without data are 0; the mean covers the month and the two before (also before `from`)', async () => {
		const rows = await run('kontakte_trend', { from: '2025-01-01', to: '2025-04-30' });
		// Nov 2024: 0, Dec 2024: 3, Jan: 3, Feb: 0, Mar: 6, Apr: 0
		// means: Jan (0+3+3)/3 = 2; Feb (3+3+0)/3 = 2; Mar (3+0+6)/3 = 3; Apr (0+6+0)/3 = 2
		expect(rows.map((r) => [r.monat, r.value, r.mittel_3m])).toEqual([
			['2025-01', 3, 2],
			['2025-02', 0, 2],
			['2025-03', 6, 3],
			['2025-04', 0, 2]
		]);
	});

	it('an area or period without data still has its months, all 0', async () => {
		const rows = await run('kontakte_trend', { areas: [LUDWIGSLUST_LAND], from: '2023-01-01', to: '2023-03-31' });
		expect(rows.map((r) => [r.monat, r.value, r.mittel_3m])).toEqual([
			['2023-01', 0, 0],
			['2023-02', 0, 0],
			['2023-03', 0, 0]
		]);
	});
});
