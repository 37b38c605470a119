/**
 * A saved presentation as data: a title and an ordered list of charts, each with the page it
 * came from and the filters it was added with (so it shows the same Amt and period later).
 * Pure and JSON-safe: the app keeps it in localStorage; `parsePresentation` accepts only what it
 * can show again (unknown charts and malformed filters are dropped, never guessed).
 */
import { isMonth, type ViewFilters } from './filters';
import { findChart } from './pages';

export interface PresentationItem {
	/** unique within the presentation (keys of the list, reorder, remove) */
	uid: string;
	/** ChartSpec id */
	chartId: string;
	/** route of the page the chart came from, e.g. "/vergleich" */
	path: string;
	/** the chart's title when it was added (the list shows it without querying) */
	title: string;
	filters: ViewFilters;
}

export interface Presentation {
	version: 1;
	title: string;
	items: PresentationItem[];
}

export const STORAGE_KEY = 'dlm.presentation.v1';

export function emptyPresentation(title: string): Presentation {
	return { version: 1, title, items: [] };
}

const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null);

function parseFilters(v: unknown): ViewFilters | null {
	if (typeof v !== 'object' || v === null) return null;
	const f = v as Record<string, unknown>;
	const [altersgruppe, format, thema] = [strings(f.altersgruppe), strings(f.format), strings(f.thema)];
	if (typeof f.amt !== 'string' || !/^\d{1,12}$/.test(f.amt) || !isMonth(f.from as string) || !isMonth(f.to as string) || !altersgruppe || !format || !thema) return null;
	// older saved presentations have no second Amt
	const amt2 = typeof f.amt2 === 'string' && /^\d{9}$/.test(f.amt2) && f.amt2 !== f.amt ? f.amt2 : '';
	return { amt: f.amt, amt2, from: f.from as string, to: f.to as string, altersgruppe, format, thema };
}

/** a stored presentation (JSON text) → a valid one; items that cannot be shown again are left out */
export function parsePresentation(json: string | null, defaultTitle: string): Presentation {
	let raw: unknown;
	try {
		raw = json ? JSON.parse(json) : null;
	} catch {
		raw = null;
	}
	const p = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
	const title = typeof p.title === 'string' && p.title.trim() ? p.title.slice(0, 200) : defaultTitle;
	const items: PresentationItem[] = [];
	const seen = new Set<string>();
	for (const it of Array.isArray(p.items) ? p.items : []) {
		const i = it as Record<string, unknown>;
		const filters = parseFilters(i?.filters);
		const found = typeof i?.chartId === 'string' ? findChart(i.chartId) : null;
		if (!filters || !found || typeof i.uid !== 'string' || seen.has(i.uid)) continue;
		seen.add(i.uid);
		items.push({ uid: i.uid, chartId: found.spec.id, path: found.page.path, title: typeof i.title === 'string' ? i.title : found.spec.id, filters });
	}
	return { version: 1, title, items };
}

export function addItem(p: Presentation, item: Omit<PresentationItem, 'uid'>, uid: string): Presentation {
	return { ...p, items: [...p.items, { ...item, uid }] };
}

export function removeItem(p: Presentation, uid: string): Presentation {
	return { ...p, items: p.items.filter((i) => i.uid !== uid) };
}

/** moves an item up (delta -1) or down (+1); at either end nothing changes */
export function moveItem(p: Presentation, uid: string, delta: -1 | 1): Presentation {
	const i = p.items.findIndex((x) => x.uid === uid);
	const j = i + delta;
	if (i < 0 || j < 0 || j >= p.items.length) return p;
	const items = [...p.items];
	[items[i], items[j]] = [items[j], items[i]];
	return { ...p, items };
}
