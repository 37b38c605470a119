/** bar-areas: sorted horizontal bars, highlight, "–" for missing values. */
import { describe, it, expect } from 'vitest';
import { buildBarAreasOption, summariseBarAreas, tableBarAreas, type BarAreasOpts } from '../../../src/lib/charts/bar-areas';
import { noDecal } from '../../../src/lib/charts/decals';
import { AREAS, BASE, EVIL, EVIL_ESCAPED, axis, expectCommon, expectSsr, series, tip, values } from './fixtures';

const de: BarAreasOpts = { ...BASE, lang: 'de', title: 'Reichweite bei Älteren', unit: 'je 1.000 Einw. ab 65', highlight: ['13076032'] };
const en: BarAreasOpts = { ...de, lang: 'en', title: 'Reach among older people', unit: 'per 1,000 aged 65+' };

describe('bar-areas option', () => {
	const o = buildBarAreasOption(AREAS, de);

	it('sorts highest first, missing last, and marks missing values with "–"', () => {
		expect(values(o, 'value')).toEqual([1234.5, 31.4, 20, 12, null]);
		expect(values(o, 'missing')).toEqual([null, null, null, null, 0]);
		expect(axis(o, 'yAxis').data).toEqual(['13076666', { value: '13076032', textStyle: { fontWeight: 'bold' } }, '13076098', '13076092', '13076148']);
		expect(axis(o, 'yAxis').axisLabel.formatter('13076666')).toBe(EVIL);
		expect((series(o, 'missing') as unknown as { label: { formatter: string } }).label.formatter).toBe('–');
	});

	it('highlights by colour and pattern', () => {
		const items = series(o, 'value').data as { itemStyle: { color: string; decal: unknown } }[];
		expect(items[1].itemStyle.decal).not.toBe('none');
		expect(items[0].itemStyle.decal).toEqual(noDecal());
		expect(items[1].itemStyle.color).not.toBe(items[0].itemStyle.color);
	});

	it('formats the value axis per language', () => {
		expect(axis(o, 'xAxis').axisLabel.formatter(1234.5)).toBe('1.234,5');
		expect(axis(buildBarAreasOption(AREAS, en), 'xAxis').axisLabel.formatter(1234.5)).toBe('1,234.5');
	});

	it('carries aria, decals, title and source', () => {
		expectCommon(o, 'Reichweite bei Älteren', true);
		expectCommon(buildBarAreasOption(AREAS, { ...en, sample: false }), 'Reach among older people', false, 'en');
		expect(o.animation).toBe(true);
		expect(buildBarAreasOption(AREAS, { ...de, animation: false }).animation).toBe(false);
		expect(buildBarAreasOption(AREAS, { ...de, order: 'asc' }).series).toBeDefined();
		expect(values(buildBarAreasOption(AREAS, { ...de, order: 'asc' }), 'value')).toEqual([12, 20, 31.4, 1234.5, null]);
	});

	it('escapes names in the tooltip', () => {
		const html = tip(o, { dataIndex: 0, marker: '' });
		expect(html).toBe(`<div style="font-weight:bold">${EVIL_ESCAPED}</div>je 1.000 Einw. ab 65: <b>1.234,5</b>`);
		expect(html).not.toContain('<img');
	});
});

describe('bar-areas summary', () => {
	it('names the highlighted area, its rank and the extremes (de, en)', () => {
		expect(summariseBarAreas(AREAS, de)).toBe(
			`Dömitz (2025): 31,4\u00a0je 1.000 Einw. ab 65, Rang 2 von 4 Gebieten mit Wert; höchster Wert in ${EVIL} (1.234,5\u00a0je 1.000 Einw. ab 65), niedrigster in Malliß (12,0); ohne Wert (–): Vielank.`
		);
		expect(summariseBarAreas(AREAS, en)).toBe(
			`Dömitz (2025): 31.4\u00a0per 1,000 aged 65+, rank 2 of 4 areas with a value; highest value in ${EVIL} (1,234.5\u00a0per 1,000 aged 65+), lowest in Malliß (12.0); no value (–): Vielank.`
		);
	});

	it('says "–" for a highlighted area without a value', () => {
		expect(summariseBarAreas(AREAS, { ...de, highlight: ['13076148'] })).toBe(
			`Vielank (2025): –; höchster Wert in ${EVIL} (1.234,5\u00a0je 1.000 Einw. ab 65), niedrigster in Malliß (12,0); ohne Wert (–): Vielank.`
		);
	});

	it('without highlight, without values, without rows', () => {
		expect(summariseBarAreas(AREAS.slice(0, 2), { ...de, highlight: [] })).toBe(
			'Reichweite bei Älteren (2025): höchster Wert in Dömitz (31,4\u00a0je 1.000 Einw. ab 65), niedrigster in Malliß (12,0).'
		);
		expect(summariseBarAreas([AREAS[2]], de)).toBe('Reichweite bei Älteren (2025): für keines der 1 Gebiete liegt ein Wert vor.');
		expect(summariseBarAreas([], en)).toBe('Reach among older people (2025): no data.');
	});

	it('is the aria description', () => {
		const aria = buildBarAreasOption(AREAS, de).aria as { label: { description: string } };
		expect(aria.label.description).toBe(summariseBarAreas(AREAS, de));
	});
});

describe('bar-areas table and SSR', () => {
	it('has columns and rows in chart order', () => {
		const t = tableBarAreas([...AREAS.slice(0, 3), { ...AREAS[1], key: 'e', name: 'Est', estimate: true }], { ...de, areaLabel: 'Gemeinde' });
		expect(t.caption).toBe('Reichweite bei Älteren (2025)');
		expect(t.columns.map((c) => [c.key, c.label, c.numeric])).toEqual([
			['area', 'Gemeinde', false],
			['value', 'Wert (je 1.000 Einw. ab 65)', true],
			['numerator', 'Zähler', true],
			['denominator', 'Nenner', true],
			['note', 'Hinweis', false]
		]);
		expect(t.rows).toEqual([
			['Dömitz', 31.4, 314, 1000, null],
			['Est', 12, 120, 1000, 'Schätzung'],
			['Malliß', 12, 120, 1000, null],
			['Vielank', null, null, 0, null]
		]);
	});

	it('renders to SVG with title, "–" and escaped names', () => {
		const svg = expectSsr(buildBarAreasOption(AREAS, de), 'Reichweite bei Älteren', summariseBarAreas(AREAS, de));
		expect(svg).toContain(EVIL_ESCAPED);
		expect(svg).toContain('>–<');
		expect(svg).toContain('1.234,5');
		expect(svg).toContain('Beispieldaten');
	});
});

describe('share axis', () => {
	it('ends at 100 for shares in %, is left to ECharts otherwise', () => {
		const rows = [
			{ level: 'gemeinde' as const, key: 'a', name: 'A', land: 'MV', value: 100, numerator: 1, denominator: 1 },
			{ level: 'gemeinde' as const, key: 'b', name: 'B', land: 'MV', value: 40, numerator: 2, denominator: 5 }
		];
		const base = { lang: 'de' as const, title: 'Anteil', sample: false };
		const pct = buildBarAreasOption(rows, { ...base, unit: '% der Fördersumme' }).xAxis as { max?: number };
		const abs = buildBarAreasOption(rows, { ...base, unit: 'Kontakte' }).xAxis as { max?: number };
		expect(pct.max).toBe(100);
		expect(abs.max).toBeUndefined();
	});
});
