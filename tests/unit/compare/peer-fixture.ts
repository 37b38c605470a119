/**
 * The fixture of the comparison tests: Amt Dömitz-Malliß (MV, 8344 EW, all 'gering besiedelt')
 * and a handful of BW Verbände. Population and settlement from data/reference/gemeinden.csv:
 *
 *   Verband                     ARS         EW     share gering   distance to Dömitz-Malliß
 *   VVG der Gemeinde Vogt       084365006   8637   1              |ln 8637 − ln 8344| + 0 = 0.034513
 *   Sonnenbühl                  084150091   7094   1              |ln 7094 − ln 8344| + 0 = 0.162293
 *   VVG der Stadt Bad Wildbad   082355008   13713  1404/13713     0.496802 + (1 − 0.102385) = 1.394417
 *   Östringen, Stadt            082150064   13299  0              0.466146 + 1 = 1.466146
 *   Kieselbronn/Neulingen/…     082365006   13299  0              1.466146 (tie with Östringen)
 *   Rheinau, gemeindefreies G.  083179971   0      –              not a candidate (no inhabitants)
 *   Ludwigslust-Land (MV)       130765659   8548                  not a candidate (MV)
 *
 * Contacts in 2025 (one row each): Dömitz 5, Vogt 2, Sonnenbühl 4, Bad Wildbad 10, Östringen 1,
 * Kieselbronn 20, Rheinau 1, Ludwigslust-Land 3.
 */
import type { Db } from '../../../src/lib/db/types';
import { fixtureDb, insertEinsaetze, buildSummaries, DM, LUDWIGSLUST_LAND, type Einsatz } from '../indicators/fixture';

export const V = {
	vogt: '084365006',
	sonnenbuehl: '084150091',
	wildbad: '082355008',
	oestringen: '082150064',
	kieselbronn: '082365006',
	rheinau: '083179971',
	ll: LUDWIGSLUST_LAND
};

const CONTACTS: [ags: string, n: number][] = [
	[DM.doemitz, 5],
	['08436078', 2], // Vogt (Verband Vogt)
	['08415091', 4], // Sonnenbühl
	['08235079', 10], // Bad Wildbad, Stadt (Verband Bad Wildbad)
	['08215064', 1], // Östringen
	['08236031', 20], // Kieselbronn (Verband 082365006)
	['08317971', 1], // Rheinau, gemeindefreies Gebiet
	['13076001', 3] // Alt Krenzlin (Amt Ludwigslust-Land)
];

export async function peerFixtureDb(): Promise<Db> {
	const db = await fixtureDb();
	const rows: Einsatz[] = CONTACTS.flatMap(([ags, n]) => Array.from({ length: n }, (_, i) => ({ datum: `2025-0${1 + (i % 9)}-15`, ags })));
	await insertEinsaetze(db, rows);
	await buildSummaries(db);
	return db;
}

export { DM };
