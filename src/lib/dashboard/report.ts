/**
 * The report pack: which charts go into the PowerPoint file and the Excel workbook for an Amt
 * and period, in slide order. The same specs the pages show.
 */
import type { ChartSpec } from './spec';
import { VERGLEICH_CHARTS } from './specs/vergleich';

export const REPORT_SPECS: ChartSpec[] = [...VERGLEICH_CHARTS];
