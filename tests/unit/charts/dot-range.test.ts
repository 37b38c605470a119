/** dot-range: one indicator, Amt vs peer quartiles and BW/MV medians. */
import { describe, it, expect } from 'vitest';
import { buildDotRangeOption, summariseDotRange, tableDotRange, type DotRangeOpts } from '../../../src/lib/charts/dot-range';
import { BASE, COMPARISON, EVIL, EVIL_ESCAPED, axis, expectCommon, expectSsr, series, tip } from './fixtures';

const de: DotRangeOpts = { ...BASE, lang: 'de', amtName: 'Amt Dömitz-Malliß' };
const en: DotRangeOpts = { ...de, lang: 'en' };
const EMPTY = { ...COMPARISON, amtValue: null, peerQ1: null, estimate: false };

describe('dot-range option', () => {
	const o = buildDotRangeOption(COMPARISON, de);

	it('has the peer band, medians and the Amt as points', () => {
		expect(series(o, 'peerRange').data).toEqual([[18.25, 0], [30.1, 0]]);
		expect(series(o, 'peerMedian').data).toEqual([[24, 0]]);
		expect(series(o, 'bwMedian').data).toEqual([[22, 0]]);
		expect(series(o, 'mvMedian').data).toEqual([[12.5, 0]]);
		expect(series(o, 'amt').data).toEqual([[31.4, 0]]);
		expect(series(o, 'amt').name).toBe('Amt Dömitz-Malliß');
		const shapes = (o.series as { symbol?: string }[]).map((s) => s.symbol);
		expect(new Set(shapes.slice(1)).size).toBe(4);
	});

	it('leaves out what is missing', () => {
		const e = buildDotRangeOption(EMPTY, de);
		expect(series(e, 'amt').data).toEqual([]);
		expect(series(e, 'peerRange').data).toEqual([]);
		expect(series(e, 'peerMedian').data).toEqual([[24, 0]]);
	});

	it('formats the value axis per language and uses the row title and unit', () => {
		expect(axis(o, 'xAxis').axisLabel.formatter(1234.5)).toBe('1.234,5');
		expect(axis(buildDotRangeOption(COMPARISON, en), 'xAxis').axisLabel.formatter(1234.5)).toBe('1,234.5');
		expect((o.xAxis as { name: string }).name).toBe(COMPARISON.unit.de);
		expect(((buildDotRangeOption(COMPARISON, en).title as { text: string }).text)).toBe('Reach among older people');
	});

	it('carries aria, decals, title and source', () => {
		expectCommon(o, 'Reichweite bei Älteren', true);
		expectCommon(buildDotRangeOption(COMPARISON, { ...en, sample: false }), 'Reach among older people', false, 'en');
		expect(buildDotRangeOption(COMPARISON, { ...de, animation: false }).animation).toBe(false);
		expect((buildDotRangeOption(COMPARISON, { ...de, showLegend: false }).legend as { show: boolean }).show).toBe(false);
	});

	it('escapes the Amt name in the tooltip', () => {
		const e = buildDotRangeOption(COMPARISON, { ...de, amtName: EVIL });
		expect(tip(e, { seriesId: 'amt', seriesName: EVIL, value: [31.4, 0], marker: '' })).toBe(
			`${EVIL_ESCAPED}: <b>31,4 Teilnehmende ab 65 Jahren je 1.000 Einwohner ab 65 Jahren</b>`.replace('31,4 ', '31,4\u00a0')
		);
		expect(tip(e, { seriesId: 'peerRange', seriesName: 'x', value: [18.25, 0], marker: '' })).toBe(
			'BW-Vergleichsgruppe, mittlere Hälfte (Q1–Q3): <b>18,3 – 30,1</b>'
		);
	});
});

