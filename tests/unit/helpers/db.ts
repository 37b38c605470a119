/** One real duckdb-wasm database with the reference tables, per test file. */
import { openNodeDb } from '../../../src/lib/db/node';
import { loadReferenceFromDisk } from '../../../src/lib/db/reference-node';
import type { Db } from '../../../src/lib/db/types';

export async function referenceDb(): Promise<Db> {
	const db = await openNodeDb();
	await loadReferenceFromDisk(db);
	return db;
}

/** The invariant every import must keep. */
export function balanced(r: { rowsRead: number; rowsLoaded: number; rowsRejected: number }): boolean {
	return r.rowsRead === r.rowsLoaded + r.rowsRejected;
}
