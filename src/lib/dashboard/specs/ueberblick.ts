/**
 * Überblick (start page): headline figures of MV and BW at Land level with the chosen Amt beside
 * them (`loadKeyFigures` + `keyFiguresModel`, shown by KeyFigures.svelte as tiles with a <dl>
 * each), the monthly trend of contacts for MV, BW and the Amt, and the MV Ämter in the programme
 * ranked by contacts per 1,000 inhabitants with the chosen Amt highlighted.
 */
import { buildBarAreasOption, buildLineTrendOption, hbarHeight, summariseBarAreas, summariseLineTrend, tableBarAreas, tableLineTrend } from '../../charts';
import { autoDigits, fmtValue, fmtWithUnit } from '../../charts/format';
import type { Reader } from '../../db/types';
import { mvProgrammeAreas, verbandNames } from '../../indicators/areas';
import { getIndicator } from '../../indicators/registry';
import type { IndicatorRow } from '../../indicators/types';
import { paramsFor, periodShort, type ViewFilters } from '../filters';
import { chartOpts } from '../chart-opts';
import { runFiltered } from '../run';
import { estimateNote, ignoredNote } from '../notes';
import { translate } from '../../i18n/translate';
import { sourceText } from '../sources';
import { spec, type ChartSpec, type SlideFigure, type ViewContext } from '../spec';
import { programmeStats } from '../../compare/compare';
import type { Lang } from '../../i18n/messages';

const landName = (land: 'MV' | 'BW', lang: Lang) => translate(lang, land === 'MV' ? 'land.MV' : 'land.BW');

/** the rate whose Land total the summary sets beside the median of the Ämter in the programme */
const RATE_ID = 'kontakte_je_1000';

/* ------------------------------------------------------------------ key figures */

/** the headline figures, in the order of the tiles */
export const KEY_FIGURE_INDICATORS = ['lotsen_aktiv', 'kontakte', 'teilnehmende', 'kontakte_je_1000', 'teilnehmende_65plus_je_1000_65plus'] as const;

export interface KeyFigureData {
	id: string;
	mv: IndicatorRow | null;
	bw: IndicatorRow | null;
	amt: IndicatorRow | null;
}

export interface KeyFiguresData {
	amt: string;
	figures: KeyFigureData[];
	/**
	 * contacts per 1,000 inhabitants: the median of the Ämter and Verbände in the programme per
	 * Land (the "Median MV/BW" of the Ämter-Vergleich, the same statement), said beside the Land totals
	 */
	rateMedian: { MV: number | null; BW: number | null };
}

/** The headline figures for MV, BW (level land) and the Amt (level verband), each with the filters it can apply. */
export async function loadKeyFigures(db: Reader, f: ViewFilters): Promise<KeyFiguresData> {
	const figures: KeyFigureData[] = [];
	for (const id of KEY_FIGURE_INDICATORS) {
		const def = getIndicator(id);
		const land = (await runFiltered(db, id, f, 'land', ['MV', 'BW'])).rows;
		const amt = (await runFiltered(db, id, f, 'verband', [f.amt])).rows;
		figures.push({ id, mv: land.find((r) => r.key === 'MV') ?? null, bw: land.find((r) => r.key === 'BW') ?? null, amt: amt[0] ?? null });
	}
	const { params } = paramsFor(getIndicator(RATE_ID).filters, f, 'verband');
	const med = await programmeStats(db, RATE_ID, { from: params.from, to: params.to, filters: params.filters });
	return { amt: f.amt, figures, rateMedian: { MV: med.mv.median, BW: med.bw.median } };
}

export interface KeyFigureCell {
	/** column label: Land name or Amt name */
	label: string;
	value: number | null;
	/** the value formatted in the language ("–" when missing) */
	text: string;
	/** the Amt's column */
	highlight: boolean;
	estimate: boolean;
}

export interface KeyFigure {
	id: string;
	label: string;
	unit: string;
	digits: number;
	/** a value rests on an estimated denominator (65+ population) */
	estimate: boolean;
	cells: KeyFigureCell[];
	/** source text without "Quelle:" */
	source: string;
	notes: string[];
}

export interface KeyFiguresModel {
	period: string;
	figures: KeyFigure[];
	/**
	 * the contacts of MV, BW and the Amt, then which figures are Land totals, the median of the
	 * Ämter beside them and why the two differ (for screen readers and the page summary)
	 */
	summary: string;
	/** why the Land values here differ from the medians on the Ämter comparison */
	landNote: string;
}

