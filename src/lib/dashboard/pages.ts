/**
 * The dashboard pages and their charts, in page order: where a chart of a saved presentation
 * comes from (its page path and spec id), and what a page's presentation mode shows.
 * Titles are message keys (the components translate them).
 */
import type { ChartSpec } from './spec';
import { UEBERBLICK_CHARTS } from './specs/ueberblick';
import { VERGLEICH_CHARTS } from './specs/vergleich';
import { AELTERE_CHARTS } from './specs/aeltere';
import { QUALIFIZIERUNG_CHARTS } from './specs/qualifizierung';
import { COWORKING_CHARTS } from './specs/coworking';

export interface DashboardPageDef {
	/** route path, e.g. "/vergleich" */
	path: string;
	/** message key of the page title */
	titleKey: 'ueberblick.title' | 'vergleich.title' | 'aeltere.title' | 'qualifizierung.title' | 'coworking.title';
	specs: ChartSpec[];
}

export const ALL_PAGES: DashboardPageDef[] = [
	{ path: '/', titleKey: 'ueberblick.title', specs: UEBERBLICK_CHARTS },
	{ path: '/vergleich', titleKey: 'vergleich.title', specs: VERGLEICH_CHARTS },
	{ path: '/aeltere', titleKey: 'aeltere.title', specs: AELTERE_CHARTS },
	{ path: '/qualifizierung', titleKey: 'qualifizierung.title', specs: QUALIFIZIERUNG_CHARTS },
	{ path: '/coworking', titleKey: 'coworking.title', specs: COWORKING_CHARTS }
];

/** the chart with this spec id and its page, or null (e.g. a saved item whose chart no longer exists) */
export function findChart(id: string): { spec: ChartSpec; page: DashboardPageDef } | null {
	for (const page of ALL_PAGES) {
		const spec = page.specs.find((s) => s.id === id);
		if (spec) return { spec, page };
	}
	return null;
}
