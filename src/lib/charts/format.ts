/**
 * Pure number and month formatting for charts (language passed in, no Svelte state):
 * de-DE 1.234,5 · 31,4 % · Jan. 2025; en-GB 1,234.5 · 31.4% · Jan 2025. Separators come from Intl.
 * Missing values are shown as "–".
 */
import { locale } from '../i18n/format';
import type { Lang } from './types';

export const DASH = '–';

const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, min: number, max: number, style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat {
	const k = `${lang}|${min}|${max}|${style}`;
	let f = cache.get(k);
	if (!f) {
		f = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: min, maximumFractionDigits: max, style });
		cache.set(k, f);
	}
	return f;
}

const missing = (v: number | null | undefined): v is null | undefined => v === null || v === undefined || !Number.isFinite(v);

/** A value with exactly `digits` fraction digits: 31,4 / 1.234 */
export function fmtValue(v: number | null | undefined, lang: Lang, digits = 1): string {
	return missing(v) ? DASH : nf(lang, digits, digits).format(v);
}

/** Axis ticks: up to one fraction digit, none when whole (0 · 2,5 · 1.234,5) */
export function fmtAxis(v: number | null | undefined, lang: Lang): string {
	return missing(v) ? DASH : nf(lang, 0, 1).format(v);
}

/** A share given in percent points (31.4 → "31,4 %" / "31.4%") */
export function fmtPercent(v: number | null | undefined, lang: Lang, digits = 1): string {
	return missing(v) ? DASH : nf(lang, digits, digits, 'percent').format(v / 100);
}

/** value and unit ("31,4 Kontakte"), or just "–" when there is no value */
export function fmtWithUnit(v: number | null | undefined, lang: Lang, unit: string, digits = 1): string {
	if (missing(v)) return DASH;
	return unit ? `${fmtValue(v, lang, digits)}\u00a0${unit}` : fmtValue(v, lang, digits);
}

const monthCache = new Map<Lang, Intl.DateTimeFormat>();

/** 'YYYY-MM' (or 'YYYY-MM-DD') → "Jan. 2025" (de) / "Jan 2025" (en); other text unchanged */
export function fmtMonth(ym: string | null | undefined, lang: Lang): string {
	if (!ym) return DASH;
	const m = /^(\d{4})-(\d{2})/.exec(ym);
	if (!m) return ym;
	let f = monthCache.get(lang);
	if (!f) {
		f = new Intl.DateTimeFormat(locale(lang), { month: 'short', year: 'numeric', timeZone: 'UTC' });
		monthCache.set(lang, f);
	}
	return f.format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
}

/** `override`, else 0 when every value is whole, else 1 */
export function autoDigits(values: (number | null | undefined)[], override?: number): number {
	if (override !== undefined) return override;
	return values.every((v) => missing(v) || Number.isInteger(v)) ? 0 : 1;
}

/** A list of names: "A, B und C" / "A, B and C" */
export function fmtList(items: string[], lang: Lang): string {
	return new Intl.ListFormat(locale(lang), { style: 'long', type: 'conjunction' }).format(items);
}
