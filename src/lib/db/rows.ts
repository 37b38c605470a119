/**
 * Arrow result → plain JS rows. Uses only the table's own methods, so it works whichever
 * copy of apache-arrow created the table (Node loads a CommonJS copy, see db/README.md).
 */
import type { Row } from './types';

interface ArrowLike {
	toArray(): ArrayLike<{ toJSON(): Record<string, unknown> }>;
}

function plain(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	if (v === null || typeof v !== 'object') return v;
	if (v instanceof Date) return v.getTime();
	const o = v as { toJSON?: () => unknown; toArray?: () => unknown };
	if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<unknown>, plain);
	if (Array.isArray(v)) return v.map(plain);
	if (typeof o.toArray === 'function' && !('toJSON' in o && typeof o.toJSON === 'function' && !(Symbol.iterator in o))) {
		return Array.from(o.toArray() as ArrayLike<unknown>, plain);
	}
	if (typeof o.toJSON === 'function') {
		const j = o.toJSON();
		if (Array.isArray(j)) return j.map(plain);
		if (j && typeof j === 'object') return Object.fromEntries(Object.entries(j).map(([k, x]) => [k, plain(x)]));
		return j;
	}
	return v;
}

export function arrowToRows<T = Row>(table: ArrowLike): T[] {
	const out: T[] = [];
	const arr = table.toArray();
	for (let i = 0; i < arr.length; i++) {
		const r = arr[i].toJSON();
		const o: Row = {};
		for (const k of Object.keys(r)) o[k] = plain(r[k]);
		out.push(o as T);
	}
	return out;
}
