/**
 * `npm run validate -- [--profil PROFILE.json] FILE… [--json] [--lang en]`: the app's import, run in Node on the same
 * duckdb-wasm, printing the report. Exit 0: every row loaded; 1: rows rejected; 2: a file
 * could not be read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openNodeDb } from '../src/lib/db/node';
import { loadReferenceFromDisk } from '../src/lib/db/reference-node';
import { emptyReport, importFile } from '../src/lib/import/import-file';
import { parseProfile, type ImportProfile } from '../src/lib/import/profile';
import { message } from '../src/lib/import/messages';
import { formatReport } from '../src/lib/import/report-text';
import type { ImportReport, Lang } from '../src/lib/import/report';

const args = process.argv.slice(2);
const json = args.includes('--json');
const li = args.indexOf('--lang');
const lang: Lang = li >= 0 && args[li + 1] === 'en' ? 'en' : 'de';
const pi = args.findIndex((a) => a === '--profil' || a === '--profile');
const files = args.filter((a, i) => !a.startsWith('--') && !(li >= 0 && i === li + 1) && !(pi >= 0 && i === pi + 1));

let profile: ImportProfile | null = null;
if (pi >= 0) {
	let text = '';
	try {
		text = readFileSync(args[pi + 1] ?? '', 'utf8');
	} catch (e) {
		console.error(lang === 'de' ? `Importprofil nicht lesbar: ${(e as Error).message}` : `Cannot read import profile: ${(e as Error).message}`);
		process.exit(2);
	}
	const parsed = parseProfile(text);
	if (!parsed.profile) {
		console.error(message('bad_profile', lang, { detail: parsed.error[lang] }));
		process.exit(2);
	}
	profile = parsed.profile;
}

if (files.length === 0) {
	console.error(lang === 'de' ? 'Aufruf: npm run validate -- [--profil PROFIL.json] DATEI… [--json] [--lang en]' : 'Usage: npm run validate -- [--profil PROFILE.json] FILE… [--json] [--lang en]');
	process.exit(2);
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const db = await openNodeDb();
await loadReferenceFromDisk(db, path.join(root, 'data/reference'));
const reports: ImportReport[] = [];
for (const f of files) {
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(readFileSync(f));
	} catch (e) {
		const msg = lang === 'de' ? `Datei nicht lesbar: ${(e as Error).message}` : `Cannot read file: ${(e as Error).message}`;
		reports.push({ ...emptyReport(f), sample: false, fatal: { code: 'unreadable', message: msg, params: {} } });
		continue;
	}
	reports.push(await importFile(db, { name: path.basename(f), bytes }, { lang, maxDetails: 100_000, profile }));
	reports[reports.length - 1].file = f;
}
await db.close();

if (json) {
	const out = reports.map(({ rejectedRecords: _omit, ...r }) => r);
	process.stdout.write(JSON.stringify({ files: out }, null, 2) + '\n');
} else {
	for (const r of reports) process.stdout.write(formatReport(r, lang) + '\n');
}
process.exitCode = reports.some((r) => r.fatal) ? 2 : reports.some((r) => r.rowsRejected > 0) ? 1 : 0;
