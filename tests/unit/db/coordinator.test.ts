import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Coordinator, isStale, StaleError } from '../../../src/lib/db/coordinator';
import { openNodeDb } from '../../../src/lib/db/node';
import type { Db, Row } from '../../../src/lib/db/types';

/**
 * A database that answers every statement after `ms` milliseconds with the statement itself and
 * logs what ran when: enough for the ordering rules (the SQL itself is tested on duckdb below).
 */
function fakeDb(ms = 10) {
	const log: string[] = [];
	let active = 0;
	let maxActive = 0;
	const db: Db = {
		async query<T = Row>(sql: string) {
			active++;
			maxActive = Math.max(maxActive, active);
			log.push(`start ${sql}`);
			await new Promise((r) => setTimeout(r, ms));
			log.push(`end ${sql}`);
			active--;
			return [{ sql }] as T[];
		},
		async exec(sql: string) {
			log.push(`exec ${sql}`);
		},
		queryIPC: async () => new Uint8Array(),
		registerFile: async () => undefined,
		dropFile: async () => undefined,
		insertArrowIPC: async () => undefined,
		close: async () => undefined
	};
	return { db, log, maxActive: () => maxActive, ran: (sql: string) => log.filter((l) => l === `start ${sql}`).length };
}

describe('Coordinator (ordering, with a fake database)', () => {
	it('caches by SQL text: a second request for the same SQL does not run it again', async () => {
		const f = fakeDb();
		const c = new Coordinator(f.db);
		const a = await c.request((q) => q.query('SELECT 1'));
		const b = await c.request((q) => q.query('SELECT 1'));
		expect(a).toBe(b);
		await c.request((q) => q.query('SELECT  1')); // other text, other entry
		expect(f.ran('SELECT 1')).toBe(1);
		expect(f.ran('SELECT  1')).toBe(1);
		expect(c.statements).toBe(2);
	});

	it('runs the same SQL once when it is asked twice while running, and parameters are part of the key', async () => {
		const f = fakeDb();
		const c = new Coordinator(f.db);
		const [x, y, z] = await Promise.all([
			c.request((q) => q.query('SELECT ?', [1])),
			c.request((q) => q.query('SELECT ?', [1])),
			c.request((q) => q.query('SELECT ?', [2]))
		]);
		expect(x).toBe(y);
		expect(z).not.toBe(x);
		expect(f.ran('SELECT ?')).toBe(2);
	});

	it('runs one statement at a time, or as many as `concurrency` allows', async () => {
		const f = fakeDb();
		const c = new Coordinator(f.db);
		await Promise.all(['A', 'B', 'C', 'D'].map((s) => c.request((q) => q.query(s))));
		expect(f.maxActive()).toBe(1);
		const g = fakeDb();
		const c2 = new Coordinator(g.db, { concurrency: 2 });
		await Promise.all(['A', 'B', 'C', 'D'].map((s) => c2.request((q) => q.query(s))));
		expect(g.maxActive()).toBe(2);
	});

	it('cancels the queued work of a request that a newer request of the same client made stale', async () => {
		const f = fakeDb();
		const c = new Coordinator(f.db);
		// the client asks for state 1 (two statements, one after the other), then at once for state 2
		const old = c.request(async (q) => [await q.query('S1 a'), await q.query('S1 b')], { client: 'chart', state: '1' });
		const now = c.request(async (q) => [await q.query('S2 a'), await q.query('S2 b')], { client: 'chart', state: '2' });
		await expect(old).rejects.toBeInstanceOf(StaleError);
		expect((await now).flat().map((r) => r.sql)).toEqual(['S2 a', 'S2 b']);
		// 'S1 a' had been started (it finishes, its answer is dropped); 'S1 b' never ran
		expect(f.ran('S1 a')).toBeLessThanOrEqual(1);
		expect(f.ran('S1 b')).toBe(0);
	});

	it('drops the answer of a statement that was already running when the request went stale', async () => {
		const f = fakeDb(30);
		const c = new Coordinator(f.db);
		const old = c.request((q) => q.query('SLOW'), { client: 'k', state: 'a' });
		await new Promise((r) => setTimeout(r, 5)); // SLOW is running now
		expect(f.log).toEqual(['start SLOW']);
		const now = c.request((q) => q.query('FAST'), { client: 'k', state: 'b' });
		const settled = await Promise.allSettled([old, now]);
		expect(settled[0].status).toBe('rejected');
		expect(isStale((settled[0] as PromiseRejectedResult).reason)).toBe(true);
		expect(settled[1]).toEqual({ status: 'fulfilled', value: [{ sql: 'FAST' }] });
		// it finished (and stays cached for whoever asks next)
		expect(f.log).toEqual(['start SLOW', 'end SLOW', 'start FAST', 'end FAST']);
		await c.request((q) => q.query('SLOW'));
		expect(f.ran('SLOW')).toBe(1);
	});

	it('keeps a statement another client still waits for when one client cancels', async () => {
		const f = fakeDb();
		const c = new Coordinator(f.db);
		const blocker = c.query('FIRST'); // occupies the database, so SHARED stays queued
		const a = c.request((q) => q.query('SHARED'), { client: 'a', state: '1' }).catch((e: unknown) => e);
		const b = c.request((q) => q.query('SHARED'), { client: 'b', state: '1' });
		const a2 = c.request((q) => q.query('OTHER'), { client: 'a', state: '2' });
		await blocker;
		expect(await a).toBeInstanceOf(StaleError);
		expect(await b).toEqual([{ sql: 'SHARED' }]);
		expect(await a2).toEqual([{ sql: 'OTHER' }]);
		expect(f.ran('SHARED')).toBe(1);
	});

	it('gives one result per state: asking again for the state a client already waits for is the same request', async () => {
		const f = fakeDb();
		const c = new Coordinator(f.db);
		let jobs = 0;
		const job = async (q: { query: (s: string) => Promise<unknown> }) => (jobs++, q.query('X'));
		const p1 = c.request(job, { client: 'c', state: 's' });
		const p2 = c.request(job, { client: 'c', state: 's' });
		expect(p2).toBe(p1);
		await p1;
		expect(jobs).toBe(1);
		// a client asking A, B, A quickly gets only the last A; the first A and B are stale
		const seq = ['A', 'B', 'A'].map((s) => c.request((q) => q.query(`Q ${s}`), { client: 'd', state: s }));
		const out = await Promise.allSettled(seq);
		expect(out.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
	});

	it('runs higher priority first among queued statements', async () => {
		const f = fakeDb();
		const c = new Coordinator(f.db);
		const first = c.query('FIRST');
		const low = c.request((q) => q.query('LOW'), { priority: 0 });
		const high = c.request((q) => q.query('HIGH'), { priority: 1 });
		await Promise.all([first, low, high]);
		expect(f.log.filter((l) => l.startsWith('start'))).toEqual(['start FIRST', 'start HIGH', 'start LOW']);
	});

	it('writes block reads: a write waits for the running statement, and reads asked meanwhile run after it', async () => {
		const f = fakeDb(20);
		const c = new Coordinator(f.db);
		const before = c.query('READ 1');
		await new Promise((r) => setTimeout(r, 2));
		const write = c.write(async (db) => {
			f.log.push('write start');
			await new Promise((r) => setTimeout(r, 20));
			await db.exec('INSERT');
			f.log.push('write end');
			return 'written';
		});
		const after = c.query('READ 2');
		expect(await write).toBe('written');
		await before;
		expect(await after).toEqual([{ sql: 'READ 2' }]);
		expect(f.log).toEqual(['start READ 1', 'end READ 1', 'write start', 'exec INSERT', 'write end', 'start READ 2', 'end READ 2']);
	});

	it('a write starts a new data version: the cache is emptied and requests made before it that still need a statement are stale', async () => {
		const f = fakeDb();
		const c = new Coordinator(f.db);
		await c.query('A');
		expect(c.cached).toBe(1);
		const v = c.version;
		const blocker = c.query('B'); // running when the write comes
		const pending = c.request(async (q) => [await q.query('C'), await q.query('D')], { client: 'x', state: '1' });
		await c.write(async () => undefined);
		expect(c.version).toBe(v + 1);
		await blocker.catch(() => undefined);
		await expect(pending).rejects.toBeInstanceOf(StaleError);
		expect(f.ran('D')).toBe(0);
		await c.query('A');
		expect(f.ran('A')).toBe(2);
	});

	it('passes on a database that failed to open to every read and write', async () => {
		const c = new Coordinator(Promise.reject(new Error('kein DuckDB')));
		await expect(c.query('SELECT 1')).rejects.toThrow('kein DuckDB');
		await expect(c.write(async () => 1)).rejects.toThrow('kein DuckDB');
	});

	it('does not keep failures: the next ask runs the statement again', async () => {
		let n = 0;
		const db = { ...fakeDb().db, query: async () => (n++ === 0 ? Promise.reject(new Error('boom')) : [{ ok: 1 }]) } as Db;
		const c = new Coordinator(db);
		await expect(c.query('Q')).rejects.toThrow('boom');
		expect(await c.query('Q')).toEqual([{ ok: 1 }]);
	});
});

describe('Coordinator seeded with answers known beforehand (the start seed)', () => {
	it('answers seeded statements before the database is open and while the start-up write runs; others wait for the write', async () => {
		const f = fakeDb();
		let open!: (db: Db) => void;
		const c = new Coordinator(new Promise<Db>((r) => (open = r)));
		const startup = c.write(async (db) => db.exec('ATTACH'));
		c.seed([{ kind: 'rows', sql: 'SEEDED', value: [{ n: 1 }] }]);
		// the database is not open yet: the seeded answer comes at once, with no statement
		expect(await c.request((q) => q.query('SEEDED'))).toEqual([{ n: 1 }]);
		expect(c.statements).toBe(0);
		const other = c.request((q) => q.query('OTHER'));
		let otherDone = false;
		void other.then(() => (otherDone = true));
		await new Promise((r) => setTimeout(r, 20));
		expect(otherDone).toBe(false);
		open(f.db);
		await startup;
		expect(await other).toEqual([{ sql: 'OTHER' }]);
		expect(f.log).toEqual(['exec ATTACH', 'start OTHER', 'end OTHER']);
		// the start-up write made the version the seed was for: it still answers
		expect(await c.request((q) => q.query('SEEDED'))).toEqual([{ n: 1 }]);
		expect(c.seededAnswers).toBe(1);
		expect(f.ran('SEEDED')).toBe(0);
	});

	it('is not used for another data version: the next write drops it and the SQL runs', async () => {
		const f = fakeDb();
		const c = new Coordinator(f.db);
		const startup = c.write(async () => undefined);
		c.seed([{ kind: 'rows', sql: 'SEEDED', value: [{ n: 1 }] }]);
		await startup;
		await c.write(async (db) => db.exec('IMPORT'));
		expect(c.seededAnswers).toBe(0);
		expect(await c.request((q) => q.query('SEEDED'))).toEqual([{ sql: 'SEEDED' }]);
		expect(f.ran('SEEDED')).toBe(1);
	});

	it('unseed: the answers leave the cache and a request still running that read one goes stale', async () => {
		const f = fakeDb();
		const c = new Coordinator(f.db);
		const startup = c.write(async () => undefined);
		c.seed([{ kind: 'rows', sql: 'A', value: [{ n: 1 }] }]);
		// reads A from the seed, then waits for B (which needs the database)
		const mixed = c.request(async (q) => [await q.query('A'), await q.query('B')], { client: 'x', state: '1' });
		await new Promise((r) => setTimeout(r, 5));
		c.unseed();
		await expect(mixed).rejects.toBeInstanceOf(StaleError);
		await startup;
		expect(await c.request((q) => q.query('A'))).toEqual([{ sql: 'A' }]);
		expect(f.ran('A')).toBe(1);
	});
});

describe('Coordinator over real duckdb-wasm', () => {
	let db: Db;
	beforeAll(async () => {
		db = await openNodeDb();
		await db.exec('CREATE TABLE t AS SELECT range AS i, range % 3 AS g FROM range(10)');
	});
	afterAll(async () => db?.close());

	it('caches by SQL text, keeps a relation as a temp table, and a write clears both', async () => {
		const c = new Coordinator(db);
		const sql = 'SELECT g, sum(i)::INTEGER AS s FROM t GROUP BY g ORDER BY g';
		// by hand: g=0: 0+3+6+9 = 18; g=1: 1+4+7 = 12; g=2: 2+5+8 = 15
		const first = await c.request((q) => q.query<{ g: number; s: number }>(sql));
		expect(first).toEqual([
			{ g: 0, s: 18 },
			{ g: 1, s: 12 },
			{ g: 2, s: 15 }
		]);
		expect(await c.request((q) => q.query(sql))).toBe(first);
		const rel = await c.request((q) => q.relation(sql));
		expect(rel).toMatch(/^_coord_\d+$/);
		expect(await c.request((q) => q.query(`SELECT s FROM ${rel} WHERE g = 1`))).toEqual([{ s: 12 }]);
		expect(await c.request((q) => q.relation(sql))).toBe(rel);
		const before = c.statements;
		// an import: new rows, so the cached answer would now be wrong
		await c.write((d) => d.exec('INSERT INTO t VALUES (100, 1)'));
		expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name = '${rel}'`)).toEqual([]);
		expect(c.tables).toEqual([]);
		const again = await c.request((q) => q.query<{ g: number; s: number }>(sql));
		expect(again.find((r) => r.g === 1)?.s).toBe(12 + 100);
		expect(c.statements).toBe(before + 1);
	});

	it('a seeded relation is made as a temp table only when a statement that is not seeded names it', async () => {
		const sql = 'SELECT g, sum(i)::INTEGER AS s FROM t GROUP BY g';
		// record: the relation and one statement over it, as the build does
		const rec = new Coordinator(db);
		const rel = await rec.request((q) => q.relation(sql));
		const g1 = await rec.request((q) => q.query(`SELECT s FROM ${rel} WHERE g = 1`));
		const entries = (await rec.settled()).map((e) => ({ ...e, sql: e.sql.replaceAll(rel, '_seed_1'), value: e.kind === 'table' ? '_seed_1' : e.value }));
		expect(entries.map((e) => e.kind).sort()).toEqual(['rows', 'table']);
		const c = new Coordinator(db);
		const startup = c.write(async () => undefined);
		c.seed(entries);
		await startup;
		expect(await c.request(async (q) => q.query(`SELECT s FROM ${await q.relation(sql)} WHERE g = 1`))).toEqual(g1);
		expect(c.statements).toBe(0);
		expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name = '_seed_1'`)).toEqual([]);
		// another group is not seeded: the table is made first, then the statement runs on it
		// (by hand, with the row 100 of the test above in g = 1: g=2: 2+5+8 = 15)
		expect(await c.request(async (q) => q.query(`SELECT s FROM ${await q.relation(sql)} WHERE g = 2`))).toEqual([{ s: 15 }]);
		expect(c.statements).toBe(2);
		expect(c.tables).toEqual(['_seed_1']);
		await c.write(async () => undefined);
		expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name = '_seed_1'`)).toEqual([]);
	});
});
