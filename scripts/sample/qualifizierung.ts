/**
 * Qualifizierung: every Lotse takes the seven Grundlehrgang modules around the start of their work;
 * most complete them, recent starters are still in the middle (laufend), a few drop out; some go on
 * to Aufbaumodule.
 */
import { GRUNDLEHRGANG_MODULE } from '../../src/lib/import/schemas.ts';
import { weekday } from './dates.ts';
import { CUTOFF, type Lotse } from './programme.ts';
import type { Rng } from './random.ts';

export interface Kurs {
	lotse_id: string;
	ags: string;
	anbieter: string;
	modul: string;
	beginn: number;
	abschluss: number | null;
	status: 'abgeschlossen' | 'laufend' | 'abgebrochen';
}

const ANBIETER = { BW: 'Digitalakademie@bw', MV: 'KVHS Ludwigslust-Parchim' };
const AUFBAUMODULE = { 'Aufbaumodul Didaktik für Ältere': 5, 'Aufbaumodul Datenschutz': 3, 'Aufbaumodul Barrierefreiheit': 2 };

/** courses begin on working days: a weekend date moves to the Monday after */
function workingDay(d: number): number {
	return weekday(d) >= 5 ? d + 7 - weekday(d) : d;
}

/** one module from `start`; still running if it would end after the cut-off date */
function kurs(rng: Rng, lotse: Lotse, modul: string, start: number, abbruch: boolean): Kurs {
	const beginn = workingDay(start);
	const ende = beginn + rng.int(3, 28);
	const base = { lotse_id: lotse.id, ags: lotse.home.ags, anbieter: ANBIETER[lotse.land], modul, beginn };
	if (abbruch) return { ...base, abschluss: null, status: 'abgebrochen' };
	if (ende > CUTOFF) return { ...base, abschluss: null, status: 'laufend' };
	return { ...base, abschluss: ende, status: 'abgeschlossen' };
}

function grundlehrgang(rng: Rng, lotse: Lotse): Kurs[] {
	const rows: Kurs[] = [];
	const dropAt = rng.chance(0.05) ? rng.int(1, GRUNDLEHRGANG_MODULE.length - 1) : -1;
	let beginn = lotse.start - rng.int(20, 60);
	for (const [i, modul] of GRUNDLEHRGANG_MODULE.entries()) {
		if (beginn > CUTOFF) break;
		const k = kurs(rng, lotse, modul, beginn, i === dropAt);
		rows.push(k);
		if (k.status !== 'abgeschlossen') break;
		beginn = k.abschluss! + rng.int(1, 21);
	}
	return rows;
}

function aufbaumodule(rng: Rng, lotse: Lotse, after: number): Kurs[] {
	if (!rng.chance(0.3)) return [];
	const module = rng.sample(Object.keys(AUFBAUMODULE), rng.int(1, 2), (m) => AUFBAUMODULE[m as keyof typeof AUFBAUMODULE]);
	const rows: Kurs[] = [];
	let beginn = after + rng.int(30, 365);
	for (const modul of module) {
		if (beginn > CUTOFF) break;
		const k = kurs(rng, lotse, modul, beginn, false);
		rows.push(k);
		beginn = (k.abschluss ?? CUTOFF) + rng.int(30, 200);
	}
	return rows;
}

export function qualifizierung(rng: Rng, lotsen: Lotse[]): Kurs[] {
	const rows: Kurs[] = [];
	for (const lotse of lotsen) {
		const grund = grundlehrgang(rng, lotse);
		rows.push(...grund);
		const last = grund[grund.length - 1];
		if (grund.length === GRUNDLEHRGANG_MODULE.length && last.status === 'abgeschlossen') {
			rows.push(...aufbaumodule(rng, lotse, last.abschluss!));
		}
	}
	return rows;
}
