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
	tableDotRange
} from '../../charts';
import { alignedPeerComparison } from '../../compare/aligned';
import { amtComparison, HEADLINE_INDICATORS, type AmtComparison } from '../../compare/amt-comparison';
import { getIndicator } from '../../indicators/registry';
import { hasActivityFilter, indicatorParams, paramsFor, periodEnd, type ViewFilters } from '../filters';
import { estimateNote, ignoredNote } from '../notes';
import { sourceText } from '../sources';
import { chartOpts } from '../chart-opts';
import { spec, type ChartSpec } from '../spec';
import type { QueryCache } from '../../db/query-cache';
import type { Db } from '../../db/types';
import { DEFAULT_K, peerGroup, type PeerGroup } from '../../compare/peers';

/**
 * All headline indicators in one pass (one peer group), shared by the nine charts through the
 * cache; without a cache (tests, scripts) everything is computed afresh and nothing is kept.
 */
export function comparisonAll(db: Db, f: ViewFilters, cache?: QueryCache): Promise<AmtComparison> {
	const run = async () =>
		amtComparison(db, {
			amt: f.amt,
			from: `${f.from}-01`,
			to: `${f.to}-01`,
			filters: indicatorParams(f, 'verband').filters,
			peerGroup: await cachedPeerGroup(db, f.amt, cache),
			cache
		});
	return cache ? cache.get(`vergleich:${JSON.stringify(f)}`, run) : run();
}

export function cachedPeerGroup(db: Db, amt: string, cache?: QueryCache): Promise<PeerGroup> {
	const run = () => peerGroup(db, amt, DEFAULT_K);
	return cache ? cache.get(`peers:${amt}`, run) : run();
}

function dotRangeSpec(id: string): ChartSpec {
	return spec<AmtComparison>({
		id: `vergleich-${id}`,
		indicators: [id],
		load: (db, f, cache) => comparisonAll(db, f, cache),
		render(data, ctx, o) {
			const r = data.rows.find((x) => x.indicatorId === id);
			const def = getIndicator(id);
			const title = def.title[ctx.lang];
			// the dot-range builder takes the unit from the comparison row
			const opts = { ...chartOpts(ctx, o, { title, unit: '', source: sourceText([id], ctx.sample, ctx.lang) }), unit: undefined, amtName: ctx.amtName };
			const { ignored } = paramsFor(def.filters, ctx.filters, 'verband');
			const peers = ctx.lang === 'de' ? `Vergleichsgruppe: ${data.peerGroup.size} BW-Verbände` : `Peer group: ${data.peerGroup.size} BW associations`;
			return {
				title,
				option: r ? buildDotRangeOption(r, opts) : null,
				summary: r ? summariseDotRange(r, opts) : '',
				table: r ? tableDotRange([r], opts) : null,
				height: o.showTitle ? 260 : 190,
				source: opts.source,
				notes: [peers, ...estimateNote(!!r?.estimate, ctx.lang), ...ignoredNote(ignored, ctx.lang)],
				keyFigure: r && r.amtValue !== null ? { label: ctx.amtName, value: fmtValue(r.amtValue, ctx.lang, 1), unit: r.unit[ctx.lang] } : undefined
			};
		}
	});
}

type Aligned = Awaited<ReturnType<typeof alignedPeerComparison>>;

export const alignedSpec: ChartSpec = spec<Aligned>({
	id: 'vergleich-programmstart',
	indicators: ['kontakte_je_1000'],
	// up to the end of the chosen period: "how far had the Amt come by then, compared with its peers at the same programme age"
	load: async (db, f, cache) =>
		alignedPeerComparison(db, {
			amt: f.amt,
			until: periodEnd(f),
			filters: hasActivityFilter(f) ? indicatorParams(f, 'verband').filters : undefined,
			maxMonths: 60,
			peerGroup: await cachedPeerGroup(db, f.amt, cache),
			cache
		}),
	render(data, ctx, o) {
		const title = ctx.lang === 'de' ? 'Kontakte je 1.000 Einwohner seit Programmstart' : 'Contacts per 1,000 inhabitants since programme start';
		const opts = {
			...chartOpts(ctx, o, {
				title,
				unit: ctx.lang === 'de' ? 'Kontakte je 1.000 Einwohner' : 'contacts per 1,000 inhabitants',
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
			notes: [
				ctx.lang === 'de'
					? 'Monat 1 = erster Kalendermonat mit einem Einsatz im Gebiet; die Linie der Vergleichsgruppe ist der Median der BW-Verbände, die diesen Programmmonat erreicht haben.'
					: 'Month 1 = first calendar month with an activity in the area; the peer line is the median of the BW associations that have reached that programme month.'
			]
		};
	}
});

export const VERGLEICH_CHARTS: ChartSpec[] = [...HEADLINE_INDICATORS.map(dotRangeSpec), alignedSpec];
