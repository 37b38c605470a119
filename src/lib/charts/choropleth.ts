/**
 * choropleth: one value per area drawn on its boundary (ECharts map series), in classed colours
 * with a legend in the chart's language, a hatch pattern (not only a colour) for "keine Daten",
 * chosen areas outlined, tooltips with name, value and rank, and the BKG attribution on the map.
 *
 * Input: areas with key, name, value and GeoJSON geometry (from the geo_* tables). Areas may be
 * grouped into panels drawn side by side (MV | BW), sharing one set of classes. Areas without a
 * geometry are not drawn but stay in the summary and the table ("keine Grenze").
 *
 * Classes (see README "Maps"): value 0 is a class of its own when it occurs next to positive
 * values (no activity is a fact worth seeing); the other values get up to `classes − 1` (or
 * `classes`) quantile classes, breaks rounded down to two significant digits; duplicates merge.
 * A class is [lower, upper) except the last, which includes the maximum.
 */
import type { Geometry } from '../db/geo';
import { baseOption, FONT, showsTitle, tipTitle, topSpace, tooltip } from './base';
import { MAPS_KEY, type EChartsOption } from './echarts';
import { escapeHtml } from './escape';
import { autoDigits, fmtValue, fmtWithUnit } from './format';
import { MUTED, TEXT } from './palette';
import type { DecalObject } from './decals';
import type { ChartOpts, TableModel } from './types';

export interface MapArea {
	key: string;
	name: string;
	value: number | null;
	/** null: no boundary for this key (not drawn; said in the table) */
	geometry: Geometry | null;
	/** panel the area is drawn in (e.g. 'MV', 'BW'); default one panel */
	group?: string;
	/** more columns for the table (keys of `ChoroplethOpts.extraColumns`) */
	extra?: Record<string, string | number | null>;
}

export interface ChoroplethOpts extends ChartOpts {
	/** keys drawn with a thick outline (the chosen Amt / Gemeinde) */
	highlight?: string[];
	/** singular / plural of the areas, e.g. "Gemeinde" / "Gemeinden" */
	areaLabel?: string;
	areasLabel?: string;
	/** rank 1 = highest value ('desc', default) or lowest ('asc') */
	rankOrder?: 'desc' | 'asc';
	/** number of classes, default 5 */
	classes?: number;
	/** draw area names on the map (small maps, e.g. the Gemeinden of one Amt) */
	labels?: boolean;
	/** panel headings by group, e.g. { MV: 'Mecklenburg-Vorpommern' } */
	groupLabels?: Record<string, string>;
	/** more table columns, filled from `MapArea.extra` */
	extraColumns?: { key: string; label: string; numeric: boolean; digits?: number }[];
	/** default GEO_ATTRIBUTION */
	attribution?: string;
}

/** required by the BKG licence (dl-de/by-2-0) on the map and in every export of it */
export const GEO_ATTRIBUTION = '© GeoBasis-DE / BKG (Daten verändert)';

/** sequential blues (ColorBrewer "Blues", 5 of 9), light → dark */
export const MAP_RAMP = ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'] as const;
/** "keine Daten": light grey with dark grey hatching */
export const NO_DATA_FILL = '#eeeeee';
export const NO_DATA_DECAL: DecalObject = { symbol: 'rect', color: '#6f6f6f', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4 };
const BORDER = '#5f5f5f';
const OUTLINE = '#000000';

export interface MapClass {
	/** inclusive lower bound */
	min: number;
	/** exclusive upper bound, inclusive for the last class */
	max: number;
	colour: string;
	label: string;
}

const L = {
	de: { noData: 'keine Daten', noBoundary: 'keine Grenze', rank: (r: number, n: number) => `Rang ${r} von ${n}`, to: 'bis', under: 'bis unter', area: 'Gebiet', areas: 'Gebiete', clazz: 'Klasse', rankCol: 'Rang' },
	en: { noData: 'no data', noBoundary: 'no boundary', rank: (r: number, n: number) => `rank ${r} of ${n}`, to: 'to', under: 'to under', area: 'Area', areas: 'areas', clazz: 'Class', rankCol: 'Rank' }
};

/** rounds down to two significant digits (0.0347 → 0.034, 1234 → 1200) */
export function niceFloor(v: number): number {
	if (v <= 0) return v;
	const p = 10 ** (Math.floor(Math.log10(v)) - 1);
	return Number((Math.floor(v / p + 1e-9) * p).toPrecision(12));
}

