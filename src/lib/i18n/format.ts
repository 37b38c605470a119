/** Numbers and dates in the user's language: de-DE (1.234,5 · 31.12.2025) or en-GB. */
import type { Lang } from './messages';

const LOCALE: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

export function locale(lang: Lang): string {
	return LOCALE[lang];
}

export function formatInt(n: number, lang: Lang): string {
	return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(n);
}

export function formatNumber(n: number, lang: Lang, digits = 1): string {
	return new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** A file size: "512 KB", "4,2 MB" (1 KB = 1024 bytes; at least 1 KB for a non-empty file). */
export function formatBytes(bytes: number, lang: Lang): string {
	if (bytes < 1024 * 1024) return `${formatInt(Math.max(1, Math.round(bytes / 1024)), lang)}\u00a0KB`;
	return `${new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)}\u00a0MB`;
}

/** A duration in milliseconds as seconds with one decimal: "2,3 s". */
export function formatSeconds(ms: number, lang: Lang): string {
	return `${formatNumber(ms / 1000, lang, 1)}\u00a0s`;
}

/** A calendar date (Date, epoch ms as DuckDB returns DATE, ISO or German text) as 31.12.2025 / 31/12/2025. */
export function formatDate(d: Date | number | string, lang: Lang): string {
	let date: Date;
	if (typeof d === 'string') {
		const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
		const de = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(d);
		if (iso) date = new Date(Date.UTC(+iso[1], +iso[2] - 1, +iso[3]));
		else if (de) date = new Date(Date.UTC(+de[3], +de[2] - 1, +de[1]));
		else return d; // other text such as a year ("2022") stays as it is
	} else date = typeof d === 'number' ? new Date(d) : d;
	return new Intl.DateTimeFormat(LOCALE[lang], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}
