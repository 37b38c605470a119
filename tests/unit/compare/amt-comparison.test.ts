/** amtComparison: the rows the comparison page renders. Values from peer-fixture.ts, arithmetic below. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import { amtComparison, HEADLINE_INDICATORS, type AmtComparison } from '../../../src/lib/compare/amt-comparison';
import { getIndicator } from '../../../src/lib/indicators/registry';
import { peerFixtureDb, DM, V } from './peer-fixture';
import { compareIndicator } from '../../../src/lib/compare/compare';
import { Coordinator } from '../../../src/lib/db/coordinator';

let db: Db;
let r: AmtComparison;
beforeAll(async () => {
	db = await peerFixtureDb();
	r = await amtComparison(db, { amt: DM.amt, from: '2025-01-01', to: '2025-12-31', k: 15 });
});
afterAll(() => db.close());

const row = (id: string) => r.rows.find((x) => x.indicatorId === id)!;

describe('amtComparison', () => {
	it('one row per headline indicator, all of them comparable per area', () => {
		expect(r.rows.map((x) => x.indicatorId)).toEqual(HEADLINE_INDICATORS);
		expect(HEADLINE_INDICATORS.every((id) => getIndicator(id).shape === 'area')).toBe(true);
	});

	it('15 peers requested, 5 candidates exist: the group and every row say 5', () => {
		expect([r.peerGroup.k, r.peerGroup.size]).toEqual([15, 5]);
		expect(r.peerGroup.peers.map((p) => p.key)).toEqual([V.vogt, V.sonnenbuehl, V.wildbad, V.oestringen, V.kieselbronn]);
		expect(r.rows.every((x) => x.peerCount === 5)).toBe(true);
	});

	it('contacts per 1,000 inhabitants', () => {
		const k = row('kontakte_je_1000');
		// peers sorted: 0.075194, 0.231562, 0.563857, 0.729235, 1.503872 → Q1, median, Q3 at positions 1, 2, 3
		// Amt 5/8344 × 1000 = 0.599233: 3 of 5 peers ≤ → 60 %
		expect(k.amtValue).toBeCloseTo(0.599233, 6);
		expect(k.peerMedian).toBeCloseTo(0.563857, 6);
		expect(k.peerQ1).toBeCloseTo(0.231562, 6);
		expect(k.peerQ3).toBeCloseTo(0.729235, 6);
		expect(k.percentile).toBe(60);
		// BW in the programme: the same five values (Rheinau has none) → 0.563857; MV: (0.599233 + 0.350959) / 2 = 0.475096
		expect(k.bwMedian).toBeCloseTo(0.563857, 6);
		expect(k.mvMedian).toBeCloseTo(0.475096, 6);
		expect(k).toMatchObject({ estimate: false, title: { de: 'Kontakte je 1.000 Einwohner' }, unit: { de: 'je 1.000 Einwohner' } });
		expect(k.landMV).toBeCloseTo(0.0049096, 7); // 8 / 1629464 × 1000
	});

	it('participations 65+ per 1,000 inhabitants 65+ (estimates)', () => {
		const a = row('teilnehmende_65plus_je_1000_65plus');
		// every fixture contact has one participant aged 65–74. Estimated 65+ (gemeinden.csv):
		// Amt 5/2150 = 2.325581; Vogt 2/(976+814) = 1.117318; Sonnenbühl 4/1512 = 2.645503;
		// Bad Wildbad 10/(303+369+2289) = 3.377237; Östringen 1/2916 = 0.342936; Kieselbronn 20/(680+1476+770) = 6.835270 (× 1000)
		expect(a.amtValue).toBeCloseTo(2.325581, 6);
		expect(a.peerMedian).toBeCloseTo(2.645503, 6);
		expect(a.percentile).toBe(40); // 0.342936 and 1.117318 ≤ 2.325581
		expect(a.estimate).toBe(true);
	});

	it('a share that is 100 % everywhere ranks at 100 %', () => {
		// all participants are 65–74 in the fixture
		expect(row('anteil_teilnehmende_65plus')).toMatchObject({ amtValue: 100, peerMedian: 100, percentile: 100 });
	});

	it('without a second Amt the rows have none', () => {
		expect(r.rows.every((x) => x.second === undefined)).toBe(true);
	});

	it('a second Amt: its value and its rank within the FIRST Amt\'s peer group; the first Amt\'s figures unchanged', async () => {
		const two = await amtComparison(db, { amt: DM.amt, amt2: V.ll, from: '2025-01-01', to: '2025-12-31', k: 15 });
		const k = two.rows.find((x) => x.indicatorId === 'kontakte_je_1000')!;
		// Ludwigslust-Land: 3 contacts / 8548 inhabitants × 1000 = 0.350959;
		// Dömitz-Malliß's peers 0.075194, 0.231562 ≤ 0.350959 < 0.563857 → 2 of 5 = 40 %
		expect(k.second!.value).toBeCloseTo(0.350959, 6);
		expect(k.second!.percentile).toBe(40);
		const { second, ...first } = k;
		void second;
		expect(first).toEqual(row('kontakte_je_1000'));
		expect(two.peerGroup).toEqual(r.peerGroup);
		// the same Amt twice is no second Amt
		const same = await amtComparison(db, { amt: DM.amt, amt2: DM.amt, from: '2025-01-01', to: '2025-12-31', k: 15 });
		expect(same.rows.every((x) => x.second === undefined)).toBe(true);
	});
});

describe('amtComparison in three statements agrees with compareIndicator per indicator', () => {
	it('every statistic of every headline indicator, for two Ämter and k = 4', async () => {
		for (const amt of [DM.amt, '130765657']) {
			const all = await amtComparison(db, { amt, from: '2025-01-01', to: '2025-12-31', k: 4 });
			for (const id of HEADLINE_INDICATORS) {
				const one = await compareIndicator(db, id, { amt, from: '2025-01-01', to: '2025-12-31', k: 4 });
				const x = all.rows.find((r) => r.indicatorId === id)!;
				expect([x.amtValue, x.peerMedian, x.peerQ1, x.peerQ3, x.percentile], `${amt} ${id} peers`).toEqual([one.amtValue, one.peers.median, one.peers.q1, one.peers.q3, one.percentile]);
				expect([x.bwMedian, x.bwQ1, x.bwQ3, x.mvMedian, x.mvQ1, x.mvQ3], `${amt} ${id} BW/MV`).toEqual([one.bw.median, one.bw.q1, one.bw.q3, one.mv.median, one.mv.q1, one.mv.q3]);
				expect([x.landMV, x.landBW, x.estimate, x.peerCount], `${amt} ${id} Land`).toEqual([one.land.MV, one.land.BW, one.estimate, 4]);
			}
		}
	});

	it('through the coordinator: every statement names no Amt and runs once per filter state; the next Amt costs none', async () => {
		const c = new Coordinator(db);
		const o = { from: '2025-01-01', to: '2025-12-31', k: 4 };
		const first = await c.request((q) => amtComparison(q, { amt: DM.amt, ...o }));
		expect(first.rows).toEqual((await amtComparison(db, { amt: DM.amt, ...o })).rows);
		const tables = c.tables.length;
		// 9 indicator tables + Verband profiles + programme + every MV Verband's peer group: made once
		expect(tables).toBe(12);
		const before = c.statements;
		const next = await c.request((q) => amtComparison(q, { amt: '130765657', ...o }));
		// the next Amt: answered from the statements of the first (peer groups and near statistics of every MV Verband)
		expect(c.statements - before).toBe(0);
		expect(next).toEqual(await amtComparison(db, { amt: '130765657', ...o }));
		expect(c.tables.length).toBe(tables);
		// a period not seen yet: new statements
		await c.request((q) => amtComparison(q, { amt: '130765657', ...o, from: '2024-01-01', to: '2024-12-31' }));
		expect(c.statements).toBeGreaterThan(before);
		await c.write(async () => undefined);
	});
});
