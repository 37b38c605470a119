/** The command line: reports, JSON shape, exit codes 0 / 1 / 2. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function validate(...args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...args], { encoding: 'utf8' });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run validate', () => {
	it('exits 0 and prints a German report when every row loaded', () => {
		const r = validate('data/sample/beispieldaten_coworking_mv.csv');
		expect(r.code).toBe(0);
		expect(r.out).toContain('Datenart: Coworking-Förderung (Beispieldaten)');
		expect(r.out).toContain('Zeilen gelesen: 32, geladen: 32, abgewiesen: 0');
	});

	it('exits 1 with rejections, as JSON with the documented fields', () => {
		const r = validate('data/sample/beispieldaten_fehlerhaft_einsaetze.csv', '--json', '--lang', 'en');
		expect(r.code).toBe(1);
		const j = JSON.parse(r.out);
		const f = j.files[0];
		expect(Object.keys(f)).toEqual(expect.arrayContaining(['file', 'kind', 'rowsRead', 'rowsLoaded', 'rowsRejected', 'rejections']));
		expect([f.kind, f.rowsRead, f.rowsLoaded, f.rowsRejected]).toEqual(['einsaetze', 40, 32, 8]);
		expect(f.rejections[0]).toEqual({ line: 4, column: 'Gemeindeschlüssel', value: '13999999', code: 'unknown_key', reason: 'municipality key not in the reference (MV/BW, 31.12.2023)', params: {} });
	});

	it('exits 2 when a file cannot be read, and says why', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'dlm-'));
		const empty = path.join(dir, 'leer.csv');
		writeFileSync(empty, '');
		const r = validate(empty, 'data/sample/beispieldaten_coworking_mv.csv');
		expect(r.code).toBe(2);
		expect(r.out).toContain('FEHLER: Die Datei ist leer.');
	});
});
