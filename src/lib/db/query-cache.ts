/**
 * Shared results between the charts of a page, like Mosaic's coordinator: several charts that
 * need the same query (the Ämter-Vergleich's nine indicators share one peer group and one pass
 * over the comparison) ask the cache, and the query runs once. The app makes a new cache
 * whenever the loaded data change, so nothing stale is ever served; keys must contain every
 * input of the query (filters included).
 */
import type { Db } from './types';

export class QueryCache {
	private readonly results = new Map<string, Promise<unknown>>();
	constructor(private readonly limit = 200) {}

	get<T>(key: string, run: () => Promise<T>): Promise<T> {
		const hit = this.results.get(key);
		if (hit) return hit as Promise<T>;
		const p = run();
		// failures are not kept: the next ask tries again
		p.catch(() => this.results.delete(key));
		if (this.results.size >= this.limit) this.results.delete(this.results.keys().next().value as string);
		this.results.set(key, p);
		return p;
	}

	get size(): number {
		return this.results.size;
	}

	/** temp tables made for this cache (see `materialise`); dropped when the cache is replaced */
	readonly tables: string[] = [];
}

let nextTable = 1;

/**
 * The result of a query as a temp table, made once per cache: later queries read the small
 * table instead of computing it again. Used for an indicator's values over all Verbände, which
 * do not change when only the Amt (and so the peer group) changes. Returns the table name.
 */
export function materialise(db: Db, cache: QueryCache, sql: string): Promise<string> {
	return cache.get(`table:${sql}`, async () => {
		const name = `_cache_${nextTable++}`;
		await db.exec(`CREATE OR REPLACE TEMP TABLE ${name} AS ${sql}`);
		cache.tables.push(name);
		return name;
	});
}

export async function dropCacheTables(db: Db, cache: QueryCache): Promise<void> {
	for (const t of cache.tables.splice(0)) await db.exec(`DROP TABLE IF EXISTS ${t}`);
}
