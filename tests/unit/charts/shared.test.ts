/** Shared chart pieces: formatting, escaping, palette contrast, decals, source line. */
import { describe, it, expect } from 'vitest';
import { autoDigits, DASH, fmtAxis, fmtList, fmtMonth, fmtPercent, fmtValue, fmtWithUnit } from '../../../src/lib/charts/format';
import { escapeHtml } from '../../../src/lib/charts/escape';
import { contrast, NEUTRAL, PALETTE } from '../../../src/lib/charts/palette';
import { DECALS } from '../../../src/lib/charts/decals';
import { sourceLine } from '../../../src/lib/charts/base';
import { renderSvg } from '../../../src/lib/charts/ssr';
import { CHART_LABELS } from '../../../src/lib/charts/labels';
import { EVIL, EVIL_ESCAPED } from './fixtures';

describe('format', () => {
	it('numbers: 1.234,5 (de) and 1,234.5 (en)', () => {
		expect(fmtAxis(1234.5, 'de')).toBe('1.234,5');
		expect(fmtAxis(1234.5, 'en')).toBe('1,234.5');
		expect(fmtAxis(2000, 'de')).toBe('2.000');
		expect(fmtValue(24, 'de', 1)).toBe('24,0');
		expect(fmtValue(1234567.891, 'en', 2)).toBe('1,234,567.89');
		expect(fmtWithUnit(31.4, 'de', 'Kontakte')).toBe('31,4\u00a0Kontakte');
		expect(fmtWithUnit(null, 'de', 'Kontakte')).toBe(DASH);
	});

	it('missing values are "–"', () => {
		for (const v of [null, undefined, NaN, Infinity]) {
			expect(fmtValue(v, 'de')).toBe('–');
			expect(fmtAxis(v, 'en')).toBe('–');
			expect(fmtPercent(v, 'de')).toBe('–');
		}
		expect(fmtMonth(null, 'de')).toBe('–');
	});

	it('percent from percent points', () => {
		expect(fmtPercent(31.4, 'de')).toBe('31,4\u00a0%');
		expect(fmtPercent(31.4, 'en')).toBe('31.4%');
		expect(fmtPercent(100, 'de', 0)).toBe('100\u00a0%');
	});

	it('months: Jan. 2025 (de), Jan 2025 (en)', () => {
		expect(fmtMonth('2025-01', 'de')).toBe('Jan. 2025');
		expect(fmtMonth('2025-01', 'en')).toBe('Jan 2025');
		expect(fmtMonth('2025-03-01', 'de')).toBe('März 2025');
		expect(fmtMonth('2025-12', 'en')).toBe('Dec 2025');
		expect(fmtMonth('2025', 'de')).toBe('2025');
	});

	it('digits: whole numbers get none unless told', () => {
		expect(autoDigits([1, 2, null])).toBe(0);
		expect(autoDigits([1, 2.5])).toBe(1);
		expect(autoDigits([1, 2], 2)).toBe(2);
		expect(fmtList(['A', 'B', 'C'], 'de')).toBe('A, B und C');
		expect(fmtList(['A', 'B'], 'en')).toBe('A and B');
	});
});

describe('escapeHtml', () => {
	it('neutralises markup from data', () => {
		expect(escapeHtml(EVIL)).toBe(EVIL_ESCAPED);
		expect(escapeHtml(`a"b'c&d\`e`)).toBe('a&quot;b&#39;c&amp;d&#96;e');
		expect(escapeHtml(null)).toBe('');
		expect(escapeHtml(12)).toBe('12');
	});
});

describe('palette and decals', () => {
	it('every colour has ≥ 3:1 contrast against white', () => {
		for (const c of [...PALETTE, NEUTRAL]) expect(contrast(c), c).toBeGreaterThanOrEqual(3);
		expect(new Set(PALETTE).size).toBe(PALETTE.length);
	});

	it('decal patterns are all different', () => {
		expect(new Set(DECALS.map((d) => JSON.stringify(d))).size).toBe(DECALS.length);
		expect(DECALS.length).toBeGreaterThanOrEqual(PALETTE.length);
	});
});

describe('source line and labels', () => {
	it('names source, Stand and sample data in the chart language', () => {
		expect(sourceLine({ lang: 'de', source: 'Destatis', stand: '31.12.2023', sample: true })).toBe('Quelle: Destatis · Stand: 31.12.2023 · Beispieldaten');
		expect(sourceLine({ lang: 'en', source: 'Destatis', stand: '31.12.2023', sample: false })).toBe('Source: Destatis · As of: 31.12.2023');
		expect(sourceLine({ lang: 'de', sample: true })).toBe('Beispieldaten');
	});

	it('English labels have exactly the German keys', () => {
		expect(Object.keys(CHART_LABELS.en).sort()).toEqual(Object.keys(CHART_LABELS.de).sort());
	});

	it('renderSvg escapes the aria-label', () => {
		const svg = renderSvg({ title: { text: 'T' } }, { label: `x ${EVIL} "q"` });
		expect(svg.startsWith(`<svg role="img" aria-label="x ${EVIL_ESCAPED} &quot;q&quot;"`)).toBe(true);
		expect(svg).not.toContain('<img');
	});
});
