/**
 * The filters of the current page, read from the URL (the single source of truth), and the
 * context every chart renders in. Controls call `setFilters`, which writes a new URL entry, so
 * back/forward step through filter changes and any view can be bookmarked.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { defaultFilters, filtersToSearch, parseFilters, periodEnd, type ViewFilters } from '$lib/dashboard/filters';
import type { ViewContext } from '$lib/dashboard/spec';
import { formatDate, i18n } from '$lib/i18n';
import { app } from './state.svelte';
import { filterChange } from './draw-marks';

export function filterDefaults(): ViewFilters {
	return defaultFilters(app.lastMonth);
}

/**
 * The filters in the URL. The second Amt (`amt2`) belongs to the Ämter-Vergleich only: other
 * pages get it as '' so it neither changes their state nor shows up in their texts or files
 * (it stays in the URL, so going back to the Vergleich keeps it).
 */
export function currentFilters(withAmt2 = false): ViewFilters {
	const f = parseFilters(page.url.searchParams, filterDefaults());
	return withAmt2 ? f : { ...f, amt2: '' };
}

export function filterHref(f: ViewFilters, path = page.url.pathname): string {
	const sp = filtersToSearch(f, filterDefaults(), page.url.searchParams);
	const q = sp.toString();
	return q ? `${path}?${q}` : path;
}

/**
 * Navigates to the view with these filters; no new history entry when nothing changed.
 * `withAmt2`: the page draws the second Amt (Ämter-Vergleich), so its state includes it — the
 * performance mark must name the state the page's charts will report.
 */
export function setFilters(f: ViewFilters, withAmt2 = false): Promise<void> {
	const href = filterHref(f);
	if (href === page.url.pathname + page.url.search) return Promise.resolve();
	const next = parseFilters(new URL(href, page.url).searchParams, filterDefaults());
	filterChange(page.url.pathname, stateKey(withAmt2 ? next : { ...next, amt2: '' }));
	return goto(href, { keepFocus: true, noScroll: true });
}

/** the filter state as one string: what charts and performance marks key on */
export function stateKey(f: ViewFilters): string {
	return JSON.stringify(f);
}

export function amtName(key: string): string {
	return app.aemter.find((a) => a.key === key)?.name ?? key;
}

export function viewContext(f: ViewFilters): ViewContext {
	return {
		lang: i18n.lang,
		filters: f,
		amtName: amtName(f.amt),
		...(f.amt2 ? { amt2Name: amtName(f.amt2) } : {}),
		sample: app.sampleShown,
		stand: app.lastMonth ? formatDate(periodEnd({ ...f, to: app.lastMonth }), i18n.lang) : undefined
	};
}
