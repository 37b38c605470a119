/**
 * Browser only: the report pack for the current Amt and period. Every chart of REPORT_SPECS is
 * queried (one request to the app's coordinator: its statements wait behind the charts on screen), drawn off-screen with title and source, and put
 * on a slide (PNG 2×) or a worksheet (its data table). Progress is reported per chart.
 */
import { REPORT_SPECS } from '$lib/dashboard/report';
import type { ChartSpec, ViewContext } from '$lib/dashboard/spec';
import { periodLabel } from '$lib/dashboard/filters';
import { captionLine, EXPORT_SIZES, exportChart, type ExportChart } from '$lib/export/chart-export';
import { blobToDataUrl, chartSvg, svgToPng } from '$lib/export/render-image';
import { buildPptx, type DeckSlide } from '$lib/export/pptx';
import { tablesToXlsx } from '$lib/export/table-xlsx';
import { safeFileName } from '$lib/export/filename';
import { sourceText } from '$lib/dashboard/sources';
import { t } from '$lib/i18n';
import { coordinator } from './load';
import { ensureGeo } from './geo';
import { stateKey } from './view.svelte';

async function collect(ctx: ViewContext, specs: ChartSpec[], progress: (n: number, total: number) => void): Promise<ExportChart[]> {
	// maps read the boundaries, which load on first use
	if (specs.some((s) => s.geo)) await ensureGeo();
	// one request for the whole pack, at low priority; a second click for other filters replaces it
	const all = await coordinator().request(
		async (q) => {
			const data: unknown[] = [];
			for (let i = 0; i < specs.length; i++) {
				progress(i + 1, specs.length);
				data.push(await specs[i].load(q, ctx.filters));
			}
			return data;
		},
		{ client: 'report-pack', state: stateKey(ctx.filters), priority: -1 }
	);
	return specs.map((s, i) => exportChart(s, all[i], ctx)).filter((x) => x.rendered.option);
}

/** one chart as a PowerPoint slide: the image without title (the slide has it), caption and notes */
export async function deckSlide(c: ExportChart, ctx: ViewContext): Promise<DeckSlide> {
	const w = EXPORT_SIZES.slide.width;
	// the slide has the title and the caption (summary, source, Stand) already: the image without them
	const plain = c.spec.render(c.data, ctx, { showTitle: false, animation: false });
	// natural height at slide width: tall bar charts stay readable, buildPptx fits them on the slide
	const height = Math.max(plain.height + 20, 300);
	const png = await svgToPng(chartSvg(plain.option!, { width: w, height, label: c.rendered.summary }), { width: w, height, pixelRatio: EXPORT_SIZES.slide.pixelRatio });
	return {
		title: c.rendered.title,
		image: { data: await blobToDataUrl(png), width: w * 2, height: height * 2 },
		summary: c.rendered.summary,
		source: captionLine(c.meta),
		notes: c.rendered.notes
	};
}

export async function reportPptx(ctx: ViewContext, progress: (n: number, total: number) => void, specs = REPORT_SPECS): Promise<{ name: string; bytes: Uint8Array }> {
	const charts = await collect(ctx, specs, progress);
	const slides: DeckSlide[] = [];
	for (const c of charts) slides.push(await deckSlide(c, ctx));
	const title = t('report.deckTitle', { amt: ctx.amtName });
	const bytes = await buildPptx({
		lang: ctx.lang,
		title,
		subtitle: `${ctx.amtName} · ${periodLabel(ctx.filters, ctx.lang)}`,
		sample: ctx.sample,
		sourceNote: `${ctx.lang === 'de' ? 'Quellen' : 'Sources'}: ${sourceText(['teilnehmende_65plus_je_1000_65plus', 'abdeckung_gemeinden'], ctx.sample, ctx.lang)}`,
		slides
	});
	return { name: safeFileName(`${t('report.packTitle')} ${ctx.amtName} ${ctx.filters.from} ${ctx.filters.to}`, 'pptx', { sample: ctx.sample, lang: ctx.lang }), bytes };
}

export async function reportXlsx(ctx: ViewContext, progress: (n: number, total: number) => void, specs = REPORT_SPECS): Promise<{ name: string; bytes: Uint8Array }> {
	const charts = await collect(ctx, specs, progress);
	const sheets = charts.filter((c) => c.rendered.table).map((c) => ({ table: c.rendered.table!, meta: c.meta, name: c.rendered.title }));
	const title = t('report.deckTitle', { amt: ctx.amtName });
	const bytes = await tablesToXlsx(sheets, { title });
	return { name: safeFileName(`${t('report.packTitle')} ${ctx.amtName} ${ctx.filters.from} ${ctx.filters.to}`, 'xlsx', { sample: ctx.sample, lang: ctx.lang }), bytes };
}
