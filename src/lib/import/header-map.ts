/**
 * Header names → canonical columns, and the dataset kind they reveal. All header variants live
 * in schemas.ts; this module only normalises and matches.
 */
import { DATASETS, type DatasetKind, type DatasetSpec } from './schemas';

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
	/** index in the file's header → canonical column (first match wins) */
	mapping: Map<number, string>;
	missing: string[];
}

function matchKind(spec: DatasetSpec, header: string[]): HeaderMatch {
	const mapping = new Map<number, string>();
	const taken = new Set<string>();
	const norm = header.map(normaliseHeader);
	for (const col of spec.columns) {
		const names = new Set([col.name, ...col.aliases].map(normaliseHeader));
		const idx = norm.findIndex((h, i) => !mapping.has(i) && names.has(h));
		if (idx >= 0 && !taken.has(col.name)) {
			mapping.set(idx, col.name);
			taken.add(col.name);
		}
	}
	const missing = spec.columns.filter((c) => c.required && !taken.has(c.name)).map((c) => c.name);
	return { kind: spec.kind, spec, mapping, missing };
}

/** Best kind for a header: all required columns present, most columns matched; else the closest miss. */
export function detectKind(header: string[]): { match: HeaderMatch | null; closest: HeaderMatch; candidates: HeaderMatch[] } {
	const all = Object.values(DATASETS).map((s) => matchKind(s, header));
	const score = (m: HeaderMatch) => m.mapping.size - 2 * m.missing.length;
	all.sort((a, b) => score(b) - score(a));
	const complete = all.filter((m) => m.missing.length === 0);
	complete.sort((a, b) => b.mapping.size / b.spec.columns.length - a.mapping.size / a.spec.columns.length);
	return { match: complete[0] ?? null, closest: all[0], candidates: all };
}

/** Index of the header row among the first records: the first one that maps at least two columns. */
export function findHeaderRow(records: string[][], maxScan = 10): number {
	for (let i = 0; i < Math.min(records.length, maxScan); i++) {
		if (detectKind(records[i]).closest.mapping.size >= 2) return i;
	}
	return 0;
}
