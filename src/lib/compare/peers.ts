/**
 * The peer group of an MV Amt: the k BW Verbände in the programme most similar in population
 * and settlement density. The rule is in README.md; the SQL below is its only implementation.
 */
import type { Reader } from '../db/types';
import { relation } from '../db/coordinator';
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

/** `rel` as in peersSql: relations of every Verband's profile and of the programme's Verbände */
export async function peerRelations(db: Reader): Promise<{ vstats: string; programm: string }> {
	// every Verband's profile and the programme's Verbände do not depend on the Amt: kept by the coordinator
	const [vstats, programm] = await Promise.all([relation(db, VSTATS_SQL), relation(db, PROGRAMM_SQL)]);
	return { vstats, programm };
}

export async function peerGroup(db: Reader, amt: string, k = DEFAULT_K): Promise<PeerGroup> {
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
	const { distance: _d, rank: _r, ...amtProfile } = profile;
	const peers = rows.filter((r) => r.rank > 0);
	return { amt: amtProfile, k, size: peers.length, peers };
}
