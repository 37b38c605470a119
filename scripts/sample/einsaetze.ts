/** Lotsen-Einsätze: a few contacts per Lotse per week, weighted toward analog formats and older people. */
import { day, month, weekday } from './dates.ts';
import type { Lotse } from './programme.ts';
import type { Rng } from './random.ts';

export interface Einsatz {
	datum: number;
	ags: string;
	lotse_id: string;
	format: string;
	thema: string;
	altersgruppe: string;
	teilnehmende: number;
	minuten: number;
	digitales_angebot: string | null;
}

type Land = Lotse['land'];

const FORMAT_WEIGHTS: Record<Land | 'lockdown', Record<string, number>> = {
	BW: { 'Sprechstunde vor Ort': 46, Hausbesuch: 17, Telefon: 20, Bürgerdialog: 7, Online: 5 },
	MV: { 'Sprechstunde vor Ort': 40, Hausbesuch: 27, Telefon: 21, Bürgerdialog: 8, Online: 4 },
	lockdown: { 'Sprechstunde vor Ort': 8, Hausbesuch: 7, Telefon: 55, Bürgerdialog: 0, Online: 30 }
};

const ALTER_WEIGHTS: Record<Land, Record<string, number>> = {
	BW: { 'unter 50': 10, '50–64': 20, '65–74': 36, '75+': 34 },
	MV: { 'unter 50': 5, '50–64': 14, '65–74': 36, '75+': 45 }
};

/** Corona lockdowns: fewer contacts, mostly by phone or video */
const LOCKDOWNS = [
	[day('2020-03-16'), day('2020-05-10')],
	[day('2020-11-02'), day('2021-05-31')]
];

interface Thema {
	thema: string;
	weight: (d: number) => number;
	/** digital offer → weight; '' = left empty */
	angebote: (land: Land) => Record<string, number>;
}

const always = (w: number) => () => w;
const between = (w: number, from: string, to = '2099-12-31') => (d: number) => (d >= day(from) && d <= day(to) ? w : 0);
const only = (angebot: string, filled: number, empty: number) => () => ({ [angebot]: filled, '': empty });

const THEMEN: Thema[] = [
	{ thema: 'Smartphone-Grundlagen', weight: always(18), angebote: () => ({ '': 1 }) },
	{ thema: 'Online-Banking', weight: always(14), angebote: only('Online-Banking', 6, 4) },
	{ thema: 'Arzttermin online', weight: always(10), angebote: only('Terminbuchung Arztpraxis', 4, 6) },
	{ thema: 'E-Rezept', weight: (d) => between(5, '2022-09-01', '2023-12-31')(d) + between(12, '2024-01-01')(d), angebote: only('E-Rezept', 8, 2) },
	{ thema: 'Onlinezugangsgesetz-Antrag', weight: always(8), angebote: (land) => ({ [land === 'BW' ? 'service-bw' : 'MV-Serviceportal']: 6, 'Terminbuchung Bürgeramt': 2, '': 2 }) },
	{ thema: 'Videotelefonie mit Familie', weight: (d) => (inLockdown(d) ? 20 : 7), angebote: () => ({ '': 1 }) },
	{ thema: 'Betrugsschutz / Phishing', weight: always(8), angebote: only('Online-Banking', 2, 5) },
	{ thema: 'BundID / Personalausweis online', weight: always(7), angebote: only('BundID', 7, 2) },
	{ thema: 'Deutschlandticket', weight: between(9, '2023-04-03'), angebote: only('Deutschlandticket-App', 6, 3) },
	{ thema: 'Messenger-Apps ("WhatsApp", Signal)', weight: always(6), angebote: () => ({ '': 1 }) },
	{ thema: 'Digitales Impfzertifikat', weight: between(8, '2021-06-14', '2022-06-30'), angebote: only('CovPass-App', 3, 2) },
	{ thema: 'Bürgeramt-Termin online buchen', weight: always(4), angebote: only('Terminbuchung Bürgeramt', 5, 1) }
];

function inLockdown(d: number): boolean {
	return LOCKDOWNS.some(([from, to]) => d >= from && d <= to);
}

/** fewer contacts in the summer holidays and around Christmas */
function seasonFactor(d: number): number {
	if (inLockdown(d)) return 0.6;
	const m = month(d);
	const dom = new Date(d * 86_400_000).getUTCDate();
	if ((m === 12 && dom >= 22) || (m === 1 && dom <= 6)) return 0.2;
	if (m === 8) return 0.6;
	if (m === 7) return 0.85;
	return 1;
}

const WEEKDAY_WEIGHTS = { 0: 22, 1: 22, 2: 19, 3: 22, 4: 13, 5: 2 };

function pickThema(rng: Rng, d: number, land: Land): { thema: string; angebot: string | null } {
	const weights = Object.fromEntries(THEMEN.map((t, i) => [String(i), t.weight(d)]));
	const t = THEMEN[Number(rng.weighted(weights))];
	const angebot = rng.weighted(t.angebote(land));
	return { thema: t.thema, angebot: angebot === '' ? null : angebot };
}

function teilnehmende(rng: Rng, format: string): number {
	if (format === 'Bürgerdialog') return rng.int(5, 30);
	if (format === 'Hausbesuch') return rng.chance(0.8) ? 1 : 2;
	return Number(rng.weighted({ 1: 70, 2: 22, 3: 8 }));
}

function minuten(rng: Rng, format: string): number {
	switch (format) {
		case 'Bürgerdialog': return 15 * rng.int(4, 8);
		case 'Hausbesuch': return Math.min(120, 30 + 5 * rng.poisson(8));
		case 'Telefon': return 5 * rng.int(3, 9);
		case 'Online': return 5 * rng.int(4, 12);
		default: return Math.min(90, 15 + 5 * rng.poisson(5));
	}
}

/** where the contact happens: BW the Lotse's Gemeinde; MV any served Gemeinde of the Amt, home more often */
function pickOrt(rng: Rng, lotse: Lotse): string {
	if (lotse.area.length === 1) return lotse.area[0].ags;
	return rng.sample(lotse.area, 1, (g) => Math.sqrt(g.einwohner) * (g.ags === lotse.home.ags ? 3 : 1))[0].ags;
}

function einsatz(rng: Rng, lotse: Lotse, d: number): Einsatz {
	const format = rng.weighted(FORMAT_WEIGHTS[inLockdown(d) ? 'lockdown' : lotse.land]);
	const { thema, angebot } = pickThema(rng, d, lotse.land);
	return {
		datum: d,
		ags: pickOrt(rng, lotse),
		lotse_id: lotse.id,
		format,
		thema,
		altersgruppe: rng.weighted(ALTER_WEIGHTS[lotse.land]),
		teilnehmende: teilnehmende(rng, format),
		minuten: minuten(rng, format),
		digitales_angebot: angebot
	};
}

/** all contacts of all Lotsen, sorted by date, Gemeinde and Lotse */
export function einsaetze(rng: Rng, lotsen: Lotse[]): Einsatz[] {
	const rows: Einsatz[] = [];
	for (const lotse of lotsen) {
		for (let week = lotse.start - weekday(lotse.start); week <= lotse.end; week += 7) {
			const n = rng.poisson(lotse.perWeek * seasonFactor(week));
			for (let i = 0; i < n; i++) {
				const d = week + Number(rng.weighted(WEEKDAY_WEIGHTS));
				if (d >= lotse.start && d <= lotse.end) rows.push(einsatz(rng, lotse, d));
			}
		}
	}
	return rows.sort((a, b) => a.datum - b.datum || compare(a.ags, b.ags) || compare(a.lotse_id, b.lotse_id));
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
