/**
 * Coworking-Förderung: invented projects funded under ILERL M-V in real, mostly sparsely populated
 * MV Gemeinden (density class "gering besiedelt" from the 2019 Gemeindeverzeichnis) and a few small towns.
 */
import { day, firstOfMonth } from './dates.ts';
import { CUTOFF } from './programme.ts';
import { shortName, type Gemeinde } from './reference.ts';
import type { Rng } from './random.ts';

export interface Projekt {
	projekt_id: string;
	name: string;
	ags: string;
	programm: string;
	bewilligt_am: number | null;
	betrag_eur: number;
	foerderquote: number;
	arbeitsplaetze: number;
	status: 'beantragt' | 'bewilligt' | 'eröffnet';
	eroeffnet_am: number | null;
}

const PROJEKTE = 32;
const BEANTRAGT = 5;

/** {ort} is the Gemeinde's short name; some names carry „“, ASCII quotes, – and € on purpose */
const NAMEN = [
	'Dorfbüro {ort}',
	'CoWorkLand {ort}',
	'Coworking „Alte Schule“ {ort}',
	'Gutshaus {ort} – Coworking & Co-Living',
	'Landarbeit {ort} – Schreibtisch ab 10 € am Tag',
	'Kreativscheune {ort}',
	'Bahnhof {ort} – digitaler Arbeitsort',
	'Coworking im Pfarrhaus {ort}',
	'Kornspeicher "Am Hafen" {ort}',
	'Landbüro „Zur Post“ {ort}',
	'Arbeitsplatz im Dorfladen {ort}',
	'Werkstatt & Büro {ort}'
];
const FIRST = { ags: '13076094', name: 'Coworking „Alte Schule“ Malliß – Tagespass 15 €' };

function isSmallTown(g: Gemeinde): boolean {
	return g.name.includes(', Stadt') && g.einwohner < 20_000;
}

/** about three in four in rural Gemeinden, the rest in small towns; Malliß always */
function standorte(rng: Rng, gemeinden: Gemeinde[], besiedlung: Map<string, string>): Gemeinde[] {
	const mv = gemeinden.filter((g) => g.land === '13' && g.ags !== FIRST.ags);
	const rural = mv.filter((g) => besiedlung.get(g.ags) === 'gering besiedelt' && !isSmallTown(g));
	const towns = mv.filter((g) => isSmallTown(g) && besiedlung.get(g.ags) !== 'dicht besiedelt');
	const first = gemeinden.find((g) => g.ags === FIRST.ags)!;
	const townCount = Math.round((PROJEKTE - 1) / 4);
	return [first, ...rng.sample(rural, PROJEKTE - 1 - townCount), ...rng.sample(towns, townCount)];
}

function projekt(rng: Rng, g: Gemeinde, index: number): Omit<Projekt, 'projekt_id'> {
	const beantragt = index >= PROJEKTE - BEANTRAGT;
	const bewilligt = beantragt ? null : firstOfMonth(rng.int(2019, 2025), rng.int(1, 12)) + rng.int(0, 27);
	const arbeitsplaetze = rng.int(4, 30);
	const cents = arbeitsplaetze * rng.int(900_000, 1_500_000) + rng.int(0, 99);
	const opening = bewilligt === null ? null : bewilligt + rng.int(120, 480);
	const eroeffnet = opening !== null && opening <= CUTOFF ? opening : null;
	return {
		name: index === 0 ? FIRST.name : rng.pick(NAMEN).replace('{ort}', shortName(g)),
		ags: g.ags,
		programm: 'ILERL M-V',
		bewilligt_am: bewilligt,
		betrag_eur: Math.min(40_000_000, Math.max(2_000_000, cents)) / 100,
		foerderquote: rng.chance(0.7) ? 0.75 : 0.9,
		arbeitsplaetze,
		status: beantragt ? 'beantragt' : eroeffnet !== null ? 'eröffnet' : 'bewilligt',
		eroeffnet_am: eroeffnet
	};
}

/** ids by year of approval (applications still open: 2025) */
export function coworking(rng: Rng, gemeinden: Gemeinde[], besiedlung: Map<string, string>): Projekt[] {
	const rows = standorte(rng, gemeinden, besiedlung).map((g, i) => projekt(rng, g, i));
	rows.sort((a, b) => (a.bewilligt_am ?? day('2026-01-01')) - (b.bewilligt_am ?? day('2026-01-01')));
	const perYear = new Map<string, number>();
	return rows.map((r) => {
		const y = r.bewilligt_am === null ? '2025' : new Date(r.bewilligt_am * 86_400_000).getUTCFullYear().toString();
		const n = (perYear.get(y) ?? 0) + 1;
		perYear.set(y, n);
		return { projekt_id: `ILERL-CW-${y}-${String(n).padStart(3, '0')}`, ...r };
	});
}
