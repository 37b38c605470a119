/** The peer group rule: nearest BW Verbände in the programme by |Δ ln population| + |Δ share gering besiedelt|. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import { allPeerGroups, peerGroup } from '../../../src/lib/compare/peers';
import { Coordinator, type Reads } from '../../../src/lib/db/coordinator';
import { peerFixtureDb, DM, V } from './peer-fixture';

let db: Db;
beforeAll(async () => (db = await peerFixtureDb()));
afterAll(() => db.close());

describe('peer group', () => {
	it('describes the Amt by population and share in gering besiedelt Gemeinden', async () => {
		const g = await peerGroup(db, DM.amt, 3);
		expect(g.amt).toMatchObject({ key: DM.amt, name: 'Dömitz-Malliß', land: 'MV', einwohner: 8344, anteil_gering: 1 });
	});

	it('takes the k nearest BW Verbände in the programme, nearest first', async () => {
		const g = await peerGroup(db, DM.amt, 3);
		// distances (see peer-fixture.ts): Vogt 0.034513 < Sonnenbühl 0.162293 < Bad Wildbad 1.394417
		expect(g.peers.map((p) => [p.key, p.rank])).toEqual([[V.vogt, 1], [V.sonnenbuehl, 2], [V.wildbad, 3]]);
		expect(g.peers[0].distance).toBeCloseTo(0.034513, 6);
		expect(g.peers[1].distance).toBeCloseTo(0.162293, 6);
		expect(g.peers[2].distance).toBeCloseTo(1.394417, 6);
		// Bad Wildbad: 1404 of 13713 inhabitants in gering besiedelt Enzklösterle = 0.102385
		expect(g.peers[2].anteil_gering).toBeCloseTo(0.102385, 6);
		expect([g.k, g.size]).toEqual([3, 3]);
	});

	it('breaks ties by ARS', async () => {
		// Östringen (082150064) and Kieselbronn/Neulingen/Ölbronn-Dürrn (082365006): both 13299 EW, share 0 → 1.466146
		const g = await peerGroup(db, DM.amt, 4);
		expect(g.peers[3].key).toBe(V.oestringen);
		const g5 = await peerGroup(db, DM.amt, 5);
		expect(g5.peers.slice(3).map((p) => p.key)).toEqual([V.oestringen, V.kieselbronn]);
		expect(g5.peers[3].distance).toBe(g5.peers[4].distance);
	});

	it('a group smaller than requested when fewer candidates exist, reporting the actual size', async () => {
		// 5 BW candidates; Rheinau (0 inhabitants) and Ludwigslust-Land (MV) are no candidates
		const g = await peerGroup(db, DM.amt, 15);
		expect([g.k, g.size, g.peers.length]).toEqual([15, 5, 5]);
		expect(g.peers.map((p) => p.key)).not.toContain(V.rheinau);
		expect(g.peers.map((p) => p.key)).not.toContain(V.ll);
		expect(g.peers.every((p) => p.land === 'BW')).toBe(true);
	});

	it('Verbände without any activity are no candidates', async () => {
		// GVV Fichtenau (081275003, 8652 EW, all gering) would be second nearest, but has no activity
		const g = await peerGroup(db, DM.amt, 15);
		expect(g.peers.map((p) => p.key)).not.toContain('081275003');
	});

	it('refuses unknown areas and a non-integer k', async () => {
		await expect(peerGroup(db, '999999999')).rejects.toThrow(/Unbekanntes Amt/);
		await expect(peerGroup(db, DM.amt, 2.5)).rejects.toThrow();
	});
});

describe('allPeerGroups: every MV Verband at once, as peerGroup one by one', () => {
	it('same groups (order, distances, profiles) for every MV Verband of the fixture, k = 3 and 15', async () => {
		const c = new Coordinator(db);
		const mv = (await db.query<{ key: string }>(`SELECT verband_ars AS key FROM verbaende WHERE land = 'MV' ORDER BY 1`)).map((r) => r.key);
		for (const k of [3, 15]) {
			const all = await c.request((q) => allPeerGroups(q as Reads, k));
			let compared = 0;
			for (const amt of mv) {
				const one = await peerGroup(db, amt, k).catch(() => null);
				// Verbände without inhabitants have no group (peerGroup refuses them)
				expect(all.groups.get(amt) ?? null, amt).toEqual(one);
				if (one) compared++;
			}
			expect(compared).toBeGreaterThan(1);
		}
		await c.write(async () => undefined);
	});
});
