/**
 * One coordinator over one database, after Mosaic's Coordinator/QueryManager and Evidence's
 * QueryLoad: clients (a chart, the key figures, the report pack) state the queries they need as
 * a *request*; the coordinator runs them, one statement at a time, and
 *
 * - caches every result keyed by its SQL text (and parameters) for the current data version:
 *   the nine charts of the Ämter-Vergleich that share a peer group ask for it nine times and it
 *   runs once; the same SQL asked twice while it runs runs once;
 * - keeps derived results as temp tables (`relation`), e.g. an indicator's values over all
 *   Verbände, which do not change when only the Amt changes; it owns and drops them;
 * - cancels queued work a newer request of the same client made stale: its statements that have
 *   not started are dropped, one already running finishes (the result stays in the cache) but
 *   its answer is not delivered; a request for the state a client already waits for is the
 *   same request (one result per state);
 * - runs writes (imports) exclusively: a write waits until the running statement is done, no
 *   read starts while it runs, and the write starts a new data version: the cache is cleared,
 *   the temp tables dropped, and a request made before it that still needs a statement fails
 *   as stale (it would otherwise mix old and new data).
 *
 * Pure TypeScript over the `Db` interface: runs in Node (tests) and in the browser.
 */
import type { Db, Reader, Row } from './types';

/** what a request's job reads through: cached statements and temp tables of this data version */
export interface Reads extends Reader {
	/**
	 * The result of `sql` as a relation for a FROM clause: a temp table made once per data version
	 * (coordinator) or the parenthesised query itself (`directReads`). Use as `FROM ${rel} t`.
	 */
	relation(sql: string): Promise<string>;
}

/** a request was replaced by a newer one of its client, or the data changed under it */
export class StaleError extends Error {
	constructor(message = 'Abfrage veraltet') {
		super(message);
		this.name = 'StaleError';
	}
}

export function isStale(e: unknown): e is StaleError {
	return e instanceof StaleError;
}

/** Reads straight from a database: no cache, no temp tables (scripts and tests of single functions). */
export function directReads(db: Reader): Reads {
	return {
		query: (sql, params) => db.query(sql, params),
		relation: async (sql) => `(${sql})`
	};
}

export interface RequestOptions {
	/** who asks: a newer request of the same client makes the older one stale */
	client?: string;
	/** the view state the request is for (e.g. the filters as JSON): same client + same state = same request */
	state?: string;
	/** higher first (e.g. charts on screen before those below the fold) */
	priority?: number;
}

interface Req {
	client?: string;
	state?: string;
	priority: number;
	version: number;
	stale: boolean;
	/** rejects when the request goes stale, so a job waiting on a statement stops at once */
	gone: Promise<never>;
	drop: (e: StaleError) => void;
	result?: Promise<unknown>;
}

interface Task {
	key: string;
	run: (db: Db) => Promise<unknown>;
	sql: string;
	waiters: Set<Req | null>;
	seq: number;
	started: boolean;
	resolve: (v: unknown) => void;
	reject: (e: unknown) => void;
}

export interface CoordinatorOptions {
	/** results kept per data version (oldest dropped first); temp tables are kept regardless */
	limit?: number;
	/**
	 * statements sent to the database at once (default 1). duckdb-wasm answers one after another
	 * in its worker anyway; 2–3 in flight keep the worker busy while the page's thread decodes an
	 * answer or draws a chart. Only statements not yet sent can be cancelled.
	 */
	concurrency?: number;
	/** called after each statement ran (for performance measures) */
	onStatement?: (sql: string, startedAt: number) => void;
	/** clock for onStatement (default performance.now) */
	now?: () => number;
}

let nextTable = 1;

export class Coordinator {
	readonly #db: Promise<Db>;
	readonly #limit: number;
	readonly #concurrency: number;
	readonly #onStatement?: (sql: string, startedAt: number) => void;
	readonly #now: () => number;
	#version = 0;
	/** the version once the writes asked for so far have run: what a request made now will read */
	#target = 0;
	#results = new Map<string, Promise<unknown>>();
	#tables: string[] = [];
	#queue: Task[] = [];
	#seq = 0;
	#running = 0;
	/** writes waiting or running; reads do not start while > 0 */
	#writes = 0;
	#writeChain: Promise<unknown> = Promise.resolve();
	#idle: (() => void)[] = [];
	#clients = new Map<string, Req>();
	#requests = new Set<Req>();
	/** statements actually sent to the database (tests and the benchmark read it) */
	statements = 0;

