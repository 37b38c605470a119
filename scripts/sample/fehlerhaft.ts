/**
 * A deliberately faulty Einsätze file: ~40 valid rows, then exactly one fault in each of 8 rows
 * (each of a different kind), one 7-digit BW key that the import should repair, and one formula
 * injection attempt in an otherwise valid row. The sidecar .expected.json lists what the import
 * must report; tests assert against it.
 */
import { germanDate } from './dates.ts';
import type { Einsatz } from './einsaetze.ts';
import type { Rng } from './random.ts';

export const FEHLER_HEADER = ['Datum', 'Gemeindeschlüssel', 'Lotsen-ID', 'Format', 'Thema', 'Altersgruppe', 'Teilnehmende', 'Minuten', 'Digitales Angebot'];
const COLUMN_INDEX: Record<string, number> = { datum: 0, ags: 1, lotse_id: 2, format: 3, thema: 4, altersgruppe: 5, teilnehmende: 6, minuten: 7 };

interface Fault {
	index: number;
	column: string | null;
	value: string;
	fault: string;
	description: string;
}

/** data row index (0-based) → the one fault put into that row */
const FAULTS: Fault[] = [
	{ index: 2, column: 'ags', value: '13999999', fault: 'unknown_gemeinde', description: 'Gemeindeschlüssel not in the reference' },
	{ index: 6, column: 'datum', value: '31.02.2025', fault: 'invalid_date', description: '31 February does not exist' },
	{ index: 10, column: 'datum', value: '14.03.2031', fault: 'implausible_date', description: 'date after 2030-12-31' },
	{ index: 14, column: 'teilnehmende', value: '-2', fault: 'negative_number', description: 'negative number of participants' },
	{ index: 18, column: 'minuten', value: 'eine Stunde', fault: 'not_a_number', description: 'text where a whole number is expected' },
	{ index: 22, column: 'format', value: 'Brieftaube', fault: 'unknown_value', description: 'format not among the allowed values' },
	{ index: 26, column: 'lotse_id', value: '', fault: 'missing_required', description: 'required Lotsen-ID is empty' },
	{ index: 30, column: null, value: 'Rückruf vereinbart', fault: 'too_many_columns', description: 'one field more than the header has' }
];
const FORMULA = '=HYPERLINK("http://x","klick")';

/** a row the way a German spreadsheet user types it: 31.12.2025, "65-74" with a plain hyphen */
export function germanRow(e: Einsatz): string[] {
	return [
		germanDate(e.datum),
		e.ags,
		e.lotse_id,
		e.format,
		e.thema,
		e.altersgruppe.replace('–', '-'),
		String(e.teilnehmende),
		String(e.minuten),
		e.digitales_angebot ?? ''
	];
}

function applyFault(row: string[], f: Fault): void {
	if (f.column === null) row.push(f.value);
	else row[COLUMN_INDEX[f.column]] = f.value;
}

/** 32 MV and 8 BW rows of 2025, sorted by date, with the faults, the repair case and the formula */
export function fehlerhaft(rng: Rng, mv: Einsatz[], bw: Einsatz[]) {
	const in2025 = (e: Einsatz) => germanDate(e.datum).endsWith('2025');
	const picked = [...rng.sample(mv.filter(in2025), 32), ...rng.sample(bw.filter(in2025), 8)].sort((a, b) => a.datum - b.datum);
	const rows = picked.map(germanRow);
	for (const f of FAULTS) applyFault(rows[f.index], f);

	const faulty = new Set(FAULTS.map((f) => f.index));
	const repairIndex = picked.findIndex((e, i) => !faulty.has(i) && e.ags.startsWith('08'));
	const repairFrom = picked[repairIndex].ags.slice(1);
	rows[repairIndex][1] = repairFrom;
	let formulaIndex = rows.length - 1;
	while (faulty.has(formulaIndex) || formulaIndex === repairIndex) formulaIndex--;
	rows[formulaIndex][4] = FORMULA;

	const line = (index: number) => index + 2; // header is line 1
	const expected = {
		file: 'beispieldaten_fehlerhaft_einsaetze.csv',
		kind: 'einsaetze',
		dialect: { encoding: 'utf-8', delimiter: ';', dateFormat: 'dd.mm.yyyy' },
		rowsRead: rows.length,
		rowsLoaded: rows.length - FAULTS.length,
		rowsRejected: FAULTS.length,
		rejected: FAULTS.map((f) => ({ line: line(f.index), column: f.column, value: f.value, fault: f.fault, description: f.description })),
		repaired: [{ line: line(repairIndex), column: 'ags', from: repairFrom, to: picked[repairIndex].ags, description: 'BW key lost its leading zero (7 digits); valid after repair' }],
		loadedAsText: [{ line: line(formulaIndex), column: 'thema', value: FORMULA, description: 'formula injection attempt; row is valid, value must stay text and be neutralised on export' }]
	};
	return { rows, expected };
}
