/** Coworking funding: EUR granted, per inhabitant, workplaces, share to thinly populated Gemeinden, projects. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import type { IndicatorParams } from '../../../src/lib/indicators/types';
import { runIndicator } from '../../../src/lib/indicators/run';
import { fixtureDb, insertProjekte, DM, LUDWIGSLUST_LAND } from './fixture';

let db: Db;
const run = (id: string, p: Partial<IndicatorParams> = {}) =>
	runIndicator(db, id, { from: '2025-01-01', to: '2025-12-31', level: 'verband', areas: [DM.amt], ...p } as IndicatorParams);
const one = async (id: string, p: Partial<IndicatorParams> = {}) => (await run(id, p))[0];
const SCHWERIN = '13004000'; // 98733 EW, dicht besiedelt

beforeAll(async () => {
	db = await fixtureDb();
	await insertProjekte(db, [
		{ id: 'P1', ags: DM.doemitz, status: 'eröffnet', betrag: 100000, plaetze: 10, bewilligt: '2025-03-01', eroeffnet: '2025-09-01' },
		{ id: 'P2', ags: DM.mallis, status: 'bewilligt', betrag: 50000, plaetze: 4, bewilligt: '2025-06-01' },
		{ id: 'P3', ags: DM.doemitz, status: 'beantragt', betrag: 70000, plaetze: 5 }, // only applied for
		{ id: 'P4', ags: DM.vielank, status: 'eröffnet', betrag: 30000, plaetze: 3, bewilligt: '2024-05-01', eroeffnet: '2025-02-01' },
		{ id: 'P5', ags: SCHWERIN, status: 'bewilligt', betrag: 200000, plaetze: 20, bewilligt: '2025-04-01' },
		{ id: 'P6', ags: DM.doemitz, status: 'abgelehnt', betrag: 90000, plaetze: 9, bewilligt: '2025-05-01' }, // rejected
		{ id: 'P7', ags: DM.mallis, status: 'bewilligt', betrag: 10000, plaetze: null, bewilligt: '2025-07-01' } // no workplaces given
	]);
});
afterAll(() => db.close());

describe('coworking funding', () => {
	it('EUR granted in 2025 and per inhabitant', async () => {
		// P1 + P2 + P7 = 100000 + 50000 + 10000 = 160000 (P3 applied, P6 rejected, P4 granted in 2024)
		expect(await one('cw_foerdersumme')).toMatchObject({ value: 160000, denominator: null });
		// 160000 / 8344 EW = 19.175455 EUR
		const r = await one('cw_eur_je_einwohner');
		expect(r).toMatchObject({ numerator: 160000, denominator: 8344 });
		expect(r.value).toBeCloseTo(19.175455, 6);
	});

	it('workplaces per 10,000 inhabitants', async () => {
		// 10 + 4 + 0 (P7 without figure) = 14 / 8344 × 10000 = 16.778523
		const r = await one('cw_arbeitsplaetze_je_10000');
		expect(r.numerator).toBe(14);
		expect(r.value).toBeCloseTo(16.778523, 6);
		// Land MV: 14 + 20 (Schwerin) = 34 / 1629464 × 10000 = 0.2086576
		expect((await one('cw_arbeitsplaetze_je_10000', { level: 'land', areas: ['MV'] })).value).toBeCloseTo(0.208658, 6);
	});

	it('share of funds going to thinly populated Gemeinden', async () => {
		// all seven Gemeinden of the Amt are 'gering besiedelt' → 100 %
		expect((await one('cw_anteil_gering')).value).toBe(100);
		// Land MV: 160000 of 160000 + 200000 (Schwerin, dicht) → 44.444 %
		expect((await one('cw_anteil_gering', { level: 'land', areas: ['MV'] })).value).toBeCloseTo(44.444444, 5);
		// BW: no funding at all → NULL
		expect(await one('cw_anteil_gering', { level: 'land', areas: ['BW'] })).toMatchObject({ value: null, denominator: 0 });
	});

	it('projects approved vs opened', async () => {
		// approved in 2025: P1, P2, P7 = 3; opened in 2025: P1 (September) and P4 (approved 2024, opened February) = 2
		expect((await one('cw_projekte_bewilligt')).value).toBe(3);
		expect((await one('cw_projekte_eroeffnet')).value).toBe(2);
		// 2024: P4 approved, nothing opened
		expect((await one('cw_projekte_bewilligt', { from: '2024-01-01', to: '2024-12-31' })).value).toBe(1);
		expect((await one('cw_projekte_eroeffnet', { from: '2024-01-01', to: '2024-12-31' })).value).toBe(0);
	});

	it('an Amt without projects: 0 EUR, share NULL', async () => {
		expect(await one('cw_eur_je_einwohner', { areas: [LUDWIGSLUST_LAND] })).toMatchObject({ value: 0, numerator: 0, denominator: 8548 });
		expect((await one('cw_anteil_gering', { areas: [LUDWIGSLUST_LAND] })).value).toBeNull();
	});
});