describe('dot-range summary', () => {
	it('the page example: lead + brief', () => {
		expect(summariseDotRange(COMPARISON, { ...de, lead: 'Im Amt Dömitz-Malliß erreichten die Lotsen 2025', brief: true })).toBe(
			'Im Amt Dömitz-Malliß erreichten die Lotsen 2025 31,4\u00a0Teilnehmende ab 65 Jahren je 1.000 Einwohner ab 65 Jahren; der Median der BW-Vergleichsgruppe liegt bei 24,0.'
		);
	});

	it('default sentence (de, en)', () => {
		expect(summariseDotRange(COMPARISON, de)).toBe(
			'Amt Dömitz-Malliß (2025): 31,4\u00a0Teilnehmende ab 65 Jahren je 1.000 Einwohner ab 65 Jahren; der Median der BW-Vergleichsgruppe liegt bei 24,0 (mittlere Hälfte 18,3 bis 30,1), der Median in BW bei 22,0 und in MV bei 12,5.'
		);
		expect(summariseDotRange(COMPARISON, en)).toBe(
			'Amt Dömitz-Malliß (2025): 31.4\u00a0participants aged 65+ per 1,000 inhabitants aged 65+; the BW peer-group median is 24.0 (middle half 18.3 to 30.1), the BW median 22.0 and the MV median 12.5.'
		);
	});

	it('"–" when the Amt has no value', () => {
		expect(summariseDotRange(EMPTY, de)).toBe(
			'Amt Dömitz-Malliß (2025): –; der Median der BW-Vergleichsgruppe liegt bei 24,0, der Median in BW bei 22,0 und in MV bei 12,5.'
		);
		expect(summariseDotRange({ ...EMPTY, peerMedian: null }, { ...en, brief: true, period: undefined })).toBe(
			'Amt Dömitz-Malliß: –; the BW peer-group median is –.'
		);
	});
});

describe('dot-range table and SSR', () => {
	it('one row per indicator', () => {
		const t = tableDotRange([COMPARISON, EMPTY], { ...de, caption: 'Vergleich mit der BW-Vergleichsgruppe' });
		expect(t.caption).toBe('Vergleich mit der BW-Vergleichsgruppe (2025)');
		expect(t.columns.map((c) => c.key)).toEqual(['indicator', 'unit', 'amt', 'peerMedian', 'peerQ1', 'peerQ3', 'percentile', 'bwMedian', 'mvMedian', 'peerCount', 'note']);
		expect(t.columns[2].label).toBe('Amt Dömitz-Malliß');
		expect(t.rows).toEqual([
			['Reichweite bei Älteren', COMPARISON.unit.de, 31.4, 24, 18.25, 30.1, 80, 22, 12.5, 15, 'Schätzung'],
			['Reichweite bei Älteren', COMPARISON.unit.de, null, 24, null, 30.1, 80, 22, 12.5, 15, null]
		]);
		expect(tableDotRange([EMPTY], en).columns.map((c) => c.key)).not.toContain('note');
		expect(tableDotRange([EMPTY], en).caption).toBe('Reach among older people (2025)');
	});

	it('renders to SVG', () => {
		const o = buildDotRangeOption(COMPARISON, { ...de, amtName: EVIL });
		const svg = expectSsr(o, 'Reichweite bei Älteren', summariseDotRange(COMPARISON, de));
		expect(svg).toContain('31,4');
		expect(svg).toContain(EVIL_ESCAPED);
	});
});

type Labelled = { symbol?: string; label: { position: string; formatter: (p: unknown) => string } };
const marker = (o: ReturnType<typeof buildDotRangeOption>, id: string) => series(o, id) as unknown as Labelled;