	constructor(db: Db | Promise<Db>, o: CoordinatorOptions = {}) {
		this.#db = Promise.resolve(db);
		// an unopened database is reported to whoever reads or writes, not as an unhandled rejection
		this.#db.catch(() => undefined);
		this.#limit = o.limit ?? 500;
		this.#concurrency = Math.max(1, o.concurrency ?? 1);
		this.#onStatement = o.onStatement;
		this.#now = o.now ?? (() => performance.now());
	}

	/** increases with every write */
	get version(): number {
		return this.#version;
	}

	/** results cached for this data version */
	get cached(): number {
		return this.#results.size;
	}

	/** temp tables of this data version */
	get tables(): readonly string[] {
		return this.#tables;
	}

	/**
	 * Runs `job` with reads through the coordinator. Rejects with `StaleError` when a newer
	 * request of the same client (or a write) made it stale before its answer was ready.
	 */
	request<T>(job: (q: Reads) => Promise<T>, o: RequestOptions = {}): Promise<T> {
		if (o.client !== undefined) {
			const prev = this.#clients.get(o.client);
			if (prev && !prev.stale && prev.version === this.#target && prev.state !== undefined && prev.state === o.state && prev.result) return prev.result as Promise<T>;
			if (prev) this.#cancel(prev);
		}
		let drop!: (e: StaleError) => void;
		const gone = new Promise<never>((_, reject) => (drop = reject));
		gone.catch(() => undefined);
		const req: Req = { client: o.client, state: o.state, priority: o.priority ?? 0, version: this.#target, stale: false, gone, drop };
		if (o.client !== undefined) this.#clients.set(o.client, req);
		this.#requests.add(req);
		const reads: Reads = {
			query: <R = Row>(sql: string, params?: unknown[]) => this.#ask(req, 'rows', sql, params) as Promise<R[]>,
			relation: (sql: string) => this.#ask(req, 'table', sql) as Promise<string>
		};
		const result = (async () => {
			try {
				const out = await Promise.race([job(reads), gone]);
				if (req.stale) throw new StaleError();
				return out;
			} finally {
				this.#requests.delete(req);
				if (o.client !== undefined && this.#clients.get(o.client) === req) this.#clients.delete(o.client);
			}
		})();
		req.result = result;
		return result;
	}

	/** one statement outside any client (never stale by a newer request; still by a write) */
	query<T = Row>(sql: string, params?: unknown[]): Promise<T[]> {
		return this.request((q) => q.query<T>(sql, params));
	}

	/**
	 * Runs `job` alone on the database (imports, deleting rows): waits for the running statement,
	 * blocks reads until done, and starts a new data version (cache cleared, temp tables dropped,
	 * earlier requests that still need a statement stale).
	 */
	write<T>(job: (db: Db) => Promise<T>): Promise<T> {
		this.#writes++;
		const version = ++this.#target;
		const run = this.#writeChain.then(async () => {
			try {
				const db = await this.#db;
				await this.#drained();
				await this.#newVersion(db, version);
				return await job(db);
			} finally {
				this.#writes--;
				this.#pump();
			}
		});
		this.#writeChain = run.catch(() => undefined);
		return run;
	}

	/** cancels every request and waits for the running statement (e.g. before closing) */
	async idle(): Promise<void> {
		for (const r of [...this.#requests]) this.#cancel(r);
		await this.#drained();
	}

	async #newVersion(db: Db, version: number): Promise<void> {
		// requests of the old version: statements they still ask for, or that wait in the queue, fail
		// as stale (see #ask and #enqueue); an answer read completely before the write is delivered
		this.#version = version;
		// results are keyed with their version: those asked for after this write (queued) stay
		for (const k of [...this.#results.keys()]) if (!k.startsWith(`${version}\u0000`)) this.#results.delete(k);
		for (const t of this.#tables.splice(0)) await db.exec(`DROP TABLE IF EXISTS ${t}`);
	}

	#drained(): Promise<void> {
		if (this.#running === 0) return Promise.resolve();
		return new Promise((r) => this.#idle.push(r));
	}

	#cancel(req: Req): void {
		if (req.stale) return;
		req.stale = true;
		req.drop(new StaleError());
		// statements nobody waits for any more leave the queue before they start
		this.#queue = this.#queue.filter((t) => {
			t.waiters.delete(req);
			if (t.waiters.size > 0 || t.started) return true;
			this.#results.delete(t.key);
			t.reject(new StaleError());
			return false;
		});
	}

	#ask(req: Req, kind: 'rows' | 'table', sql: string, params?: unknown[]): Promise<unknown> {
		if (req.stale || req.version !== this.#target) return Promise.reject(new StaleError());
		const key = `${req.version}\u0000${kind}\u0000${sql}\u0000${params?.length ? JSON.stringify(params) : ''}`;
		let hit = this.#results.get(key);
		if (hit) {
			// queued: this request waits for it too (and lends it its priority)
			this.#queue.find((t) => t.key === key)?.waiters.add(req);
		} else {
			hit = this.#enqueue(key, sql, req, kind === 'rows' ? (db) => db.query(sql, params) : (db) => this.#makeTable(db, sql));
		}
		return Promise.race([hit, req.gone]);
	}

	#enqueue(key: string, sql: string, req: Req | null, run: (db: Db) => Promise<unknown>): Promise<unknown> {
		let resolve!: (v: unknown) => void;
		let reject!: (e: unknown) => void;
		const p = new Promise<unknown>((a, b) => ((resolve = a), (reject = b)));
		p.catch(() => this.#results.get(key) === p && this.#results.delete(key));
		const version = this.#target;
		this.#results.set(key, p);
		if (this.#results.size > this.#limit) {
			const oldest = this.#results.keys().next().value as string;
			if (!oldest.includes('\u0000table\u0000')) this.#results.delete(oldest);
		}
		this.#queue.push({
			key,
			sql,
			run: async (db) => {
				if (version !== this.#version) throw new StaleError();
				return run(db);
			},
			waiters: new Set([req]),
			seq: this.#seq++,
			started: false,
			resolve,
			reject
		});
		this.#pump();
		return p;
	}

	async #makeTable(db: Db, sql: string): Promise<string> {
		const name = `_coord_${nextTable++}`;
		await db.exec(`CREATE OR REPLACE TEMP TABLE ${name} AS ${sql}`);
		this.#tables.push(name);
		return name;
	}

	#priority(t: Task): number {
		let p = -Infinity;
		for (const r of t.waiters) p = Math.max(p, r?.priority ?? 0);
		return p;
	}

