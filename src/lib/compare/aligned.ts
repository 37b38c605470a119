/**
 * Time aligned to programme start: for each area, programme month 1 is the first month with any
 * activity in any of its Gemeinden (min of s_gebiet_start), month 2 the next calendar month, …
 * up to `until`. Months without contacts count as 0. So MV's first year can be set beside the
 * first years of BW areas that started in 2019. Areas that never had activity have no months.
 */
import type { Reader } from '../db/types';
import type { FilterKey, Level } from '../indicators/types';
import { FILTER_KEYS } from '../indicators/types';
import { ratio, scope } from '../indicators/scope';
import { intLit, lit, litList } from '../indicators/sql-lit';
import { keepsRelations } from '../db/reads';
import { DEFAULT_K, peerGroup, peerRelations, peersSql, type PeerGroup } from './peers';

export interface AlignedOptions {
	level?: Exclude<Level, 'land'>;
	areas?: string[];
	/** last calendar month to include ('YYYY-MM-DD'); default: the last month with data */
	until?: string;
	/** keep programme months 1..maxMonths only */
	maxMonths?: number;
	filters?: Partial<Record<FilterKey, string[]>>;
}

export interface AlignedRow {
	key: string;
	name: string;
	land: string;
	programm_monat: number;
	/** calendar month 'YYYY-MM' */
	monat: string;
	kontakte: number;
	kontakte_je_1000: number | null;
	einwohner: number;
}

export function alignedSql(o: AlignedOptions & { until: string }): string {
	const s = scope({ from: o.until, to: o.until, level: o.level ?? 'verband', areas: o.areas, filters: o.filters }, FILTER_KEYS);
	const limit = o.maxMonths === undefined ? '' : `WHERE programm_monat <= ${intLit(o.maxMonths, 'maxMonths')}`;
	return `WITH ${s.ctes},
	start AS (SELECT geo.key, min(st.erster_monat) AS start FROM s_gebiet_start st JOIN geo ON geo.ags = st.ags GROUP BY geo.key),
	months AS (
		SELECT key, start, CAST(unnest(generate_series(start, ${s.toD}, INTERVAL 1 MONTH)) AS DATE) AS monat
		FROM start WHERE start <= ${s.toD}),
	f AS (
		SELECT geo.key, s.monat, sum(s.kontakte) AS n
		FROM ${s.activity} s JOIN geo ON geo.ags = s.ags
		WHERE s.monat <= ${s.toD}${s.filter('s')}
		GROUP BY ALL),
	t AS (
		SELECT a.key, a.name, a.land, CAST(date_diff('month', m.start, m.monat) + 1 AS INTEGER) AS programm_monat,
			strftime(m.monat, '%Y-%m') AS monat, CAST(COALESCE(f.n, 0) AS DOUBLE) AS kontakte,
			${ratio('COALESCE(f.n, 0)', 'a.einwohner', 1000)} AS kontakte_je_1000, CAST(a.einwohner AS DOUBLE) AS einwohner
		FROM months m JOIN areas a ON a.key = m.key LEFT JOIN f ON f.key = m.key AND f.monat = m.monat)
	SELECT * FROM t ${limit}
	ORDER BY key, programm_monat`;
}

async function lastMonth(db: Reader): Promise<string | null> {
	const [r] = await db.query<{ m: string | null }>(`SELECT strftime(max(monat), '%Y-%m-%d') AS m FROM s_einsaetze`);
	return r?.m ?? null;
}

export async function alignedSeries(db: Reader, o: AlignedOptions = {}): Promise<AlignedRow[]> {
	const until = o.until ?? (await lastMonth(db));
	if (!until) return [];
	return db.query<AlignedRow>(alignedSql({ ...o, until }));
}

export interface PeerCurvePoint {
	programm_monat: number;
	/** peers that have reached this programme month by `until` */
	n: number;
	median: number | null;
	q1: number | null;
	q3: number | null;
}

/** The Amt's aligned series and the peers' median curve of contacts per 1,000 inhabitants. */
export async function alignedPeerComparison(
	db: Reader,
	o: { amt: string; k?: number; until?: string; maxMonths?: number; filters?: AlignedOptions['filters']; peerGroup?: PeerGroup }
): Promise<{ peerGroup: PeerGroup; amt: AlignedRow[]; peerCurve: PeerCurvePoint[] }> {
	const k = o.peerGroup?.k ?? o.k ?? DEFAULT_K;
	// the peer group, the Amt's series and the peers' curve at once: the curve selects the peers
	// in SQL (peersSql), so it need not wait for the group's answer
	const pgP = o.peerGroup ? Promise.resolve(o.peerGroup) : peerGroup(db, o.amt, k);
	pgP.catch(() => undefined);
	const until = o.until ?? (await lastMonth(db));
	if (!until) return { peerGroup: await pgP, amt: [], peerCurve: [] };
	const base = { level: 'verband' as const, until, maxMonths: o.maxMonths, filters: o.filters };
	// through the coordinator: every Verband's series once as a temp table (it does not depend on the Amt), then select from it;
	// from a plain database: only the areas asked for
	const all = keepsRelations(db) ? await db.relation(alignedSql(base)) : null;
	const peerKeys = o.peerGroup
		? litList(o.peerGroup.peers.map((p) => p.key))
		: `(SELECT key FROM (${peersSql(o.amt, k, await peerRelations(db))}) p)`;
	const amtFrom = all ? `(SELECT * FROM ${all} WHERE key = ${lit(o.amt)})` : `(${alignedSql({ ...base, areas: [o.amt] })})`;
	const peersFrom = all ? `(SELECT * FROM ${all} WHERE key IN ${peerKeys})` : `(${alignedSql(base)})`;
	const [pg, amt, peerCurve] = await Promise.all([
		pgP,
		db.query<AlignedRow>(`SELECT * FROM ${amtFrom} t ORDER BY key, programm_monat`),
		db.query<PeerCurvePoint>(
			`SELECT programm_monat, CAST(count(*) AS INTEGER) AS n, quantile_cont(kontakte_je_1000, 0.5) AS median,
				quantile_cont(kontakte_je_1000, 0.25) AS q1, quantile_cont(kontakte_je_1000, 0.75) AS q3
			FROM ${peersFrom} t${all ? '' : ` WHERE key IN ${peerKeys}`}
			GROUP BY programm_monat ORDER BY programm_monat`
		)
	]);
	return { peerGroup: pg, amt, peerCurve: pg.peers.length ? peerCurve : [] };
}