describe('dot-range with a second Amt', () => {
	const TWO = { ...COMPARISON, second: { value: 12.75, percentile: 0 } };
	const de2: DotRangeOpts = { ...de, amt2Name: 'Amt Ludwigslust-Land' };
	const en2: DotRangeOpts = { ...de2, lang: 'en' };
	const o = buildDotRangeOption(TWO, de2);
	const label = (id: string, v: number) => marker(o, id).label.formatter({ value: [v, 0] });

	it('a square for the second Amt beside the circle of the first; each label names its Amt', () => {
		expect(series(o, 'amt2').data).toEqual([[12.75, 0]]);
		expect(series(o, 'amt2').name).toBe('Amt Ludwigslust-Land');
		expect([marker(o, 'amt').symbol, marker(o, 'amt2').symbol]).toEqual(['circle', 'roundRect']);
		// five different shapes: peer median bar, BW diamond, MV triangle, Amt circle, second Amt square
		const shapes = (o.series as { symbol?: string }[]).map((s) => s.symbol);
		expect(new Set(shapes.slice(1)).size).toBe(5);
		expect(label('amt', 31.4)).toBe('Amt Dömitz-Malliß: 31,4');
		expect(label('amt2', 12.75)).toBe('Amt Ludwigslust-Land: 12,8');
		expect([marker(o, 'amt').label.position, marker(o, 'amt2').label.position]).toEqual(['top', 'bottom']);
		expect(tip(o, { seriesId: 'amt2', seriesName: 'x', value: [12.75, 0], marker: '' })).toBe(
			'Amt Ludwigslust-Land: <b>12,8\u00a0Teilnehmende ab 65 Jahren je 1.000 Einwohner ab 65 Jahren</b>'
		);
	});

	it('one Amt only: no square, the label is the bare value; a row without `second` draws no second Amt', () => {
		const one = buildDotRangeOption(COMPARISON, de2);
		expect((one.series as { id: string }[]).map((s) => s.id)).toEqual(['peerRange', 'peerMedian', 'bwMedian', 'mvMedian', 'amt']);
		expect(marker(buildDotRangeOption(COMPARISON, de), 'amt').label.formatter({ value: [31.4, 0] })).toBe('31,4');
		expect((buildDotRangeOption(TWO, de).series as { id: string }[]).map((s) => s.id)).not.toContain('amt2');
	});

	it('the summary names both Ämter with their values and whose peer group it is (de, en)', () => {
		expect(summariseDotRange(TWO, de2)).toBe(
			'Amt Dömitz-Malliß (2025): 31,4\u00a0Teilnehmende ab 65 Jahren je 1.000 Einwohner ab 65 Jahren; Amt Ludwigslust-Land: 12,8\u00a0Teilnehmende ab 65 Jahren je 1.000 Einwohner ab 65 Jahren; der Median der BW-Vergleichsgruppe von Amt Dömitz-Malliß liegt bei 24,0 (mittlere Hälfte 18,3 bis 30,1), der Median in BW bei 22,0 und in MV bei 12,5.'
		);
		expect(summariseDotRange(TWO, en2)).toBe(
			'Amt Dömitz-Malliß (2025): 31.4\u00a0participants aged 65+ per 1,000 inhabitants aged 65+; Amt Ludwigslust-Land: 12.8\u00a0participants aged 65+ per 1,000 inhabitants aged 65+; the BW peer-group median of Amt Dömitz-Malliß is 24.0 (middle half 18.3 to 30.1), the BW median 22.0 and the MV median 12.5.'
		);
		expect(summariseDotRange({ ...TWO, second: { value: null, percentile: null } }, { ...de2, brief: true })).toBe(
			'Amt Dömitz-Malliß (2025): 31,4\u00a0Teilnehmende ab 65 Jahren je 1.000 Einwohner ab 65 Jahren; Amt Ludwigslust-Land: –; der Median der BW-Vergleichsgruppe von Amt Dömitz-Malliß liegt bei 24,0.'
		);
	});

	it('the table: a value column and a rank column per Amt, each headed with its name, the two values side by side', () => {
		const t = tableDotRange([TWO], de2);
		expect(t.columns.map((c) => c.key)).toEqual(['indicator', 'unit', 'amt', 'amt2', 'percentile', 'percentile2', 'peerMedian', 'peerQ1', 'peerQ3', 'bwMedian', 'mvMedian', 'peerCount', 'note']);
		expect(t.columns.map((c) => c.label)).toEqual([
			'Kennzahl',
			'Einheit',
			'Amt Dömitz-Malliß',
			'Amt Ludwigslust-Land',
			'Amt Dömitz-Malliß: Perzentilrang (%)',
			'Amt Ludwigslust-Land: Perzentilrang (%)',
			'Median der BW-Vergleichsgruppe',
			expect.any(String),
			expect.any(String),
			expect.any(String),
			expect.any(String),
			expect.any(String),
			expect.any(String)
		]);
		expect(t.rows).toEqual([['Reichweite bei Älteren', COMPARISON.unit.de, 31.4, 12.75, 80, 0, 24, 18.25, 30.1, 22, 12.5, 15, 'Schätzung']]);
		// without a chosen second Amt the table is the one-Amt table
		expect(tableDotRange([TWO], de).rows).toEqual(tableDotRange([COMPARISON], de).rows);
	});

	it('renders both Ämter into the SVG', () => {
		const svg = expectSsr(o, 'Reichweite bei Älteren', summariseDotRange(TWO, de2));
		expect(svg).toContain('Amt Dömitz-Malliß: 31,4');
		expect(svg).toContain('Amt Ludwigslust-Land: 12,8');
	});
});
