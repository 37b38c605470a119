/**
 * A chart option for a slide read from the back of a room: every text of the chart at `fontSize`
 * px or more (axis labels, axis names, legend, value labels, tooltip), the marks a little larger,
 * the title not drawn (the slide shows title, key figure, summary and source as large HTML text).
 * Pure: option in, option out; works on any option the builders in this folder make.
 * Decision: scale the one option rather than build slide variants of each builder, so a slide
 * always shows exactly the chart of the page.
 */
import type { EChartsOption } from './echarts';
import { TEXT } from './palette';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const each = (v: unknown, f: (x: Obj) => Obj): unknown => (Array.isArray(v) ? v.map((x) => (isObj(x) ? f(x) : x)) : isObj(v) ? f(v) : v);
const bigger = (v: unknown, k: number): unknown => (typeof v === 'number' ? Math.round(v * k) : v);

/** text style at least `fs` px (a larger size stays) */
function text(style: unknown, fs: number): Obj {
	const s = isObj(style) ? style : {};
	const cur = typeof s.fontSize === 'number' ? s.fontSize : 0;
	return { ...s, fontSize: Math.max(cur, fs) };
}

function axis(a: Obj, fs: number, k: number): Obj {
	const label = isObj(a.axisLabel) ? a.axisLabel : {};
	return {
		...a,
		// projector-safe contrast: labels in the text colour, not ECharts' grey
		axisLabel: { color: TEXT, ...text(label, fs), width: bigger(label.width, k) },
		nameTextStyle: { color: TEXT, ...text(a.nameTextStyle, fs) },
		nameGap: bigger(a.nameGap ?? 15, k)
	};
}

function series(s: Obj, fs: number, k: number): Obj {
	const out: Obj = { ...s };
	if (isObj(s.label)) out.label = { ...text(s.label, fs), distance: bigger(s.label.distance, k) };
	if (isObj(s.endLabel)) out.endLabel = text(s.endLabel, fs);
	// symbols (the Amt's dot, the medians' diamonds) grow with the text, so shapes stay readable
	if (typeof s.symbolSize === 'number' || Array.isArray(s.symbolSize)) out.symbolSize = Array.isArray(s.symbolSize) ? s.symbolSize.map((v) => bigger(v, k)) : bigger(s.symbolSize, k);
	if (typeof s.barMaxWidth === 'number') out.barMaxWidth = bigger(s.barMaxWidth, k);
	if (isObj(s.lineStyle) && typeof s.lineStyle.width === 'number') out.lineStyle = { ...s.lineStyle, width: bigger(s.lineStyle.width, Math.min(k, 1.5)) };
	return out;
}

export interface SlideOpts {
	/** smallest text size in px; 20 at 1920×1080 */
	fontSize: number;
}

export function slideOption(option: EChartsOption, o: SlideOpts): EChartsOption {
	const fs = o.fontSize;
	// builders draw at 12 px: everything measured in px grows by the same factor
	const k = fs / 12;
	const src = option as Obj;
	const out: Obj = { ...src, animation: false, textStyle: text(src.textStyle, fs) };
	if (src.title) out.title = each(src.title, (t) => ({ ...t, show: false }));
	if (src.legend) out.legend = each(src.legend, (l) => ({ ...l, textStyle: text(l.textStyle, fs), itemWidth: 25 * k * 0.8, itemHeight: 14 * k * 0.8, itemGap: bigger(l.itemGap ?? 10, k) }));
	if (src.tooltip) out.tooltip = each(src.tooltip, (t) => ({ ...t, textStyle: text(t.textStyle, fs) }));
	for (const a of ['xAxis', 'yAxis'] as const) if (src[a]) out[a] = each(src[a], (x) => axis(x, fs, k));
	if (src.series) out.series = each(src.series, (s) => series(s, fs, k));
	if (src.grid) {
		// without the drawn title the plot starts near the top; the other margins grow with the text
		out.grid = each(src.grid, (g) => ({ ...g, top: bigger(16, k), left: bigger(g.left, k), right: bigger(g.right, k), bottom: bigger(g.bottom, k) }));
	}
	return out as EChartsOption;
}

/** the smallest chart text for a viewport: 20 px at 1920 px width, never below 20 */
export function slideFontSize(viewportWidth: number): number {
	return Math.max(20, Math.round((viewportWidth / 1920) * 20));
}
