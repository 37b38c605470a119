/**
 * What the comparison page shows: for each headline indicator, an MV Amt beside its BW peer
 * group, all BW Verbände and all MV Verbände in the programme.
 */
import type { Reader } from '../db/types';
import type { FilterKey, Text } from '../indicators/types';
import { getIndicator } from '../indicators/registry';
import { compareIndicator } from './compare';
import { DEFAULT_K, peerGroup, type PeerGroup } from './peers';

/** Per-capita and share indicators only: counts are not comparable across areas of different size. */
export const HEADLINE_INDICATORS = [
	'kontakte_je_1000',
	'teilnehmende_je_1000',
	'stunden_je_1000',
	'lotsen_je_10000',
	'teilnehmende_65plus_je_1000_65plus',
	'anteil_teilnehmende_65plus',
	'abdeckung_gemeinden',
	'abdeckung_bevoelkerung',
	'analog_anteil'
];

export interface AmtComparisonRow {
	indicatorId: string;
	title: Text;
	unit: Text;
	amtValue: number | null;
	peerMedian: number | null;
	peerQ1: number | null;
	peerQ3: number | null;
	/** share of peers (with a value) whose value is ≤ the Amt's, in % */
	percentile: number | null;
	bwMedian: number | null;
	mvMedian: number | null;
	peerCount: number;
	estimate: boolean;
	/** extras beyond the page's minimum: IQRs of the wider groups and the Land totals */
	bwQ1: number | null;
	bwQ3: number | null;
	mvQ1: number | null;
	mvQ3: number | null;
	landMV: number | null;
	landBW: number | null;
	/**
	 * the second Amt of the page ("Vergleichen mit …"), when one is chosen: its value and its
	 * percentile rank within the FIRST Amt's peer group (one peer group per page)
	 */
	second?: { value: number | null; percentile: number | null };
}

export interface AmtComparison {
	peerGroup: PeerGroup;
	rows: AmtComparisonRow[];
}

export async function amtComparison(
	db: Reader,
	o: { amt: string; amt2?: string; from: string; to: string; k?: number; indicators?: string[]; filters?: Partial<Record<FilterKey, string[]>>; peerGroup?: PeerGroup }
): Promise<AmtComparison> {
	const pg = o.peerGroup ?? (await peerGroup(db, o.amt, o.k ?? DEFAULT_K));
	const ids = o.indicators ?? HEADLINE_INDICATORS;
	// all indicators asked at once: through the coordinator their statements queue up, so the
	// database never waits for the page between two of them
	// each indicator applies only the filters its summary table can (the caller says which were ignored)
	const filtersOf = (id: string) => {
		const allowed = getIndicator(id).filters;
		return Object.fromEntries(Object.entries(o.filters ?? {}).filter(([k]) => allowed.includes(k as FilterKey)));
	};
	const amt2 = o.amt2 && o.amt2 !== o.amt ? o.amt2 : null;
	const [comparisons, seconds] = await Promise.all([
		Promise.all(ids.map((id) => compareIndicator(db, id, { amt: o.amt, from: o.from, to: o.to, peerGroup: pg, filters: filtersOf(id) }))),
		// the second Amt against the first one's peer group: the values of every Verband and the
		// BW/MV statistics are the same statements, so through the coordinator this is a lookup
		amt2 ? Promise.all(ids.map((id) => compareIndicator(db, id, { amt: amt2, from: o.from, to: o.to, peerGroup: pg, filters: filtersOf(id) }))) : null
	]);
	const rows: AmtComparisonRow[] = [];
	for (const [i, id] of ids.entries()) {
		const c = comparisons[i];
		rows.push({
			indicatorId: id,
			title: c.title,
			unit: c.unit,
			amtValue: c.amtValue,
			peerMedian: c.peers.median,
			peerQ1: c.peers.q1,
			peerQ3: c.peers.q3,
			percentile: c.percentile,
			bwMedian: c.bw.median,
			mvMedian: c.mv.median,
			peerCount: pg.size,
			estimate: c.estimate,
			bwQ1: c.bw.q1,
			bwQ3: c.bw.q3,
			mvQ1: c.mv.q1,
			mvQ3: c.mv.q3,
			landMV: c.land.MV,
			landBW: c.land.BW,
			...(seconds ? { second: { value: seconds[i].amtValue, percentile: seconds[i].percentile } } : {})
		});
	}
	return { peerGroup: pg, rows };
}