/** the classes of a set of values (see file comment); [] without values */
export function mapClasses(values: (number | null)[], o: Pick<ChoroplethOpts, 'lang' | 'classes' | 'digits'>): MapClass[] {
	const vals = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
	if (!vals.length) return [];
	const n = Math.max(1, Math.min(o.classes ?? 5, MAP_RAMP.length));
	const digits = autoDigits(vals, o.digits);
	const f = (v: number) => fmtValue(v, o.lang, digits);
	const w = L[o.lang];
	const zeroClass = vals[0] === 0 && vals[vals.length - 1] > 0;
	const rest = zeroClass ? vals.filter((v) => v > 0) : vals;
	const m = zeroClass ? n - 1 : n;
	const lo = vals[0] === rest[0] ? rest[0] : niceFloor(rest[0]);
	const breaks = [lo];
	for (let k = 1; k < m; k++) {
		const b = niceFloor(rest[Math.floor((k * rest.length) / m)]);
		if (b > breaks[breaks.length - 1]) breaks.push(b);
	}
	const max = rest[rest.length - 1];
	const bounds: [number, number][] = breaks.map((b, i) => [b, i + 1 < breaks.length ? breaks[i + 1] : max]);
	const out: { min: number; max: number; label: string }[] = [];
	if (zeroClass) out.push({ min: 0, max: 0, label: f(0) });
	bounds.forEach(([a, b], i) => {
		const last = i === bounds.length - 1;
		// bounds that look the same at the shown digits are said once ("4,1", not "4,1 bis 4,1")
		out.push({ min: a, max: b, label: f(a) === f(b) ? f(a) : last ? `${f(a)} ${w.to} ${f(b)}` : `${f(a)} ${w.under} ${f(b)}` });
	});
	// spread the ramp: 5 classes use every colour, fewer skip the middle ones
	const idx = (i: number) => (out.length === 1 ? 2 : Math.round((i * (MAP_RAMP.length - 1)) / (out.length - 1)));
	return out.map((c, i) => ({ ...c, colour: MAP_RAMP[idx(i)] }));
}

/** index of the class of v (-1 for no value) */
export function classOf(v: number | null, classes: MapClass[]): number {
	if (v === null || !Number.isFinite(v)) return -1;
	for (let i = 0; i < classes.length; i++) {
		const c = classes[i];
		const last = i === classes.length - 1;
		if (c.min === c.max ? v === c.min : v >= c.min && (last ? v <= c.max : v < c.max)) return i;
	}
	return -1;
}

/** competition ranks ("1, 2, 2, 4") of the areas with a value; key → rank */
export function mapRanks(areas: MapArea[], order: 'desc' | 'asc' = 'desc'): Map<string, number> {
	const sign = order === 'asc' ? 1 : -1;
	const withValue = areas.filter((a) => a.value !== null).sort((a, b) => sign * ((a.value as number) - (b.value as number)));
	const ranks = new Map<string, number>();
	withValue.forEach((a, i) => ranks.set(a.key, i > 0 && withValue[i - 1].value === a.value ? ranks.get(withValue[i - 1].key)! : i + 1));
	return ranks;
}

/** a short stable hash of the area keys: the map's name (same areas → same registered map) */
function mapName(group: string, keys: string[]): string {
	let h = 0x811c9dc5;
	for (const ch of keys.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
	return `dlm-${group}-${keys.length}-${h.toString(36)}`;
}

const digitsOf = (areas: MapArea[], o: ChartOpts) => autoDigits(areas.map((a) => a.value), o.digits);

function groupsOf(areas: MapArea[]): string[] {
	return [...new Set(areas.filter((a) => a.geometry).map((a) => a.group ?? ''))];
}

/** mean latitude of the bounding box: the map's aspect (x squeezed by cos φ) */
function meanLat(areas: MapArea[]): number {
	let lo = 90;
	let hi = -90;
	const walk = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') {
			lo = Math.min(lo, c[1] as number);
			hi = Math.max(hi, c[1] as number);
		} else if (Array.isArray(c)) c.forEach(walk);
	};
	for (const a of areas) if (a.geometry) walk(a.geometry.coordinates);
	return lo <= hi ? (lo + hi) / 2 : 51;
}

