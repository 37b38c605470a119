/** Time aligned to programme start, and the peers' median curve. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import { alignedPeerComparison, alignedSeries } from '../../../src/lib/compare/aligned';
import { fixtureDb, insertEinsaetze, buildSummaries, DM, LUDWIGSLUST_LAND, type Einsatz } from '../indicators/fixture';

let db: Db;
const VOGT = '084365006'; // 8637 EW, distance 0.034513 (nearest)
const SONNENBUEHL = '084150091'; // 7094 EW, distance 0.162293
const OESTRINGEN = '082150064'; // 13299 EW, distance 1.466146
const times = (n: number, e: Einsatz) => Array.from({ length: n }, () => e);

beforeAll(async () => {
	db = await fixtureDb();
	await insertEinsaetze(db, [
		// Dömitz-Malliß starts in March 2025 (Dömitz), Malliß joins in May
		...times(2, { datum: '2025-03-10', ags: DM.doemitz }),
		{ datum: '2025-05-01', ags: DM.mallis },
		...times(3, { datum: '2025-06-15', ags: DM.doemitz }),
		// Vogt starts January 2019: month 1 → 1 contact, month 2 → 0, month 3 → 2
		{ datum: '2019-01-20', ags: '08436078' },
		...times(2, { datum: '2019-03-03', ags: '08436078' }),
		// Sonnenbühl starts June 2020: month 1 → 3, month 2 → 1, month 3 → 0
		...times(3, { datum: '2020-06-01', ags: '08415091' }),
		{ datum: '2020-07-01', ags: '08415091' },
		// Östringen starts May 2025: by June 2025 it has reached programme month 2 only
		...times(4, { datum: '2025-05-20', ags: '08215064' })
	]);
	await buildSummaries(db);
});
afterAll(() => db.close());

describe('aligned series', () => {
	it('month 1 is the first month with activity in any Gemeinde; empty months are 0', async () => {
		const rows = await alignedSeries(db, { areas: [DM.amt], until: '2025-06-30' });
		// March 2, April 0, May 1, June 3; per 1,000: 2 / 8344 × 1000 = 0.239693, 1/8344 → 0.119847, 3/8344 → 0.359540
		expect(rows.map((r) => [r.programm_monat, r.monat, r.kontakte])).toEqual([
			[1, '2025-03', 2],
			[2, '2025-04', 0],
			[3, '2025-05', 1],
			[4, '2025-06', 3]
		]);
		expect(rows[0].kontakte_je_1000).toBeCloseTo(0.239693, 6);
		expect(rows[2].kontakte_je_1000).toBeCloseTo(0.119847, 6);
		expect(rows[3].kontakte_je_1000).toBeCloseTo(0.35954, 6);
	});

	it('maxMonths cuts the series; until defaults to the last month with data', async () => {
		expect((await alignedSeries(db, { areas: [VOGT], maxMonths: 3, until: '2025-06-30' })).map((r) => r.kontakte)).toEqual([1, 0, 2]);
		// last month with data is June 2025 → Dömitz-Malliß has months 1..4
		expect((await alignedSeries(db, { areas: [DM.amt] })).length).toBe(4);
	});

	it('areas that never had activity have no programme months', async () => {
		expect(await alignedSeries(db, { areas: [LUDWIGSLUST_LAND], until: '2025-06-30' })).toEqual([]);
	});
});

describe('peer median curve', () => {
	it('k = 2: Vogt and Sonnenbühl, median per programme month', async () => {
		const r = await alignedPeerComparison(db, { amt: DM.amt, k: 2, until: '2025-06-30', maxMonths: 3 });
		expect(r.peerGroup.peers.map((p) => p.key)).toEqual([VOGT, SONNENBUEHL]);
		expect(r.amt.map((x) => x.kontakte)).toEqual([2, 0, 1]);
		// month 1: Vogt 1/8637 × 1000 = 0.115781, Sonnenbühl 3/7094 × 1000 = 0.422893 → median 0.269337
		// month 2: 0 and 1/7094 × 1000 = 0.140964 → 0.070482; month 3: 2/8637 × 1000 = 0.231562 and 0 → 0.115781
		expect(r.peerCurve.map((p) => [p.programm_monat, p.n])).toEqual([[1, 2], [2, 2], [3, 2]]);
		expect(r.peerCurve[0].median).toBeCloseTo(0.269337, 6);
		expect(r.peerCurve[1].median).toBeCloseTo(0.070482, 6);
		expect(r.peerCurve[2].median).toBeCloseTo(0.115781, 6);
	});

	it('k = 3: Östringen counts only in the months it has reached', async () => {
		const r = await alignedPeerComparison(db, { amt: DM.amt, k: 3, until: '2025-06-30', maxMonths: 3 });
		expect(r.peerGroup.peers.map((p) => p.key)).toEqual([VOGT, SONNENBUEHL, OESTRINGEN]);
		// month 1: 0.115781, 0.300774 (4/13299 × 1000), 0.422893 → median 0.300774, Q1 0.208278, Q3 0.361834
		expect(r.peerCurve.map((p) => p.n)).toEqual([3, 3, 2]);
		expect(r.peerCurve[0].median).toBeCloseTo(0.300774, 6);
		expect(r.peerCurve[0].q1).toBeCloseTo(0.208278, 6);
		expect(r.peerCurve[0].q3).toBeCloseTo(0.361834, 6);
		// month 3: Östringen has not reached it; Vogt 0.231562 and Sonnenbühl 0 → 0.115781
		expect(r.peerCurve[2].median).toBeCloseTo(0.115781, 6);
	});
});
