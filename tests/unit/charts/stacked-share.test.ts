/** stacked-share: 100 % bars of category shares per area. */
import { describe, it, expect } from 'vitest';
import { buildStackedShareOption, shareModel, summariseStackedShare, tableStackedShare, type StackedShareOpts } from '../../../src/lib/charts/stacked-share';
import { BASE, EVIL, EVIL_ESCAPED, MIX, axis, expectCommon, expectSsr, mixRows, series, tip, values } from './fixtures';

const de: StackedShareOpts = { ...BASE, lang: 'de', title: 'Formatmix', unit: '% der Kontakte', highlight: ['a'] };
const en: StackedShareOpts = { ...de, lang: 'en', title: 'Format mix', unit: '% of contacts' };

describe('stacked-share option', () => {
	const o = buildStackedShareOption(MIX, de);

	it('one stacked series per category, missing areas as "–"', () => {
		expect(values(o, 'cat:Sprechstunde')).toEqual([50, 10, null, 60]);
		expect(values(o, 'cat:Hausbesuch')).toEqual([30, 20, null, 40]);
		expect(values(o, 'cat:Online')).toEqual([20, 70, null, 0]);
		expect(values(o, 'missing')).toEqual([null, null, 0, null]);
		const cats = (o.series as { id: string; stack: string; itemStyle: { decal: unknown; color: string } }[]).filter((s) => s.id.startsWith('cat:'));
		expect(new Set(cats.map((s) => s.stack))).toEqual(new Set(['share']));
		expect(new Set(cats.map((s) => JSON.stringify(s.itemStyle.decal))).size).toBe(3);
		expect(new Set(cats.map((s) => s.itemStyle.color)).size).toBe(3);
		expect((o.legend as { data: string[] }).data).toEqual(['Sprechstunde', 'Hausbesuch', 'Online']);
		expect(axis(o, 'yAxis').data).toEqual([{ value: 'a', textStyle: { fontWeight: 'bold' } }, 'b', 'c', 'd']);
		expect(axis(o, 'yAxis').axisLabel.formatter('c')).toBe(EVIL);
	});

	it('category order and labels; shares from counts', () => {
		const p = buildStackedShareOption(MIX, { ...de, categories: ['Online'], categoryLabels: { Online: 'Online-Beratung' } });
		expect((p.series as { name: string }[]).map((s) => s.name).slice(0, 3)).toEqual(['Online-Beratung', 'Sprechstunde', 'Hausbesuch']);
		const counts = mixRows([['x', 'X', [1, 1, 2]]]).map((r) => ({ ...r, numerator: r.value, value: null }));
		expect(shareModel(counts, { ...de, normalise: true }).share).toEqual([[25, 25, 50]]);
	});

	it('percent axis per language, 0–100', () => {
		expect(axis(o, 'xAxis').axisLabel.formatter(50)).toBe('50\u00a0%');
		expect(axis(buildStackedShareOption(MIX, en), 'xAxis').axisLabel.formatter(50)).toBe('50%');
		expect(o.xAxis).toMatchObject({ min: 0, max: 100 });
	});

	it('carries aria, decals, title and source', () => {
		expectCommon(o, 'Formatmix', true);
		expectCommon(buildStackedShareOption(MIX, { ...en, sample: false }), 'Format mix', false, 'en');
		expect(buildStackedShareOption(MIX, { ...de, animation: false }).animation).toBe(false);
	});

	it('tooltip: area, category, share and count, escaped', () => {
		expect(tip(o, { seriesIndex: 0, dataIndex: 0, marker: '' })).toBe('<div style="font-weight:bold">Dömitz</div>Sprechstunde: <b>50,0\u00a0% (5)</b>');
		const html = tip(o, { seriesIndex: 1, dataIndex: 2, marker: '' });
		expect(html).toBe(`<div style="font-weight:bold">${EVIL_ESCAPED}</div>Hausbesuch: <b>–</b>`);
	});
});

describe('stacked-share summary', () => {
	it('largest shares of the highlighted area and across areas (de, en)', () => {
		expect(summariseStackedShare(MIX, de)).toBe(
			`Dömitz (2025): den größten Anteil hat Sprechstunde (50,0\u00a0%), danach Hausbesuch (30,0\u00a0%); Sprechstunde ist in 2 von 3 Gebieten der größte Anteil; ohne Daten (–): ${EVIL}.`
		);
		expect(summariseStackedShare(MIX, en)).toBe(
			`Dömitz (2025): the largest share is Sprechstunde (50.0%), followed by Hausbesuch (30.0%); Sprechstunde is the largest share in 2 of 3 areas; no data (–): ${EVIL}.`
		);
	});

	it('"–" for an area without data; empty input', () => {
		expect(summariseStackedShare(MIX, { ...de, highlight: ['c'] })).toBe(
			`${EVIL} (2025): –; Sprechstunde ist in 2 von 3 Gebieten der größte Anteil; ohne Daten (–): ${EVIL}.`
		);
		expect(summariseStackedShare([], en)).toBe('Format mix (2025): no data.');
	});
});

describe('stacked-share table and SSR', () => {
	it('wide table: one column per category', () => {
		const t = tableStackedShare(MIX, de);
		expect(t.columns.map((c) => c.label)).toEqual(['Gebiet', 'Sprechstunde (%)', 'Hausbesuch (%)', 'Online (%)']);
		expect(t.rows).toEqual([
			['Dömitz', 50, 30, 20],
			['Malliß', 10, 20, 70],
			[EVIL, null, null, null],
			['Vielank', 60, 40, 0]
		]);
	});

	it('renders to SVG with patterns', () => {
		const svg = expectSsr(buildStackedShareOption(MIX, de), 'Formatmix', summariseStackedShare(MIX, de));
		expect(svg).toContain(EVIL_ESCAPED);
		expect(svg).toContain('<pattern');
		expect(svg).toContain('>–<');
	});
});
