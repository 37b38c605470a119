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
	/** kept whole at the end even when the title is cut (e.g. "a4", "16x9"): variants stay apart */
	suffix?: string;
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
	const suffix = slug(opts.suffix ?? '');
	let base = slug(title ?? '');
	if (prefix && (base === prefix || base.startsWith(prefix + '-'))) base = base.slice(prefix.length + 1);
	base = cut(base, max - (prefix ? prefix.length + 1 : 0) - (suffix ? suffix.length + 1 : 0));
	let name = [prefix, base, suffix].filter(Boolean).join('-') || 'export';
	if (RESERVED.test(name)) name += '-export';
	const e = slug(ext ?? '').replace(/-/g, '');
	return e ? `${name}.${e}` : name;
}

/** the downloads of one chart; each gets its own name (the two PNGs differ by their suffix) */
export type ExportVariant = 'png-a4' | 'png-slide' | 'svg' | 'csv' | 'xlsx';

const VARIANT: Record<ExportVariant, { ext: string; suffix?: string }> = {
	'png-a4': { ext: 'png', suffix: 'a4' },
	'png-slide': { ext: 'png', suffix: '16x9' },
	svg: { ext: 'svg' },
	csv: { ext: 'csv' },
	xlsx: { ext: 'xlsx' }
};

/**
 * The file name of one download of a chart: title, the Amt (only when the title does not name it
 * already: "Kontakte je Monat: Amt Dömitz-Malliß" must not become "…-doemitz-malliss-amt-doemitz-malliss"),
 * the second Amt of the Ämter-Vergleich when one is drawn (so the chart with two Ämter does not
 * overwrite the one with one), and a suffix per variant, so the A4 and 16:9 PNGs of one chart
 * never overwrite each other.
 */
export function exportFileName(o: { title: string; amtName?: string; amt2Name?: string; variant: ExportVariant; sample?: boolean; lang?: Lang }): string {
	const v = VARIANT[o.variant];
	const titled = slug(o.title);
	// two Ämter: without the word "Amt", so both fit in the length limit
	const named = (name: string | undefined) => {
		const amt = slug(name ?? '').replace(/^amt-/, '');
		return amt && !titled.includes(amt) ? ` ${o.amt2Name ? name!.replace(/^Amt\s+/, '') : name}` : '';
	};
	return safeFileName(`${o.title}${named(o.amtName)}${named(o.amt2Name)}`, v.ext, { sample: o.sample, lang: o.lang, suffix: v.suffix });
}
