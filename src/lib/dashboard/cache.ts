/**
 * Shared results between the charts of a page, like Mosaic's coordinator: several charts that
 * need the same query (the Ämter-Vergleich's nine indicators share one peer group and one pass
 * over the comparison) ask the cache, and the query runs once. The app makes a new cache
 * whenever the loaded data change, so nothing stale is ever served; keys must contain every
 * input of the query (filters included).
 */
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
}
