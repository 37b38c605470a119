/**
 * Builds the app's map boundaries (data/reference/geo_*.geojson) from the unchanged BKG VG5000
 * TopoJSON in data/reference/quellen/geo/. Re-runnable: `npm run data:geo`.
 *
 * How (see src/lib/charts/README.md, "Maps"):
 * - Simplify the TopoJSON **arcs** (each shared border once) with Douglas–Peucker, endpoints
 *   kept: neighbours keep exactly the same border, so no gaps or slivers appear between them.
 *   Distances in a local equirectangular projection (lon × cos 51°), tolerance in metres.
 * - Quantise: round coordinates to 3 decimals (≈ 110 m north–south, ≈ 70 m east–west), drop
 *   repeated points; a ring keeps at least its 4 points (never dropped, so every feature stays).
 * - Properties only what the app joins and shows: `ags` + `name` (Gemeinden), `ars` (9-digit
 *   Verband key) + `name` (Ämter/Verbände).
 * Prints feature counts, sizes before/after (raw and gzip) and the keys that do not match the
 * 31.12.2023 register (data/reference/gemeinden.csv, verbaende.csv).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const SRC = 'data/reference/quellen/geo/mv_bw_vg5000_2021.topojson';
const OUT = 'data/reference/';
/** Douglas–Peucker tolerance in metres per layer: Gemeinden are drawn per Amt (zoomed in), Verbände for a whole Land */
const TOLERANCE_M = { gemeinden: 150, verwaltungsgemeinschaften: 800 };
const DECIMALS = 3;

interface Topology {
	arcs: [number, number][][];
	transform: { scale: [number, number]; translate: [number, number] };
	objects: Record<string, { geometries: TopoGeometry[] }>;
}
interface TopoGeometry {
	type: 'Polygon' | 'MultiPolygon';
	arcs: number[][] | number[][][];
	properties: Record<string, string>;
}
type Pt = [number, number];

const topo = JSON.parse(readFileSync(SRC, 'utf8')) as Topology;
const { scale, translate } = topo.transform;
const KX = Math.cos((51 * Math.PI) / 180) * 111_320; // metres per degree of longitude at 51° N
const KY = 110_570; // metres per degree of latitude

/** absolute lon/lat of each arc (TopoJSON arcs are delta-encoded integers) */
const arcs: Pt[][] = topo.arcs.map((a) => {
	let x = 0;
	let y = 0;
	return a.map(([dx, dy]) => {
		x += dx;
		y += dy;
		return [x * scale[0] + translate[0], y * scale[1] + translate[1]] as Pt;
	});
});

/** Douglas–Peucker on one open line; first and last point always kept */
function simplify(line: Pt[], tolM: number): Pt[] {
	if (line.length <= 2) return line;
	const keep = new Uint8Array(line.length);
	keep[0] = keep[line.length - 1] = 1;
	const stack: [number, number][] = [[0, line.length - 1]];
	const P = (p: Pt) => [p[0] * KX, p[1] * KY];
	while (stack.length) {
		const [a, b] = stack.pop()!;
		const [ax, ay] = P(line[a]);
		const [bx, by] = P(line[b]);
		const dx = bx - ax;
		const dy = by - ay;
		const len2 = dx * dx + dy * dy;
		let worst = -1;
		let dmax = 0;
		for (let i = a + 1; i < b; i++) {
			const [px, py] = P(line[i]);
			// distance to the segment (a closed ring's arc may start and end at the same point: len2 = 0)
			const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
			const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
			if (d > dmax) {
				dmax = d;
				worst = i;
			}
		}
		if (worst >= 0 && dmax > tolM) {
			keep[worst] = 1;
			stack.push([a, worst], [worst, b]);
		}
	}
	return line.filter((_, i) => keep[i]);
}

const round = (v: number) => Number(v.toFixed(DECIMALS));

function buildLayer(layer: keyof typeof TOLERANCE_M, props: (p: Record<string, string>) => Record<string, string>) {
	const simple = arcs.map((a) => simplify(a, TOLERANCE_M[layer]).map(([x, y]) => [round(x), round(y)] as Pt));
	const ring = (ids: number[], full: boolean): Pt[] => {
		const out: Pt[] = [];
		for (const id of ids) {
			const src = full ? arcs : simple;
			let pts = id >= 0 ? src[id] : [...src[~id]].reverse();
			if (full) pts = pts.map(([x, y]) => [x, y] as Pt);
			for (const p of out.length ? pts.slice(1) : pts) {
				const last = out[out.length - 1];
				if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
			}
		}
		return out;
	};
	/** simplified ring, or (if simplifying left fewer than 4 points) the ring rounded but not simplified */
	const ringOf = (ids: number[]): Pt[] => {
		const r = ring(ids, false);
		if (r.length >= 4) return r;
		const full = ring(ids, true).map(([x, y]) => [round(x), round(y)] as Pt);
		return full.filter((p, i) => i === 0 || p[0] !== full[i - 1][0] || p[1] !== full[i - 1][1]);
	};
	const features = topo.objects[layer].geometries.map((g) => ({
		type: 'Feature',
		properties: props(g.properties),
		geometry:
			g.type === 'Polygon'
				? { type: 'Polygon', coordinates: (g.arcs as number[][]).map(ringOf) }
				: { type: 'MultiPolygon', coordinates: (g.arcs as number[][][]).map((poly) => poly.map(ringOf)) }
	}));
	return { type: 'FeatureCollection', features };
}

function write(name: string, fc: object, before: string) {
	const text = JSON.stringify(fc);
	writeFileSync(OUT + name, text + '\n');
	const b = readFileSync(before);
	const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
	const features = (fc as { features: unknown[] }).features.length;
	console.log(`${name}: ${features} Flächen, ${kb(text.length)} (gzip ${kb(gzipSync(text).length)}); vorher ${before.split('/').pop()} ${kb(b.length)} (gzip ${kb(gzipSync(b).length)})`);
	return fc as { features: { properties: Record<string, string> }[] };
}

const gem = write(
	'geo_gemeinden.geojson',
	buildLayer('gemeinden', (p) => ({ ags: p.AGS, name: p.GEN })),
	'data/reference/quellen/geo/mv_bw_gemeinden_vg5000_2021.geojson'
);
const vb = write(
	'geo_verbaende.geojson',
	buildLayer('verwaltungsgemeinschaften', (p) => ({ ars: p.ARS, name: p.GEN })),
	'data/reference/quellen/geo/mv_bw_verwaltungsgemeinschaften_vg5000_2021.geojson'
);

// keys against the register (the app shows unmatched ones as "keine Grenze"/"nicht im Verzeichnis")
const csvKeys = (file: string) =>
	new Set(
		readFileSync(file, 'utf8')
			.split('\n')
			.slice(1)
			.filter(Boolean)
			.map((l) => l.split(',')[0])
	);
for (const [label, keys, geoKeys] of [
	['Gemeinden', csvKeys('data/reference/gemeinden.csv'), new Set(gem.features.map((f) => f.properties.ags))],
	['Verbände', csvKeys('data/reference/verbaende.csv'), new Set(vb.features.map((f) => f.properties.ars))]
] as const) {
	const noGeo = [...keys].filter((k) => !geoKeys.has(k));
	const notInRegister = [...geoKeys].filter((k) => !keys.has(k));
	console.log(`${label}: ${keys.size} im Verzeichnis, ${geoKeys.size} mit Grenze; ohne Grenze: ${noGeo.join(', ') || 'keine'}; nicht im Verzeichnis: ${notInRegister.join(', ') || 'keine'}`);
}
