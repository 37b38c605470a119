/** Small, hand-checkable inputs for the chart builder tests. */
import { expect } from 'vitest';
import type { IndicatorRow } from '../../../src/lib/indicators/types';
import type { AmtComparisonRow } from '../../../src/lib/compare/amt-comparison';
import type { AlignedRow, PeerCurvePoint } from '../../../src/lib/compare/aligned';
import type { EChartsOption } from '../../../src/lib/charts/echarts';
import { renderSvg } from '../../../src/lib/charts/ssr';

export const EVIL = '<img src=x onerror=alert(1)>';
export const EVIL_ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

export const BASE = { sample: true, source: 'Programmdaten; Destatis GV-ISys', stand: '31.12.2025', period: '2025' } as const;

export function row(key: string, name: string, value: number | null, extra: Partial<IndicatorRow> = {}): IndicatorRow {
	return { level: 'gemeinde', key, name, land: 'MV', value, numerator: value === null ? null : value * 10, denominator: value === null ? 0 : 1000, ...extra };
}

/** Gemeinden of Amt Dömitz-Malliß (values made up) */
export const AREAS: IndicatorRow[] = [
	row('13076032', 'Dömitz', 31.4),
	row('13076092', 'Malliß', 12),
	row('13076148', 'Vielank', null),
	row('13076666', EVIL, 1234.5),
	row('13076098', 'Neu Kaliß', 20)
];

export const COMPARISON: AmtComparisonRow = {
	indicatorId: 'teilnehmende_65plus_je_1000_65plus',
	title: { de: 'Reichweite bei Älteren', en: 'Reach among older people' },
	unit: { de: 'Teilnehmende ab 65 Jahren je 1.000 Einwohner ab 65 Jahren', en: 'participants aged 65+ per 1,000 inhabitants aged 65+' },
	amtValue: 31.4,
	peerMedian: 24,
	peerQ1: 18.25,
	peerQ3: 30.1,
	percentile: 80,
	bwMedian: 22,
	mvMedian: 12.5,
	peerCount: 15,
	estimate: true,
	bwQ1: null,
	bwQ3: null,
	mvQ1: null,
	mvQ3: null,
	landMV: null,
	landBW: null
};

const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04'];
/** contacts per month and the trailing 3-month mean; deliberately out of order */
export const TREND: IndicatorRow[] = [
	row('130765654', 'Amt Dömitz-Malliß', 1234, { monat: '2025-03', mittel_3m: 500.5 }),
	row('130765654', 'Amt Dömitz-Malliß', 10, { monat: '2025-01', mittel_3m: 10 }),
	row('130765654', 'Amt Dömitz-Malliß', 20, { monat: '2025-02', mittel_3m: 15 }),
	row('130765654', 'Amt Dömitz-Malliß', null, { monat: '2025-04', mittel_3m: null }),
	row('999', 'Anderes Amt', 5, { monat: '2025-01', mittel_3m: 5 })
];

function aligned(key: string, name: string, values: number[]): AlignedRow[] {
	return values.map((v, i) => ({ key, name, land: 'MV', programm_monat: i + 1, monat: MONTHS[i], kontakte: v, kontakte_je_1000: v, einwohner: 1000 }));
}
export const AMT_ALIGNED = aligned('130765654', 'Amt Dömitz-Malliß', [1.5, 2.5, 4]);
export const PEER_CURVE: PeerCurvePoint[] = [
	{ programm_monat: 1, n: 15, median: 1, q1: 0.5, q3: 1.5 },
	{ programm_monat: 2, n: 15, median: 2, q1: 1, q3: 3 },
	{ programm_monat: 3, n: 14, median: 3.25, q1: 2, q3: 4 },
	{ programm_monat: 4, n: 12, median: 1234.5, q1: 3, q3: 5 }
];
export const OTHERS = [...aligned('BW1', EVIL, [1, 2, 3, 4, 5, 6]), ...aligned('BW2', 'Zweites', [2, 2])];

/** format mix: shares in % per area */
export const FORMATS = ['Sprechstunde', 'Hausbesuch', 'Online'];
export function mixRows(areas: [string, string, (number | null)[]][]): IndicatorRow[] {
	return areas.flatMap(([key, name, values]) =>
		FORMATS.map((c, j) => row(key, name, values[j], { category: c, numerator: values[j] === null ? null : values[j]! / 10 }))
	);
}
export const MIX = mixRows([
	['a', 'Dömitz', [50, 30, 20]],
	['b', 'Malliß', [10, 20, 70]],
	['c', EVIL, [null, null, null]],
	['d', 'Vielank', [60, 40, 0]]
]);

/** what every option must carry */
export function expectCommon(o: EChartsOption, title: string, sample: boolean, lang: 'de' | 'en' = 'de'): void {
	const aria = o.aria as { enabled?: boolean; decal?: { show?: boolean; decals?: unknown[] }; label?: { description?: string } };
	expect(aria.enabled).toBe(true);
	expect(aria.decal?.show).toBe(true);
	expect(aria.decal?.decals?.length).toBeGreaterThan(3);
	expect(typeof aria.label?.description).toBe('string');
	const t = o.title as { text: string; subtext: string };
	expect(t.text).toBe(title);
	expect(t.subtext).toContain(lang === 'de' ? 'Quelle: Programmdaten; Destatis GV-ISys' : 'Source: Programmdaten; Destatis GV-ISys');
	expect(t.subtext).toContain(lang === 'de' ? 'Stand: 31.12.2025' : 'As of: 31.12.2025');
	expect(t.subtext.includes(lang === 'de' ? 'Beispieldaten' : 'Sample data')).toBe(sample);
}

/** SSR render: title text present, malicious names only escaped */
export function expectSsr(o: EChartsOption, title: string, label: string): string {
	const svg = renderSvg(o, { width: 800, height: 400, label });
	expect(svg.startsWith('<svg role="img" aria-label="')).toBe(true);
	expect(svg).toContain(title);
	expect(svg).not.toContain('<img');
	return svg;
}

/** series i of an option */
export const series = (o: EChartsOption, id: string) => (o.series as { id: string; data: unknown[]; name?: string }[]).find((s) => s.id === id)!;
/** the `value`s of a series' data (items may be objects) */
export const values = (o: EChartsOption, id: string) =>
	series(o, id).data.map((d) => (d !== null && typeof d === 'object' && !Array.isArray(d) ? (d as { value: unknown }).value : d));
export const axis = (o: EChartsOption, which: 'xAxis' | 'yAxis') => o[which] as { data?: unknown[]; axisLabel: { formatter: (v: unknown) => string } };
export const tip = (o: EChartsOption, p: unknown) => (o.tooltip as { formatter: (p: unknown) => string }).formatter(p);
