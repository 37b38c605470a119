/**
 * Small hand-made fixtures: a reference DB with the empty dataset tables, and INSERT helpers
 * with defaults, so a test states only what matters for its arithmetic.
 */
import { referenceDb } from '../helpers/db';
import { ensureDatasetTables } from '../../../src/lib/import/tables';
import { buildSummaries } from '../../../src/lib/db/summary';
import type { Db } from '../../../src/lib/db/types';

export async function fixtureDb(): Promise<Db> {
	const db = await referenceDb();
	await ensureDatasetTables(db);
	return db;
}

/** Amt Dömitz-Malliß (verband_ars 130765654): AGS → [Einwohner, 65+ estimate] from data/reference/gemeinden.csv */
export const DM = {
	amt: '130765654',
	einwohner: 8344, // 2967 + 539 + 226 + 410 + 1064 + 1879 + 1259
	ew65: 2150, // 765 + 139 + 58 + 106 + 274 + 484 + 324
	doemitz: '13076034', // Dömitz, Stadt: 2967 EW, 765 65+
	grebs: '13076053', // Grebs-Niendorf: 539 EW, 139 65+
	karenz: '13076067', // Karenz: 226 EW, 58 65+
	malk: '13076093', // Malk Göhren: 410 EW, 106 65+
	mallis: '13076094', // Malliß: 1064 EW, 274 65+
	neukalis: '13076103', // Neu Kaliß: 1879 EW, 484 65+
	vielank: '13076143' // Vielank: 1259 EW, 324 65+
};
/** Amt Ludwigslust-Land: 11 Gemeinden, 8548 EW, never active in the fixtures unless a test says so */
export const LUDWIGSLUST_LAND = '130765659';
export const MV_EW = 1629464; // sum of einwohner over all MV Gemeinden in gemeinden.csv
export const BW_EW = 11339260; // same for BW

export interface Einsatz {
	datum: string;
	ags: string;
	lotse?: string;
	format?: string;
	thema?: string;
	alter?: string;
	tn?: number;
	min?: number;
	angebot?: string | null;
}

const s = (v: string | null | undefined) => (v === null || v === undefined ? 'NULL' : "'" + v.replace(/'/g, "''") + "'");

export async function insertEinsaetze(db: Db, rows: Einsatz[]): Promise<void> {
	if (!rows.length) return;
	const values = rows.map(
		(r, i) =>
			`(DATE ${s(r.datum)}, ${s(r.ags)}, ${s(r.lotse ?? 'L1')}, ${s(r.format ?? 'Sprechstunde vor Ort')}, ${s(r.thema ?? 'Smartphone-Grundlagen')}, ${s(r.alter ?? '65–74')}, ${r.tn ?? 1}, ${r.min ?? 60}, ${s(r.angebot ?? null)}, 'fixture', ${i + 2})`
	);
	await db.exec(`INSERT INTO einsaetze VALUES ${values.join(', ')}`);
}

export interface Kurs {
	lotse: string;
	ags: string;
	anbieter?: string;
	modul: string;
	beginn: string;
	abschluss?: string | null;
	status?: 'abgeschlossen' | 'laufend' | 'abgebrochen';
}

export async function insertKurse(db: Db, rows: Kurs[]): Promise<void> {
	const values = rows.map(
		(r, i) =>
			`(${s(r.lotse)}, ${s(r.ags)}, ${s(r.anbieter ?? 'KVHS Ludwigslust-Parchim')}, ${s(r.modul)}, DATE ${s(r.beginn)}, ${r.abschluss ? `DATE ${s(r.abschluss)}` : 'NULL'}, ${s(r.status ?? 'abgeschlossen')}, 'fixture', ${i + 2})`
	);
	await db.exec(`INSERT INTO qualifizierung VALUES ${values.join(', ')}`);
}

export interface Projekt {
	id: string;
	ags: string;
	status: string;
	betrag: number;
	plaetze?: number | null;
	bewilligt?: string | null;
	eroeffnet?: string | null;
}

export async function insertProjekte(db: Db, rows: Projekt[]): Promise<void> {
	const d = (v?: string | null) => (v ? `DATE ${s(v)}` : 'NULL');
	const values = rows.map(
		(r, i) =>
			`(${s(r.id)}, ${s('Projekt ' + r.id)}, ${s(r.ags)}, 'ILERL M-V', ${d(r.bewilligt)}, ${r.betrag}, 0.9, ${r.plaetze ?? 'NULL'}, ${s(r.status)}, ${d(r.eroeffnet)}, 'fixture', ${i + 2})`
	);
	await db.exec(`INSERT INTO coworking VALUES ${values.join(', ')}`);
}

export { buildSummaries };

/** rows → { key: value } for compact assertions */
export const byKey = <T extends { key: string }, K extends keyof T>(rows: T[], col: K) =>
	Object.fromEntries(rows.map((r) => [r.key, r[col]]));
