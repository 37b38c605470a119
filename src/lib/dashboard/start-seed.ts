/**
 * The start seed (issue 10, warm start): the answers the start page (Überblick) needs in its
 * default state, and the app's catalog (counts, the filters' choices, sources), computed at build
 * time from the sample snapshot with the same engine and the same SQL (scripts/build-start-seed.ts),
 * keyed by their SQL text like every answer of the coordinator (after Evidence's build-time query
 * results). On start the app seeds its coordinator with them when the data will be exactly the
 * snapshot's (`seedApplies`), so the first charts draw before DuckDB is open; any other request
 * waits for DuckDB as before. tests/unit/start-seed.test.ts runs every seeded statement again on
 * the attached snapshot and compares.
 */
import { Coordinator, type Reads, type SeedEntry } from '../db/coordinator';
import { readCatalog } from '../db/catalog';
import type { Db, Reader } from '../db/types';
import { defaultFilters, parseFilters, type ViewFilters } from './filters';
import { UEBERBLICK_CHARTS, loadKeyFigures } from './specs/ueberblick';

/** bump when the meaning of the file changes */
export const START_SEED_FORMAT = 1;

export interface StartSeed {
	format: typeof START_SEED_FORMAT;
	/** `inputs` of the sample snapshot's manifest the answers were computed on */
	snapshot: string;
	/** the start page's filter state the answers are for (as the page keys it) */
	state: string;
	entries: SeedEntry[];
}

/** what the start page asks for in a state: the key figures and each chart (as KeyFigures and ChartView do) */
export function startPageJobs(f: ViewFilters): ((q: Reads) => Promise<unknown>)[] {
	// the components hand the loads the state parsed from its JSON key
	const state = () => JSON.parse(JSON.stringify(f)) as ViewFilters;
	return [(q) => loadKeyFigures(q, state()), ...UEBERBLICK_CHARTS.map((s) => (q: Reads) => s.load(q, state()))];
}

/** the start page's filters when the address has none (the Überblick shows no second Amt) */
export function startFilters(lastMonth: string | null): ViewFilters {
	return { ...parseFilters(new URLSearchParams(), defaultFilters(lastMonth)), amt2: '' };
}

/**
 * Records the seed on a database that holds the sample snapshot: the catalog, then the start
 * page's jobs in its default state, through a coordinator; every answer as it is cached. The
 * coordinator's temp tables (`_coord_<n>`) are renamed `_seed_<n>` everywhere, so the names do
 * not depend on what else ran in the process.
 */
export async function recordStartSeed(db: Db, snapshot: string): Promise<StartSeed> {
	const c = new Coordinator(db);
	const catalog = await c.request((q) => readCatalog(q));
	const f = startFilters(catalog.choices.lastMonth);
	await Promise.all(startPageJobs(f).map((job) => c.request(job)));
	const entries = await c.settled();
	const names = new Map<string, string>();
	for (const e of entries) if (e.kind === 'table') names.set(String(e.value), `_seed_${names.size + 1}`);
	const rename = (sql: string) =>
		sql.replace(/\b_coord_\d+\b/g, (n) => {
			const to = names.get(n);
			if (!to) throw new Error(`start seed: ${n} is not a table of the seed`);
			return to;
		});
	return {
		format: START_SEED_FORMAT,
		snapshot,
		state: JSON.stringify(f),
		entries: entries.map((e) => ({ ...e, sql: rename(e.sql), ...(e.kind === 'table' ? { value: names.get(String(e.value))! } : {}) }))
	};
}

/**
 * Whether the seed answers for the data the start will leave: the same snapshot, nothing of the
 * user's own stored (an Arbeitsstand is imported again on start, so the data differ), a format
 * this code knows.
 */
export function seedApplies(seed: StartSeed | null, o: { snapshot: string; storedEmpty: boolean }): seed is StartSeed {
	return !!seed && seed.format === START_SEED_FORMAT && seed.snapshot === o.snapshot && o.storedEmpty;
}

/**
 * Runs every seeded statement live on `db` and returns the SQL of those whose answer differs from
 * the seed's (exactly, as the seed file keeps numbers). The seed's temp tables are read as
 * subqueries of their SQL, as `relation` (db/reads.ts) gives one from a plain database. The app
 * runs it once DuckDB is ready and idle: a safety net for the seed, and work that lets V8 tier
 * DuckDB up and write its code cache, which the seeded start page alone no longer causes.
 */
export async function checkStartSeed(db: Reader, seed: StartSeed): Promise<string[]> {
	const tables = new Map(seed.entries.filter((e) => e.kind === 'table').map((e) => [String(e.value), e.sql]));
	const inline = (sql: string): string => sql.replace(/\b_seed_\d+\b/g, (n) => (tables.has(n) ? `(${inline(tables.get(n)!)})` : n));
	const wrong: string[] = [];
	for (const e of seed.entries) {
		if (e.kind !== 'rows') continue;
		const live = await db.query(inline(e.sql), e.params);
		if (exact(live) !== exact(e.value)) wrong.push(e.sql);
	}
	return wrong;
}

/* JSON keeps every finite number exactly; NaN, ±Infinity and -0 travel as {"$n": "…"} */
const SPECIAL = new Map<string, number>([
	['NaN', NaN],
	['Infinity', Infinity],
	['-Infinity', -Infinity],
	['-0', -0]
]);

function exactNumber(_k: string, v: unknown): unknown {
	if (typeof v !== 'number') return v;
	if (Object.is(v, -0)) return { $n: '-0' };
	return Number.isFinite(v) ? v : { $n: String(v) };
}

const exact = (v: unknown) => JSON.stringify(v, exactNumber);

export function encodeStartSeed(seed: StartSeed): string {
	return JSON.stringify(seed, exactNumber);
}

export function decodeStartSeed(text: string): StartSeed {
	return JSON.parse(text, (_k, v: unknown) => {
		if (v && typeof v === 'object' && !Array.isArray(v)) {
			const keys = Object.keys(v);
			if (keys.length === 1 && keys[0] === '$n' && SPECIAL.has((v as { $n: string }).$n)) return SPECIAL.get((v as { $n: string }).$n);
		}
		return v;
	}) as StartSeed;
}