export function summariseChoropleth(areas: MapArea[], o: ChoroplethOpts): string {
	const de = o.lang === 'de';
	const w = L[o.lang];
	const per = o.period ? ` (${o.period})` : '';
	const plural = o.areasLabel ?? w.areas;
	if (!areas.length) return de ? `${o.title}${per}: keine Daten.` : `${o.title}${per}: no data.`;
	const digits = digitsOf(areas, o);
	const ranks = mapRanks(areas, 'desc');
	const v = (a: MapArea) => fmtWithUnit(a.value, o.lang, o.unit, digits);
	const sorted = areas.filter((a) => a.value !== null).sort((a, b) => (b.value as number) - (a.value as number) || a.name.localeCompare(b.name, o.lang));
	const missing = areas.length - sorted.length;
	const noGeo = areas.filter((a) => !a.geometry).length;
	const parts: string[] = [];
	if (!sorted.length) parts.push(de ? `für keine der ${areas.length} ${plural} liegt ein Wert vor` : `none of the ${areas.length} ${plural} has a value`);
	else {
		const hi = sorted[0];
		const lo = sorted[sorted.length - 1];
		parts.push(
			sorted.length === 1
				? `${areas.length} ${plural}, ${de ? 'Wert nur für' : 'a value only for'} ${hi.name} (${v(hi)})`
				: de
					? `${areas.length} ${plural}, höchster Wert ${hi.name} (${v(hi)}), niedrigster ${lo.name} (${v(lo)})`
					: `${areas.length} ${plural}, highest ${hi.name} (${v(hi)}), lowest ${lo.name} (${v(lo)})`
		);
		if (missing) parts.push(de ? `${missing} ohne Daten` : `${missing} without data`);
	}
	if (noGeo) parts.push(de ? `${noGeo} ohne Grenze in der Karte` : `${noGeo} without a boundary on the map`);
	// one outlined area (the chosen Amt) leads the sentence; several (an Amt's Gemeinden in its Kreis) do not
	const h = o.highlight?.length === 1 ? areas.find((a) => a.key === o.highlight![0]) : undefined;
	const head = h
		? h.value === null
			? `${h.name}${per}: ${w.noData}; `
			: `${h.name}${per}: ${v(h)}, ${w.rank(ranks.get(h.key)!, sorted.length)}; `
		: `${o.title}${per}: `;
	return `${head}${parts.join('; ')}.`;
}

export function buildChoroplethOption(areas: MapArea[], o: ChoroplethOpts): EChartsOption {
	const w = L[o.lang];
	const digits = digitsOf(areas, o);
	const classes = mapClasses(areas.map((a) => a.value), o);
	const ranks = mapRanks(areas, o.rankOrder);
	const withValue = ranks.size;
	const hl = new Set(o.highlight ?? []);
	const byKey = new Map(areas.map((a) => [a.key, a]));
	const groups = groupsOf(areas);
	const maps: Record<string, object> = {};
	const top = topSpace(o) + (groups.length > 1 ? 26 : 4);
	// maps use the left MAP_SHARE % of the width, the legend the rest (ECharts boxes take % or px, not both)
	const bottom = 26; // the attribution line
	const series = groups.map((g, i) => {
		const inGroup = areas.filter((a) => (a.group ?? '') === g && a.geometry);
		const name = mapName(g || 'map', inGroup.map((a) => a.key));
		maps[name] = {
			type: 'FeatureCollection',
			features: inGroup.map((a) => ({ type: 'Feature', properties: { name: a.key }, geometry: a.geometry }))
		};
		const share = MAP_SHARE / groups.length;
		return {
			type: 'map' as const,
			id: `map:${g || 'all'}`,
			name: g || o.title,
			map: name,
			roam: false,
			selectedMode: false as const,
			aspectScale: Math.cos((meanLat(inGroup) * Math.PI) / 180),
			// keep the shape: fit into the box without stretching
			preserveAspect: 'contain',
			// each panel gets an equal share of the width left of the legend
			left: `${share * i + 0.5}%`,
			top,
			bottom,
			width: `${share - 1}%`,
			itemStyle: { borderColor: BORDER, borderWidth: 0.6, areaColor: NO_DATA_FILL },
			emphasis: { label: { show: !!o.labels }, itemStyle: { borderColor: OUTLINE, borderWidth: 2 } },
			label: { show: !!o.labels, fontFamily: FONT, fontSize: 11, color: TEXT, textBorderColor: '#ffffff', textBorderWidth: 2, formatter: (p: { name: string }) => byKey.get(p.name)?.name ?? '' },
			data: inGroup.map((a) => {
				const k = classOf(a.value, classes);
				const outlined = hl.has(a.key);
				return {
					name: a.key,
					value: a.value ?? NaN,
					itemStyle: {
						areaColor: k < 0 ? NO_DATA_FILL : classes[k].colour,
						...(k < 0 ? { decal: { ...NO_DATA_DECAL } } : {}),
						...(outlined ? { borderColor: OUTLINE, borderWidth: 3 } : {})
					},
					// the outlined area is drawn on top so its border is not hidden by neighbours
					...(outlined ? { z: 3 } : {})
				};
			})
		};
	});
	const graphic: object[] = [
		{
			type: 'text',
			id: 'attribution',
			left: 4,
			bottom: 4,
			style: { text: o.attribution ?? GEO_ATTRIBUTION, fill: MUTED, fontSize: 11, fontFamily: FONT }
		},
		// the unit above the legend (a piecewise visualMap with `text` would hide the class labels)
		{
			type: 'text',
			id: 'legend-unit',
			left: `${MAP_SHARE + 1}%`,
			top,
			style: { text: o.unit, fill: TEXT, fontSize: 12, fontWeight: 'bold', fontFamily: FONT, width: 165, overflow: 'break', lineHeight: 15 }
		},
		...(groups.length > 1
			? groups.map((g, i) => ({
					type: 'text',
					id: `panel:${g}`,
					left: `${(MAP_SHARE / groups.length) * i + 0.5}%`,
					top: topSpace(o),
					style: { text: o.groupLabels?.[g] ?? g, fill: TEXT, fontSize: 13, fontWeight: 'bold', fontFamily: FONT }
				}))
			: [])
	];
	// the legend: one entry per class plus "keine Daten" (a value no indicator takes, so it matches no area)
	const hasMissing = areas.some((a) => a.value === null);
	const pieces = [
		...classes.map((c, i) => ({
			...(c.min === c.max ? { value: c.min } : i === classes.length - 1 ? { gte: c.min, lte: c.max } : { gte: c.min, lt: c.max }),
			label: c.label,
			color: c.colour
		})),
		...(hasMissing ? [{ value: NO_DATA_VALUE, label: `${w.noData} (${o.lang === 'de' ? 'schraffiert' : 'hatched'})`, color: NO_DATA_FILL }] : [])
	];
	const fmt = (v: number | null) => fmtWithUnit(v, o.lang, o.unit, digits);
	const base = baseOption(o, summariseChoropleth(areas, o));
	const option: EChartsOption = {
		...base,
		// no automatic patterns (they would cover every area and add a second path per area):
		// only "keine Daten" carries one, set per item
		aria: { ...(base.aria as object), decal: { show: false } },
		tooltip: tooltip('item', (p) => {
			const a = byKey.get((p as { name: string }).name);
			if (!a) return '';
			const r = ranks.get(a.key);
			const line = a.value === null ? escapeHtml(w.noData) : `<b>${escapeHtml(fmt(a.value))}</b>`;
			return `${tipTitle(a.name)}${line}${r ? `<br>${escapeHtml(w.rank(r, withValue))}` : ''}`;
		}),
		visualMap: {
			type: 'piecewise',
			show: classes.length > 0,
			pieces,
			selectedMode: false,
			orient: 'vertical',
			left: `${MAP_SHARE + 1}%`,
			// below the unit (up to two lines)
			top: top + 36,
			itemWidth: 18,
			itemHeight: 12,
			itemSymbol: 'rect',
			align: 'left',
			// one line per class (a wrapped label would run into the next): 165 px fit "1.000,0 bis unter 10.000,0"; longer ones end in …
			textStyle: { color: TEXT, fontSize: 12, fontFamily: FONT, width: 165, overflow: 'truncate' },
			// no value: the same grey the item sets itself (with its hatching)
			outOfRange: { color: NO_DATA_FILL },
			seriesIndex: series.map((_, i) => i)
		} as EChartsOption['visualMap'],
		graphic: graphic as EChartsOption['graphic'],
		series: series as EChartsOption['series']
	};
	(option as Record<string, unknown>)[MAPS_KEY] = maps;
	return option;
}

