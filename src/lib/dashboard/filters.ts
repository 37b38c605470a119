/**
 * The dashboard's filter state and its URL form. The URL is the single source of truth: pages
 * read filters from `page.url`, controls write a new URL (`goto`), so a view can be bookmarked
 * and shared and back/forward work. Pure: parsing and serialising run and are tested in Node.
 *
 *   ?amt=130765654&amt2=130765659&von=2025-01&bis=2025-12&alter=65–74&alter=75%2B&format=Hausbesuch&thema=…
 *
 * `amt2` is the second Amt of the Ämter-Vergleich ("Vergleichen mit …"); only that page offers
 * and draws it. It is dropped when it is not a 9-digit key or equals the first Amt.
 *
 * Lists are repeated parameters (values may contain commas). Missing or invalid values fall back
 * to the defaults, never to an error: a hand-edited or outdated link still opens a page.
 */
import type { FilterKey, IndicatorParams, Level } from '../indicators/types';
import { addMonths } from '../indicators/sql-lit';

export interface ViewFilters {
	/** Verbands-ARS of the MV Amt (9 digits), e.g. '130765654' */
	amt: string;
	/** a second MV Amt shown beside the first on the Ämter-Vergleich; '' = none */
	amt2: string;
	/** 'YYYY-MM': first and last month of the period, inclusive */
	from: string;
	to: string;
	altersgruppe: string[];
	format: string[];
	thema: string[];
}

/** the model project */
export const PILOT_AMT = '130765654';

const PARAM = { amt: 'amt', amt2: 'amt2', from: 'von', to: 'bis', altersgruppe: 'alter', format: 'format', thema: 'thema' } as const;
export const LIST_KEYS: FilterKey[] = ['altersgruppe', 'format', 'thema'];

const YM = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ARS9 = /^\d{9}$/;

export function isMonth(s: string | null | undefined): s is string {
	return !!s && YM.test(s);
}

/** default period: the 12 months ending with the last month that has data (or the given month) */
export function defaultPeriod(lastMonth: string | null): { from: string; to: string } {
	const to = isMonth(lastMonth) ? lastMonth : `${new Date().getUTCFullYear()}-12`;
	return { from: addMonths(`${to}-01`, -11).slice(0, 7), to };
}

export function defaultFilters(lastMonth: string | null): ViewFilters {
	return { amt: PILOT_AMT, amt2: '', ...defaultPeriod(lastMonth), altersgruppe: [], format: [], thema: [] };
}

/** Reads filters from URL parameters; anything missing or malformed takes the default. */
export function parseFilters(sp: URLSearchParams, defaults: ViewFilters): ViewFilters {
	const amtParam = sp.get(PARAM.amt);
	const amt = amtParam && ARS9.test(amtParam) ? amtParam : defaults.amt;
	const amt2 = sp.get(PARAM.amt2);
	let from = sp.get(PARAM.from);
	let to = sp.get(PARAM.to);
	if (!isMonth(from)) from = defaults.from;
	if (!isMonth(to)) to = defaults.to;
	if (from > to) [from, to] = [to, from];
	const list = (k: FilterKey) => [...new Set(sp.getAll(PARAM[k]).filter((v) => v.trim() !== ''))].sort((a, b) => a.localeCompare(b, 'de'));
	return {
		amt,
		amt2: amt2 && ARS9.test(amt2) && amt2 !== amt ? amt2 : '',
		from,
		to,
		altersgruppe: list('altersgruppe'),
		format: list('format'),
		thema: list('thema')
	};
}

/**
 * Writes filters as URL parameters. Values equal to the defaults are left out so that the
 * plain page address means "the default view"; other parameters of `base` are kept.
 */
export function filtersToSearch(f: ViewFilters, defaults: ViewFilters, base?: URLSearchParams): URLSearchParams {
	const sp = new URLSearchParams(base);
	for (const k of Object.values(PARAM)) sp.delete(k);
	if (f.amt !== defaults.amt) sp.set(PARAM.amt, f.amt);
	if (f.amt2 && f.amt2 !== f.amt) sp.set(PARAM.amt2, f.amt2);
	if (f.from !== defaults.from || f.to !== defaults.to) {
		sp.set(PARAM.from, f.from);
		sp.set(PARAM.to, f.to);
	}
	for (const k of LIST_KEYS) for (const v of f[k]) sp.append(PARAM[k], v);
	return sp;
}

/** The filters as indicator parameters at one level (areas optional). */
export function indicatorParams(f: ViewFilters, level: Level, areas?: string[], only: FilterKey[] = LIST_KEYS): IndicatorParams {
	const filters: IndicatorParams['filters'] = {};
	for (const k of only) if (f[k].length) filters[k] = f[k];
	return { from: `${f.from}-01`, to: `${f.to}-01`, level, filters, ...(areas ? { areas } : {}) };
}

/** true when an activity filter (age group, format, topic) is set */
export function hasActivityFilter(f: ViewFilters): boolean {
	return LIST_KEYS.some((k) => f[k].length > 0);
}

/** 'YYYY-MM-DD' of the last day of the period */
export function periodEnd(f: ViewFilters): string {
	const next = addMonths(`${f.to}-01`, 1);
	const d = new Date(Date.parse(next + 'T00:00:00Z') - 86_400_000);
	return d.toISOString().slice(0, 10);
}

/** "01.01.2025–31.12.2025" (de) / "01/01/2025–31/12/2025" (en): the period as dates */
export function periodLabel(f: ViewFilters, lang: 'de' | 'en'): string {
	const fmt = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
	const a = fmt.format(new Date(`${f.from}-01T00:00:00Z`));
	const b = fmt.format(new Date(`${periodEnd(f)}T00:00:00Z`));
	return `${a}–${b}`;
}

/** a short period for sentences: "2025" for a calendar year, else "Jan. 2025–Juni 2025" */
export function periodShort(f: ViewFilters, lang: 'de' | 'en'): string {
	if (f.from.endsWith('-01') && f.to.endsWith('-12') && f.from.slice(0, 4) === f.to.slice(0, 4)) return f.from.slice(0, 4);
	const fmt = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
	const a = fmt.format(new Date(`${f.from}-01T00:00:00Z`));
	const b = fmt.format(new Date(`${f.to}-01T00:00:00Z`));
	return a === b ? a : `${a}–${b}`;
}

/**
 * Parameters for one indicator: only the filters its SQL can apply (its summary table's grain);
 * `ignored` lists the set filters it cannot apply, so the chart can say so instead of silently
 * showing unfiltered numbers as if they were filtered.
 */
export function paramsFor(allowed: readonly FilterKey[], f: ViewFilters, level: Level, areas?: string[]): { params: IndicatorParams; ignored: FilterKey[] } {
	const params = indicatorParams(f, level, areas, LIST_KEYS.filter((k) => allowed.includes(k)));
	const ignored = LIST_KEYS.filter((k) => f[k].length > 0 && !allowed.includes(k));
	return { params, ignored };
}
