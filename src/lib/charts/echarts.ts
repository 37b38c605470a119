/**
 * The only place ECharts is imported: the chart kinds and components this app uses, registered
 * once (tree-shaken; ~170 kB gzip instead of ~370 kB for all of ECharts). Add a part here before
 * a builder uses it, or ECharts silently ignores that part of the option.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, MapSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import {
	AriaComponent,
	GeoComponent,
	GraphicComponent,
	GridComponent,
	LegendComponent,
	TitleComponent,
	TooltipComponent,
	VisualMapPiecewiseComponent
} from 'echarts/components';
import type {
	AriaComponentOption,
	GraphicComponentOption,
	GridComponentOption,
	LegendComponentOption,
	TitleComponentOption,
	TooltipComponentOption,
	VisualMapComponentOption
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
	BarChart,
	LineChart,
	ScatterChart,
	MapChart,
	AriaComponent,
	GeoComponent,
	GraphicComponent,
	GridComponent,
	LegendComponent,
	TitleComponent,
	TooltipComponent,
	VisualMapPiecewiseComponent,
	SVGRenderer
]);

/** The option type of the registered parts (what every `build…Option` returns). */
export type EChartsOption = echarts.ComposeOption<
	| BarSeriesOption
	| LineSeriesOption
	| ScatterSeriesOption
	| MapSeriesOption
	| AriaComponentOption
	| GraphicComponentOption
	| GridComponentOption
	| LegendComponentOption
	| TitleComponentOption
	| TooltipComponentOption
	| VisualMapComponentOption
>;

export type EChartsType = echarts.EChartsType;
export { echarts };

/**
 * Maps: a pure builder cannot call `echarts.registerMap`, so a map option carries its GeoJSON
 * under `MAPS_KEY` ({ mapName: FeatureCollection }; names are unique per set of areas, see
 * charts/choropleth.ts). `withMaps` registers those maps once and returns the option without
 * the key; call it right before every `setOption` (Chart.svelte, ssr.ts). Other options pass unchanged.
 */
export const MAPS_KEY = 'dlmMaps';
const registered = new Set<string>();

export function withMaps(option: EChartsOption): EChartsOption {
	const maps = (option as Record<string, unknown>)[MAPS_KEY] as Record<string, object> | undefined;
	if (!maps) return option;
	for (const [name, geoJson] of Object.entries(maps)) {
		if (registered.has(name)) continue;
		echarts.registerMap(name, geoJson as never);
		registered.add(name);
	}
	const rest = { ...option } as Record<string, unknown>;
	delete rest[MAPS_KEY];
	return rest as EChartsOption;
}
