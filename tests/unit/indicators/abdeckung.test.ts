/** Coverage: Gemeinden (and their population) with ≥ 1 contact in the 12 months ending at `to`. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import type { IndicatorParams } from '../../../src/lib/indicators/types';
import { runIndicator } from '../../../src/lib/indicators/run';
import { fixtureDb, insertEinsaetze, buildSummaries, DM, LUDWIGSLUST_LAND } from './fixture';

let db: Db;
const run = (id: string, p: Partial<IndicatorParams> = {}) =>
	runIndicator(db, id, { from: '2025-01-01', to: '2025-12-31', level: 'verband', areas: [DM.amt], ...p } as IndicatorParams);

beforeAll(async () => {
	db = await fixtureDb();
	await insertEinsaetze(db, [
		{ datum: '2025-03-01', ags: DM.doemitz },
		{ datum: '2025-01-15', ags: DM.mallis, format: 'Online' },
		{ datum: '2024-12-20', ags: DM.vielank }, // in the window ending Nov 2025, not in the one ending Dec 2025
		{ datum: '2026-01-05', ags: DM.neukalis } // after the window
	]);
	await buildSummaries(db);
});
afterAll(() => db.close());

describe('coverage', () => {
	it('share of Gemeinden and of population, 12 months ending December 2025', async () => {
		// Dömitz + Malliß covered: 2 / 7 Gemeinden × 100 = 28.571429 %
		const [g] = await run('abdeckung_gemeinden');
		expect(g).toMatchObject({ numerator: 2, denominator: 7 });
		expect(g.value).toBeCloseTo(28.571429, 5);
		// (2967 + 1064) / 8344 × 100 = 48.310163 %
		const [b] = await run('abdeckung_bevoelkerung');
		expect(b).toMatchObject({ numerator: 4031, denominator: 8344 });
		expect(b.value).toBeCloseTo(48.310163, 5);
	});

	it('the window follows `to`, and `from` does not matter', async () => {
		// window Dec 2024 – Nov 2025: Dömitz, Malliß, Vielank → 3 / 7 = 42.857143 %, (4031 + 1259) / 8344 = 63.398849 %
		expect((await run('abdeckung_gemeinden', { to: '2025-11-30' }))[0].value).toBeCloseTo(42.857143, 5);
		expect((await run('abdeckung_bevoelkerung', { to: '2025-11-30' }))[0].value).toBeCloseTo(63.398849, 5);
		expect((await run('abdeckung_gemeinden', { from: '2025-12-01' }))[0].numerator).toBe(2);
	});

	it('filters apply: only Online contacts cover Malliß alone', async () => {
		// 1 / 7 × 100 = 14.285714 %
		expect((await run('abdeckung_gemeinden', { filters: { format: ['Online'] } }))[0].value).toBeCloseTo(14.285714, 5);
	});

	it('an Amt without activity: 0 %, and the list names all its Gemeinden', async () => {
		expect((await run('abdeckung_gemeinden', { areas: [LUDWIGSLUST_LAND] }))[0]).toMatchObject({ value: 0, numerator: 0, denominator: 11 });
		expect((await run('gemeinden_ohne_kontakt', { areas: [LUDWIGSLUST_LAND] })).length).toBe(11);
	});

	it('Land level: 2 of 726 MV Gemeinden = 0.275482 %', async () => {
		const rows = await run('abdeckung_gemeinden', { level: 'land', areas: ['MV'] });
		expect(rows[0].value).toBeCloseTo(0.275482, 5);
	});
});

describe('Gemeinden without contact', () => {
	it('lists them by name with their population', async () => {
		const rows = await run('gemeinden_ohne_kontakt');
		// the 7 Gemeinden minus Dömitz and Malliß, alphabetically; value = inhabitants (gemeinden.csv)
		expect(rows.map((r) => [r.category, r.category_key, r.value])).toEqual([
			['Grebs-Niendorf', DM.grebs, 539],
			['Karenz', DM.karenz, 226],
			['Malk Göhren', DM.malk, 410],
			['Neu Kaliß', DM.neukalis, 1879],
			['Vielank', DM.vielank, 1259]
		]);
		expect(rows.every((r) => r.key === DM.amt && r.name === 'Dömitz-Malliß')).toBe(true);
	});

	it('is empty for a Gemeinde that had contact', async () => {
		expect(await run('gemeinden_ohne_kontakt', { level: 'gemeinde', areas: [DM.doemitz] })).toEqual([]);
	});
});
