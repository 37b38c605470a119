/**
 * Header names → canonical columns, and the dataset kind they reveal. All header variants live
 * in schemas.ts; this module normalises, scores and assigns.
 *
 * Scores: 1 = an accepted name (alias); 0.95 = the same without spaces; 0.9 = a weak alias (`~`);
 * 0.85 = one word of the header is an accepted name ("Anzahl Arbeitsplätze"); 0.8 = an accepted
 * name plus "datum"/"zahl"/… ("Eröffnungsdatum"); 0.7 = the header is the start of an accepted
 * name ("Projekt" → "Projektname"). Columns are assigned greedily by score, so a stronger claim
 * wins and every header and field is used once.
 */
import { DATASETS, type ColumnSpec, type DatasetKind, type DatasetSpec } from './schemas';

/** lower case, umlauts folded, punctuation to spaces: "Betrag (EUR)" → "betrag eur" */
export function normaliseHeader(h: string): string {
	return h
		.replace(/^\ufeff/, '')
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/€/g, ' eur ')
		.replace(/[^a-z0-9+]+/g, ' ')
		.trim();
}

export interface HeaderMatch {
	kind: DatasetKind;
	spec: DatasetSpec;
	/** index in the file's header → canonical column */
	mapping: Map<number, string>;
	/** index → how sure the match is (0.7–1; 1 for a profile's choice) */
	confidence: Map<number, number>;
	/** required canonical columns without a file column */
	missing: string[];
}

const FILLER = new Set(['anzahl', 'gesamt', 'summe', 'in', 'der', 'des', 'die', 'je', 'zahl', 'nr', 'total', 'number', 'of']);
const SUFFIXES = ['datum', 'tag', 'zahl', 'anzahl', 'summe', 'wert', 'angabe'];
export const MIN_CONFIDENCE = 0.7;

interface AliasSet {
	strong: Set<string>;
	weak: Set<string>;
}
const aliasCache = new Map<ColumnSpec, AliasSet>();
function aliasesOf(col: ColumnSpec): AliasSet {
	let a = aliasCache.get(col);
	if (!a) {
		const strong = new Set<string>();
		const weak = new Set<string>();
		for (const raw of [col.name, col.label.de, col.label.en, ...col.aliases]) {
			if (raw.startsWith('~')) weak.add(normaliseHeader(raw.slice(1)));
			else strong.add(normaliseHeader(raw));
		}
		for (const w of weak) strong.delete(w);
		a = { strong, weak };
		aliasCache.set(col, a);
	}
	return a;
}

/** How well a (normalised) header names a column: 0 = not at all, up to 1. */
export function headerScore(h: string, col: ColumnSpec): number {
	if (!h) return 0;
	const { strong, weak } = aliasesOf(col);
	if (strong.has(h)) return 1;
	const compact = h.replace(/ /g, '');
	let best = 0;
	for (const a of strong) {
		const ac = a.replace(/ /g, '');
		if (ac === compact) return 0.95;
		if (ac.length >= 4 && compact.startsWith(ac)) {
			const rest = compact.slice(ac.length).replace(/^s/, '');
			if (SUFFIXES.includes(rest)) best = Math.max(best, 0.8);
		}
		if (compact.length >= 5 && ac.startsWith(compact) && ac.length > compact.length) best = Math.max(best, 0.7);
	}
	if (weak.has(h)) best = Math.max(best, 0.9);
	const words = h.split(' ').filter((w) => !FILLER.has(w));
	if (words.length && words.length < h.split(' ').length) {
		const core = words.join(' ');
		if (strong.has(core)) best = Math.max(best, 0.85);
	}
	return best;
}

/**
 * Maps a header to one kind's columns. `fixed`: choices that win over any score (an import
 * profile: header index → field, or null = ignore this column).
 */
export function matchKind(spec: DatasetSpec, header: string[], fixed?: Map<number, string | null>): HeaderMatch {
	const mapping = new Map<number, string>();
	const confidence = new Map<number, number>();
	const taken = new Set<string>();
	const usedIdx = new Set<number>();
	if (fixed) {
		for (const [i, f] of fixed) {
			usedIdx.add(i);
			if (f && spec.columns.some((c) => c.name === f) && !taken.has(f)) {
				mapping.set(i, f);
				confidence.set(i, 1);
				taken.add(f);
			}
		}
	}
	const norm = header.map(normaliseHeader);
	const cands: { i: number; col: string; s: number; order: number }[] = [];
	spec.columns.forEach((c, order) => {
		norm.forEach((h, i) => {
			if (usedIdx.has(i) || taken.has(c.name)) return;
			const s = headerScore(h, c);
			if (s >= MIN_CONFIDENCE) cands.push({ i, col: c.name, s, order });
		});
	});
	cands.sort((a, b) => b.s - a.s || a.i - b.i || a.order - b.order);
	for (const c of cands) {
		if (usedIdx.has(c.i) || taken.has(c.col)) continue;
		mapping.set(c.i, c.col);
		confidence.set(c.i, c.s);
		usedIdx.add(c.i);
		taken.add(c.col);
	}
	const missing = spec.columns.filter((c) => c.required && !taken.has(c.name)).map((c) => c.name);
	return { kind: spec.kind, spec, mapping, confidence, missing };
}

/** Best kind for a header: all required columns present, most columns matched; else the closest miss (most columns matched). */
export function detectKind(header: string[]): { match: HeaderMatch | null; closest: HeaderMatch; candidates: HeaderMatch[] } {
	const all = Object.values(DATASETS).map((s) => matchKind(s, header));
	const score = (m: HeaderMatch) => m.mapping.size - 2 * m.missing.length;
	all.sort((a, b) => score(b) - score(a));
	const complete = all.filter((m) => m.missing.length === 0);
	complete.sort((a, b) => b.mapping.size / b.spec.columns.length - a.mapping.size / a.spec.columns.length);
	const closest = [...all].sort((a, b) => b.mapping.size - a.mapping.size || a.missing.length - b.missing.length)[0];
	return { match: complete[0] ?? null, closest, candidates: all };
}

/** How header-like a record is: the most columns any kind maps from it. */
export function headerLikeness(fields: string[]): number {
	let best = 0;
	for (const spec of Object.values(DATASETS)) best = Math.max(best, matchKind(spec, fields).mapping.size);
	return best;
}

/**
 * Index of the header row among the first records: the one mapping most columns (≥ 2), first on
 * ties; when none maps two, the first record with two or more filled fields (a title line above
 * an unknown header is then not mistaken for the header).
 */
export function findHeaderRow(records: string[][], maxScan = 30): number {
	let best = -1;
	let bestScore = 1;
	for (let i = 0; i < Math.min(records.length, maxScan); i++) {
		const s = headerLikeness(records[i]);
		if (s > bestScore) ((best = i), (bestScore = s));
	}
	if (best >= 0) return best;
	const wide = records.slice(0, maxScan).findIndex((r) => r.filter((f) => f.trim() !== '').length >= 2);
	return wide < 0 ? 0 : wide;
}

/** The user's name for a canonical column: the file's header text when mapped, else the German/English label. */
export function columnLabel(spec: DatasetSpec, name: string, lang: 'de' | 'en' = 'de'): string {
	return spec.columns.find((c) => c.name === name)?.label[lang] ?? name;
}
