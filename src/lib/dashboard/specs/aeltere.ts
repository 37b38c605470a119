/**
 * Reichweite Ältere: for ONE MV Amt — reach among people aged 65+ and the share of participations
 * 65+ per Gemeinde, coverage of its Gemeinden and inhabitants (12-month window) with the
 * Gemeinden that had no contact, and the "analoger Zwilling": analog vs online contacts per
 * digital offer and the offers that were only served online.
 */
import {
	buildBarAreasOption,
	buildBarCategoriesOption,
	buildStackedShareOption,
	fmtMonth,
	fmtPercent,
	fmtValue,
	fmtWithUnit,
	hbarHeight,
	summariseBarAreas,
	tableBarAreas,
	tableBarCategories,
	tableStackedShare,
	withAboveThousand,
	type CategoryDatum
} from '../../charts';
import { fmtList } from '../../charts/format';
import type { Reader } from '../../db/types';
import { amtGemeinden } from '../../indicators/areas';
import type { Lang } from '../../i18n/messages';
import { getIndicator } from '../../indicators/registry';
import type { FilterKey, IndicatorRow, Level } from '../../indicators/types';
import { paramsFor, periodShort, type ViewFilters } from '../filters';
import { chartOpts } from '../chart-opts';
import { runFilteredPerArea } from '../run';
import { ageFilterConflict, estimateNote, estimateTitle, ignoredNote } from '../notes';

export { ageFilterConflict };
import { caveats, sourceText } from '../sources';
import { spec, type ChartSpec, type RenderOpts, type ViewContext } from '../spec';
import { translate } from '../../i18n/translate';

export { amtGemeinden };

/** runs one indicator with the filters it can apply; `ignored` = the set filters it cannot */
async function run(db: Reader, id: string, f: ViewFilters, level: Level, areas: string[]): Promise<{ rows: IndicatorRow[]; ignored: FilterKey[] }> {
	// an Amt without Gemeinden (unknown key) has no rows; `areas: []` would mean "no restriction" to nobody, so skip the query
	if (!areas.length) return { rows: [], ignored: paramsFor(getIndicator(id).filters, f, level, areas).ignored };
	// every indicator of this page has one value per area (and category) independent of the other areas
	return runFilteredPerArea(db, id, f, level, areas);
}

/** the registry's caveats of the indicators, without the generic estimate text (estimateNote says it when it applies) */
function otherCaveats(ids: string[], lang: Lang): string[] {
	return caveats(ids, lang).filter((c) => !/^(Schätzung|Estimate):/.test(c));
}

/** the common builder options of a chart */
function aeltereOpts(ctx: ViewContext, o: RenderOpts, ids: string[], title: string, unit: string, period: string) {
	return chartOpts(ctx, o, { title, unit, source: sourceText(ids, ctx.sample, ctx.lang), period });
}

/** "12 Monate bis Dez. 2025" / "12 months to Dec 2025": the coverage window */
export function coverageWindow(f: ViewFilters, lang: Lang): string {
	return translate(lang, 'chart.aeltere.window', { month: fmtMonth(f.to, lang) });
}

// ---------------------------------------------------------------------------------------------
// per Gemeinde: reach among 65+ and share 65+

interface GemeindeData {
	rows: IndicatorRow[];
	ignored: FilterKey[];
}

function gemeindeSpec(id: 'teilnehmende_65plus_je_1000_65plus' | 'anteil_teilnehmende_65plus', chartId: string): ChartSpec {
	return spec<GemeindeData>({
		id: chartId,
		indicators: [id],
		load: async (db, f) => run(db, id, f, 'gemeinde', await amtGemeinden(db, f.amt)),
		render(data, ctx, o) {
			const def = getIndicator(id);
			const tr = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(ctx.lang, k, p);
			const rows = data.rows;
			const estimate = rows.some((r) => r.estimate);
			const title = estimateTitle(tr('chart.aeltere.byGemeinde', { indicator: def.title[ctx.lang], amt: ctx.amtName }), estimate, ctx.lang);
			const opts = {
				...aeltereOpts(ctx, o, [id], title, def.unit[ctx.lang], periodShort(ctx.filters, ctx.lang)),
				areaLabel: tr('chart.aeltere.gemeinde'),
				numeratorLabel: def.numerator[ctx.lang],
				denominatorLabel: def.denominator?.[ctx.lang]
			};
			const notes = [...estimateNote(estimate, ctx.lang), ...otherCaveats([id], ctx.lang), ...ignoredNote(data.ignored, ctx.lang)];
			// a filter that contradicts the chart: say so instead of drawing zeros (or 100 % everywhere)
			const conflict = rows.length ? ageFilterConflict(id, ctx.filters.altersgruppe, data.ignored, ctx.lang) : null;
			if (conflict)
				return { title, option: null, summary: conflict, table: null, height: hbarHeight(rows.length, opts), source: opts.source, notes: [] };
			if (id === 'teilnehmende_65plus_je_1000_65plus' && rows.some((r) => r.value === null))
				notes.push(tr('chart.aeltere.noValue65'));
			if (id === 'anteil_teilnehmende_65plus' && rows.some((r) => r.value === null))
				notes.push(tr('chart.aeltere.noValueShare'));
			// no participation 65+ at all (e.g. an Amt without activity): say so instead of "highest 0, lowest 0"
			const allZero = rows.length > 0 && rows.every((r) => r.value === 0 || r.value === null) && rows.some((r) => r.value === 0);
			const summary = !rows.length
				? ''
				: allZero
					? tr('chart.aeltere.allZero', { title, period: opts.period ?? '', n: rows.length })
					: withAboveThousand(summariseBarAreas(rows, opts), id === 'teilnehmende_65plus_je_1000_65plus' ? rows.map((r) => r.value) : [], def.unit[ctx.lang], ctx.lang);
			return {
				title,
				option: rows.length ? buildBarAreasOption(rows, opts) : null,
				summary,
				table: rows.length ? tableBarAreas(rows, opts) : null,
				height: hbarHeight(rows.length, opts),
				source: opts.source,
				notes
			};
		}
	});
}

