/**
 * Qualifizierung: the Grundlehrgang (seven modules) of the Lotsen in MV and BW — graduates and
 * completion rate per Land, module completions per Land, completion rate and median duration
 * per training provider, and graduates per year since the first course in the data.
 * All qualification indicators take no activity filters; the period is their only filter.
 */
import { firstQualifizierungYear } from '../../indicators/areas';
import {
	buildBarAreasOption,
	buildBarCategoriesOption,
	hbarHeight,
	summariseBarAreas,
	summariseBarCategories,
	tableBarAreas,
	tableBarCategories,
	type CategoryDatum,
	type EChartsOption
} from '../../charts';
import { MODULE } from '../../import/schemas';
import { getIndicator } from '../../indicators/registry';
import { runIndicator } from '../../indicators/run';
import type { IndicatorRow } from '../../indicators/types';
import type { Lang } from '../../i18n/messages';
import { translate } from '../../i18n/translate';
import { formatInt } from '../../i18n/format';
import { paramsFor, periodShort, type ViewFilters } from '../filters';
import { ignoredNote } from '../notes';
import { sourceText } from '../sources';
import { chartOpts } from '../chart-opts';
import { runFiltered } from '../run';
import { spec, type ChartSpec, type RenderedChart, type ViewContext, type RenderOpts } from '../spec';

const LAENDER = ['MV', 'BW'];


function common(id: string, ctx: ViewContext, o: RenderOpts, title: string, period = periodShort(ctx.filters, ctx.lang)) {
	return chartOpts(ctx, o, { title, unit: getIndicator(id).unit[ctx.lang], source: sourceText([id], ctx.sample, ctx.lang), period });
}

/** the caveat "Grundlehrgang = all seven modules …": the page intro says it, so the charts leave it out */
const isGlDefinition = (c: { de: string }) => c.de.startsWith('Grundlehrgang = ');

function notesFor(id: string, ctx: ViewContext, extra: string[] = []): string[] {
	const def = getIndicator(id);
	const caveats = def.caveats.filter((c) => !isGlDefinition(c)).map((c) => c[ctx.lang]);
	return [...extra, ...caveats, ...ignoredNote(paramsFor(def.filters, ctx.filters, 'land').ignored, ctx.lang)];
}

/** module and provider names are long: give the category axis more room than the builders' default */
function widenLabels(option: EChartsOption, width: number): EChartsOption {
	const y = option.yAxis as { axisLabel?: Record<string, unknown> } | undefined;
	if (y && !Array.isArray(y) && y.axisLabel) y.axisLabel = { ...y.axisLabel, width };
	return option;
}

function loadLand(id: string) {
	return async (db: Parameters<ChartSpec['load']>[0], f: ViewFilters) => (await runFiltered(db, id, f, 'land', LAENDER)).rows;
}

/* ------------------------------------------------------------------ per Land: graduates, completion rate */

function perLandSpec(id: 'gl_absolventen' | 'gl_abschlussquote'): ChartSpec {
	return spec<IndicatorRow[]>({
		id: id === 'gl_absolventen' ? 'qualifizierung-absolventen' : 'qualifizierung-abschlussquote',
		indicators: [id],
		load: loadLand(id),
		render(data, ctx, o): RenderedChart {
			const def = getIndicator(id);
			const title = def.title[ctx.lang];
			const rows = data.map((r) => ({ ...r, name: landName(r.key, ctx.lang) }));
			const opts = {
				...common(id, ctx, o, title),
				areaLabel: translate(ctx.lang, 'chart.quali.land'),
				numeratorLabel: def.factor ? def.numerator[ctx.lang] : undefined,
				denominatorLabel: def.denominator?.[ctx.lang]
			};
			const empty = rows.length === 0;
			return {
				title,
				option: empty ? null : widenLabels(buildBarAreasOption(rows, opts), 230),
				summary: empty ? '' : summariseBarAreas(rows, opts),
				table: empty ? null : tableBarAreas(rows, opts),
				height: hbarHeight(rows.length, opts) + 20,
				source: opts.source,
				notes: notesFor(id, ctx)
			};
		}
	});
}

/* ------------------------------------------------------------------ module completions per Land */

/** modules in their canonical order: the seven Grundlehrgang modules, then the Aufbaumodule */
const MODULE_ORDER = Object.keys(MODULE);

function moduleSpec(land: 'MV' | 'BW'): ChartSpec {
	const id = 'gl_module_abschluesse';
	return spec<IndicatorRow[]>({
		id: `qualifizierung-module-${land.toLowerCase()}`,
		indicators: [id],
		load: (db, f) => runIndicator(db, id, paramsFor(getIndicator(id).filters, f, 'land', [land]).params),
		render(rows, ctx, o): RenderedChart {
			const name = landName(land, ctx.lang);
			const title = translate(ctx.lang, 'chart.quali.moduleTitle', { name });
			const opts = { ...common(id, ctx, o, title), categoryLabel: translate(ctx.lang, 'chart.quali.module'), total: true };
			const data: CategoryDatum[] = rows
				.filter((r) => r.key === land)
				.sort((a, b) => MODULE_ORDER.indexOf(a.category ?? '') - MODULE_ORDER.indexOf(b.category ?? ''))
				.map((r) => ({ key: r.category ?? '', label: r.category ?? '', value: r.value }));
			const empty = data.length === 0;
			return {
				title,
				option: empty ? null : widenLabels(buildBarCategoriesOption(data, opts), 270),
				summary: empty ? '' : summariseBarCategories(data, opts),
				table: empty ? null : tableBarCategories(data, opts),
				height: hbarHeight(data.length, opts),
				source: opts.source,
				notes: notesFor(id, ctx, [
					translate(ctx.lang, 'chart.quali.moduleNote')
				])
			};
		}
	});
}

