/**
 * What the comparison page shows: for each headline indicator, an MV Amt beside its BW peer
 * group, all BW Verbände and all MV Verbände in the programme.
 */
import type { Reader } from '../db/types';
import type { FilterKey, IndicatorParams, Text } from '../indicators/types';
import { getIndicator } from '../indicators/registry';
import { lit, litArray } from '../indicators/sql-lit';
import { keepsRelations, relation } from '../db/reads';
import { allPeerGroups, DEFAULT_K, peerGroup, peerRelations, peersSql, type PeerGroup } from './peers';

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

type StatsRow = { amt: string | null; id: string; gruppe: string; n: number; n_values: number; q1: number | null; median: number | null; q3: number | null; pct: number | null; est: boolean };

/**
 * All indicators in three statements instead of three per indicator (a statement costs a round
 * trip to the database worker, more than the statement itself on these small tables):
 *
 * - near: the Amt and its peer group, every indicator at once. Through the coordinator, for an
 *   MV Amt, the statement covers every MV Verband and its group (allPeersSql) and names no Amt:
 *   it runs once per filter state and every further Amt is answered from the cache. Otherwise
 *   (plain database in tests and scripts, other keys) only the Amt, with peersSql inside it;
 * - wide: all BW and all MV Verbände in the programme (no Amt in its text: the coordinator
 *   answers it from its cache for every further Amt);
 * - land: the Land totals (no Amt either).
 *
 * Same statistics as compareIndicator (its tests hold the arithmetic); amt-comparison.test.ts
 * checks that both agree.
 */