export const reichweiteSpec = gemeindeSpec('teilnehmende_65plus_je_1000_65plus', 'aeltere-reichweite-65plus');
export const anteilSpec = gemeindeSpec('anteil_teilnehmende_65plus', 'aeltere-anteil-65plus');

// ---------------------------------------------------------------------------------------------
// coverage of the Amt: share of Gemeinden and of inhabitants with a contact in 12 months

interface CoverageData {
	gemeinden: IndicatorRow | null;
	bevoelkerung: IndicatorRow | null;
	ignored: FilterKey[];
}

const COVERAGE_IDS = ['abdeckung_gemeinden', 'abdeckung_bevoelkerung'];

export const abdeckungSpec: ChartSpec = spec<CoverageData>({
	id: 'aeltere-abdeckung',
	indicators: COVERAGE_IDS,
	async load(db, f) {
		const [g, b] = await Promise.all(COVERAGE_IDS.map((id) => run(db, id, f, 'verband', [f.amt])));
		return { gemeinden: g.rows[0] ?? null, bevoelkerung: b.rows[0] ?? null, ignored: g.ignored };
	},
	render(data, ctx, o) {
		const tr = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(ctx.lang, k, p);
		const title = tr('chart.aeltere.coverage.title', { amt: ctx.amtName });
		const window = coverageWindow(ctx.filters, ctx.lang);
		const opts = { ...aeltereOpts(ctx, o, COVERAGE_IDS, title, '%', window), categoryLabel: tr('chart.aeltere.coverage.share'), digits: 1 };
		const g = data.gemeinden;
		const b = data.bevoelkerung;
		const items: CategoryDatum[] = [
			{ key: 'gemeinden', label: tr('chart.aeltere.coverage.gemeinden'), value: g?.value ?? null },
			{ key: 'bevoelkerung', label: tr('chart.aeltere.coverage.bevoelkerung'), value: b?.value ?? null }
		];
		const empty = !g && !b;
		const n = (v: number | null | undefined) => fmtValue(v ?? null, ctx.lang, 0);
		const p = (v: number | null | undefined) => fmtPercent(v ?? null, ctx.lang, 1);
		const summary = empty
			? ''
			: tr('chart.aeltere.coverage.summary', {
					amt: ctx.amtName,
					window,
					gNum: n(g?.numerator),
					gDen: n(g?.denominator),
					gPct: p(g?.value),
					bPct: p(b?.value),
					bNum: n(b?.numerator),
					bDen: n(b?.denominator)
				});
		const table = empty ? null : tableBarCategories(items, opts);
		if (table) {
			table.columns.push(
				{ key: 'numerator', label: tr('chart.aeltere.coverage.withContact'), numeric: true, digits: 0 },
				{ key: 'denominator', label: tr('chart.aeltere.coverage.total'), numeric: true, digits: 0 }
			);
			table.rows = [
				[...table.rows[0], g?.numerator ?? null, g?.denominator ?? null],
				[...table.rows[1], b?.numerator ?? null, b?.denominator ?? null]
			];
		}
		return {
			title,
			option: empty ? null : buildBarCategoriesOption(items, opts),
			summary,
			table,
			height: hbarHeight(2, opts) + 20,
			source: opts.source,
			notes: [...caveats(COVERAGE_IDS, ctx.lang), ...ignoredNote(data.ignored, ctx.lang)]
		};
	}
});

