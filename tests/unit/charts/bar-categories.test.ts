/** bar-categories: categorical bars in given order (or sorted), "–" for missing values. */
import { describe, it, expect } from 'vitest';
import { buildBarCategoriesOption, categoriesFromRows, summariseBarCategories, tableBarCategories, type BarCategoriesOpts, type CategoryDatum } from '../../../src/lib/charts/bar-categories';
import { BASE, EVIL, EVIL_ESCAPED, axis, expectCommon, expectSsr, row, tip, values } from './fixtures';

const DATA: CategoryDatum[] = [
	{ key: 'm1', label: 'Modul 1', value: 12 },
	{ key: 'm2', label: 'Modul 2', value: 9 },
	{ key: 'm3', label: 'Modul 3', value: null },
	{ key: 'm4', label: EVIL, value: 4 }
];
const de: BarCategoriesOpts = { ...BASE, lang: 'de', title: 'Modulabschlüsse', unit: 'Abschlüsse', total: true };
const en: BarCategoriesOpts = { ...de, lang: 'en', title: 'Module completions', unit: 'completions' };

describe('bar-categories option', () => {
	const o = buildBarCategoriesOption(DATA, de);

	it('keeps the given order, or sorts with missing last', () => {
		expect(values(o, 'value')).toEqual([12, 9, null, 4]);
		expect(values(o, 'missing')).toEqual([null, null, 0, null]);
		expect(axis(o, 'yAxis').data).toEqual(['m1', 'm2', 'm3', 'm4']);
		const s = buildBarCategoriesOption(DATA, { ...de, sort: true });
		expect(values(s, 'value')).toEqual([12, 9, 4, null]);
		expect(axis(s, 'yAxis').data).toEqual(['m1', 'm2', 'm4', 'm3']);
	});

	it('formats the value axis per language', () => {
		expect(axis(o, 'xAxis').axisLabel.formatter(1234.5)).toBe('1.234,5');
		expect(axis(buildBarCategoriesOption(DATA, en), 'xAxis').axisLabel.formatter(1234.5)).toBe('1,234.5');
		expect(axis(o, 'yAxis').axisLabel.formatter('m4')).toBe(EVIL);
	});

	it('carries aria, decals, title and source', () => {
		expectCommon(o, 'Modulabschlüsse', true);
		expectCommon(buildBarCategoriesOption(DATA, { ...en, sample: false }), 'Module completions', false, 'en');
		expect(buildBarCategoriesOption(DATA, { ...de, animation: false }).animation).toBe(false);
	});

	it('escapes labels in the tooltip', () => {
		expect(tip(o, { dataIndex: 3, marker: '' })).toBe(`<div style="font-weight:bold">${EVIL_ESCAPED}</div>Abschlüsse: <b>4</b>`);
		expect(tip(o, { dataIndex: 2, marker: '' })).toContain('<b>–</b>');
	});
});

describe('bar-categories summary', () => {
	it('counts, total, extremes and missing (de, en)', () => {
		expect(summariseBarCategories(DATA, de)).toBe(
			`Modulabschlüsse (2025): 4 Kategorien, zusammen 25\u00a0Abschlüsse; höchster Wert bei Modul 1 (12\u00a0Abschlüsse), niedrigster bei ${EVIL} (4); ohne Wert (–): Modul 3.`
		);
		expect(summariseBarCategories(DATA, en)).toBe(
			`Module completions (2025): 4 categories, together 25\u00a0completions; highest value for Modul 1 (12\u00a0completions), lowest for ${EVIL} (4); no value (–): Modul 3.`
		);
	});

	it('rates without total, only missing values, no data', () => {
		const rates = [{ label: 'Anbieter A', value: 81.25 }, { label: 'Anbieter B', value: 64 }];
		expect(summariseBarCategories(rates, { ...de, total: false, unit: '%', title: 'Abschlussquote' })).toBe(
			'Abschlussquote (2025): 2 Kategorien; höchster Wert bei Anbieter A (81,3\u00a0%), niedrigster bei Anbieter B (64,0).'
		);
		expect(summariseBarCategories([{ label: 'X', value: null }], de)).toBe('Modulabschlüsse (2025): für keine der 1 Kategorien liegt ein Wert vor.');
		expect(summariseBarCategories([], en)).toBe('Module completions (2025): no data.');
	});
});

describe('bar-categories input, table and SSR', () => {
	it('takes categories from breakdown rows or names from area rows', () => {
		const rows = [row('v', 'Amt', 3, { category: 'Modul 1', category_key: 'M1' }), row('v', 'Amt', null, { category: 'Modul 2' })];
		expect(categoriesFromRows(rows)).toEqual([
			{ key: 'M1', label: 'Modul 1', value: 3 },
			{ key: 'Modul 2', label: 'Modul 2', value: null }
		]);
		expect(categoriesFromRows([row('1', 'Dömitz', 5000)], 'name')).toEqual([{ key: '1', label: 'Dömitz', value: 5000 }]);
	});

	it('table', () => {
		const t = tableBarCategories(DATA, { ...de, categoryLabel: 'Modul' });
		expect(t.caption).toBe('Modulabschlüsse (2025)');
		expect(t.columns).toEqual([
			{ key: 'category', label: 'Modul', numeric: false },
			{ key: 'value', label: 'Wert (Abschlüsse)', numeric: true, digits: 0 }
		]);
		expect(t.rows).toEqual([['Modul 1', 12], ['Modul 2', 9], ['Modul 3', null], [EVIL, 4]]);
	});

	it('renders to SVG', () => {
		const svg = expectSsr(buildBarCategoriesOption(DATA, de), 'Modulabschlüsse', summariseBarCategories(DATA, de));
		expect(svg).toContain(EVIL_ESCAPED);
		expect(svg).toContain('>–<');
	});
});
