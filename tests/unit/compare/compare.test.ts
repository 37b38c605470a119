/** One indicator, one Amt: peer median/quartiles, percentile rank, BW and MV distributions, Land totals. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import { compareIndicator } from '../../../src/lib/compare/compare';
import { peerFixtureDb, DM } from './peer-fixture';

let db: Db;
beforeAll(async () => (db = await peerFixtureDb()));
afterAll(() => db.close());

const Y2025 = { from: '2025-01-01', to: '2025-12-31' };
const GRABOW = '130765657'; // MV Amt, 10795 EW, no activity in the fixture

describe('compareIndicator: contacts per 1,000 inhabitants, 2025, k = 4', () => {
	// values (contacts / EW × 1000): Dömitz-Malliß 5/8344 = 0.599233; Vogt 2/8637 = 0.231562;
	// Sonnenbühl 4/7094 = 0.563857; Bad Wildbad 10/13713 = 0.729235; Östringen 1/13299 = 0.075194;
	// Kieselbronn 20/13299 = 1.503872; Rheinau 1/0 = NULL; Ludwigslust-Land 3/8548 = 0.350959
	let c: Awaited<ReturnType<typeof compareIndicator>>;
	beforeAll(async () => (c = await compareIndicator(db, 'kontakte_je_1000', { amt: DM.amt, ...Y2025, k: 4 })));

	it('the Amt’s value', () => {
		expect(c.amt).toEqual({ key: DM.amt, name: 'Dömitz-Malliß' });
		expect(c.amtValue).toBeCloseTo(0.599233, 6);
		expect(c.title.de).toBe('Kontakte je 1.000 Einwohner');
	});

	it('peer median and quartiles (linear interpolation)', () => {
		// peers sorted: 0.075194, 0.231562, 0.563857, 0.729235
		// median: position 1.5 → (0.231562 + 0.563857) / 2 = 0.397709
		// Q1: position 0.75 → 0.075194 + 0.75 × (0.231562 − 0.075194) = 0.192470
		// Q3: position 2.25 → 0.563857 + 0.25 × (0.729235 − 0.563857) = 0.605201
		expect(c.peers.n).toBe(4);
		expect(c.peers.nValues).toBe(4);
		expect(c.peers.median).toBeCloseTo(0.397709, 6);
		expect(c.peers.q1).toBeCloseTo(0.19247, 6);
		expect(c.peers.q3).toBeCloseTo(0.605201, 6);
	});

	it('percentile rank: share of peers with a value ≤ the Amt’s', () => {
		// 0.075194, 0.231562, 0.563857 ≤ 0.599233 < 0.729235 → 3 / 4 = 75 %
		expect(c.percentile).toBe(75);
	});

	it('all BW Verbände in the programme: Rheinau counts in n but has no value', () => {
		// 5 values sorted: 0.075194, 0.231562, 0.563857, 0.729235, 1.503872 → Q1 / median / Q3 at positions 1 / 2 / 3
		expect([c.bw.n, c.bw.nValues]).toEqual([6, 5]);
		expect(c.bw.q1).toBeCloseTo(0.231562, 6);
		expect(c.bw.median).toBeCloseTo(0.563857, 6);
		expect(c.bw.q3).toBeCloseTo(0.729235, 6);
	});

	it('all MV Verbände in the programme, the Amt included', () => {
		// 0.350959 and 0.599233: median 0.475096; Q1 0.350959 + 0.25 × 0.248274 = 0.413028; Q3 = 0.537165
		expect(c.mv.n).toBe(2);
		expect(c.mv.median).toBeCloseTo(0.475096, 6);
		expect(c.mv.q1).toBeCloseTo(0.413028, 6);
		expect(c.mv.q3).toBeCloseTo(0.537165, 6);
	});

	it('Land totals', () => {
		// MV: (5 + 3) / 1629464 × 1000 = 0.0049096; BW: (2 + 4 + 10 + 1 + 20 + 1) / 11339260 × 1000 = 0.0033512
		expect(c.land.MV).toBeCloseTo(0.0049096, 7);
		expect(c.land.BW).toBeCloseTo(0.0033512, 7);
		expect(c.estimate).toBe(false);
	});
});

describe('compareIndicator: edge cases', () => {
	it('an Amt without activity has the value 0 and ranks at 0 %', async () => {
		// Grabow's four nearest are the same four (Vogt 0.2230, Sonnenbühl 0.4199, Bad Wildbad 1.1368, Östringen 1.2086)
		const c = await compareIndicator(db, 'kontakte_je_1000', { amt: GRABOW, ...Y2025, k: 4 });
		expect(c.amtValue).toBe(0);
		expect(c.percentile).toBe(0); // no peer has a value ≤ 0
		expect(c.peers.median).toBeCloseTo(0.397709, 6);
	});

	it('a period without data: everyone 0, ties count as ≤ → 100 %', async () => {
		const c = await compareIndicator(db, 'kontakte_je_1000', { amt: DM.amt, from: '2023-01-01', to: '2023-12-31', k: 4 });
		expect([c.amtValue, c.peers.median, c.bw.median, c.percentile]).toEqual([0, 0, 0, 100]);
	});

	it('no values at all (shares without contacts): medians and percentile NULL', async () => {
		const c = await compareIndicator(db, 'analog_anteil', { amt: DM.amt, from: '2023-01-01', to: '2023-12-31', k: 4 });
		expect([c.amtValue, c.percentile, c.peers.median, c.peers.nValues, c.peers.n]).toEqual([null, null, null, 0, 4]);
	});

	it('flags estimated 65+ populations', async () => {
		const c = await compareIndicator(db, 'teilnehmende_65plus_je_1000_65plus', { amt: DM.amt, ...Y2025, k: 4 });
		// 5 contacts × 1 participant (65–74) / 2150 estimated 65+ × 1000 = 2.325581
		expect(c.amtValue).toBeCloseTo(2.325581, 6);
		expect(c.estimate).toBe(true);
	});

	it('refuses indicators without one value per area', async () => {
		await expect(compareIndicator(db, 'themenmix', { amt: DM.amt, ...Y2025 })).rejects.toThrow(/vergleichen/);
	});
});