// ---------------------------------------------------------------------------------------------
// Gemeinden without contact in the 12-month window (with their population)

interface OhneKontaktData {
	rows: IndicatorRow[];
	/** number of Gemeinden of the Amt */
	total: number;
	ignored: FilterKey[];
}

export const ohneKontaktSpec: ChartSpec = spec<OhneKontaktData>({
	id: 'aeltere-ohne-kontakt',
	indicators: ['gemeinden_ohne_kontakt'],
	async load(db, f) {
		const [list, gem] = await Promise.all([run(db, 'gemeinden_ohne_kontakt', f, 'verband', [f.amt]), amtGemeinden(db, f.amt)]);
		return { rows: list.rows, total: gem.length, ignored: list.ignored };
	},
	render(data, ctx, o) {
		const tr = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(ctx.lang, k, p);
		const def = getIndicator('gemeinden_ohne_kontakt');
		const title = `${def.title[ctx.lang]} – ${ctx.amtName}`;
		const window = coverageWindow(ctx.filters, ctx.lang);
		const opts = { ...aeltereOpts(ctx, o, ['gemeinden_ohne_kontakt'], title, def.unit[ctx.lang], window), categoryLabel: tr('chart.aeltere.gemeinde'), sort: true, digits: 0 };
		const items: CategoryDatum[] = data.rows.map((r) => ({ key: r.category_key, label: r.category ?? r.name, value: r.value ?? null }));
		const names = fmtList([...items].sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.label.localeCompare(b.label, ctx.lang)).map((i) => i.label), ctx.lang);
		const sum = items.reduce((s, i) => s + (i.value ?? 0), 0);
		const ew = fmtWithUnit(sum, ctx.lang, def.unit[ctx.lang], 0);
		let summary: string;
		if (data.total === 0) summary = '';
		else if (!items.length) summary = tr('chart.aeltere.ohneKontakt.all', { amt: ctx.amtName, window, n: data.total });
		else if (items.length === data.total) summary = tr('chart.aeltere.ohneKontakt.none', { amt: ctx.amtName, window, n: data.total, ew });
		else summary = tr('chart.aeltere.ohneKontakt.some', { amt: ctx.amtName, window, k: items.length, n: data.total, names, ew });
		return {
			title,
			option: items.length ? buildBarCategoriesOption(items, opts) : null,
			summary,
			table: items.length ? tableBarCategories(items, opts) : null,
			height: hbarHeight(items.length, opts),
			source: opts.source,
			notes: [...caveats(['gemeinden_ohne_kontakt'], ctx.lang), ...ignoredNote(data.ignored, ctx.lang)]
		};
	}
});

// ---------------------------------------------------------------------------------------------
// analoger Zwilling: analog vs online per digital offer, and offers only served online

/** with a format filter the analog/online balance follows from the filter: say so */
function formatFilterNote(f: ViewFilters, lang: Lang): string[] {
	if (!f.format.length) return [];
	return [translate(lang, 'chart.aeltere.formatFilter', { list: fmtList(f.format, lang) })];
}

interface ZwillingData {
	rows: IndicatorRow[];
	ignored: FilterKey[];
}

