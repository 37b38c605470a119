/** choropleth: classes, the no-data pattern, the outline, tooltips, summary, table, SVG. */
import { describe, it, expect } from 'vitest';
import {
	buildChoroplethOption,
	classOf,
	GEO_ATTRIBUTION,
	MAP_RAMP,
	mapClasses,
	mapRanks,
	niceFloor,
	NO_DATA_FILL,
	summariseChoropleth,
	tableChoropleth,
	type ChoroplethOpts,
	type MapArea
} from '../../../src/lib/charts/choropleth';
import { MAPS_KEY } from '../../../src/lib/charts/echarts';
import { BASE, EVIL, EVIL_ESCAPED, expectSsr, tip } from './fixtures';

/** a 0.1° square with its south-west corner at (lon, lat) */
const square = (lon: number, lat: number) => ({ type: 'Polygon' as const, coordinates: [[[lon, lat], [lon + 0.1, lat], [lon + 0.1, lat + 0.1], [lon, lat + 0.1], [lon, lat]]] });

const AREAS: MapArea[] = [
	{ key: '13076034', name: 'Dömitz', value: 31.4, geometry: square(11.2, 53.1) },
	{ key: '13076094', name: 'Malliß', value: 12, geometry: square(11.3, 53.1) },
	{ key: '13076143', name: 'Vielank', value: null, geometry: square(11.2, 53.2) },
	{ key: '13076103', name: 'Neu Kaliß', value: 0, geometry: square(11.3, 53.2) },
	{ key: '13076999', name: 'Ohne Grenze', value: 5, geometry: null }
];
const de: ChoroplethOpts = { ...BASE, lang: 'de', title: 'Teilnahmen 65+ je 1.000 Einwohner ab 65 (Schätzung)', unit: 'je 1.000 EW 65+', highlight: ['13076094'], areaLabel: 'Gemeinde', areasLabel: 'Gemeinden' };
const en: ChoroplethOpts = { ...de, lang: 'en', areaLabel: 'Municipality', areasLabel: 'municipalities' };

type MapSeries = { id: string; map: string; data: { name: string; value: number; itemStyle: { areaColor: string; decal: { color: string }; borderWidth?: number; borderColor?: string } }[] };
const mapSeries = (o: ReturnType<typeof buildChoroplethOption>) => o.series as unknown as MapSeries[];
const item = (o: ReturnType<typeof buildChoroplethOption>, key: string) => mapSeries(o).flatMap((s) => s.data).find((d) => d.name === key)!;
const maps = (o: ReturnType<typeof buildChoroplethOption>) => (o as Record<string, unknown>)[MAPS_KEY] as Record<string, { features: { properties: { name: string } }[] }>;

describe('classes', () => {
	it('niceFloor keeps two significant digits', () => {
		expect([niceFloor(0.0347), niceFloor(1234), niceFloor(31.4), niceFloor(12), niceFloor(7)]).toEqual([0.034, 1200, 31, 12, 7]);
	});

	it('0 is a class of its own; the rest quantile classes with rounded breaks', () => {
		// positive values sorted: 5, 12, 31.4 → m = 4 classes asked, breaks at index ⌊k·3/4⌋ = 0, 1, 2 → 5, 12, 31 (31.4 rounded down)
		const c = mapClasses([31.4, 12, null, 0, 5], { lang: 'de' });
		expect(c.map((x) => [x.min, x.max, x.label])).toEqual([
			[0, 0, '0,0'],
			[5, 12, '5,0 bis unter 12,0'],
			[12, 31, '12,0 bis unter 31,0'],
			[31, 31.4, '31,0 bis 31,4']
		]);
		// 4 classes spread over the 5 colours: 0, 1, 3, 4
		expect(c.map((x) => x.colour)).toEqual([MAP_RAMP[0], MAP_RAMP[1], MAP_RAMP[3], MAP_RAMP[4]]);
		expect([0, 5, 11.9, 12, 31.4, null].map((v) => classOf(v, c))).toEqual([0, 1, 1, 2, 3, -1]);
		expect(mapClasses([1000, 2000], { lang: 'en', classes: 2 }).map((x) => x.label)).toEqual(['1,000 to under 2,000', '2,000']);
		expect(mapClasses([null], { lang: 'de' })).toEqual([]);
		// a last class 4.1 … 4.14 shown with one digit: "4,1", not "4,1 bis 4,1"
		expect(mapClasses([0, 3.2, 3.4, 4.14], { lang: 'de', digits: 1 }).map((x) => x.label)).toEqual(['0,0', '3,2 bis unter 3,4', '3,4 bis unter 4,1', '4,1']);
	});

	it('ranks: highest first, ties share a rank, no value no rank', () => {
		const r = mapRanks([...AREAS, { key: 'x', name: 'X', value: 12, geometry: null }]);
		expect(Object.fromEntries(r)).toEqual({ '13076034': 1, '13076094': 2, x: 2, '13076999': 4, '13076103': 5 });
		expect(mapRanks(AREAS, 'asc').get('13076103')).toBe(1);
	});
});

