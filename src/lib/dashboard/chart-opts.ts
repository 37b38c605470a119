/**
 * The builder options every chart of a page shares: language, sample mark, Stand, period and
 * how it is drawn (screen or export) come from the view; title, unit and source from the spec.
 */
import type { ChartOpts } from '../charts';
import { periodShort } from './filters';
import type { RenderOpts, ViewContext } from './spec';

export function chartOpts(ctx: ViewContext, o: RenderOpts, x: { title: string; unit: string; source: string; period?: string | null }): ChartOpts & { source: string } {
	return {
		lang: ctx.lang,
		title: x.title,
		unit: x.unit,
		sample: ctx.sample,
		source: x.source,
		stand: ctx.stand,
		// null: a chart without a period (e.g. programme months); default: the filters' period
		period: x.period === null ? undefined : (x.period ?? periodShort(ctx.filters, ctx.lang)),
		showTitle: o.showTitle,
		animation: o.animation
	};
}
