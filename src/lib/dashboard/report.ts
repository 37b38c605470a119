/**
 * The report pack: which charts go into the PowerPoint file and the Excel workbook for an Amt
 * and period, in slide order — the same specs the pages show. Decision: the pack is about the
 * Amt, so it holds the Amt's trend and ranking, its comparison with the BW peers and its reach
 * among older people, and where in the Amt the Lotsen reach people: the maps of the Amt's
 * Gemeinden (65+ reach, contacts). The Land-wide Qualifizierung and Coworking pages and the
 * maps of the Kreis and of all Ämter have their own downloads.
 */
import type { ChartSpec } from './spec';
import { AELTERE_CHARTS } from './specs/aeltere';
import { karteKontakteSpec, karteReichweiteSpec } from './specs/karte';
import { TREND_CHARTS, UEBERBLICK_CHARTS } from './specs/ueberblick';
import { VERGLEICH_CHARTS } from './specs/vergleich';

const amtTrend = TREND_CHARTS.filter((s) => s.id === 'ueberblick-trend-amt');

export const REPORT_SPECS: ChartSpec[] = [...amtTrend, ...UEBERBLICK_CHARTS.filter((s) => !TREND_CHARTS.includes(s)), ...VERGLEICH_CHARTS, ...AELTERE_CHARTS, karteReichweiteSpec, karteKontakteSpec];
