/**
 * Map boundaries (data/reference/geo_*.geojson, built by scripts/build-geo.ts) as tables, so a
 * chart's `load` gets its shapes through the same one database as its figures:
 *   geo_gemeinden(ags, name, geometry)   geo_verbaende(ars, name, geometry)
 * `geometry` is the GeoJSON geometry as JSON text (DuckDB's json extension is not built in;
 * the chart parses it). The caller supplies the bytes (fs in Node, fetch in the browser).
 */
import type { Db } from './types';

export const GEO_FILES = ['geo_gemeinden', 'geo_verbaende'] as const;
export type GeoName = (typeof GEO_FILES)[number];

const KEY: Record<GeoName, string> = { geo_gemeinden: 'ags', geo_verbaende: 'ars' };

/** a GeoJSON geometry (Polygon or MultiPolygon; WGS84 lon/lat) */
export interface Geometry {
	type: 'Polygon' | 'MultiPolygon';
	coordinates: number[][][] | number[][][][];
}

const csvField = (s: string) => '"' + s.replace(/"/g, '""') + '"';

export async function loadGeo(db: Db, files: Record<GeoName, Uint8Array>): Promise<void> {
	for (const name of GEO_FILES) {
		const fc = JSON.parse(new TextDecoder().decode(files[name])) as { features: { properties: Record<string, string>; geometry: Geometry }[] };
		const key = KEY[name];
		const lines = [`${key},name,geometry`];
		for (const f of fc.features) lines.push([f.properties[key], f.properties.name, JSON.stringify(f.geometry)].map(csvField).join(','));
		const file = `ref_${name}.csv`;
		await db.registerFile(file, new TextEncoder().encode(lines.join('\n') + '\n'));
		await db.exec(
			`CREATE OR REPLACE TABLE ${name} AS SELECT * FROM read_csv('${file}', header=true, delim=',', quote='"', escape='"', max_line_size=8000000,
				columns={'${key}':'VARCHAR','name':'VARCHAR','geometry':'VARCHAR'})`
		);
		await db.dropFile(file);
	}
}
