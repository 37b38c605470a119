/**
 * The current UI language as a Svelte 5 rune, and `t()` to look up a message.
 * `t()` reads the rune, so markup that calls it re-renders when the language changes.
 */
import type { Lang, MessageKey } from './messages';
import { translate, type Params } from './translate';

const STORAGE_KEY = 'dlm.lang';

function initialLang(): Lang {
	try {
		const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
		if (saved === 'de' || saved === 'en') return saved;
	} catch {
		// storage may be blocked; German is the default
	}
	return 'de';
}

let current = $state<Lang>(initialLang());

export const i18n = {
	get lang(): Lang {
		return current;
	},
	set lang(l: Lang) {
		current = l;
		try {
			globalThis.localStorage?.setItem(STORAGE_KEY, l);
		} catch {
			// not persisted; fine
		}
		if (typeof document !== 'undefined') document.documentElement.lang = l;
	},
	toggle() {
		this.lang = current === 'de' ? 'en' : 'de';
	}
};

export { fill, type Params } from './translate';

export function t(key: MessageKey, params?: Params): string {
	return translate(current, key, params);
}