export const zwillingSpec: ChartSpec = spec<ZwillingData>({
	id: 'aeltere-zwilling-angebote',
	indicators: ['analog_anteil_angebot'],
	load: (db, f) => run(db, 'analog_anteil_angebot', f, 'verband', [f.amt]),
	render(data, ctx, o) {
		const tr = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(ctx.lang, k, p);
		const def = getIndicator('analog_anteil_angebot');
		const title = tr('chart.aeltere.zwilling.title', { amt: ctx.amtName });
		const period = periodShort(ctx.filters, ctx.lang);
		const withContacts = data.rows.filter((r) => (r.denominator ?? 0) > 0);
		const without = data.rows.filter((r) => !((r.denominator ?? 0) > 0)).map((r) => r.category ?? '');
		// lowest analog share first: the offers whose analog twin is weakest are on top
		const sorted = [...withContacts].sort((a, b) => (a.value ?? 0) - (b.value ?? 0) || (a.category ?? '').localeCompare(b.category ?? '', ctx.lang));
		// one bar per offer, two segments: analog and online contacts (shares computed from the counts)
		const stacked: IndicatorRow[] = sorted.flatMap((r) => {
			const key = r.category ?? '';
			const analog = r.numerator ?? 0;
			const online = (r.denominator ?? 0) - analog;
			const base = { level: r.level, key, name: key, land: r.land, denominator: r.denominator };
			return [
				{ ...base, category: 'analog', value: r.value, numerator: analog },
				{ ...base, category: 'online', value: r.value === null ? null : 100 - r.value, numerator: online }
			];
		});
		const opts = {
			...aeltereOpts(ctx, o, ['analog_anteil_angebot'], title, tr('chart.aeltere.zwilling.unit'), period),
			categories: ['analog', 'online'],
			categoryLabels: { analog: 'Analog', online: 'Online' },
			normalise: true,
			areaLabel: tr('chart.aeltere.angebot')
		};
		const p = (v: number | null | undefined) => fmtPercent(v ?? null, ctx.lang, 1);
		let summary = '';
		if (sorted.length) {
			const lo = sorted[0];
			const hi = sorted[sorted.length - 1];
			const mostly = sorted.filter((r) => (r.value ?? 0) > 50).length;
			const range =
				lo.value === hi.value && sorted.length > 1
					? tr('chart.aeltere.zwilling.rangeSame', { n: sorted.length, p: p(lo.value) })
					: sorted.length === 1
						? tr('chart.aeltere.zwilling.rangeOne', { offer: lo.category ?? '', p: p(lo.value) })
						: tr('chart.aeltere.zwilling.range', { lo: p(lo.value), loOffer: lo.category ?? '', hi: p(hi.value), hiOffer: hi.category ?? '' });
			summary = tr('chart.aeltere.zwilling.summary', { amt: ctx.amtName, period, range, mostly, n: sorted.length });
		}
		const table = sorted.length ? tableStackedShare(stacked, opts) : null;
		if (table) {
			table.columns.push(
				{ key: 'analog_n', label: def.numerator[ctx.lang], numeric: true, digits: 0 },
				{ key: 'online_n', label: tr('chart.aeltere.zwilling.online'), numeric: true, digits: 0 }
			);
			table.rows = table.rows.map((row, i) => [...row, sorted[i].numerator ?? null, (sorted[i].denominator ?? 0) - (sorted[i].numerator ?? 0)]);
		}
		const notes = [...caveats(['analog_anteil_angebot'], ctx.lang), ...formatFilterNote(ctx.filters, ctx.lang)];
		if (without.length)
			notes.push(tr('chart.aeltere.zwilling.without', { list: fmtList(without, ctx.lang) }));
		notes.push(...ignoredNote(data.ignored, ctx.lang));
		return {
			title,
			option: sorted.length ? buildStackedShareOption(stacked, opts) : null,
			summary,
			table,
			height: hbarHeight(sorted.length, opts) + 30,
			source: opts.source,
			notes
		};
	}
});

interface OhneAnalogData extends ZwillingData {
	/** any analog or online contact about a digital offer in the period (else there is nothing to say) */
	anyContacts: boolean;
}

export const ohneAnalogSpec: ChartSpec = spec<OhneAnalogData>({
	id: 'aeltere-ohne-analog',
	indicators: ['angebote_ohne_analog'],
	async load(db, f) {
		const [list, all] = await Promise.all([run(db, 'angebote_ohne_analog', f, 'verband', [f.amt]), run(db, 'analog_anteil_angebot', f, 'verband', [f.amt])]);
		return { ...list, anyContacts: all.rows.some((r) => (r.denominator ?? 0) > 0) };
	},
	render(data, ctx, o) {
		const tr = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(ctx.lang, k, p);
		const def = getIndicator('angebote_ohne_analog');
		const title = `${def.title[ctx.lang]} – ${ctx.amtName}`;
		const period = periodShort(ctx.filters, ctx.lang);
		const opts = { ...aeltereOpts(ctx, o, ['angebote_ohne_analog'], title, def.unit[ctx.lang], period), categoryLabel: tr('chart.aeltere.angebot'), sort: true, digits: 0 };
		const items: CategoryDatum[] = data.rows.map((r) => ({ key: r.category_key ?? r.category, label: r.category ?? r.name, value: r.value ?? null }));
		const names = fmtList(items.map((i) => i.label), ctx.lang);
		let summary = '';
		if (items.length) summary = tr(items.length === 1 ? 'chart.aeltere.ohneAnalog.one' : 'chart.aeltere.ohneAnalog.many', { amt: ctx.amtName, period, n: items.length, names });
		else if (data.anyContacts) summary = tr('chart.aeltere.ohneAnalog.every', { amt: ctx.amtName, period });
		return {
			title,
			option: items.length ? buildBarCategoriesOption(items, opts) : null,
			summary,
			table: items.length ? tableBarCategories(items, opts) : null,
			height: hbarHeight(items.length, opts),
			source: opts.source,
			notes: [...caveats(['angebote_ohne_analog'], ctx.lang), ...formatFilterNote(ctx.filters, ctx.lang), ...ignoredNote(data.ignored, ctx.lang)]
		};
	}
});

export const AELTERE_CHARTS: ChartSpec[] = [reichweiteSpec, anteilSpec, abdeckungSpec, ohneKontaktSpec, zwillingSpec, ohneAnalogSpec];
