import { describe, it, expect } from 'vitest';
import { QueryCache } from '../../../src/lib/db/query-cache';

describe('QueryCache', () => {
	it('runs a query once per key and shares the result', async () => {
		const c = new QueryCache();
		let runs = 0;
		const q = () => c.get('k', async () => ++runs);
		expect(await Promise.all([q(), q(), q()])).toEqual([1, 1, 1]);
		expect(await c.get('other', async () => 42)).toBe(42);
		expect(runs).toBe(1);
	});

	it('does not keep failures', async () => {
		const c = new QueryCache();
		await expect(c.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await c.get('k', async () => 'ok')).toBe('ok');
	});

	it('forgets the oldest entry beyond its limit', async () => {
		const c = new QueryCache(2);
		await c.get('a', async () => 1);
		await c.get('b', async () => 2);
		await c.get('c', async () => 3);
		expect(c.size).toBe(2);
		expect(await c.get('a', async () => 10)).toBe(10);
	});
});
