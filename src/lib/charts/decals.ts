/**
 * Decal (pattern) fills so that bars and stacked segments differ by more than colour.
 * Every option sets `aria: { enabled: true, decal: { show: true, decals: DECALS } }`; builders
 * also set `itemStyle.decal` per series explicitly so the pattern follows the series' meaning,
 * not its position.
 */
import type { AriaComponentOption } from 'echarts/components';

/** ECharts does not export its DecalObject type; take it from the aria option */
export type DecalObject = Exclude<NonNullable<NonNullable<AriaComponentOption['decal']>['decals']>, unknown[]>;

const INK = 'rgba(255, 255, 255, 0.55)';

export const DECALS: DecalObject[] = [
	// 0 diagonal stripes /
	{ symbol: 'rect', color: INK, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4 },
	// 1 dots
	{ symbol: 'circle', color: INK, symbolSize: 0.7, dashArrayX: [[4, 4]], dashArrayY: [4, 4] },
	// 2 horizontal stripes
	{ symbol: 'rect', color: INK, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: 0 },
	// 3 diagonal stripes \
	{ symbol: 'rect', color: INK, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4 },
	// 4 vertical stripes
	{ symbol: 'rect', color: INK, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 2 },
	// 5 checks
	{ symbol: 'rect', color: INK, dashArrayX: [[4, 4], [0, 4, 4, 0]], dashArrayY: [4, 0] },
	// 6 triangles
	{ symbol: 'triangle', color: INK, symbolSize: 0.8, dashArrayX: [[5, 3]], dashArrayY: [5, 3] }
];

/** a fresh copy of pattern i (ECharts writes a `dirty` flag into decal objects) */
export function decal(i: number): DecalObject {
	return { ...DECALS[((i % DECALS.length) + DECALS.length) % DECALS.length] };
}

/**
 * "No pattern" for plain bars beside a patterned highlight. ECharts documents `decal: 'none'`,
 * but 6.1 then sets a property on the string and throws in strict mode; an invisible decal works.
 */
export function noDecal(): DecalObject {
	return { symbol: 'rect', color: 'rgba(0, 0, 0, 0)', dashArrayX: [1, 0], dashArrayY: [1, 0] };
}
