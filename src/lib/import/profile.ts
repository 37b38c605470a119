/**
 * Import profiles: the user's choices for files with one header, JSON-serialisable, keyed by a
 * signature of the header (its normalised texts). A profile overrides what the import would
 * detect; anything it leaves out is detected as usual. See README "Import profiles".
 */
import type { Encoding } from './encoding';
import { normaliseHeader } from './header-map';
import { DATASETS, type DatasetKind } from './schemas';

export const PROFILE_TYPE = 'digitallotsen-importprofil';

export interface ImportProfile {
	type: typeof PROFILE_TYPE;
	version: 1;
	/** `headerSignature(header)` of the files it is meant for */
	signature: string;
	/** the header texts as the file wrote them (for people reading the JSON) */
	header: string[];
	name?: string;
	encoding?: Encoding;
	delimiter?: string;
	quote?: '"' | "'";
	escape?: 'double' | 'backslash';
	/** line (CSV) or row (XLSX) of the header */
	headerLine?: number;
	kind?: DatasetKind;
	/** file header text → field (canonical column) or null = not imported */
	columns?: Record<string, string | null>;
	/** field → decimal mark, where the user overrode the detection */
	decimal?: Record<string, ',' | '.'>;
	/** closed-list field → file value → known value, or null = reject the row */
	values?: Record<string, Record<string, string | null>>;
}

/** The key of a header: normalised texts, empty trailing columns dropped. */
export function headerSignature(header: string[]): string {
	const norm = header.map(normaliseHeader);
	while (norm.length && norm[norm.length - 1] === '') norm.pop();
	return norm.join('|');
}

export function serialiseProfile(p: ImportProfile): string {
	return JSON.stringify(p, null, 2);
}

const ENCODINGS: Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'];
const DELIMS = [';', ',', '\t', '|'];

/** Problems with a parsed profile, as German/English sentences (empty = usable). */
export function profileProblems(o: unknown): { de: string; en: string }[] {
	const out: { de: string; en: string }[] = [];
	const bad = (de: string, en: string) => out.push({ de, en });
	if (!o || typeof o !== 'object' || Array.isArray(o)) {
		bad('kein JSON-Objekt', 'not a JSON object');
		return out;
	}
	const p = o as Record<string, unknown>;
	if (p.type !== PROFILE_TYPE) {
		bad(`keine Importprofil-Datei (Feld „type“ muss „${PROFILE_TYPE}“ sein)`, `not an import profile (field "type" must be "${PROFILE_TYPE}")`);
		return out;
	}
	if (p.version !== 1) bad(`unbekannte Version ${String(p.version)}`, `unknown version ${String(p.version)}`);
	if (typeof p.signature !== 'string') bad('Feld „signature“ fehlt', 'field "signature" missing');
	if (!Array.isArray(p.header) || !p.header.every((h) => typeof h === 'string')) bad('Feld „header“ muss eine Liste von Texten sein', 'field "header" must be a list of texts');
	if (p.encoding !== undefined && !ENCODINGS.includes(p.encoding as Encoding)) bad(`unbekannte Kodierung „${String(p.encoding)}“`, `unknown encoding "${String(p.encoding)}"`);
	if (p.delimiter !== undefined && !DELIMS.includes(p.delimiter as string)) bad(`unbekanntes Trennzeichen „${String(p.delimiter)}“`, `unknown delimiter "${String(p.delimiter)}"`);
	if (p.quote !== undefined && p.quote !== '"' && p.quote !== "'") bad('Anführungszeichen muss " oder \' sein', 'quote must be " or \'');
	if (p.escape !== undefined && p.escape !== 'double' && p.escape !== 'backslash') bad('Feld „escape“ muss „double“ oder „backslash“ sein', 'field "escape" must be "double" or "backslash"');
	if (p.headerLine !== undefined && !(Number.isInteger(p.headerLine) && (p.headerLine as number) >= 1)) bad('Kopfzeile muss eine Zeilennummer ab 1 sein', 'header line must be a line number from 1');
	const kind = p.kind as DatasetKind | undefined;
	if (kind !== undefined && !(kind in DATASETS)) bad(`unbekannte Datenart „${String(kind)}“`, `unknown dataset kind "${String(kind)}"`);
	const spec = kind && kind in DATASETS ? DATASETS[kind] : null;
	const fields = new Set(spec ? spec.columns.map((c) => c.name) : Object.values(DATASETS).flatMap((s) => s.columns.map((c) => c.name)));
	const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
	if (p.columns !== undefined) {
		if (!isObj(p.columns)) bad('Feld „columns“ muss ein Objekt sein', 'field "columns" must be an object');
		else
			for (const [h, f] of Object.entries(p.columns))
				if (f !== null && (typeof f !== 'string' || !fields.has(f))) bad(`Spalte „${h}“: unbekanntes Feld „${String(f)}“`, `column "${h}": unknown field "${String(f)}"`);
	}
	if (p.decimal !== undefined) {
		if (!isObj(p.decimal)) bad('Feld „decimal“ muss ein Objekt sein', 'field "decimal" must be an object');
		else for (const [f, m] of Object.entries(p.decimal)) if (m !== ',' && m !== '.') bad(`Dezimaltrennzeichen für „${f}“ muss , oder . sein`, `decimal mark for "${f}" must be , or .`);
	}
	if (p.values !== undefined) {
		if (!isObj(p.values)) bad('Feld „values“ muss ein Objekt sein', 'field "values" must be an object');
		else
			for (const [f, map] of Object.entries(p.values)) {
				const col = (spec ? [spec] : Object.values(DATASETS)).flatMap((s) => s.columns).find((c) => c.name === f && c.type === 'enum');
				if (!col) {
					bad(`„${f}“ ist keine Auswahlliste`, `"${f}" is not a closed list`);
					continue;
				}
				if (!isObj(map)) {
					bad(`Werte für „${f}“ müssen ein Objekt sein`, `values for "${f}" must be an object`);
					continue;
				}
				for (const [v, to] of Object.entries(map))
					if (to !== null && !(typeof to === 'string' && to in (col.values ?? {}))) bad(`„${v}“ → „${String(to)}“ ist kein erlaubter Wert für ${col.label.de}`, `"${v}" → "${String(to)}" is not an allowed value for ${col.label.en}`);
			}
	}
	return out;
}

/** JSON text → profile, or the reason it cannot be used (German and English). */
export function parseProfile(json: string): { profile: ImportProfile; error: null } | { profile: null; error: { de: string; en: string } } {
	let o: unknown;
	try {
		o = JSON.parse(json);
	} catch (e) {
		return { profile: null, error: { de: `kein gültiges JSON (${(e as Error).message})`, en: `not valid JSON (${(e as Error).message})` } };
	}
	const problems = profileProblems(o);
	if (problems.length) return { profile: null, error: { de: problems.map((x) => x.de).join('; '), en: problems.map((x) => x.en).join('; ') } };
	return { profile: o as ImportProfile, error: null };
}

/** A new, empty profile for a header. */
export function newProfile(header: string[], init: Partial<ImportProfile> = {}): ImportProfile {
	return { type: PROFILE_TYPE, version: 1, signature: headerSignature(header), header: [...header], ...init };
}