export async function amtComparison(
	db: Reader,
	o: { amt: string; amt2?: string; from: string; to: string; k?: number; indicators?: string[]; filters?: Partial<Record<FilterKey, string[]>>; peerGroup?: PeerGroup }
): Promise<AmtComparison> {
	const k = o.peerGroup?.k ?? o.k ?? DEFAULT_K;
	const ids = o.indicators ?? HEADLINE_INDICATORS;
	const defs = ids.map((id) => {
		const def = getIndicator(id);
		if (def.shape !== 'area') throw new Error(`Indikator ${id} hat keinen Einzelwert je Gebiet und lässt sich nicht so vergleichen`);
		// each indicator applies only the filters its summary table can (the caller says which were ignored)
		const filters = Object.fromEntries(Object.entries(o.filters ?? {}).filter(([f]) => def.filters.includes(f as FilterKey)));
		return { id, def, params: { from: o.from, to: o.to, level: 'verband', filters } as IndicatorParams };
	});
	// through the coordinator, for an MV Amt: the near statistics of every MV Verband in one
	// statement without the Amt in its text (kept per filter state: the next Amt needs none)
	const all = !o.peerGroup && keepsRelations(db) ? await allPeerGroups(db, k) : null;
	const allAemter = all?.groups.has(o.amt) ? all : null;
	const pgP = o.peerGroup ? Promise.resolve(o.peerGroup) : allAemter ? Promise.resolve(allAemter.groups.get(o.amt)!) : peerGroup(db, o.amt, k);
	pgP.catch(() => undefined);
	// the values of every Verband do not depend on the Amt: through the coordinator a temp table each, made once
	const [rels, peerRel] = await Promise.all([Promise.all(defs.map((d) => relation(db, d.def.sql(d.params)))), peerRelations(db)]);
	const ind = defs.map((d, i) => `SELECT ${lit(d.id)} AS id, key, value, ${d.def.estimateColumn ? 'estimate' : 'false'} AS estimate FROM ${rels[i]} t`).join('\n\t\tUNION ALL ');
	/** gruppen: (amt, gruppe, key) — whose group, which group, member; ziel: (id, amt, value) — the Amt's own values */
	const statsSql = (gruppen: string, ziel: string) =>
		`WITH ind AS (${ind}),
		programm AS (SELECT * FROM ${peerRel.programm} p),
		ids AS (SELECT unnest(${litArray(ids)}) AS id),
		gruppen AS (${gruppen}),
		ziel AS (${ziel})
		SELECT g.amt, x.id, g.gruppe, count(*) AS n, count(i.value) AS n_values,
			quantile_cont(i.value, 0.25) AS q1, quantile_cont(i.value, 0.5) AS median, quantile_cont(i.value, 0.75) AS q3,
			CASE WHEN any_value(z.value) IS NULL OR count(i.value) = 0 THEN NULL
				ELSE 100.0 * count(i.value) FILTER (WHERE i.value <= z.value) / count(i.value) END AS pct,
			COALESCE(bool_or(i.estimate), false) AS est
		FROM ids x CROSS JOIN gruppen g LEFT JOIN ind i ON i.id = x.id AND i.key = g.key LEFT JOIN ziel z ON z.id = x.id AND z.amt = g.amt
		GROUP BY g.amt, x.id, g.gruppe`;
	const amtLit = lit(o.amt);
	const nearSql = allAemter
		? statsSql(
				`SELECT amt, CASE WHEN rank = 0 THEN 'amt' ELSE 'peer' END AS gruppe, key FROM ${allAemter.table} a`,
				`SELECT i.id, i.key AS amt, i.value FROM ind i WHERE i.key IN (SELECT amt FROM ${allAemter.table} a WHERE rank = 0)`
			)
		: statsSql(
				`SELECT ${amtLit} AS amt, 'amt' AS gruppe, ${amtLit} AS key UNION ALL SELECT ${amtLit}, 'peer', key FROM (${
					o.peerGroup ? `SELECT unnest(${litArray(o.peerGroup.peers.map((p) => p.key))}) AS key` : `SELECT key FROM (${peersSql(o.amt, k, peerRel)}) p`
				}) p`,
				`SELECT id, key AS amt, value FROM ind WHERE key = ${amtLit}`
			);
	// the second Amt against the FIRST Amt's peer group: its value ('amt2') and the share of those
	// peers at or below it ('peer2'); one more statement, only when a second Amt is chosen
	const amt2 = o.amt2 && o.amt2 !== o.amt ? o.amt2 : null;
	const peerKeysOfAmt = allAemter
		? `SELECT key FROM ${allAemter.table} a WHERE amt = ${amtLit} AND rank > 0`
		: o.peerGroup
			? `SELECT unnest(${litArray(o.peerGroup.peers.map((p) => p.key))}) AS key`
			: `SELECT key FROM (${peersSql(o.amt, k, peerRel)}) p`;
	const secondSql = amt2
		? statsSql(
				`SELECT ${lit(amt2)} AS amt, 'amt2' AS gruppe, ${lit(amt2)} AS key UNION ALL SELECT ${lit(amt2)}, 'peer2', key FROM (${peerKeysOfAmt}) p`,
				`SELECT id, key AS amt, value FROM ind WHERE key = ${lit(amt2)}`
			)
		: null;
	const landSql = defs
		.map((d) => `SELECT ${lit(d.id)} AS id, key, value FROM (${d.def.sql({ ...d.params, level: 'land', areas: ['MV', 'BW'] })}) t`)
		.join('\nUNION ALL ');
	const [pg, nearAll, wide, land, second] = await Promise.all([
		pgP,
		db.query<StatsRow>(nearSql),
		db.query<StatsRow>(
			statsSql(
				`SELECT CAST(NULL AS VARCHAR) AS amt, 'bw' AS gruppe, key FROM programm WHERE land = 'BW' UNION ALL SELECT NULL, 'mv', key FROM programm WHERE land = 'MV'`,
				`SELECT CAST(NULL AS VARCHAR) AS id, CAST(NULL AS VARCHAR) AS amt, CAST(NULL AS DOUBLE) AS value WHERE false`
			)
		),
		db.query<{ id: string; key: 'MV' | 'BW'; value: number | null }>(landSql),
		secondSql ? db.query<StatsRow>(secondSql) : null
	]);
	const near = nearAll.filter((r) => r.amt === o.amt);
	const stats = [...near, ...wide];
	const rows: AmtComparisonRow[] = defs.map(({ id, def }) => {
		const by = (g: string) => stats.find((r) => r.id === id && r.gruppe === g);
		const landOf = (l: 'MV' | 'BW') => land.find((r) => r.id === id && r.key === l)?.value ?? null;
		return {
			indicatorId: id,
			title: def.title,
			unit: def.unit,
			amtValue: by('amt')?.median ?? null, // the 'amt' group has one row: its median is its value
			peerMedian: by('peer')?.median ?? null,
			peerQ1: by('peer')?.q1 ?? null,
			peerQ3: by('peer')?.q3 ?? null,
			percentile: by('peer')?.pct ?? null,
			bwMedian: by('bw')?.median ?? null,
			mvMedian: by('mv')?.median ?? null,
			peerCount: pg.size,
			estimate: stats.some((r) => r.id === id && r.est),
			bwQ1: by('bw')?.q1 ?? null,
			bwQ3: by('bw')?.q3 ?? null,
			mvQ1: by('mv')?.q1 ?? null,
			mvQ3: by('mv')?.q3 ?? null,
			landMV: landOf('MV'),
			landBW: landOf('BW'),
			...(second
				? {
						second: {
							value: second.find((r) => r.id === id && r.gruppe === 'amt2')?.median ?? null,
							percentile: second.find((r) => r.id === id && r.gruppe === 'peer2')?.pct ?? null
						}
					}
				: {})
		};
	});
	return { peerGroup: pg, rows };
}
