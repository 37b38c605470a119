/** Analoger Zwilling: share of analog contacts, per digital offer, and offers only served online. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import type { IndicatorParams } from '../../../src/lib/indicators/types';
import { runIndicator } from '../../../src/lib/indicators/run';
import { fixtureDb, insertEinsaetze, buildSummaries, DM, type Einsatz } from './fixture';

let db: Db;
const run = (id: string, p: Partial<IndicatorParams> = {}) =>
	runIndicator(db, id, { from: '2025-01-01', to: '2025-12-31', level: 'verband', areas: [DM.amt], ...p } as IndicatorParams);
const times = (n: number, e: Einsatz) => Array.from({ length: n }, () => e);

beforeAll(async () => {
	db = await fixtureDb();
	await insertEinsaetze(db, [
		...times(2, { datum: '2025-03-01', ags: DM.doemitz, format: 'Hausbesuch', angebot: 'BundID' }),
		{ datum: '2025-03-02', ags: DM.doemitz, format: 'Online', angebot: 'BundID' },
		...times(2, { datum: '2025-04-01', ags: DM.doemitz, format: 'Online', angebot: 'E-Rezept' }),
		{ datum: '2025-04-02', ags: DM.doemitz, format: 'Telefon', angebot: null },
		{ datum: '2025-05-01', ags: DM.mallis, format: 'Bürgerdialog', angebot: 'E-Rezept' },
		{ datum: '2025-05-01', ags: '08436078', format: 'Sprechstunde vor Ort', angebot: 'service-bw' }, // Vogt (BW)
		{ datum: '2024-06-01', ags: DM.doemitz, format: 'Online', angebot: 'Deutschlandticket-App' } // 2024 only
	]);
	await buildSummaries(db);
});
afterAll(() => db.close());

describe('share of analog contacts', () => {
	it('overall, per Gemeinde and Amt', async () => {
		// Dömitz: analog 2 Hausbesuch + 1 Telefon = 3 of 6 contacts → 50 %
		expect((await run('analog_anteil', { level: 'gemeinde', areas: [DM.doemitz] }))[0]).toMatchObject({ value: 50, numerator: 3, denominator: 6 });
		// Amt: analog 3 + 1 Bürgerdialog (Malliß) = 4 of 7 → 57.142857 %
		const [a] = await run('analog_anteil');
		expect(a).toMatchObject({ numerator: 4, denominator: 7 });
		expect(a.value).toBeCloseTo(57.142857, 5);
	});

	it('is NULL for an area without contacts', async () => {
		expect((await run('analog_anteil', { level: 'gemeinde', areas: [DM.karenz] }))[0]).toMatchObject({ value: null, denominator: 0 });
	});
});

describe('per digital offer', () => {
	it('every offer ever recorded is a category; "(ohne Angabe)" is not', async () => {
		const rows = await run('analog_anteil_angebot');
		// BundID: 2 analog of 3 → 66.67 %; E-Rezept: 1 (Malliß) of 3 → 33.33 %; the others had no contact in 2025 here
		expect(rows.map((r) => [r.category, r.numerator, r.denominator])).toEqual([
			['BundID', 2, 3],
			['Deutschlandticket-App', 0, 0],
			['E-Rezept', 1, 3],
			['service-bw', 0, 0]
		]);
		expect(rows[0].value).toBeCloseTo(66.666667, 5);
		expect(rows[1].value).toBeNull();
		expect(rows[2].value).toBeCloseTo(33.333333, 5);
	});

	it('accepts the format filter, refuses the others (s_angebote has no age group)', async () => {
		const rows = await run('analog_anteil_angebot', { filters: { format: ['Online'] } });
		// only Online contacts: BundID 0 analog of 1
		expect(rows.find((r) => r.category === 'BundID')).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
		await expect(run('analog_anteil_angebot', { filters: { altersgruppe: ['75+'] } })).rejects.toThrow();
	});
});

describe('offers without an analog twin', () => {
	it('lists offers with online but no analog contacts in the area', async () => {
		// Dömitz alone: E-Rezept had 2 Online contacts and no analog one
		const g = await run('angebote_ohne_analog', { level: 'gemeinde', areas: [DM.doemitz] });
		expect(g.map((r) => [r.category, r.value])).toEqual([['E-Rezept', 2]]);
		// the Amt: Malliß had an analog E-Rezept contact, so nothing is missing
		expect(await run('angebote_ohne_analog')).toEqual([]);
		// 2024: the Deutschlandticket-App was served online only
		const y2024 = await run('angebote_ohne_analog', { from: '2024-01-01', to: '2024-12-31' });
		expect(y2024.map((r) => [r.category, r.value])).toEqual([['Deutschlandticket-App', 1]]);
	});
});