/** Pure: the tiles' content in the language of `ctx`. */
export function keyFiguresModel(data: KeyFiguresData, ctx: ViewContext): KeyFiguresModel {
	const lang = ctx.lang;
	const period = periodShort(ctx.filters, lang);
	const figures = data.figures.map((fig): KeyFigure => {
		const def = getIndicator(fig.id);
		const rows = [fig.mv, fig.bw, fig.amt];
		const digits = def.factor ? 1 : autoDigits(rows.map((r) => r?.value));
		const cell = (label: string, r: IndicatorRow | null, highlight: boolean): KeyFigureCell => ({
			label,
			value: r?.value ?? null,
			text: fmtValue(r?.value ?? null, lang, digits),
			highlight,
			estimate: !!r?.estimate
		});
		const { ignored } = paramsFor(def.filters, ctx.filters, 'land');
		return {
			id: fig.id,
			label: def.title[lang],
			unit: def.unit[lang],
			digits,
			estimate: rows.some((r) => r?.estimate),
			cells: [cell(landName('MV', lang), fig.mv, false), cell(landName('BW', lang), fig.bw, false), cell(ctx.amtName, fig.amt, true)],
			source: sourceText([fig.id], ctx.sample, lang),
			notes: [...estimateNote(rows.some((r) => r?.estimate), lang), ...ignoredNote(ignored, lang)]
		};
	});
	const contacts = figures.find((x) => x.id === 'kontakte');
	const rate = figures.find((x) => x.id === RATE_ID);
	const c = (x: KeyFigure | undefined, i: number) => (x ? fmtWithUnit(x.cells[i].value, lang, x.unit, x.digits) : '–');
	const counts = translate(lang, 'chart.ueberblick.keySummary', {
		period,
		mv: landName('MV', lang),
		mvContacts: c(contacts, 0),
		mvRate: c(rate, 0),
		bw: landName('BW', lang),
		bwContacts: c(contacts, 1),
		bwRate: c(rate, 1),
		amt: ctx.amtName,
		amtContacts: c(contacts, 2),
		amtRate: c(rate, 2)
	});
	// the Land total and the median of the Ämter in one sentence: which is which, and why they differ
	const medians = translate(lang, 'chart.ueberblick.landVsMedian', {
		mvMedian: fmtValue(data.rateMedian.MV, lang, 1),
		bwMedian: fmtValue(data.rateMedian.BW, lang, 1),
		unit: getIndicator(RATE_ID).unit[lang]
	});
	const summary = `${counts} ${medians}`;
	return { period, figures, summary, landNote: translate(lang, 'chart.note.landVsMedian') };
}

/* ------------------------------------------------------------------ trend */

type TrendArea = 'MV' | 'BW' | 'amt';

function trendSpec(area: TrendArea): ChartSpec {
	const id = 'kontakte_trend';
	return spec<IndicatorRow[]>({
		id: `ueberblick-trend-${area.toLowerCase()}`,
		indicators: [id],
		load: async (db, f) => (area === 'amt' ? await runFiltered(db, id, f, 'verband', [f.amt]) : await runFiltered(db, id, f, 'land', [area])).rows,
		render(rows, ctx, o) {
			const def = getIndicator(id);
			const name = area === 'amt' ? ctx.amtName : landName(area, ctx.lang);
			const title = translate(ctx.lang, 'chart.ueberblick.trendTitle', { name });
			const opts = { ...chartOpts(ctx, o, { title, unit: def.unit[ctx.lang], source: sourceText([id], ctx.sample, ctx.lang) }), areaName: name };
			const { ignored } = paramsFor(def.filters, ctx.filters, area === 'amt' ? 'verband' : 'land');
			const empty = rows.length === 0;
			return {
				title,
				option: empty ? null : buildLineTrendOption(rows, opts),
				summary: empty ? '' : summariseLineTrend(rows, opts),
				table: empty ? null : tableLineTrend(rows, opts),
				height: o.showTitle ? 360 : 300,
				source: opts.source,
				notes: [...def.caveats.map((c) => c[ctx.lang]), ...ignoredNote(ignored, ctx.lang)]
			};
		}
	});
}

/* ------------------------------------------------------------------ ranking */

export { mvProgrammeAreas };

export const rankingSpec: ChartSpec = spec<IndicatorRow[]>({
	id: 'ueberblick-rangfolge',
	indicators: ['kontakte_je_1000'],
	load: async (db, f) => {
		const def = getIndicator('kontakte_je_1000');
		const areas = await mvProgrammeAreas(db, f.amt);
		const { rows } = await runFiltered(db, def.id, f, 'verband', areas);
		// names as the Amt filter shows them: "Amt Grabow", amtsfreie Gemeinden plain
		const byKey = await verbandNames(db, areas);
		return rows.map((r) => ({ ...r, name: byKey.get(r.key) ?? r.name }));
	},
	render(data, ctx, o) {
		const def = getIndicator('kontakte_je_1000');
		// the chosen Amt under the name the filter shows ("Amt Dömitz-Malliß")
		const rows = data.map((r) => (r.key === ctx.filters.amt ? { ...r, name: ctx.amtName } : r));
		const title = translate(ctx.lang, 'chart.ueberblick.rankingTitle');
		const opts = {
			...chartOpts(ctx, o, { title, unit: def.unit[ctx.lang], source: sourceText([def.id], ctx.sample, ctx.lang) }),
			highlight: [ctx.filters.amt],
			areaLabel: translate(ctx.lang, 'chart.ueberblick.rankingArea'),
			numeratorLabel: def.numerator[ctx.lang],
			denominatorLabel: def.denominator?.[ctx.lang]
		};
		const { ignored } = paramsFor(def.filters, ctx.filters, 'verband');
		const empty = rows.length === 0;
		return {
			title,
			option: empty ? null : buildBarAreasOption(rows, opts),
			summary: empty ? '' : summariseBarAreas(rows, opts),
			table: empty ? null : tableBarAreas(rows, opts),
			height: hbarHeight(rows.length, opts),
			source: opts.source,
			notes: [
				translate(ctx.lang, 'chart.ueberblick.rankingNote'),
				...ignoredNote(ignored, ctx.lang)
			],
			keyFigure: amtFigure(rows, ctx, def.unit[ctx.lang])
		};
	}
});

/** the chosen Amt's value in the ranking, for the slide's large figure */
function amtFigure(rows: IndicatorRow[], ctx: ViewContext, unit: string): SlideFigure | undefined {
	const r = rows.find((x) => x.key === ctx.filters.amt);
	return r && r.value !== null ? { label: ctx.amtName, value: fmtValue(r.value, ctx.lang, 1), unit } : undefined;
}

export const TREND_CHARTS: ChartSpec[] = [trendSpec('MV'), trendSpec('BW'), trendSpec('amt')];

/** every chart of the page, in page order (the key figures are a table, not a chart) */
export const UEBERBLICK_CHARTS: ChartSpec[] = [...TREND_CHARTS, rankingSpec];

