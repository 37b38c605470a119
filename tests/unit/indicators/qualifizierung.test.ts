/** Grundlehrgang completions, completion rate (cohort), median duration, per provider, by module and by year. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import type { IndicatorParams } from '../../../src/lib/indicators/types';
import { runIndicator } from '../../../src/lib/indicators/run';
import { GRUNDLEHRGANG_MODULE as M } from '../../../src/lib/import/schemas';
import { fixtureDb, insertKurse, DM, LUDWIGSLUST_LAND, type Kurs } from './fixture';

let db: Db;
const run = (id: string, p: Partial<IndicatorParams> = {}) =>
	runIndicator(db, id, { from: '2025-01-01', to: '2025-12-31', level: 'verband', areas: [DM.amt], ...p } as IndicatorParams);
const one = async (id: string, p: Partial<IndicatorParams> = {}) => (await run(id, p))[0];

/** the seven Grundlehrgang modules of one Lotse: starts[i] / ends[i] belong to module M[i] */
function gl(lotse: string, ags: string, starts: string[], ends: (string | null)[], extra: Partial<Kurs> = {}): Kurs[] {
	return starts.map((beginn, i) => ({ lotse, ags, modul: M[i], beginn, abschluss: ends[i], status: ends[i] ? 'abgeschlossen' : 'laufend', ...extra }));
}
const months = (y: number, from: number, day: string) => Array.from({ length: 7 }, (_, i) => `${y}-${String(from + i).padStart(2, '0')}-${day}`);

