/** line-trend: monthly values (dashed) and 3-month mean (solid), months as "Jan. 2025". */
import { describe, it, expect } from 'vitest';
import { buildLineTrendOption, summariseLineTrend, tableLineTrend, type LineTrendOpts } from '../../../src/lib/charts/line-trend';
import { BASE, EVIL, EVIL_ESCAPED, TREND, axis, expectCommon, expectSsr, series, tip, values } from './fixtures';

const de: LineTrendOpts = { ...BASE, lang: 'de', title: 'Kontakte je Monat', unit: 'Kontakte' };
const en: LineTrendOpts = { ...de, lang: 'en', title: 'Contacts per month', unit: 'contacts' };

describe('line-trend option', () => {
	const o = buildLineTrendOption(TREND, de);

	it('one area in month order: values and moving mean', () => {
		expect(axis(o, 'xAxis').data).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
		expect(values(o, 'monthly')).toEqual([10, 20, 1234, null]);
		expect(values(o, 'mean3m')).toEqual([10, 15, 500.5, null]);
		expect(values(buildLineTrendOption(TREND, { ...de, key: '999' }), 'monthly')).toEqual([5]);
	});

	it('dashed vs solid, not only colour', () => {
		const style = (id: string) => (series(o, id) as unknown as { lineStyle: { type: string; width: number } }).lineStyle;
		expect(style('monthly').type).toBe('dashed');
		expect(style('mean3m').type).toBe('solid');
		expect(style('mean3m').width).toBeGreaterThan(style('monthly').width);
		expect(series(o, 'monthly').name).toBe('Monatswert');
		expect(series(buildLineTrendOption(TREND, en), 'mean3m').name).toBe('3-month moving average');
	});

	it('formats months and values per language', () => {
		expect(axis(o, 'xAxis').axisLabel.formatter('2025-01')).toBe('Jan. 2025');
		expect(axis(buildLineTrendOption(TREND, en), 'xAxis').axisLabel.formatter('2025-01')).toBe('Jan 2025');
		expect(axis(o, 'yAxis').axisLabel.formatter(1234.5)).toBe('1.234,5');
		expect(axis(buildLineTrendOption(TREND, en), 'yAxis').axisLabel.formatter(1234.5)).toBe('1,234.5');
	});

	it('carries aria, decals, title and source', () => {
		expectCommon(o, 'Kontakte je Monat', true);
		expectCommon(buildLineTrendOption(TREND, { ...en, sample: false }), 'Contacts per month', false, 'en');
		expect(buildLineTrendOption(TREND, { ...de, animation: false }).animation).toBe(false);
	});

	it('axis tooltip: month, both values, escaped names', () => {
		const html = tip(o, [
			{ seriesId: 'monthly', seriesName: 'Monatswert', axisValue: '2025-03', value: 1234, marker: '' },
			{ seriesId: 'mean3m', seriesName: EVIL, axisValue: '2025-03', value: 500.5, marker: '' }
		]);
		expect(html).toBe(`<div style="font-weight:bold">März 2025</div>Monatswert: <b>1.234</b><br>${EVIL_ESCAPED}: <b>500,5</b>`);
	});
});

describe('line-trend summary', () => {
	it('latest month, mean and peak (de, en)', () => {
		const three = TREND.filter((r) => r.monat !== '2025-04');
		expect(summariseLineTrend(three, de)).toBe(
			'Amt Dömitz-Malliß, Jan. 2025 bis März 2025: zuletzt (März 2025) 1.234\u00a0Kontakte, gleitender Dreimonatsmittelwert 500,5; höchster Monatswert 1.234 im März 2025.'
		);
		expect(summariseLineTrend(three, en)).toBe(
			'Amt Dömitz-Malliß, Jan 2025 to Mar 2025: latest (Mar 2025) 1,234\u00a0contacts, 3-month moving average 500.5; highest monthly value 1,234 in Mar 2025.'
		);
	});

	it('"–" when the last month has no value', () => {
		expect(summariseLineTrend(TREND, de)).toBe(
			'Amt Dömitz-Malliß, Jan. 2025 bis Apr. 2025: zuletzt (Apr. 2025) –, gleitender Dreimonatsmittelwert –; höchster Monatswert 1.234 im März 2025.'
		);
		expect(summariseLineTrend([], en)).toBe('Contacts per month: no data.');
	});
});

describe('line-trend table and SSR', () => {
	it('table', () => {
		const t = tableLineTrend(TREND, de);
		expect(t.caption).toBe('Kontakte je Monat: Amt Dömitz-Malliß');
		expect(t.columns).toEqual([
			{ key: 'monat', label: 'Monat', numeric: false },
			{ key: 'value', label: 'Monatswert (Kontakte)', numeric: true, digits: 0 },
			{ key: 'mittel_3m', label: 'Gleitender Dreimonatsmittelwert', numeric: true, digits: 1 }
		]);
		expect(t.rows).toEqual([
			['Jan. 2025', 10, 10],
			['Feb. 2025', 20, 15],
			['März 2025', 1234, 500.5],
			['Apr. 2025', null, null]
		]);
	});

	it('renders to SVG', () => {
		const svg = expectSsr(buildLineTrendOption(TREND, de), 'Kontakte je Monat', summariseLineTrend(TREND, de));
		expect(svg).toContain('Jan. 2025');
		expect(svg).toContain('stroke-dasharray');
	});
});
