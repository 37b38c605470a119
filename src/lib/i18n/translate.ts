/**
 * The message catalogue as a pure function, for code that runs outside components (chart specs,
 * exports, Node): `translate(lang, key, params)`. `t()` in lang.svelte.ts is the same lookup
 * with the UI's current language.
 *
 * A key missing from the catalogue is a defect, not a text: it throws (the type already refuses
 * unknown keys; this catches keys built at run time and a language left incomplete).
 */
import { MESSAGES, type Lang, type MessageKey } from './messages';

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; unknown ones stay visible so a missing parameter is noticed. */
export function fill(template: string, params: Params = {}): string {
	return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
	const text = MESSAGES[lang]?.[key];
	if (typeof text !== 'string') throw new Error(`Kein Text für „${key}“ (${lang}) im Katalog src/lib/i18n`);
	return fill(text, params);
}
