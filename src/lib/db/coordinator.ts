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
 *   as stale (it would otherwise mix old and new data);
 * - can be *seeded* with answers known beforehand for the data a pending write will leave (the
 *   start page of the sample data, computed at build time: `seed`), so those requests are
 *   answered before the database is even open; everything else waits for the write as before.
 *
 * Pure TypeScript over the `Db` interface: runs in Node (tests) and in the browser.
 */
import type { Db, Row } from './types';
import type { Reads } from './reads';

// the jobs' reading interface lives in reads.ts (the layers above need only that); callers of
// `request` name it from here too
export type { Reads };

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

/**
 * One answer known without the database (`seed`, `settled`): the rows of a statement, or for a
 * relation (`kind: 'table'`) the temp table's name as the other entries' SQL text uses it.
 */
export interface SeedEntry {
	kind: 'rows' | 'table';
	sql: string;
	params?: unknown[];
	value: unknown;
}

/** names of a seed's temp tables (`_seed_1`, …): made only when a statement that must run names them */
const SEED_TABLE = /\b_seed_\d+\b/g;

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
	/** keys answered by the seed (for `unseed`) and the requests that read one of them */
	#seeded = new Set<string>();
	#seedReaders = new Set<Req>();
	/** the seed's temp tables of its data version: name → SQL, and the promise of making it once */
	#seedTables = new Map<string, { sql: string; version: number; made?: Promise<void> }>();
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

	/**
	 * Answers for the data version the writes asked for so far will leave (the version requests
	 * made from now on read), known without running them: requests find them in the cache at once,
	 * even before the database is open and while the writes run. Whoever seeds must know that the
	 * data will be exactly those the entries were computed on (the app: the build's sample snapshot
	 * and nothing stored of the user's own, app/start-seed.ts); `unseed` takes them back.
	 * A `table` entry's value is the name the other entries' SQL uses for it (`_seed_<n>`); that
	 * temp table is made only when a statement that is not seeded names it.
	 */
	seed(entries: readonly SeedEntry[]): void {
		const version = this.#target;
		for (const e of entries) {
			const key = keyOf(version, e.kind, e.sql, e.params);
			if (this.#results.has(key)) continue;
			if (e.kind === 'table') {
				const name = String(e.value);
				if (!/^_seed_\d+$/.test(name)) throw new Error(`seed: table name ${name} is not _seed_<n>`);
				this.#seedTables.set(name, { sql: e.sql, version });
			}
			this.#results.set(key, Promise.resolve(e.value));
			this.#seeded.add(key);
		}
	}

	/**
	 * Takes the seed back (the data turned out not to be those it was made for): its answers leave
	 * the cache and every request still running that read one of them goes stale; the caller makes
	 * the clients ask again. Answers already delivered are the caller's to replace.
	 */
	unseed(): void {
		for (const k of this.#seeded) this.#results.delete(k);
		this.#seeded.clear();
		this.#seedTables.clear();
		for (const r of this.#seedReaders) this.#cancel(r);
		this.#seedReaders.clear();
	}

	/** answers of the current data version that came from the seed and are still in the cache */
	get seededAnswers(): number {
		let n = 0;
		for (const k of this.#seeded) if (this.#results.has(k) && k.startsWith(`${this.#version}\u0000`)) n++;
		return n;
	}

	/**
	 * Every result of the data version requests read now, once settled: what a seed is recorded
	 * from at build time (scripts/build-start-seed.ts). Failed statements are left out.
	 */
	async settled(): Promise<SeedEntry[]> {
		const prefix = `${this.#target}\u0000`;
		const out: SeedEntry[] = [];
		for (const [key, p] of [...this.#results]) {
			if (!key.startsWith(prefix)) continue;
			const [, kind, sql, params] = key.split('\u0000');
			try {
				const value = await p;
				out.push({ kind: kind as SeedEntry['kind'], sql, ...(params ? { params: JSON.parse(params) as unknown[] } : {}), value });
			} catch {
				// a failed statement is not an answer
			}
		}
		return out;
	}

	async #newVersion(db: Db, version: number): Promise<void> {
		// requests of the old version: statements they still ask for, or that wait in the queue, fail
		// as stale (see #ask and #enqueue); an answer read completely before the write is delivered
		this.#version = version;
		// results are keyed with their version: those asked for after this write (queued) stay
		for (const k of [...this.#results.keys()]) if (!k.startsWith(`${version}\u0000`)) this.#results.delete(k);
		for (const k of [...this.#seeded]) if (!k.startsWith(`${version}\u0000`)) this.#seeded.delete(k);
		for (const [name, t] of [...this.#seedTables]) if (t.version !== version) this.#seedTables.delete(name);
		for (const r of [...this.#seedReaders]) if (r.version !== version) this.#seedReaders.delete(r);
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
		const key = keyOf(req.version, kind, sql, params);
		let hit = this.#results.get(key);
		if (hit && this.#seeded.has(key)) this.#seedReaders.add(req);
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
				await this.#seedTablesIn(db, sql);
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

	/** makes the seed's temp tables that `sql` names (and those their SQL names), each once */
	async #seedTablesIn(db: Db, sql: string): Promise<void> {
		if (this.#seedTables.size === 0) return;
		for (const name of new Set(sql.match(SEED_TABLE) ?? [])) {
			const t = this.#seedTables.get(name);
			if (!t) continue;
			t.made ??= (async () => {
				await this.#seedTablesIn(db, t.sql);
				this.statements++;
				await db.exec(`CREATE OR REPLACE TEMP TABLE ${name} AS ${t.sql}`);
				this.#tables.push(name);
			})().catch((e: unknown) => {
				t.made = undefined;
				throw e;
			});
			await t.made;
		}
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

/** the cache key of a statement's answer: data version, kind, SQL text, parameters */
function keyOf(version: number, kind: SeedEntry['kind'], sql: string, params?: unknown[]): string {
	return `${version}\u0000${kind}\u0000${sql}\u0000${params?.length ? JSON.stringify(params) : ''}`;
}
