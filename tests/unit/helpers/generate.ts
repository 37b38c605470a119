/**
 * Random activity files in the dialects real exports use, for the property and fuzz tests. The
 * writer here is independent of the import code: it quotes and escapes by the dialect's rules,
 * encodes with iconv-lite (fixtures.ts) and writes XLSX with ExcelJS.
 */
import { encode, xlsxWorkbook, type Cell } from './fixtures';

/** mulberry32: small, fast, seeded */
export function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
	const chance = (p: number) => next() < p;
	return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof prng>;

export interface ActivityRow {
	datum: string; // ISO
	ags: string;
	lotse_id: string;
	format: string;
	thema: string;
	altersgruppe: string;
	teilnehmende: number;
	minuten: number;
}

export interface Dialect {
	delimiter: ';' | ',' | '\t' | '|';
	spaceAfter: boolean;
	quote: '"' | "'";
	escape: 'double' | 'backslash';
	quoteAll: boolean;
	encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le-bom';
	eol: '\n' | '\r\n';
	preamble: string[];
	numbers: 'de' | 'en';
	/** write thousands separators in participant counts ≥ 1000 */
	grouping: boolean;
	dates: 'de' | 'iso';
	headers: 'de' | 'en';
}

export const KEYS = ['13076034', '13076053', '13076067', '08111000', '08115001'];
const FORMATE = ['Sprechstunde vor Ort', 'Hausbesuch', 'Bürgerdialog', 'Telefon', 'Online'];
const ALTER = ['unter 50', '50–64', '65–74', '75+'];
const WORDS = ['Online-Banking', 'E-Rezept', 'BundID', 'Grüße', 'Straße', 'Ärger', 'Öffnung', 'Übung', '15 €', '„Hilfe“', 'Tipp – kurz', 'café', 'Rente', 'Steuer'];
const RISKY = [';', ',', '|', '\t', '"', "'", ' "zitiert"', "Peter's", '\n', '\r\n'];
export const HEADERS = {
	de: ['Datum', 'Gemeindeschlüssel', 'Lotsen-ID', 'Format', 'Thema', 'Altersgruppe', 'Teilnehmende', 'Minuten'],
	en: ['date', 'municipality key', 'navigator id', 'channel', 'topic', 'age group', 'participants', 'minutes']
};

export function randomRows(r: Rng, n: number, fileNo: number, allowBreaks: boolean): ActivityRow[] {
	return Array.from({ length: n }, (_, i) => {
		let thema = Array.from({ length: r.int(1, 3) }, () => r.pick(WORDS)).join(' ');
		if (r.chance(0.3)) {
			const risky = r.pick(RISKY.filter((x) => allowBreaks || !/[\r\n]/.test(x)));
			thema = thema + risky + r.pick(WORDS);
		}
		const day = new Date(Date.UTC(r.int(2018, 2030), r.int(0, 11), r.int(1, 28)));
		const minutes = r.chance(0.4) ? r.int(1, 999) + r.int(1, 99) / 100 : r.int(1, 999);
		return {
			datum: day.toISOString().slice(0, 10),
			ags: r.pick(KEYS),
			lotse_id: `L${fileNo}-${i}`,
			format: r.pick(FORMATE),
			thema,
			altersgruppe: r.pick(ALTER),
			teilnehmende: r.chance(0.3) ? r.int(1000, 9999) : r.int(1, 999),
			minuten: Math.round(minutes * 100) / 100
		};
	});
}

export function randomDialect(r: Rng): Dialect {
	const delimiter = r.pick([';', ',', '\t', '|'] as const);
	return {
		delimiter,
		spaceAfter: (delimiter === ',' || delimiter === ';') && r.chance(0.25),
		quote: r.chance(0.25) ? "'" : '"',
		escape: r.chance(0.25) ? 'backslash' : 'double',
		quoteAll: r.chance(0.3),
		encoding: r.pick(['utf-8', 'utf-8', 'utf-8-bom', 'windows-1252', 'windows-1252', 'utf-16le-bom'] as const),
		eol: r.pick(['\n', '\r\n'] as const),
		preamble: r.chance(0.4) ? Array.from({ length: r.int(1, 3) }, (_, i) => (i === 0 ? 'Lotsen-Einsätze Landkreis Vorpommern-Greifswald' : `Stand ${r.int(1, 28)}.0${r.int(1, 9)}.2025 – Auszug`)) : [],
		numbers: r.chance(0.6) ? 'de' : 'en',
		grouping: r.chance(0.5),
		dates: r.chance(0.7) ? 'de' : 'iso',
		headers: r.chance(0.8) ? 'de' : 'en'
	};
}

function numberText(v: number, d: Dialect, grouping: boolean): string {
	const [int, frac] = String(v).split('.');
	const groupSep = d.numbers === 'de' ? '.' : ',';
	const g = grouping ? int.replace(/\B(?=(\d{3})+(?!\d))/g, groupSep) : int;
	return frac ? g + (d.numbers === 'de' ? ',' : '.') + frac : g;
}

export function cellsOf(row: ActivityRow, d: Dialect): string[] {
	return [
		d.dates === 'de' ? row.datum.split('-').reverse().join('.') : row.datum,
		row.ags,
		row.lotse_id,
		row.format,
		row.thema,
		row.altersgruppe,
		numberText(row.teilnehmende, d, d.grouping),
		numberText(row.minuten, d, false)
	];
}

/** Writes one field by the dialect's quoting rules. */
export function field(v: string, d: Dialect): string {
	const Q = d.quote;
	const needs = d.quoteAll || v.includes(d.delimiter) || v.includes('"') || v.includes("'") || /[\r\n\\]/.test(v) || v.startsWith(' ');
	if (!needs) return v;
	const body = d.escape === 'backslash' ? v.replace(/\\/g, '\\\\').split(Q).join('\\' + Q) : v.split(Q).join(Q + Q);
	return Q + body + Q;
}

export function csvText(rows: ActivityRow[], d: Dialect): string {
	const sep = d.delimiter + (d.spaceAfter ? ' ' : '');
	const lines = [...d.preamble, HEADERS[d.headers].map((h) => field(h, d)).join(sep), ...rows.map((row) => cellsOf(row, d).map((c) => field(c, d)).join(sep))];
	return lines.join(d.eol) + d.eol;
}

/** Windows-1252 cannot hold every character: such files only get text it can encode (all of WORDS can). */
export function csvFileBytes(rows: ActivityRow[], d: Dialect): Uint8Array {
	return encode(csvText(rows, d), d.encoding);
}

/** A workbook with one sheet per month; numbers as number cells or as German/English text cells. */
export async function xlsxFileBytes(r: Rng, sheets: ActivityRow[][], d: Dialect): Promise<Uint8Array> {
	const numCell = (v: number, grouping: boolean): Cell => (r.chance(0.5) ? v : numberText(v, d, grouping));
	return xlsxWorkbook(
		sheets.map((rows, s) => ({
			name: `Monat ${s + 1}`,
			rows: [
				...(d.preamble.length ? [[d.preamble[0]]] : []),
				HEADERS[d.headers],
				...rows.map((row) => [
					r.chance(0.5) ? new Date(row.datum + 'T00:00:00Z') : row.datum.split('-').reverse().join('.'),
					row.ags,
					row.lotse_id,
					row.format,
					row.thema,
					row.altersgruppe,
					numCell(row.teilnehmende, d.grouping),
					numCell(row.minuten, false)
				])
			]
		}))
	);
}