beforeAll(async () => {
	db = await fixtureDb();
	await insertKurse(db, [
		// A (Dömitz): first start 2025-01-10, last completion 2025-06-30 → 171 days
		...gl('A', DM.doemitz,
			['2025-01-10', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-06-02'],
			['2025-01-31', '2025-02-20', '2025-03-20', '2025-04-20', '2025-05-20', '2025-06-20', '2025-06-30']),
		{ lotse: 'A', ags: DM.doemitz, modul: 'Aufbaumodul Datenschutz', beginn: '2025-07-01', abschluss: '2025-08-01' },
		// B (Dömitz): modules 1–6 done in 2025, module 7 still running
		...gl('B', DM.doemitz, months(2025, 2, '01'), [...months(2025, 2, '20').slice(0, 6), null]),
		// C (Malliß): started 2024-11-01, five modules in 2024, last completion 2025-03-15 → 134 days
		...gl('C', DM.mallis,
			['2024-11-01', '2024-11-05', '2024-11-10', '2024-11-15', '2024-11-20', '2025-01-10', '2025-02-15'],
			['2024-11-04', '2024-11-09', '2024-11-14', '2024-11-19', '2024-12-10', '2025-02-10', '2025-03-15']),
		// D (Dömitz): started 2025-03-01, six modules in 2025, the seventh completed 2026-01-20 → 325 days
		...gl('D', DM.doemitz, [...months(2025, 3, '01').slice(0, 6), '2025-12-01'], [...months(2025, 3, '25').slice(0, 6), '2026-01-20']),
		// E (Vogt, BW): 2025-01-01 → 2025-04-30 = 119 days
		...gl('E', '08436078', ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04'],
			['2025-01-20', '2025-02-20', '2025-03-20', '2025-04-10', '2025-04-20', '2025-04-25', '2025-04-30'], { anbieter: 'Digitalakademie@bw' }),
		// F (Dömitz): began one module in 2025 and dropped out
		{ lotse: 'F', ags: DM.doemitz, modul: M[0], beginn: '2025-05-01', abschluss: null, status: 'abgebrochen' }
	]);
});
afterAll(() => db.close());

describe('Grundlehrgang', () => {
	it('graduates in 2025: A and C (D finishes in 2026)', async () => {
		expect(await one('gl_absolventen')).toMatchObject({ value: 2, numerator: 2, denominator: null });
		// as of the end of 2026, D has completed: one graduate in 2026
		expect((await one('gl_absolventen', { from: '2026-01-01', to: '2026-12-31' })).value).toBe(1);
	});

	it('completion rate of the 2025 cohort', async () => {
		// cohort (first module begun in 2025): A, B, D, F = 4; completed by 2025-12-31: A → 1 / 4 × 100 = 25 %
		expect(await one('gl_abschlussquote')).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
		// cohort 2024: C; at the end of 2024 only five modules were done → 0 / 1 = 0 %
		expect(await one('gl_abschlussquote', { from: '2024-01-01', to: '2024-12-31' })).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
	});

	it('median duration from first start to last completion', async () => {
		// A 171 days, C 134 days → median (171 + 134) / 2 = 152.5, n = 2
		expect(await one('gl_dauer_median')).toMatchObject({ value: 152.5, denominator: 2 });
		// 2026: D alone, 325 days
		expect((await one('gl_dauer_median', { from: '2026-01-01', to: '2026-12-31' })).value).toBe(325);
		// 2024: nobody completed → NULL, n = 0
		expect(await one('gl_dauer_median', { from: '2024-01-01', to: '2024-12-31' })).toMatchObject({ value: null, denominator: 0 });
	});

	it('per Land', async () => {
		const absolv = await run('gl_absolventen', { level: 'land', areas: undefined });
		// MV: A, C; BW: E
		expect(absolv.map((r) => [r.key, r.value])).toEqual([['BW', 1], ['MV', 2]]);
		const quote = await run('gl_abschlussquote', { level: 'land', areas: ['BW'] });
		expect(quote[0]).toMatchObject({ value: 100, numerator: 1, denominator: 1 }); // E: 1 / 1
		expect((await run('gl_dauer_median', { level: 'land', areas: ['BW'] }))[0].value).toBe(119);
	});

	it('per provider', async () => {
		const q = await run('gl_abschlussquote_anbieter');
		// KVHS: the Amt's cohort 1 / 4 = 25 %; Digitalakademie@bw has no Lotsen in the Amt → NULL
		expect(q.map((r) => [r.category, r.value, r.numerator, r.denominator])).toEqual([
			['Digitalakademie@bw', null, 0, 0],
			['KVHS Ludwigslust-Parchim', 25, 1, 4]
		]);
		const d = await run('gl_dauer_median_anbieter', { level: 'land', areas: ['BW'] });
		expect(d.map((r) => [r.category, r.value, r.denominator])).toEqual([
			['Digitalakademie@bw', 119, 1],
			['KVHS Ludwigslust-Parchim', null, 0]
		]);
	});

	it('an Amt without any course: 0 graduates, rate NULL', async () => {
		expect(await one('gl_absolventen', { areas: [LUDWIGSLUST_LAND] })).toMatchObject({ value: 0 });
		expect(await one('gl_abschlussquote', { areas: [LUDWIGSLUST_LAND] })).toMatchObject({ value: null, denominator: 0 });
	});
});

describe('completions by module and by year', () => {
	it('modules completed in 2025 in the Amt', async () => {
		const rows = await run('gl_module_abschluesse');
		const got = Object.fromEntries(rows.map((r) => [r.category, r.value]));
		// modules 1–5: A, B, D = 3 each; module 6: A, B, C, D = 4; module 7: A, C = 2 (B running, D in 2026);
		// F's dropped module does not count; Aufbaumodul Datenschutz: A
		expect(got).toEqual({
			[M[0]]: 3, [M[1]]: 3, [M[2]]: 3, [M[3]]: 3, [M[4]]: 3, [M[5]]: 4, [M[6]]: 2,
			'Aufbaumodul Datenschutz': 1, 'Aufbaumodul Barrierefreiheit': 0, 'Aufbaumodul Didaktik für Ältere': 0
		});
	});

	it('graduates by year of completion', async () => {
		const rows = await run('gl_absolventen_jahr', { from: '2025-01-01', to: '2026-12-31' });
		// 2025: A, C; 2026: D
		expect(rows.map((r) => [r.category, r.value])).toEqual([['2025', 2], ['2026', 1]]);
	});
});