	/** starts the next statements: highest priority, then oldest; up to `concurrency` at a time, none while a write waits */
	#pump(): void {
		while (this.#running < this.#concurrency && this.#writes === 0 && this.#queue.length > 0) this.#startNext();
	}

	#startNext(): void {
		let best = 0;
		for (let i = 1; i < this.#queue.length; i++) {
			const a = this.#queue[i];
			const b = this.#queue[best];
			const pa = this.#priority(a);
			const pb = this.#priority(b);
			if (pa > pb || (pa === pb && a.seq < b.seq)) best = i;
		}
		const task = this.#queue.splice(best, 1)[0];
		task.started = true;
		this.#running++;
		void (async () => {
			const t0 = this.#now();
			try {
				const db = await this.#db;
				this.statements++;
				const out = await task.run(db);
				this.#onStatement?.(task.sql, t0);
				task.resolve(out);
			} catch (e) {
				task.reject(e);
			} finally {
				this.#running--;
				if (this.#running === 0) for (const r of this.#idle.splice(0)) r();
				this.#pump();
			}
		})();
	}
}

/**
 * `sql` as a relation for a FROM clause: through the coordinator a temp table made once per
 * data version; from a plain database the parenthesised query.
 */
export function relation(q: Reader, sql: string): Promise<string> {
	return keepsRelations(q) ? q.relation(sql) : Promise.resolve(`(${sql})`);
}

/** true for a coordinator's reads (results of a relation are kept, so computing more once pays) */
export function keepsRelations(q: Reader): q is Reads {
	return 'relation' in q && typeof (q as Reads).relation === 'function';
}
