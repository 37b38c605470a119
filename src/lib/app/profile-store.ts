/**
 * Import profiles saved in the browser (localStorage), keyed by the header signature, so the
 * next file with the same header is read the same way. Pure over a `Storage`-like object, so it
 * is tested in Node; storage that is blocked or full only means nothing is remembered.
 */
import { parseProfile, serialiseProfile, type ImportProfile } from '$lib/import/profile';

export const PROFILES_KEY = 'dlm.importProfiles';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** Every saved profile that still passes validation (a damaged entry is skipped, not fatal). */
export function loadProfiles(store: KeyValueStore | undefined): ImportProfile[] {
	let raw: string | null = null;
	try {
		raw = store?.getItem(PROFILES_KEY) ?? null;
	} catch {
		return [];
	}
	if (!raw) return [];
	let list: unknown;
	try {
		list = JSON.parse(raw);
	} catch {
		return [];
	}
	if (!Array.isArray(list)) return [];
	const out: ImportProfile[] = [];
	for (const item of list) {
		const r = parseProfile(JSON.stringify(item));
		if (r.profile) out.push(r.profile);
	}
	return out;
}

function write(store: KeyValueStore | undefined, list: ImportProfile[]): boolean {
	try {
		store?.setItem(PROFILES_KEY, JSON.stringify(list));
		return !!store;
	} catch {
		return false;
	}
}

/** Saves (or replaces: one profile per header) a profile; returns the new list and whether it was stored. */
export function saveProfile(store: KeyValueStore | undefined, p: ImportProfile): { list: ImportProfile[]; stored: boolean } {
	const list = [...loadProfiles(store).filter((x) => x.signature !== p.signature), JSON.parse(serialiseProfile(p)) as ImportProfile];
	return { list, stored: write(store, list) };
}

export function removeProfile(store: KeyValueStore | undefined, signature: string): ImportProfile[] {
	const list = loadProfiles(store).filter((x) => x.signature !== signature);
	write(store, list);
	return list;
}

export function findProfile(list: ImportProfile[], signature: string): ImportProfile | null {
	return list.find((p) => p.signature === signature) ?? null;
}