describe('choropleth option', () => {
	const o = buildChoroplethOption(AREAS, de);

	it('one feature per area with a boundary, keyed by AGS', () => {
		const m = Object.values(maps(o));
		expect(m.length).toBe(1);
		expect(m[0].features.map((f) => f.properties.name)).toEqual(['13076034', '13076094', '13076143', '13076103']);
		expect(mapSeries(o)[0].map).toBe(Object.keys(maps(o))[0]);
	});

	it('value per key, coloured by class', () => {
		expect(mapSeries(o)[0].data.map((d) => [d.name, d.value])).toEqual([
			['13076034', 31.4],
			['13076094', 12],
			['13076143', NaN],
			['13076103', 0]
		]);
		expect(item(o, '13076103').itemStyle.areaColor).toBe(MAP_RAMP[0]);
		expect(item(o, '13076034').itemStyle.areaColor).toBe(MAP_RAMP[4]);
	});

	it('"keine Daten" is a class with a pattern, not only a colour, and is in the legend', () => {
		const nd = item(o, '13076143').itemStyle;
		expect(nd.areaColor).toBe(NO_DATA_FILL);
		expect(nd.decal.color).toBe('#6f6f6f');
		// areas with a value get no pattern, and no automatic ones either
		expect(item(o, '13076034').itemStyle.decal).toBeUndefined();
		expect((o.aria as { decal: { show: boolean } }).decal.show).toBe(false);
		const pieces = (o.visualMap as { pieces: { label: string }[] }).pieces.map((p) => p.label);
		expect(pieces).toEqual(['0,0', '5,0 bis unter 12,0', '12,0 bis unter 31,0', '31,0 bis 31,4', 'keine Daten (schraffiert)']);
	});

	it('the chosen area is outlined', () => {
		expect(item(o, '13076094').itemStyle).toMatchObject({ borderWidth: 3, borderColor: '#000000' });
		expect(item(o, '13076034').itemStyle.borderWidth).toBeUndefined();
	});

	it('tooltip: name, value and rank, escaped', () => {
		expect(tip(o, { name: '13076094' })).toBe('<div style="font-weight:bold">Malliß</div><b>12,0\u00a0je 1.000 EW 65+</b><br>Rang 2 von 4');
		expect(tip(o, { name: '13076143' })).toBe('<div style="font-weight:bold">Vielank</div>keine Daten');
		const evil = buildChoroplethOption([{ ...AREAS[0], name: EVIL }], en);
		expect(tip(evil, { name: '13076034' })).toBe(`<div style="font-weight:bold">${EVIL_ESCAPED}</div><b>31.4\u00a0je 1.000 EW 65+</b><br>rank 1 of 1`);
	});

	it('the BKG attribution is on the map; title, source, aria as every chart', () => {
		const g = o.graphic as { id: string; style: { text: string } }[];
		expect(g.find((x) => x.id === 'attribution')!.style.text).toBe(GEO_ATTRIBUTION);
		// as every chart (fixtures' expectCommon), except that maps set their one pattern themselves
		const aria = o.aria as { enabled: boolean; decal: { show: boolean }; label: { description: string } };
		expect(aria.enabled).toBe(true);
		expect(aria.label.description).toBe(summariseChoropleth(AREAS, de));
		const t = o.title as { text: string; subtext: string };
		expect(t.text).toBe(de.title);
		expect(t.subtext).toBe('Quelle: Programmdaten; Destatis GV-ISys · Stand: 31.12.2025 · Beispieldaten');
	});

	it('two panels (MV | BW) share one set of classes', () => {
		const two = buildChoroplethOption(
			[
				{ ...AREAS[0], group: 'MV' },
				{ ...AREAS[1], group: 'BW', key: '08111000', geometry: square(9.1, 48.7) }
			],
			{ ...de, groupLabels: { MV: 'Mecklenburg-Vorpommern', BW: 'Baden-Württemberg' } }
		);
		expect(mapSeries(two).map((s) => s.id)).toEqual(['map:MV', 'map:BW']);
		expect(Object.keys(maps(two)).length).toBe(2);
		expect((two.visualMap as { seriesIndex: number[] }).seriesIndex).toEqual([0, 1]);
		expect((two.graphic as { id: string; style: { text: string } }[]).filter((x) => x.id.startsWith('panel:')).map((x) => x.style.text)).toEqual([
			'Mecklenburg-Vorpommern',
			'Baden-Württemberg'
		]);
	});

	it('renders to SVG with the map, the hatching and the attribution', () => {
		const svg = expectSsr(buildChoroplethOption(AREAS, { ...de, showTitle: true }), de.title, 'x');
		expect(svg).toContain('© GeoBasis-DE / BKG (Daten verändert)');
		// 4 areas drawn: the class colours appear as fills
		for (const c of [MAP_RAMP[0], MAP_RAMP[1], MAP_RAMP[4]]) expect(svg.toLowerCase()).toContain(`fill="${c}"`);
		// the hatching is an SVG pattern, drawn over the one area without data only (4 areas + 1 hatch layer)
		expect(svg.match(/<pattern/g)!.length).toBe(1);
		expect(svg.match(/ecmeta_ssr_type="chart"/g)!.length).toBe(4);
		// the outline: a 3px black stroke
		expect(svg).toMatch(/stroke="#000000" stroke-width="3"/);
		// the legend lists the classes with their labels and "keine Daten"
		for (const label of ['0,0', '5,0 bis unter 12,0', '31,0 bis 31,4', 'keine Daten (schraffiert)']) expect(svg).toContain(`>${label}</text>`);
	});
});

