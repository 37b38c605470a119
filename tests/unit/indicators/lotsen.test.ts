/** Active Lotsen: distinct pseudonyms per area and period. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import type { IndicatorParams } from '../../../src/lib/indicators/types';
import { runIndicator } from '../../../src/lib/indicators/run';
import { fixtureDb, insertEinsaetze, buildSummaries, DM, LUDWIGSLUST_LAND, byKey } from './fixture';

let db: Db;
const run = (id: string, p: Partial<IndicatorParams>) =>
	runIndicator(db, id, { from: '2025-01-01', to: '2025-12-31', level: 'verband', ...p } as IndicatorParams);

beforeAll(async () => {
	db = await fixtureDb();
	await insertEinsaetze(db, [
		{ datum: '2025-03-01', ags: DM.doemitz, lotse: 'L1' },
		{ datum: '2025-04-01', ags: DM.doemitz, lotse: 'L1' }, // same Lotse, another month
		{ datum: '2025-03-05', ags: DM.doemitz, lotse: 'L2' },
		{ datum: '2025-06-01', ags: DM.mallis, lotse: 'L1' }, // same Lotse, another Gemeinde of the Amt
		{ datum: '2024-11-01', ags: DM.mallis, lotse: 'L3' }, // outside 2025
		{ datum: '2025-02-01', ags: '08436078', lotse: 'L9' } // Vogt (BW)
	]);
	await buildSummaries(db);
});
afterAll(() => db.close());

describe('active Lotsen', () => {
	it('counts distinct Lotsen per Gemeinde; one Lotse in two Gemeinden counts once for the Amt', async () => {
		const g = await run('lotsen_aktiv', { level: 'gemeinde', areas: [DM.doemitz, DM.mallis, DM.karenz] });
		// Dömitz: L1, L2 → 2; Malliß: L1 → 1 (L3 was active in 2024 only); Karenz: 0
		expect(byKey(g, 'value')).toEqual({ [DM.doemitz]: 2, [DM.mallis]: 1, [DM.karenz]: 0 });
		// Amt: {L1, L2} → 2, not 2 + 1 = 3
		expect((await run('lotsen_aktiv', { areas: [DM.amt] }))[0].value).toBe(2);
	});

	it('per 10,000 inhabitants', async () => {
		// 2 Lotsen / 8344 EW × 10000 = 2.396932
		const [r] = await run('lotsen_je_10000', { areas: [DM.amt] });
		expect(r).toMatchObject({ numerator: 2, denominator: 8344 });
		expect(r.value).toBeCloseTo(2.396932, 6);
		// Land MV: 2 / 1629464 × 10000 = 0.012274; BW: 1 Lotse
		const land = await run('lotsen_je_10000', { level: 'land' });
		expect(land.find((x) => x.key === 'MV')!.value).toBeCloseTo(0.012274, 6);
		expect(land.find((x) => x.key === 'BW')!.numerator).toBe(1);
	});

	it('an Amt without activity has 0 Lotsen; another period counts other Lotsen', async () => {
		expect((await run('lotsen_je_10000', { areas: [LUDWIGSLUST_LAND] }))[0]).toMatchObject({ value: 0, numerator: 0 });
		// 2024: only L3
		expect((await run('lotsen_aktiv', { areas: [DM.amt], from: '2024-01-01', to: '2024-12-31' }))[0].value).toBe(1);
	});

	it('refuses filters its summary table cannot apply', async () => {
		await expect(run('lotsen_aktiv', { areas: [DM.amt], filters: { format: ['Online'] } })).rejects.toThrow(/nicht möglich/);
	});
});
