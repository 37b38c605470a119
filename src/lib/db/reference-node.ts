/** Node side: read the reference CSVs from data/reference/. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REFERENCE_FILES, loadReference, type ReferenceName } from './reference';
import type { Db } from './types';
import { GEO_FILES, loadGeo, type GeoName } from './geo';

export async function loadReferenceFromDisk(db: Db, dir = 'data/reference'): Promise<void> {
	const files = Object.fromEntries(
		REFERENCE_FILES.map((n) => [n, new Uint8Array(readFileSync(path.join(dir, `${n}.csv`)))])
	) as Record<ReferenceName, Uint8Array>;
	await loadReference(db, files);
}

/** Node side: read the map boundaries (geo_*.geojson) from data/reference/. */
export async function loadGeoFromDisk(db: Db, dir = 'data/reference'): Promise<void> {
	const files = Object.fromEntries(GEO_FILES.map((n) => [n, new Uint8Array(readFileSync(path.join(dir, `${n}.geojson`)))])) as Record<GeoName, Uint8Array>;
	await loadGeo(db, files);
}
