/**
 * Who takes part when: the (invented) roll-out of the "Kommunale Digitallotsen" in BW since 2019
 * and the pilot in Landkreis Ludwigslust-Parchim (MV) since 2024. Real Gemeinden, invented people.
 */
import { day, firstOfMonth } from './dates.ts';
import type { Gemeinde } from './reference.ts';
import type { Rng } from './random.ts';

export const CUTOFF = day('2025-12-31');

export interface Lotse {
	id: string;
	land: 'BW' | 'MV';
	home: Gemeinde;
	/** first and last day of activity */
	start: number;
	end: number;
	/** Gemeinden the Lotse works in (BW: the home Gemeinde; MV: the served Gemeinden of the Amt) */
	area: Gemeinde[];
	/** mean contacts per week */
	perWeek: number;
}

/** new BW Gemeinden per year; 300 of ~1,100 by 2025 */
const BW_NEW_PER_YEAR: Record<number, number> = { 2019: 40, 2020: 25, 2021: 35, 2022: 45, 2023: 50, 2024: 55, 2025: 50 };

/** MV Ämter (VB_ARS) in Landkreis Ludwigslust-Parchim with their start month and Lotsen count */
const MV_AEMTER = [
	{ vbArs: '130765654', start: '2024-03', lotsen: 5, unserved: ['13076067', '13076093'] }, // Dömitz-Malliß (pilot); Karenz, Malk Göhren without contact
	{ vbArs: '130765659', start: '2025-01', lotsen: 4 }, // Ludwigslust-Land
	{ vbArs: '130765657', start: '2025-03', lotsen: 4 }, // Grabow
	{ vbArs: '130765655', start: '2025-06', lotsen: 3 }, // Eldenburg Lübz
	{ vbArs: '130765658', start: '2025-09', lotsen: 3 } // Hagenow-Land
];

function monthStart(ym: string): number {
	const [y, m] = ym.split('-').map(Number);
	return firstOfMonth(y, m);
}

/** a Lotse usually stays to the end; about one in ten leaves after at least half a year */
function lotseEnd(rng: Rng, start: number): number {
	if (start + 180 < CUTOFF && rng.chance(0.1)) return rng.int(start + 180, CUTOFF);
	return CUTOFF;
}

/** BW: one Lotse at the Gemeinde's start, further ones (up to 4 in all) join within 18 months */
export function bwLotsen(rng: Rng, gemeinden: Gemeinde[]): Lotse[] {
	const candidates = gemeinden.filter((g) => g.land === '08');
	const total = Object.values(BW_NEW_PER_YEAR).reduce((a, b) => a + b, 0);
	const chosen = rng.sample(candidates, total, (g) => Math.sqrt(g.einwohner));
	const starts: { g: Gemeinde; start: number }[] = [];
	let next = 0;
	for (const [y, count] of Object.entries(BW_NEW_PER_YEAR)) {
		for (const g of chosen.slice(next, next + count)) {
			const firstMonth = Number(y) === 2019 ? 3 : 1; // the programme began in March 2019
			starts.push({ g, start: firstOfMonth(Number(y), rng.int(firstMonth, 12)) });
		}
		next += count;
	}
	starts.sort((a, b) => a.start - b.start || (a.g.ags < b.g.ags ? -1 : 1));

	const lotsen: Omit<Lotse, 'id'>[] = [];
	for (const { g, start } of starts) {
		const count = Number(rng.weighted({ 1: 40, 2: 35, 3: 15, 4: 10 }));
		for (let i = 0; i < count; i++) {
			const s = i === 0 ? start : start + rng.int(30, 540);
			if (s > CUTOFF - 14) continue;
			lotsen.push({ land: 'BW', home: g, start: s, end: lotseEnd(rng, s), area: [g], perWeek: 0.6 + rng.next() * 1.4 });
		}
	}
	lotsen.sort((a, b) => a.start - b.start);
	return numbered(lotsen, 'BW-L', 4);
}

/** MV: each Amt serves most, not all, of its Gemeinden; Lotsen live in served Gemeinden */
export function mvLotsen(rng: Rng, gemeinden: Gemeinde[]): Lotse[] {
	const lotsen: Omit<Lotse, 'id'>[] = [];
	for (const amt of MV_AEMTER) {
		const members = gemeinden.filter((g) => g.vbArs === amt.vbArs);
		const unserved = new Set(amt.unserved ?? rng.sample(members, Math.round(members.length * 0.3), (g) => 1 / Math.sqrt(g.einwohner)).map((g) => g.ags));
		const area = members.filter((g) => !unserved.has(g.ags));
		const start = monthStart(amt.start);
		for (let i = 0; i < amt.lotsen; i++) {
			const s = i < 3 ? start + rng.int(0, 20) : start + rng.int(60, 240);
			if (s > CUTOFF - 14) continue;
			const home = rng.sample(area, 1, (g) => Math.sqrt(g.einwohner))[0];
			lotsen.push({ land: 'MV', home, start: s, end: CUTOFF, area, perWeek: 2.8 + rng.next() * 1.8 });
		}
	}
	lotsen.sort((a, b) => a.start - b.start);
	return numbered(lotsen, 'MV-L', 3);
}

function numbered(lotsen: Omit<Lotse, 'id'>[], prefix: string, digits: number): Lotse[] {
	return lotsen.map((l, i) => ({ ...l, id: prefix + String(i + 1).padStart(digits, '0') }));
}
