/** exportChart: a spec rendered for files (title drawn, no animation) with the meta every file carries. */
import { describe, it, expect } from 'vitest';
import { captionLine, exportChart } from '../../../src/lib/export/chart-export';
import { tableToCsv } from '../../../src/lib/export/table-csv';
import { spec } from '../../../src/lib/dashboard/spec';
import { defaultFilters } from '../../../src/lib/dashboard/filters';
import { buildBarCategoriesOption, summariseBarCategories, tableBarCategories } from '../../../src/lib/charts';

const data = [
	{ label: '=HYPERLINK("http://x")', value: 1234.5 },
	{ label: 'Hausbesuch', value: 10 }
];
const s = spec<typeof data>({
	id: 'test',
	indicators: ['formatmix'],
	load: async () => data,
	render(d, ctx, o) {
		const opts = { lang: ctx.lang, title: 'Formate', unit: 'Kontakte', sample: ctx.sample, showTitle: o.showTitle, animation: o.animation, source: 'Testquelle', stand: ctx.stand };
		return { title: 'Formate', option: buildBarCategoriesOption(d, opts), summary: summariseBarCategories(d, opts), table: tableBarCategories(d, opts), height: 200, source: 'Testquelle', notes: [] };
	}
});
const ctx = { lang: 'de' as const, filters: defaultFilters('2025-12'), amtName: 'Amt Dömitz-Malliß', sample: true, stand: '31.12.2025' };

describe('exportChart', () => {
	it('draws the title and source into the option and turns animation off', () => {
		const x = exportChart(s, data, ctx);
		const title = x.rendered.option!.title as { show: boolean; subtext: string };
		expect(title.show).toBe(true);
		expect(title.subtext).toBe('Quelle: Testquelle · Stand: 31.12.2025 · Beispieldaten');
		expect(x.rendered.option!.animation).toBe(false);
		expect(x.meta).toMatchObject({ title: 'Formate', period: '01.01.2025–31.12.2025', sample: true, amtName: 'Amt Dömitz-Malliß', stand: '31.12.2025' });
	});

	it('the caption line names source, Stand and Beispieldaten; en words in English', () => {
		expect(captionLine(exportChart(s, data, ctx).meta)).toBe('Quelle: Testquelle · Stand: 31.12.2025 · Beispieldaten');
		expect(captionLine(exportChart(s, data, { ...ctx, lang: 'en' }).meta)).toBe('Source: Testquelle · As of: 31.12.2025 · Sample data');
	});

	it('its CSV neutralises a formula that came from a file and keeps the number', () => {
		const x = exportChart(s, data, ctx);
		const csv = tableToCsv(x.rendered.table!, x.meta);
		expect(csv).toContain(`"'=HYPERLINK(""http://x"")";1234,5`);
		expect(csv).toContain('Zeitraum: 01.01.2025–31.12.2025');
	});
});

describe('wrapSubtext', () => {
	it('wraps a long source line and moves the plot down; short ones stay', async () => {
		const { wrapSubtext, chartSvg } = await import('../../../src/lib/export/render-image');
		const x = exportChart(s, data, ctx);
		expect(wrapSubtext(x.rendered.option!, 760).extra).toBe(0);
		const long = { ...x.rendered.option!, title: { ...(x.rendered.option!.title as object), subtext: 'Quelle: ' + 'sehr lange Quellenangabe; '.repeat(8) } };
		const w = wrapSubtext(long, 760);
		// 8 × 26 + 8 = 216 characters × 6.6 px ≈ 1426 px over 736 px → 2 lines → 16 px more
		expect(w.extra).toBe(16);
		expect((w.option.grid as { top: number }).top).toBe((long.grid as { top: number }).top + 16);
		const svg = chartSvg(w.option, { width: 760, height: 300, label: 'x' });
		// one <text> per line once wrapped
		expect(svg.match(/<text[^>]*>[^<]*Quellenangabe/g)!.length).toBe(2);
	});

	it('moves a map (no grid: series, legend, headings with a top) down too, and leaves bottom-anchored parts', async () => {
		const { wrapSubtext } = await import('../../../src/lib/export/render-image');
		const map = {
			title: { text: 'Karte', subtext: 'Quelle: ' + 'sehr lange Quellenangabe; '.repeat(8) },
			series: [{ type: 'map', map: 'm', top: 90 }],
			visualMap: { type: 'piecewise', top: 112 },
			graphic: [{ type: 'text', top: 64 }, { type: 'text', bottom: 4 }]
		} as never;
		const w = wrapSubtext(map, 760).option as unknown as { series: { top: number }[]; visualMap: { top: number }; graphic: { top?: number; bottom?: number }[] };
		expect(w.series[0].top).toBe(106);
		expect(w.visualMap.top).toBe(128);
		expect(w.graphic).toEqual([{ type: 'text', top: 80 }, { type: 'text', bottom: 4 }]);
	});
});