/** % of the chart width for the map panels; the legend sits right of them */
const MAP_SHARE = 74;
/** legend-only value of the "keine Daten" entry (indicators here are never negative) */
const NO_DATA_VALUE = -1;

export function tableChoropleth(areas: MapArea[], o: ChoroplethOpts): TableModel {
	const w = L[o.lang];
	const digits = digitsOf(areas, o);
	const classes = mapClasses(areas.map((a) => a.value), o);
	const ranks = mapRanks(areas, o.rankOrder);
	const sorted = [...areas].sort(
		(a, b) => (ranks.get(a.key) ?? Infinity) - (ranks.get(b.key) ?? Infinity) || a.name.localeCompare(b.name, o.lang)
	);
	const extra = o.extraColumns ?? [];
	return {
		caption: `${o.title}${o.period ? ` (${o.period})` : ''}`,
		columns: [
			{ key: 'name', label: o.areaLabel ?? w.area, numeric: false },
			{ key: 'value', label: o.unit, numeric: true, digits },
			{ key: 'rank', label: w.rankCol, numeric: true, digits: 0 },
			{ key: 'class', label: w.clazz, numeric: false },
			...extra
		],
		rows: sorted.map((a) => {
			const k = classOf(a.value, classes);
			const cls = !a.geometry ? w.noBoundary : k < 0 ? w.noData : classes[k].label;
			return [a.name, a.value, ranks.get(a.key) ?? null, cls, ...extra.map((c) => a.extra?.[c.key] ?? null)];
		}),
		rowKeys: sorted.map((a) => a.key)
	};
}

/** a height that fits the map (and the legend) */
export function choroplethHeight(o: ChoroplethOpts, panels = 1): number {
	return (showsTitle(o) ? 64 : 0) + (panels > 1 ? 460 : 440);
}
