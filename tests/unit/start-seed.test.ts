/**
 * The start seed (scripts/build-start-seed.ts, src/lib/dashboard/start-seed.ts): the start page's
 * default-state answers and the catalog, computed at build time from the sample snapshot. Every
 * seeded answer must equal what its SQL gives live on the same data: the build script writes the
 * snapshot and the seed to a temp folder, a fresh database attaches the snapshot as the app does,
 * and each statement of the seed runs there again (its temp tables made first from their SQL).
 * Then the start page's requests through a seeded coordinator (no statement) equal those through
 * an unseeded one (live SQL), and another Amt (not seeded) still gets live answers.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSampleSnapshot } from '../../scripts/build-sample-snapshot';
import { buildStartSeed } from '../../scripts/build-start-seed';
import { attachSnapshot, type SnapshotManifest } from '../../src/lib/import/sample-snapshot';
import { Coordinator } from '../../src/lib/db/coordinator';
import { openNodeDb } from '../../src/lib/db/node';
import { readCatalog } from '../../src/lib/db/catalog';
import type { Db } from '../../src/lib/db/types';
import { checkStartSeed, decodeStartSeed, encodeStartSeed, seedApplies, startFilters, startPageJobs, START_SEED_FORMAT, type StartSeed } from '../../src/lib/dashboard/start-seed';

let db: Db;
let dir: string;
let manifest: SnapshotManifest;
let seed: StartSeed;

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'dlm-seed-'));
	await buildSampleSnapshot(true, path.join(dir, 'snapshot'));
	const built = await buildStartSeed(true, path.join(dir, 'snapshot'), path.join(dir, 'seed'));
	expect(built.built).toBe(true);
	manifest = JSON.parse(readFileSync(path.join(dir, 'snapshot/manifest.json'), 'utf8'));
	seed = decodeStartSeed(readFileSync(path.join(dir, 'seed/start-seed.json'), 'utf8'));
	db = await openNodeDb();
	await attachSnapshot(db, manifest, async (t) => new Uint8Array(readFileSync(path.join(dir, 'snapshot', t.file!))));
}, 180_000);

afterAll(async () => {
	await db?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('start seed', () => {
	it('names the snapshot and the start state it was made for', async () => {
		expect(seed.format).toBe(START_SEED_FORMAT);
		expect(seed.snapshot).toBe(manifest.inputs);
		const catalog = await readCatalog(db);
		expect(JSON.parse(seed.state)).toEqual(startFilters(catalog.choices.lastMonth));
		// the Pilot-Amt over the sample year (data end in December 2025)
		expect(JSON.parse(seed.state)).toMatchObject({ amt: '130765654', from: '2025-01', to: '2025-12', amt2: '' });
	});

	it('every seeded answer equals its SQL run live on the attached snapshot', async () => {
		const tables = seed.entries.filter((e) => e.kind === 'table');
		const rows = seed.entries.filter((e) => e.kind === 'rows');
		expect(tables.length).toBeGreaterThan(0);
		expect(rows.length).toBeGreaterThan(10);
		// the seed's temp tables, from their own SQL (a later one may read an earlier one)
		for (const t of [...tables].sort((a, b) => String(a.value).localeCompare(String(b.value), 'en', { numeric: true }))) {
			await db.exec(`CREATE OR REPLACE TEMP TABLE ${String(t.value)} AS ${t.sql}`);
		}
		for (const e of rows) expect(await db.query(e.sql, e.params), e.sql.slice(0, 120)).toStrictEqual(e.value);
		for (const t of tables) await db.exec(`DROP TABLE ${String(t.value)}`);
	});

	it('the start page through a seeded coordinator: no statement, the same answers as live SQL', async () => {
		const live = new Coordinator(db);
		const catalog = await live.request((q) => readCatalog(q));
		const jobs = startPageJobs(startFilters(catalog.choices.lastMonth));
		const liveAnswers = await Promise.all(jobs.map((j) => live.request(j)));
		expect(live.statements).toBeGreaterThan(10);

		const seeded = new Coordinator(db);
		const startup = seeded.write(async () => undefined);
		seeded.seed(seed.entries);
		await startup;
		expect(await seeded.request((q) => readCatalog(q))).toStrictEqual(catalog);
		const seededAnswers = await Promise.all(jobs.map((j) => seeded.request(j)));
		expect(seeded.statements).toBe(0);
		expect(seededAnswers).toStrictEqual(liveAnswers);

		// another Amt is not seeded: live statements, also over the seed's temp tables (made on demand)
		const other = startPageJobs({ ...startFilters(catalog.choices.lastMonth), amt: '130765659' });
		const fresh = new Coordinator(db);
		expect(await Promise.all(other.map((j) => seeded.request(j)))).toStrictEqual(await Promise.all(other.map((j) => fresh.request(j))));
		expect(seeded.statements).toBeGreaterThan(0);
		await seeded.write(async () => undefined);
		await live.write(async () => undefined);
		await fresh.write(async () => undefined);
	});

	it('the check the app runs once DuckDB is ready finds no difference, and finds a changed answer', async () => {
		expect(await checkStartSeed(db, seed)).toEqual([]);
		// one number of the key figures' statement over a seed table changed by 1e-9
		const i = seed.entries.findIndex((e) => e.kind === 'rows' && e.sql.includes('_seed_') && Array.isArray(e.value) && e.value.length);
		expect(i).toBeGreaterThan(-1);
		const rows = structuredClone(seed.entries[i].value) as Record<string, unknown>[];
		const k = Object.keys(rows[0]).find((x) => typeof rows[0][x] === 'number')!;
		rows[0][k] = (rows[0][k] as number) + 1e-9;
		const tampered = { ...seed, entries: seed.entries.map((e, j) => (j === i ? { ...e, value: rows } : e)) };
		expect(await checkStartSeed(db, tampered)).toEqual([seed.entries[i].sql]);
	});

	it('applies only to the snapshot it was made from, with nothing of the user stored', () => {
		expect(seedApplies(seed, { snapshot: manifest.inputs, storedEmpty: true })).toBe(true);
		expect(seedApplies(seed, { snapshot: 'another-snapshot', storedEmpty: true })).toBe(false);
		expect(seedApplies(seed, { snapshot: manifest.inputs, storedEmpty: false })).toBe(false);
		expect(seedApplies(null, { snapshot: manifest.inputs, storedEmpty: true })).toBe(false);
		expect(seedApplies({ ...seed, format: 99 as typeof START_SEED_FORMAT }, { snapshot: manifest.inputs, storedEmpty: true })).toBe(false);
	});

	it('keeps every number exactly through its file, NaN, ±Infinity and -0 included', () => {
		const s: StartSeed = { format: START_SEED_FORMAT, snapshot: 'x', state: '{}', entries: [{ kind: 'rows', sql: 'Q', value: [{ a: 0.1 + 0.2, b: NaN, c: Infinity, d: -Infinity, e: -0, f: null, g: 'Ämter', h: 1e-300 }] }] };
		const back = decodeStartSeed(encodeStartSeed(s));
		expect(back).toStrictEqual(s);
		expect(Object.is((back.entries[0].value as { e: number }[])[0].e, -0)).toBe(true);
	});
});
