/**
 * Safe, portable download names: "Kontakte je 1.000 Einwohner – Dömitz-Malliß" →
 * "kontakte-je-1000-einwohner-doemitz-malliss.csv". Lower-case ASCII letters, digits and
 * dashes only, so no path characters, control characters or leading dots can get through.
 */
import type { Lang } from '../charts/types';

export interface FileNameOpts {
	/** prefix "beispieldaten-" (en: "sample-data-") */
	sample?: boolean;
	lang?: Lang;
	/** maximum length before the extension (prefix included); default 80 */
	maxLength?: number;
}

const TRANSLIT: Record<string, string> = {
	ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS',
	æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', þ: 'th'
};

/** Windows device names that cannot be file names, whatever the extension */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** "Dömitz-Malliß, 1.000 Einwohner" → "doemitz-malliss-1000-einwohner" ("" when nothing is left) */
export function slug(text: string): string {
	return text
		.replace(/[äöüÄÖÜßẞæÆœŒøØłŁđĐðþ]/g, (c) => TRANSLIT[c] ?? c)
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		// thousands separators inside numbers: "1.000" → "1000" (dates such as 31.12.2025 keep their parts)
		.replace(/(\d)[.,\u00a0\u202f](?=\d{3}(?!\d))/g, '$1')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

function cut(s: string, max: number): string {
	if (s.length <= max) return s;
	const head = s.slice(0, max);
	// prefer a cut at a word boundary when it keeps at least half of the room
	const dash = head.lastIndexOf('-');
	return (dash >= max / 2 ? head.slice(0, dash) : head).replace(/-+$/, '');
}

/** A file name from a title: slug (max ~80 characters) + "." + extension; never empty ("export"). */
export function safeFileName(title: string, ext: string, opts: FileNameOpts = {}): string {
	const max = Math.max(16, opts.maxLength ?? 80);
	const prefix = opts.sample ? (opts.lang === 'en' ? 'sample-data' : 'beispieldaten') : '';
	let base = slug(title ?? '');
	if (prefix && (base === prefix || base.startsWith(prefix + '-'))) base = base.slice(prefix.length + 1);
	base = cut(base, max - (prefix ? prefix.length + 1 : 0));
	let name = [prefix, base].filter(Boolean).join('-') || 'export';
	if (RESERVED.test(name)) name += '-export';
	const e = slug(ext ?? '').replace(/-/g, '');
	return e ? `${name}.${e}` : name;
}