describe('choropleth summary and table', () => {
	it('summary names the chosen area with rank, the extremes, missing values and boundaries', () => {
		expect(summariseChoropleth(AREAS, de)).toBe(
			'Malliß (2025): 12,0\u00a0je 1.000 EW 65+, Rang 2 von 4; 5 Gemeinden, höchster Wert Dömitz (31,4\u00a0je 1.000 EW 65+), niedrigster Neu Kaliß (0,0\u00a0je 1.000 EW 65+); 1 ohne Daten; 1 ohne Grenze in der Karte.'
		);
		expect(summariseChoropleth(AREAS, { ...en, highlight: [] })).toBe(
			'Teilnahmen 65+ je 1.000 Einwohner ab 65 (Schätzung) (2025): 5 municipalities, highest Dömitz (31.4\u00a0je 1.000 EW 65+), lowest Neu Kaliß (0.0\u00a0je 1.000 EW 65+); 1 without data; 1 without a boundary on the map.'
		);
		expect(summariseChoropleth([AREAS[2]], de)).toBe('Teilnahmen 65+ je 1.000 Einwohner ab 65 (Schätzung) (2025): für keine der 1 Gemeinden liegt ein Wert vor.');
	});

	it('table: by rank, with class, "keine Daten" and "keine Grenze", and the row keys', () => {
		const t = tableChoropleth(AREAS, de);
		expect(t.columns.map((c) => c.label)).toEqual(['Gemeinde', 'je 1.000 EW 65+', 'Rang', 'Klasse']);
		expect(t.rows).toEqual([
			['Dömitz', 31.4, 1, '31,0 bis 31,4'],
			['Malliß', 12, 2, '12,0 bis unter 31,0'],
			['Ohne Grenze', 5, 3, 'keine Grenze'],
			['Neu Kaliß', 0, 4, '0,0'],
			['Vielank', null, null, 'keine Daten']
		]);
		expect(t.rowKeys).toEqual(['13076034', '13076094', '13076999', '13076103', '13076143']);
	});
});
