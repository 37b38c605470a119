/**
 * The state of one query a component shows (loading → ready | error). `run` starts a query
 * through the app's database queue; an answer that arrives after a newer query was started is
 * dropped, so fast filter changes never show stale numbers.
 */
import type { Db } from '$lib/db/types';
import type { QueryCache } from '$lib/db/query-cache';
import { queryCache, withDb } from './load';

export class LiveQuery<T> {
	data = $state.raw<T | undefined>();
	status = $state<'loading' | 'ready' | 'error'>('loading');
	error = $state<string | undefined>();
	/** the state key the data belong to */
	dataKey = $state<string | undefined>();
	#seq = 0;

	run(load: (db: Db, cache: QueryCache) => Promise<T>, key?: string): void {
		const my = ++this.#seq;
		this.status = 'loading';
		withDb((db) => load(db, queryCache()))
			.then((d) => {
				if (my !== this.#seq) return;
				this.data = d;
				this.dataKey = key;
				this.status = 'ready';
			})
			.catch((e: unknown) => {
				if (my !== this.#seq) return;
				console.error(e);
				this.error = e instanceof Error ? e.message : String(e);
				this.status = 'error';
			});
	}
}
