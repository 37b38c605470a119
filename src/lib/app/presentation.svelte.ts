/**
 * The saved presentation of this browser (Svelte 5 state, kept in localStorage so it survives a
 * reload and works offline). All changes go through the pure functions in
 * $lib/dashboard/presentation and are written back at once.
 */
import {
	addItem,
	moveItem,
	parsePresentation,
	removeItem,
	STORAGE_KEY,
	type Presentation,
	type PresentationItem
} from '$lib/dashboard/presentation';
import { t } from '$lib/i18n';

function read(): Presentation {
	let json: string | null = null;
	try {
		json = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
	} catch {
		// storage blocked: an empty presentation that lives as long as the page
	}
	return parsePresentation(json, t('praesentation.defaultTitle'));
}

function uid(): string {
	return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

class SavedPresentation {
	#p = $state.raw<Presentation>(read());

	get title(): string {
		return this.#p.title;
	}
	get items(): PresentationItem[] {
		return this.#p.items;
	}

	#set(p: Presentation) {
		this.#p = p;
		try {
			globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(p));
		} catch {
			// quota or blocked storage: kept for this page only
		}
	}

	setTitle(title: string) {
		this.#set({ ...this.#p, title: title.slice(0, 200) });
	}
	add(item: Omit<PresentationItem, 'uid'>) {
		this.#set(addItem(this.#p, item, uid()));
	}
	remove(id: string) {
		this.#set(removeItem(this.#p, id));
	}
	move(id: string, delta: -1 | 1) {
		this.#set(moveItem(this.#p, id, delta));
	}
	clear() {
		this.#set({ ...this.#p, items: [] });
	}
}

export const presentation = new SavedPresentation();
