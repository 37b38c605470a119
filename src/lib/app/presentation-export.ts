/**
 * Browser only: the saved presentation as a PowerPoint file, slides in the saved order, each
 * chart with the filters it was added with; title slide with the presentation's title.
 * Charts whose chart id is unknown now are skipped (the list says so).
 */
import type { PresentationItem } from '$lib/dashboard/presentation';
import { findChart } from '$lib/dashboard/pages';
import { periodLabel } from '$lib/dashboard/filters';
import { exportChart } from '$lib/export/chart-export';
import { buildPptx, type DeckSlide } from '$lib/export/pptx';
import { safeFileName } from '$lib/export/filename';
import { i18n } from '$lib/i18n';
import { app } from './state.svelte';
import { coordinator } from './load';
import { viewContext } from './view.svelte';
import { deckSlide } from './report';

export async function presentationPptx(
	title: string,
	items: PresentationItem[],
	progress: (n: number, total: number) => void
): Promise<{ name: string; bytes: Uint8Array }> {
	const slides: DeckSlide[] = [];
	const periods = new Set<string>();
	const amts = new Set<string>();
	for (let i = 0; i < items.length; i++) {
		progress(i + 1, items.length);
		const it = items[i];
		const found = findChart(it.chartId);
		if (!found) continue;
		const ctx = viewContext(it.filters);
		const data = await coordinator().request((q) => found.spec.load(q, it.filters));
		const x = exportChart(found.spec, data, ctx);
		if (!x.rendered.option) continue;
		slides.push(await deckSlide(x, ctx));
		periods.add(periodLabel(it.filters, i18n.lang));
		amts.add(ctx.amtName);
	}
	const bytes = await buildPptx({
		lang: i18n.lang,
		title,
		// one Amt and one period: say them on the title slide; mixed sets: each slide says its own
		subtitle: amts.size === 1 && periods.size === 1 ? `${[...amts][0]} · ${[...periods][0]}` : undefined,
		sample: app.sampleShown,
		slides
	});
	return { name: safeFileName(title, 'pptx', { sample: app.sampleShown, lang: i18n.lang }), bytes };
}
