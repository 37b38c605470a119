/** A real duckdb-wasm database with the reference tables, every sample file imported and the summaries built. */
import { readFileSync, readdirSync } from 'node:fs';
import { importFile } from '../../../src/lib/import/import-file';
import { ensureDatasetTables } from '../../../src/lib/import/tables';
import { buildSummaries } from '../../../src/lib/db/summary';
import type { Db } from '../../../src/lib/db/types';
import { referenceDb } from './db';

export async function sampleDb(): Promise<Db> {
	const db = await referenceDb();
	for (const f of readdirSync('data/sample').filter((f) => !f.includes('fehlerhaft'))) {
		const r = await importFile(db, { name: f, bytes: new Uint8Array(readFileSync(`data/sample/${f}`)) });
		if (r.rowsRejected || r.fatal) throw new Error(`sample file ${f} did not load cleanly`);
	}
	await ensureDatasetTables(db);
	await buildSummaries(db);
	return db;
}
