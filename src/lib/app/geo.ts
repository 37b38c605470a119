/**
 * Map boundaries are loaded on first use (the Karte page), not at start-up: ~0.9 MB of GeoJSON
 * (~0.2 MB gzip) and ~0.15–0.4 s of parsing that other pages do not need. The files are Vite
 * assets of the build (same origin, cached by the service worker like every asset).
 */
import { GEO_FILES, loadGeo, type GeoName } from '$lib/db/geo';
import { withDb } from './load';

import geoGemeindenUrl from '../../../data/reference/geo_gemeinden.geojson?url&no-inline';
import geoVerbaendeUrl from '../../../data/reference/geo_verbaende.geojson?url&no-inline';

const URLS: Record<GeoName, string> = { geo_gemeinden: geoGemeindenUrl, geo_verbaende: geoVerbaendeUrl };

let ready: Promise<void> | null = null;

/** resolves once the geo_* tables exist (after start-up's pending jobs); a failure may be retried */
export function ensureGeo(): Promise<void> {
	ready ??= (async () => {
		const files = Object.fromEntries(
			await Promise.all(
				GEO_FILES.map(async (n) => {
					const res = await fetch(URLS[n]);
					if (!res.ok) throw new Error(`${URLS[n]}: HTTP ${res.status}`);
					return [n, new Uint8Array(await res.arrayBuffer())] as const;
				})
			)
		) as Record<GeoName, Uint8Array>;
		await withDb((db) => loadGeo(db, files));
	})().catch((e) => {
		ready = null;
		throw e;
	});
	return ready;
}
