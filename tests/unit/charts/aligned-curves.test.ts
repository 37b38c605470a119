/** aligned-curves: programme months, Amt vs peer median, other areas grey. */
import { describe, it, expect } from 'vitest';
import { buildAlignedCurvesOption, summariseAlignedCurves, tableAlignedCurves, type AlignedCurvesOpts } from '../../../src/lib/charts/aligned-curves';
import { AMT_ALIGNED, BASE, EVIL, EVIL_ESCAPED, OTHERS, PEER_CURVE, axis, expectCommon, expectSsr, series, tip, values } from './fixtures';

const INPUT = { amt: AMT_ALIGNED, peerCurve: PEER_CURVE, others: OTHERS };
const de: AlignedCurvesOpts = { ...BASE, lang: 'de', title: 'Kontakte seit Programmstart', unit: 'Kontakte je 1.000 Einwohner' };
const en: AlignedCurvesOpts = { ...de, lang: 'en', title: 'Contacts since programme start', unit: 'contacts per 1,000 inhabitants' };

describe('aligned-curves option', () => {
	const o = buildAlignedCurvesOption(INPUT, de);

	it('programme months 1…n with Amt, peer median and other areas', () => {
		expect(axis(o, 'xAxis').data).toEqual(['1', '2', '3', '4']);
		expect(values(o, 'amt')).toEqual([1.5, 2.5, 4, null]);
		expect(values(o, 'peerMedian')).toEqual([1, 2, 3.25, 1234.5]);
		expect(values(o, 'other:BW1')).toEqual([1, 2, 3, 4]);
		expect(values(o, 'other:BW2')).toEqual([2, 2, null, null]);
		expect(series(o, 'other:BW1').name).toBe('Weitere Gebiete');
		expect((o.legend as { data: string[] }).data).toEqual(['Amt Dömitz-Malliß', 'Median der BW-Vergleichsgruppe', 'Weitere Gebiete']);
		const style = (id: string) => (series(o, id) as unknown as { lineStyle: { type?: string; width: number } }).lineStyle;
		expect(style('amt').type).toBe('solid');
		expect(style('peerMedian').type).toBe('dashed');
		expect(style('other:BW1').width).toBeLessThan(style('peerMedian').width);
	});

	it('without others: two series and two legend entries', () => {
		const p = buildAlignedCurvesOption({ amt: AMT_ALIGNED, peerCurve: PEER_CURVE }, en);
		expect((p.series as unknown[]).length).toBe(2);
		expect((p.legend as { data: string[] }).data).toEqual(['Amt Dömitz-Malliß', 'BW peer-group median']);
	});

	it('formats the value axis per language', () => {
		expect(axis(o, 'yAxis').axisLabel.formatter(1234.5)).toBe('1.234,5');
		expect(axis(buildAlignedCurvesOption(INPUT, en), 'yAxis').axisLabel.formatter(1234.5)).toBe('1,234.5');
	});

	it('carries aria, decals, title and source', () => {
		expectCommon(o, 'Kontakte seit Programmstart', true);
		expectCommon(buildAlignedCurvesOption(INPUT, { ...en, sample: false }), 'Contacts since programme start', false, 'en');
		expect(buildAlignedCurvesOption(INPUT, { ...de, animation: false }).animation).toBe(false);
	});

	it('tooltip: only Amt and peer median, names escaped', () => {
		const html = tip(o, [
			{ seriesId: 'other:BW1', seriesName: 'Weitere Gebiete', axisValue: '4', value: 4, marker: '' },
			{ seriesId: 'peerMedian', seriesName: 'Median der BW-Vergleichsgruppe', axisValue: '4', value: 1234.5, marker: '' },
			{ seriesId: 'amt', seriesName: EVIL, axisValue: '4', value: null, marker: '' }
		]);
		expect(html).toBe(`<div style="font-weight:bold">Programmmonat 4</div>Median der BW-Vergleichsgruppe: <b>1.234,5</b><br>${EVIL_ESCAPED}: <b>–</b>`);
	});
});

describe('aligned-curves summary', () => {
	it('last programme month of the Amt beside the peer median (de, en)', () => {
		expect(summariseAlignedCurves(INPUT, de)).toBe(
			'Amt Dömitz-Malliß, Programmmonat 3 (März 2025): 4,0\u00a0Kontakte je 1.000 Einwohner; der Median der Vergleichsgruppe lag im selben Programmmonat bei 3,3 (14 Gebiete).'
		);
		expect(summariseAlignedCurves(INPUT, en)).toBe(
			'Amt Dömitz-Malliß, programme month 3 (Mar 2025): 4.0\u00a0contacts per 1,000 inhabitants; the peer-group median in the same programme month was 3.3 (14 areas).'
		);
	});

	it('"–" without a peer value; no months yet', () => {
		expect(summariseAlignedCurves({ amt: AMT_ALIGNED, peerCurve: PEER_CURVE.slice(0, 2) }, de)).toBe(
			'Amt Dömitz-Malliß, Programmmonat 3 (März 2025): 4,0\u00a0Kontakte je 1.000 Einwohner; der Median der Vergleichsgruppe lag im selben Programmmonat bei – (0 Gebiete).'
		);
		expect(summariseAlignedCurves({ amt: [], peerCurve: PEER_CURVE }, { ...de, amtName: 'Amt Dömitz-Malliß' })).toBe(
			'Amt Dömitz-Malliß: noch keine Programmmonate mit Daten.'
		);
	});
});

describe('aligned-curves table and SSR', () => {
	it('table', () => {
		const t = tableAlignedCurves(INPUT, de);
		expect(t.columns.map((c) => c.key)).toEqual(['programm_monat', 'monat', 'amt', 'peerMedian', 'peerQ1', 'peerQ3', 'peerN']);
		expect(t.rows).toEqual([
			[1, 'Jan. 2025', 1.5, 1, 0.5, 1.5, 15],
			[2, 'Feb. 2025', 2.5, 2, 1, 3, 15],
			[3, 'März 2025', 4, 3.25, 2, 4, 14],
			[4, null, null, 1234.5, 3, 5, 12]
		]);
	});

	it('renders to SVG', () => {
		const o = buildAlignedCurvesOption(INPUT, { ...de, amtName: EVIL });
		const svg = expectSsr(o, 'Kontakte seit Programmstart', summariseAlignedCurves(INPUT, de));
		expect(svg).toContain(EVIL_ESCAPED);
		expect(svg).toContain('Programmmonat');
	});
});
