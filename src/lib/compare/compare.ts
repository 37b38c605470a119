/**
 * One indicator, one MV Amt: its value beside the distribution of its peer group, of all BW
 * Verbände and all MV Verbände in the programme, and the two Land totals. All statistics are
 * computed in SQL over the indicator's own query (level 'verband').
 *
 * Percentile rank = share of peers with a value whose value is ≤ the Amt's value, in %
 * (ties count as "≤"; peers whose value is NULL are left out; NULL when the Amt has no value).
 */
import type { Reader } from '../db/types';
import type { FilterKey, IndicatorParams, Text } from '../indicators/types';
import { getIndicator } from '../indicators/registry';
import { lit, litArray } from '../indicators/sql-lit';
import { DEFAULT_K, PROGRAMM_SQL, peerGroup, type PeerGroup } from './peers';
import { relation } from '../db/reads';

export interface GroupStats {
	/** areas in the group */
	n: number;
	/** of which with a value (not NULL) */
	nValues: number;
	median: number | null;
	q1: number | null;
	q3: number | null;
}

export interface Comparison {
	indicatorId: string;
	title: Text;
	unit: Text;
	amt: { key: string; name: string };
	amtValue: number | null;
	/** percentile rank of the Amt within its peers (0..100), see above */
	percentile: number | null;
	peers: GroupStats;
	bw: GroupStats;
	mv: GroupStats;
	land: { MV: number | null; BW: number | null };
	/** some 65+ population in the compared values is an estimate */
	estimate: boolean;
}

export interface CompareOptions {
	amt: string;
	from: string;
	to: string;
	k?: number;
	filters?: Partial<Record<FilterKey, string[]>>;
	/** reuse a peer group already computed for this Amt */
	peerGroup?: PeerGroup;
}

const EMPTY: GroupStats = { n: 0, nValues: 0, median: null, q1: null, q3: null };

type StatsRow = { gruppe: string; n: number; n_values: number; q1: number | null; median: number | null; q3: number | null; pct: number | null; est: boolean };

/** the indicator's values of every Verband and the Verbände in the programme: neither depends on the Amt (temp tables through the coordinator) */
async function statsInputs(db: Reader, id: string, params: IndicatorParams): Promise<{ ind: string; programm: string; est: string }> {
	const def = getIndicator(id);
	const ind = `SELECT * FROM ${await relation(db, def.sql(params))}`;
	const programm = await relation(db, PROGRAMM_SQL);
	const est = def.estimateColumn ? 'COALESCE(bool_or(i.estimate), false)' : 'false';
	return { ind, programm, est };
}

/** quartiles of the groups' values and the target's percentile rank among them, in one statement */
function statsSql(ind: string, programm: string, est: string, gruppen: string, ziel: string): string {
	return `WITH ind AS (${ind}), programm AS (SELECT * FROM ${programm} p),
		gruppen AS (${gruppen}),
		ziel AS (${ziel})
		SELECT g.gruppe, count(*) AS n, count(i.value) AS n_values,
			quantile_cont(i.value, 0.25) AS q1, quantile_cont(i.value, 0.5) AS median, quantile_cont(i.value, 0.75) AS q3,
			CASE WHEN (SELECT value FROM ziel) IS NULL OR count(i.value) = 0 THEN NULL
				ELSE 100.0 * count(i.value) FILTER (WHERE i.value <= (SELECT value FROM ziel)) / count(i.value) END AS pct,
			${est} AS est
		FROM gruppen g LEFT JOIN ind i ON i.key = g.key
		GROUP BY g.gruppe`;
}

const LAND_GROUPS = `SELECT 'bw' AS gruppe, key FROM programm WHERE land = 'BW' UNION ALL SELECT 'mv', key FROM programm WHERE land = 'MV'`;
const NO_TARGET = `SELECT CAST(NULL AS DOUBLE) AS value`;

const toStats = (r: StatsRow | undefined): GroupStats => (r ? { n: r.n, nValues: r.n_values, median: r.median, q1: r.q1, q3: r.q3 } : { ...EMPTY });

/**
 * The distribution of one indicator over the Ämter and Verbände in the programme, per Land (the
 * "Median MV" and "Median BW" of the comparison): the same statement `compareIndicator` runs, so
 * through the coordinator the two share one answer. Level 'verband'.
 */
export async function programmeStats(db: Reader, id: string, o: { from: string; to: string; filters?: Partial<Record<FilterKey, string[]>> }): Promise<{ mv: GroupStats; bw: GroupStats }> {
	const { ind, programm, est } = await statsInputs(db, id, { from: o.from, to: o.to, level: 'verband', filters: o.filters });
	const rows = await db.query<StatsRow>(statsSql(ind, programm, est, LAND_GROUPS, NO_TARGET));
	return { mv: toStats(rows.find((r) => r.gruppe === 'mv')), bw: toStats(rows.find((r) => r.gruppe === 'bw')) };
}

/** `db`: through the coordinator, the values of every Verband are kept for the next Amt (they do not depend on it) */
export async function compareIndicator(db: Reader, id: string, o: CompareOptions): Promise<Comparison> {
	const def = getIndicator(id);
	if (def.shape !== 'area') throw new Error(`Indikator ${id} hat keinen Einzelwert je Gebiet und lässt sich nicht so vergleichen`);
	const pg = o.peerGroup ?? (await peerGroup(db, o.amt, o.k ?? DEFAULT_K));
	const params: IndicatorParams = { from: o.from, to: o.to, level: 'verband', filters: o.filters };
	const { ind, programm, est } = await statsInputs(db, id, params);
	// two statements: the Amt and its peers, and all of BW and MV, whose statement does not name
	// the Amt and so is answered from the coordinator's cache for every further Amt
	const [near, wide] = await Promise.all([
		db.query<StatsRow>(
			statsSql(ind, programm, est, `SELECT 'amt' AS gruppe, ${lit(o.amt)} AS key UNION ALL SELECT 'peer', unnest(${litArray(pg.peers.map((p) => p.key))})`, `SELECT value FROM ind WHERE key = ${lit(o.amt)}`)
		),
		db.query<StatsRow>(statsSql(ind, programm, est, LAND_GROUPS, NO_TARGET))
	]);
	const rows = [...near, ...wide];
	const landSql = `SELECT key, value FROM (${def.sql({ ...params, level: 'land', areas: ['MV', 'BW'] })}) t`;
	const land = await db.query<{ key: 'MV' | 'BW'; value: number | null }>(landSql);
	const by = (g: string) => rows.find((r) => r.gruppe === g);
	const stats = (g: string): GroupStats => toStats(by(g));
	return {
		indicatorId: id,
		title: def.title,
		unit: def.unit,
		amt: { key: pg.amt.key, name: pg.amt.name },
		amtValue: by('amt')?.median ?? null, // the 'amt' group has one row: its median is its value
		percentile: by('peer')?.pct ?? null,
		peers: stats('peer'),
		bw: stats('bw'),
		mv: stats('mv'),
		land: { MV: land.find((r) => r.key === 'MV')?.value ?? null, BW: land.find((r) => r.key === 'BW')?.value ?? null },
		estimate: rows.some((r) => r.est)
	};
}
