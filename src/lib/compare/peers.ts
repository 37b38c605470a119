/**
 * The peer group of an MV Amt: the k BW Verbände in the programme most similar in population
 * and settlement density. The rule is in README.md; the SQL below is its only implementation.
 */
import type { Reader } from '../db/types';
import { keepsRelations, relation, type Reads } from '../db/reads';
import { PROGRAMM_SQL, VSTATS_SQL } from '../indicators/areas';
import { intLit, lit } from '../indicators/sql-lit';

export { PROGRAMM_SQL, VSTATS_SQL };

export const DEFAULT_K = 15;

export interface AreaProfile {
	key: string;
	name: string;
	land: string;
	einwohner: number;
	/** share (0..1) of the population living in 'gering besiedelt' Gemeinden */
	anteil_gering: number;
}

export interface Peer extends AreaProfile {
	distance: number;
	rank: number;
}

export interface PeerGroup {
	amt: AreaProfile;
	/** requested size */
	k: number;
	/** actual size (smaller than k when fewer candidates exist) */
	size: number;
	peers: Peer[];
}

/** Population and 'gering besiedelt' share of every Verband, from the Gemeinden (CTE `vstats`). */
export const VSTATS_CTE = `vstats AS (${VSTATS_SQL})`;

/** Verbände taking part in the programme: at least one activity row ever (CTE `programm`). */
export const PROGRAMM_CTE = `programm AS (${PROGRAMM_SQL})`;

/**
 * `rel`: relations holding VSTATS_SQL and PROGRAMM_SQL (the coordinator's temp tables, which do
 * not depend on the Amt); without, both are computed in the query.
 */
export function peersSql(amt: string, k: number, rel?: { vstats: string; programm: string }): string {
	const ctes = rel ? `vstats AS (SELECT * FROM ${rel.vstats} v), programm AS (SELECT * FROM ${rel.programm} p)` : `${VSTATS_CTE}, ${PROGRAMM_CTE}`;
	return `WITH ${ctes},
	ziel AS (SELECT * FROM vstats WHERE key = ${lit(amt)} AND einwohner > 0),
	kandidaten AS (
		SELECT v.* FROM vstats v JOIN verbaende vb ON vb.verband_ars = v.key
		WHERE vb.land = 'BW' AND v.einwohner > 0 AND v.key IN (SELECT key FROM programm)),
	abstand AS (
		SELECT c.key, c.name, c.land, c.einwohner, c.anteil_gering,
			abs(ln(c.einwohner) - ln(z.einwohner)) + abs(c.anteil_gering - z.anteil_gering) AS distance
		FROM kandidaten c CROSS JOIN ziel z)
	SELECT *, CAST(row_number() OVER (ORDER BY distance, key) AS INTEGER) AS rank
	FROM abstand
	ORDER BY distance, key
	LIMIT ${intLit(k, 'k')}`;
}

/**
 * The peer groups of every MV Verband at once (rank 0: the Verband itself, then its k peers),
 * column `amt` naming whose group a row belongs to. The same rule as peersSql, per Amt: rows
 * ranked by distance, then key; it depends on no filter and no Amt, so the coordinator keeps it
 * for the data version and an Amt change needs no statement for its peer group.
 */
export function allPeersSql(k: number, rel: { vstats: string; programm: string }): string {
	return `WITH vstats AS (SELECT * FROM ${rel.vstats} v), programm AS (SELECT * FROM ${rel.programm} p),
	ziele AS (SELECT v.* FROM vstats v JOIN verbaende vb ON vb.verband_ars = v.key WHERE vb.land = 'MV' AND v.einwohner > 0),
	kandidaten AS (
		SELECT v.* FROM vstats v JOIN verbaende vb ON vb.verband_ars = v.key
		WHERE vb.land = 'BW' AND v.einwohner > 0 AND v.key IN (SELECT key FROM programm)),
	abstand AS (
		SELECT z.key AS amt, c.key, c.name, c.land, c.einwohner, c.anteil_gering,
			abs(ln(c.einwohner) - ln(z.einwohner)) + abs(c.anteil_gering - z.anteil_gering) AS distance
		FROM kandidaten c CROSS JOIN ziele z),
	ranked AS (SELECT *, CAST(row_number() OVER (PARTITION BY amt ORDER BY distance, key) AS INTEGER) AS rank FROM abstand)
	SELECT key AS amt, key, name, land, einwohner, anteil_gering, CAST(NULL AS DOUBLE) AS distance, 0 AS rank FROM ziele
	UNION ALL
	SELECT * FROM ranked WHERE rank <= ${intLit(k, 'k')}`;
}

export interface AllPeerGroups {
	/** relation of allPeersSql (amt, key, …, rank) for a FROM clause */
	table: string;
	groups: Map<string, PeerGroup>;
}

function groupOf(rows: Peer[], k: number): PeerGroup {
	const profile = rows.find((r) => r.rank === 0)!;
	const { distance: _d, rank: _r, ...amt } = profile;
	const peers = rows.filter((r) => r.rank > 0).sort((a, b) => a.rank - b.rank);
	return { amt, k, size: peers.length, peers };
}

/** every MV Verband's peer group (allPeersSql) through the coordinator: a temp table and its rows, once per data version */
export async function allPeerGroups(db: Reads, k = DEFAULT_K): Promise<AllPeerGroups> {
	const table = await db.relation(allPeersSql(k, await peerRelations(db)));
	const rows = await db.query<Peer & { amt: string }>(`SELECT * FROM ${table} ORDER BY amt, rank`);
	const by = new Map<string, Peer[]>();
	for (const { amt, ...r } of rows) (by.get(amt) ?? by.set(amt, []).get(amt)!).push(r);
	return { table, groups: new Map([...by].map(([amt, rs]) => [amt, groupOf(rs, k)])) };
}

/** `rel` as in peersSql: relations of every Verband's profile and of the programme's Verbände */
export async function peerRelations(db: Reader): Promise<{ vstats: string; programm: string }> {
	// every Verband's profile and the programme's Verbände do not depend on the Amt: kept by the coordinator
	const [vstats, programm] = await Promise.all([relation(db, VSTATS_SQL), relation(db, PROGRAMM_SQL)]);
	return { vstats, programm };
}

export async function peerGroup(db: Reader, amt: string, k = DEFAULT_K): Promise<PeerGroup> {
	// through the coordinator: from every MV Verband's group (kept for the data version)
	if (keepsRelations(db)) {
		const g = (await allPeerGroups(db, k)).groups.get(amt);
		if (g) return g;
	}
	const rel = await peerRelations(db);
	// one statement: the Amt's profile (rank 0) and its peers; a round trip to the database
	// costs more than the statement itself (peersSql finds no peers for an Amt without inhabitants)
	const rows = await db.query<Peer>(
		`SELECT v.key, v.name, v.land, v.einwohner, v.anteil_gering, CAST(NULL AS DOUBLE) AS distance, 0 AS rank
		FROM ${rel.vstats} v JOIN verbaende vb ON vb.verband_ars = v.key WHERE v.key = ${lit(amt)}
		UNION ALL
		SELECT key, name, land, einwohner, anteil_gering, distance, rank FROM (${peersSql(amt, k, rel)}) p
		ORDER BY rank, key`
	);
	const profile = rows.find((r) => r.rank === 0);
	if (!profile) throw new Error(`Unbekanntes Amt (Verbands-ARS): ${amt}`);
	if (!(profile.einwohner > 0)) throw new Error(`Amt ${amt} hat keine Einwohner; kein Vergleich möglich`);
	return groupOf(rows, k);
}
