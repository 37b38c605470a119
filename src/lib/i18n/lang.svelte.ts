/**
 * The current UI language as a Svelte 5 rune, and `t()` to look up a message.
 * `t()` reads the rune, so markup that calls it re-renders when the language changes.
 */
import { MESSAGES, type Lang, type MessageKey } from './messages';

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

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; unknown ones stay visible so a missing parameter is noticed. */
export function fill(template: string, params: Params = {}): string {
	return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function t(key: MessageKey, params?: Params): string {
	return fill(MESSAGES[current][key], params);
}
