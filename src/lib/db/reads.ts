/**
 * What a query function reads through: a `Reader` (just `query`), and on the page a coordinator's
 * `Reads`, which also keeps a derived result as a temp table for the data version (`relation`).
 * The functions of the layers above (indicators, compare, dashboard) take a `Reader` and ask here
 * whether they may lean on kept relations; they need nothing else of the coordinator.
 */
import type { Reader } from './types';

/** what a request's job reads through: cached statements and temp tables of this data version */
export interface Reads extends Reader {
	/**
	 * The result of `sql` as a relation for a FROM clause: a temp table made once per data version
	 * by the coordinator. Use as `FROM ${rel} t`.
	 */
	relation(sql: string): Promise<string>;
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
