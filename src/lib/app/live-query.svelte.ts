/**
 * The one way a component gets data (like Evidence's QueryLoad): `run` sends a request to the
 * app's coordinator as this component's client, tagged with the view state it is for and the
 * context it was issued in. A newer `run` makes the older request stale (the coordinator drops
 * its queued statements and its answer), so only the newest state's data ever arrive.
 *
 * `result` keeps the last data that arrived together with their state and context: while the
 * next request runs, a component shows that (marked busy), drawn with the labels of the state
 * the data belong to, never with the labels of the new one.
 */
import type { Reads } from '$lib/db/reads';
import { isStale } from '$lib/db/coordinator';
import { coordinator } from './load';

export interface Settled<T, C> {
	data: T;
	/** the view state the data belong to (e.g. the filters as JSON) */
	state: string;
	/** the context captured when the request was issued (names, period, language) */
	ctx: C;
}

let nextClient = 1;

export class LiveQuery<T, C = undefined> {
	result = $state.raw<Settled<T, C> | undefined>();
	/** loading: a request is running (result may still hold the previous state's data) */
	status = $state<'loading' | 'ready' | 'error'>('loading');
	error = $state<string | undefined>();
	readonly #client: string;
	#seq = 0;

	constructor(name = 'query') {
		this.#client = `${name}#${nextClient++}`;
	}

	/**
	 * The data shown belong to an earlier state and the request for the new one is put off (a
	 * chart off screen): status 'loading' (the component marks the old chart busy), and an
	 * answer of an earlier request still on its way is dropped.
	 */
	defer(): void {
		++this.#seq;
		this.status = 'loading';
	}

	run(load: (q: Reads) => Promise<T>, o: { state: string; ctx: C; priority?: number; onData?: (state: string) => void }): void {
		const my = ++this.#seq;
		this.status = 'loading';
		let request: Promise<T>;
		try {
			request = coordinator().request(load, { client: this.#client, state: o.state, priority: o.priority });
		} catch (e) {
			request = Promise.reject(e);
		}
		request
			.then((data) => {
				if (my !== this.#seq) return;
				o.onData?.(o.state);
				this.result = { data, state: o.state, ctx: o.ctx };
				this.error = undefined;
				this.status = 'ready';
			})
			.catch((e: unknown) => {
				// a newer run replaced this one: its own answer follows
				if (my !== this.#seq || isStale(e)) return;
				console.error(e);
				this.error = e instanceof Error ? e.message : String(e);
				this.status = 'error';
			});
	}
}
