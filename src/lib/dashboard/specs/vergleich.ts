/**
 * Ämter-Vergleich: one MV Amt beside its BW peer group, all of BW and all of MV — one dot/range
 * chart per headline indicator (units differ, see charts/README.md) — and the contacts per
 * 1,000 inhabitants aligned to programme start.
 */
import {
	buildAlignedCurvesOption,
	buildDotRangeOption,
	fmtValue,
	summariseAlignedCurves,
	summariseDotRange,
	tableAlignedCurves,
	tableDotRange,
	withAboveThousand
} from '../../charts';
import { alignedPeerComparison } from '../../compare/aligned';
import { amtComparison, HEADLINE_INDICATORS, type AmtComparison } from '../../compare/amt-comparison';
import { getIndicator } from '../../indicators/registry';
import { hasActivityFilter, indicatorParams, paramsFor, periodEnd, type ViewFilters } from '../filters';
import { ageFilterConflict, estimateNote, estimateTitle, ignoredNote } from '../notes';
import { sourceText } from '../sources';
import { chartOpts } from '../chart-opts';
import { spec, type ChartSpec } from '../spec';
import { translate } from '../../i18n/translate';
import type { Reader } from '../../db/types';
import { DEFAULT_K } from '../../compare/peers';

/**
 * All headline indicators in one pass (one peer group, three statements: see amtComparison). The
 * nine charts each ask for it; through the coordinator every statement is answered once (the
 * results are keyed by their SQL text).
 */
export async function comparisonAll(q: Reader, f: ViewFilters): Promise<AmtComparison> {
	return amtComparison(q, {
		amt: f.amt,
		amt2: f.amt2 || undefined,
		from: `${f.from}-01`,
		to: `${f.to}-01`,
		filters: indicatorParams(f, 'verband').filters,
		k: DEFAULT_K
	});
}

function dotRangeSpec(id: string): ChartSpec {
	return spec<AmtComparison>({
		id: `vergleich-${id}`,
		indicators: [id],
		load: (q, f) => comparisonAll(q, f),
		render(data, ctx, o) {
			const r = data.rows.find((x) => x.indicatorId === id);
			const def = getIndicator(id);
			const title = estimateTitle(def.title[ctx.lang], !!r?.estimate, ctx.lang);
			// the dot-range builder takes the unit from the comparison row
			const opts = { ...chartOpts(ctx, o, { title, unit: '', source: sourceText([id], ctx.sample, ctx.lang) }), unit: undefined, amtName: ctx.amtName, amt2Name: ctx.amt2Name };
			const { ignored } = paramsFor(def.filters, ctx.filters, 'verband');
			const peers = translate(ctx.lang, 'chart.vergleich.peers', { n: data.peerGroup.size });
			// a filter that contradicts the chart ("unter 50" on a 65+ indicator): said, not drawn as zeros
			const conflict = r ? ageFilterConflict(id, ctx.filters.altersgruppe, ignored, ctx.lang) : null;
			if (conflict) return { title, option: null, summary: conflict, table: null, height: o.showTitle ? 260 : 190, source: opts.source, notes: [peers] };
			return {
				title,
				option: r ? buildDotRangeOption(r, opts) : null,
				// participations, not people: a rate above 1,000 per 1,000 gets a plain sentence
				summary: r
					? withAboveThousand(summariseDotRange(r, opts), id === 'teilnehmende_65plus_je_1000_65plus' ? [r.amtValue, r.second?.value, r.peerMedian, r.mvMedian, r.bwMedian] : [], def.unit[ctx.lang], ctx.lang)
					: '',
				table: r ? tableDotRange([r], opts) : null,
				height: o.showTitle ? 260 : 190,
				source: opts.source,
				notes: [peers, translate(ctx.lang, 'chart.note.medianVsLand'), ...estimateNote(!!r?.estimate, ctx.lang), ...ignoredNote(ignored, ctx.lang)],
				keyFigure:
					r && r.amtValue !== null
						? {
								label: ctx.amtName,
								value: fmtValue(r.amtValue, ctx.lang, 1),
								unit: r.unit[ctx.lang],
								...(ctx.amt2Name && r.second ? { second: { label: ctx.amt2Name, value: fmtValue(r.second.value, ctx.lang, 1) } } : {})
							}
						: undefined
			};
		}
	});
}

type Aligned = Awaited<ReturnType<typeof alignedPeerComparison>>;

export const alignedSpec: ChartSpec = spec<Aligned>({
	id: 'vergleich-programmstart',
	indicators: ['kontakte_je_1000'],
	// up to the end of the chosen period: "how far had the Amt come by then, compared with its peers at the same programme age"
	load: async (q, f) =>
		alignedPeerComparison(q, {
			amt: f.amt,
			until: periodEnd(f),
			filters: hasActivityFilter(f) ? indicatorParams(f, 'verband').filters : undefined,
			maxMonths: 60,
			k: DEFAULT_K
		}),
	render(data, ctx, o) {
		const title = translate(ctx.lang, 'chart.vergleich.aligned.title');
		const opts = {
			...chartOpts(ctx, o, {
				title,
				unit: translate(ctx.lang, 'chart.vergleich.aligned.unit'),
				source: sourceText(['kontakte_je_1000'], ctx.sample, ctx.lang),
				// programme months, not calendar months
				period: null
			}),
			amtName: ctx.amtName
		};
		// the peers' curve a year beyond the Amt's own programme age: enough to see where it leads,
		// without squeezing the Amt's months into a corner of a five-year axis
		const amtMonths = data.amt.reduce((m, r) => Math.max(m, r.programm_monat), 0);
		const peerCurve = amtMonths ? data.peerCurve.filter((p) => p.programm_monat <= amtMonths + 12) : data.peerCurve;
		const input = { amt: data.amt, peerCurve };
		const empty = data.amt.length === 0 && data.peerCurve.length === 0;
		return {
			title,
			option: empty ? null : buildAlignedCurvesOption(input, opts),
			summary: empty ? '' : summariseAlignedCurves(input, opts),
			table: empty ? null : tableAlignedCurves(input, opts),
			height: o.showTitle ? 420 : 360,
			source: opts.source,
			notes: [translate(ctx.lang, 'chart.vergleich.aligned.note')]
		};
	}
});

export const VERGLEICH_CHARTS: ChartSpec[] = [...HEADLINE_INDICATORS.map(dotRangeSpec), alignedSpec];