/* ------------------------------------------------------------------ per provider */

function landName(land: string, lang: Lang): string {
	if (land === 'MV') return translate(lang, 'land.MV');
	if (land === 'BW') return translate(lang, 'land.BW');
	return land;
}

/**
 * Provider rows at Land level → one bar per provider and Land that has Lotsen in it (n > 0):
 * the query crosses every provider with every Land, most of these pairs do not exist.
 */
export function providerCategories(rows: IndicatorRow[], lang: Lang, withN: boolean): CategoryDatum[] {
	return rows
		.filter((r) => (r.denominator ?? 0) > 0)
		.map((r) => {
			const n = withN ? `, n\u00a0=\u00a0${formatInt(r.denominator as number, lang)}` : '';
			return { key: `${r.key}|${r.category}`, label: `${r.category} (${r.key}${n})`, value: r.value };
		});
}

function providerSpec(id: 'gl_abschlussquote_anbieter' | 'gl_dauer_median_anbieter'): ChartSpec {
	const dauer = id === 'gl_dauer_median_anbieter';
	return spec<IndicatorRow[]>({
		id: dauer ? 'qualifizierung-dauer-anbieter' : 'qualifizierung-quote-anbieter',
		indicators: [id],
		load: loadLand(id),
		render(rows, ctx, o): RenderedChart {
			const def = getIndicator(id);
			const title = def.title[ctx.lang];
			const opts = { ...common(id, ctx, o, title), categoryLabel: translate(ctx.lang, 'chart.quali.provider'), sort: true };
			const data = providerCategories(rows, ctx.lang, dauer);
			const empty = data.length === 0;
			const extra = dauer
				? translate(ctx.lang, 'chart.quali.providerN')
				: translate(ctx.lang, 'chart.quali.providerShown');
			return {
				title,
				option: empty ? null : widenLabels(buildBarCategoriesOption(data, opts), 270),
				summary: empty ? '' : summariseBarCategories(data, opts),
				table: empty ? null : tableBarCategories(data, opts),
				height: hbarHeight(data.length, opts) + 20,
				source: opts.source,
				notes: notesFor(id, ctx, [extra])
			};
		}
	});
}

/* ------------------------------------------------------------------ graduates per year */

export interface JahrData {
	/** 'YYYY': first year shown (the year of the first course start in the data) */
	firstYear: string;
	rows: IndicatorRow[];
}

/**
 * Graduates per year from the first year with course data up to the end of the chosen period:
 * a period of a few months would otherwise show one or two years only.
 */
export const jahrSpec: ChartSpec = spec<JahrData>({
	id: 'qualifizierung-absolventen-jahr',
	indicators: ['gl_absolventen_jahr'],
	async load(db, f) {
		const first = await firstQualifizierungYear(db);
		const firstYear = first && first < f.from.slice(0, 4) ? first : f.from.slice(0, 4);
		const def = getIndicator('gl_absolventen_jahr');
		const rows = await runIndicator(db, def.id, paramsFor(def.filters, { ...f, from: `${firstYear}-01` }, 'land', LAENDER).params);
		return { firstYear, rows };
	},
	render(data, ctx, o): RenderedChart {
		const id = 'gl_absolventen_jahr';
		const def = getIndicator(id);
		const lastYear = ctx.filters.to.slice(0, 4);
		const span = data.firstYear === lastYear ? lastYear : `${data.firstYear}–${lastYear}`;
		const title = def.title[ctx.lang];
		const opts = {
			...common(id, ctx, o, title, span),
			categoryLabel: translate(ctx.lang, 'chart.quali.yearLand'),
			total: true,
			highlight: data.rows.filter((r) => r.key === 'MV').map((r) => `${r.category}|${r.key}`)
		};
		// year by year, MV before BW within a year
		const cats: CategoryDatum[] = [...data.rows]
			.sort((a, b) => (a.category ?? '').localeCompare(b.category ?? '') || LAENDER.indexOf(a.key) - LAENDER.indexOf(b.key))
			.map((r) => ({ key: `${r.category}|${r.key}`, label: `${r.category} · ${r.key}`, value: r.value }));
		const empty = cats.length === 0;
		return {
			title,
			option: empty ? null : buildBarCategoriesOption(cats, opts),
			summary: empty ? '' : summariseBarCategories(cats, opts),
			table: empty ? null : tableBarCategories(cats, opts),
			height: hbarHeight(cats.length, opts),
			source: opts.source,
			notes: [
				translate(ctx.lang, 'chart.quali.yearNote', { first: data.firstYear }),
				...notesFor(id, ctx)
			]
		};
	}
});

export const QUALIFIZIERUNG_CHARTS: ChartSpec[] = [
	perLandSpec('gl_absolventen'),
	perLandSpec('gl_abschlussquote'),
	moduleSpec('MV'),
	moduleSpec('BW'),
	providerSpec('gl_abschlussquote_anbieter'),
	providerSpec('gl_dauer_median_anbieter'),
	jahrSpec
];
