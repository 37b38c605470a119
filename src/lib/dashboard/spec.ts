/**
 * A chart of the dashboard as data, in the spirit of Mosaic's marks: each chart states the query
 * it needs (`load`, SQL through the indicator registry) and how its rows become a picture
 * (`render`, through the pure builders in $lib/charts). Pages, the export menu and the report
 * pack all use the same specs, so what is downloaded is what is shown.
 *
 * `load` depends only on the filters (a language switch does not re-query); `render` is pure.
 * Specs only compose: their SQL lives in indicators/ and compare/.
 */
import type { Reader } from '../db/types';
import type { EChartsOption, TableModel } from '../charts';
import type { Lang } from '../i18n/messages';
import type { ViewFilters } from './filters';

export interface ViewContext {
	lang: Lang;
	filters: ViewFilters;
	/** "Amt Dömitz-Malliß" (already in words) */
	amtName: string;
	/** the second Amt of the Ämter-Vergleich (filters.amt2), already in words; absent when none is chosen */
	amt2Name?: string;
	/** the data shown are (partly) synthetic sample data */
	sample: boolean;
	/** Stand of the programme data, e.g. "31.12.2025" (last day of the last month with data) */
	stand?: string;
}

export interface RenderOpts {
	/** draw title + source line inside the chart (exports); on screen the figure shows them */
	showTitle: boolean;
	animation: boolean;
}

export interface RenderedChart {
	title: string;
	option: EChartsOption | null;
	summary: string;
	table: TableModel | null;
	/** pixel height that fits the chart at ~900 px width */
	height: number;
	/** source text without "Quelle:" */
	source: string;
	/** extra notes under the chart (e.g. "Einwohner ab 65 geschätzt") */
	notes: string[];
	/** the figure a slide shows in large type: the Amt's value, where the chart has one */
	keyFigure?: SlideFigure;
}

export interface SlideFigure {
	/** whose value, e.g. "Amt Dömitz-Malliß" */
	label: string;
	/** formatted in the chart's language, e.g. "109,3" */
	value: string;
	/** e.g. "Kontakte je 1.000 Einwohner" */
	unit: string;
	/** the second Amt of the Ämter-Vergleich, in the same unit, shown beside the first */
	second?: { label: string; value: string };
}

export interface ChartSpec<D = unknown> {
	/** stable id: test ids, file names */
	id: string;
	/** registry ids the chart rests on: sources and caveats come from them */
	indicators: string[];
	/**
	 * The data for these filters. `q` is a coordinator's reads on the page (results shared by SQL
	 * text, temp tables kept) or a plain database in tests and scripts: same rows either way.
	 */
	load(q: Reader, f: ViewFilters): Promise<D>;
	/** null option = nothing to draw (the component shows its empty state) */
	render(data: D, ctx: ViewContext, o: RenderOpts): RenderedChart;
	/**
	 * maps: what a click on an area means — 'amt' sets the Amt filter to the area's key, 'detail'
	 * shows the area's row of the data table (the table's `rowKeys` name the rows)
	 */
	select?: 'amt' | 'detail';
	/** maps: `load` reads the boundaries (geo_* tables), which are loaded on first use */
	geo?: true;
}

/** helper so a file can declare specs with their data type checked and still list them together */
export function spec<D>(s: ChartSpec<D>): ChartSpec<unknown> {
	return s as unknown as ChartSpec<unknown>;
}
