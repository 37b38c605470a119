/**
 * Pure chart builders: rows in, ECharts option / one-sentence summary / table model out.
 * Usage and option shapes: README.md in this folder. This index pulls in no ECharts runtime:
 * the component imports ./echarts, SVG export uses ./ssr (renderSvg).
 */
export type { ChartOpts, TableColumn, TableModel, Lang } from './types';
export type { EChartsOption } from './echarts';
export { buildBarAreasOption, summariseBarAreas, tableBarAreas, barAreaItems, type BarAreasOpts } from './bar-areas';
export { buildBarCategoriesOption, summariseBarCategories, tableBarCategories, categoriesFromRows, type BarCategoriesOpts, type CategoryDatum } from './bar-categories';
export { buildDotRangeOption, summariseDotRange, tableDotRange, type DotRangeOpts } from './dot-range';
export { buildLineTrendOption, summariseLineTrend, tableLineTrend, trendRows, type LineTrendOpts } from './line-trend';
export { buildAlignedCurvesOption, summariseAlignedCurves, tableAlignedCurves, programmeMonths, type AlignedInput, type AlignedCurvesOpts } from './aligned-curves';
export { buildStackedShareOption, summariseStackedShare, tableStackedShare, shareModel, type StackedShareOpts } from './stacked-share';
export { hbarHeight } from './hbar';
export { sourceLine } from './base';
export { escapeHtml } from './escape';
export { DASH, fmtAxis, fmtMonth, fmtPercent, fmtValue, fmtWithUnit } from './format';
export { chartLabels, CHART_LABELS, type ChartLabels } from './labels';
export { PALETTE, NEUTRAL, contrast } from './palette';
export { DECALS, decal, noDecal } from './decals';
export { aboveThousandSentence, isPerThousand, withAboveThousand } from './plain-words';
