/**
 * Every registered indicator: complete texts, known sources, valid SQL at every level on an
 * empty database, the common row shape, parameter checks; and the generated methodology.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Db } from '../../../src/lib/db/types';
import { FILTER_KEYS, LEVELS, type IndicatorParams, type IndicatorRow } from '../../../src/lib/indicators/types';
import { INDICATORS, getIndicator } from '../../../src/lib/indicators/registry';
import { runIndicator } from '../../../src/lib/indicators/run';
import { methodik, methodikMarkdown } from '../../../src/lib/indicators/methodik';
import { QUELLEN, type Quelle } from '../../../src/lib/reference/quellen';
import { DATASETS } from '../../../src/lib/import/schemas';
import { fixtureDb, buildSummaries } from './fixture';

let db: Db;
const Y2025: Omit<IndicatorParams, 'level'> = { from: '2025-01-01', to: '2025-12-31' };

beforeAll(async () => {
	db = await fixtureDb(); // empty dataset tables
	await buildSummaries(db);
});
afterAll(() => db.close());

describe('registry', () => {
	it('ids are unique and every text exists in German and English', () => {
		expect(new Set(INDICATORS.map((d) => d.id)).size).toBe(INDICATORS.length);
		for (const d of INDICATORS) {
			for (const t of [d.title, d.explanation, d.unit, d.numerator, ...(d.denominator ? [d.denominator] : []), ...d.caveats]) {
				expect(t.de.trim().length * t.en.trim().length, d.id).toBeGreaterThan(0);
			}
			expect(d.denominator === null ? d.factor === null : typeof d.factor === 'number' || !!d.formula, d.id).toBe(true);
			expect(d.needs.every((k) => k in DATASETS), d.id).toBe(true);
			expect(d.sources.every((s) => s === 'beispieldaten' || QUELLEN.some((q) => q.id === s)), d.id).toBe(true);
		}
	});

	it.each(LEVELS)('every indicator runs on an empty database at level %s and returns the common columns', async (level) => {
		for (const d of INDICATORS) {
			const rows = await runIndicator(db, d.id, { ...Y2025, level });
			if (d.shape === 'list') {
				// nothing to list without data except Gemeinden without contact: all of them
				expect(rows.length, d.id).toBe(d.id === 'gemeinden_ohne_kontakt' ? 1829 : 0);
			} else if (d.shape === 'area') {
				// one row per area, and without data nothing but zeros and NULLs
				expect(rows.length, d.id).toBe({ gemeinde: 1829, verband: 578, kreis: 52, land: 2 }[level]);
				expect(rows.every((r) => r.numerator === 0 || r.numerator === null), d.id).toBe(true);
				expect(rows.every((r) => r.value === 0 || r.value === null), d.id).toBe(true);
			}
			for (const r of rows.slice(0, 3)) {
				expect(Object.keys(r).slice(0, 7), d.id).toEqual(['level', 'key', 'name', 'land', 'value', 'numerator', 'denominator']);
				expect((r as IndicatorRow).level).toBe(level);
			}
		}
	});

	it('filters an indicator cannot apply are refused, the others accepted', () => {
		for (const d of INDICATORS) {
			for (const k of FILTER_KEYS) {
				const sql = () => d.sql({ ...Y2025, level: 'verband', filters: { [k]: ['x'] } });
				if (d.filters.includes(k)) expect(sql, `${d.id} ${k}`).not.toThrow();
				else expect(sql, `${d.id} ${k}`).toThrow(/nicht möglich/);
			}
		}
	});

	it('checks dates, period and level; quotes area keys', async () => {
		const d = getIndicator('kontakte');
		expect(() => d.sql({ from: '2025-31-12', to: '2025-12-31', level: 'verband' })).toThrow(/Ungültiges Datum/);
		expect(() => d.sql({ from: '2025-06-01', to: '2025-01-31', level: 'verband' })).toThrow(/Zeitraum leer/);
		expect(() => d.sql({ ...Y2025, level: 'bund' as never })).toThrow(/Ebene/);
		expect(() => getIndicator('gibt_es_nicht')).toThrow();
		// a key with a quote is a harmless literal: no such area, no rows, no error
		expect(await runIndicator(db, 'kontakte', { ...Y2025, level: 'verband', areas: ["x' OR '1'='1"] })).toEqual([]);
		expect(await runIndicator(db, 'kontakte', { ...Y2025, level: 'verband', filters: { thema: ["Oma's Handy"] }, areas: ['130765654'] })).toHaveLength(1);
	});
});

describe('methodology', () => {
	it('one entry per indicator with formula, sources (title + Stand) and caveats', () => {
		const de = methodik('de');
		expect(de.map((e) => e.id)).toEqual(INDICATORS.map((d) => d.id));
		const k = de.find((e) => e.id === 'kontakte_je_1000')!;
		expect(k.formula).toBe('Einsätze im Zeitraum ÷ Einwohner des Gebiets × 1.000');
		expect(k.sources.find((s) => s.id === 'destatis_gv_2023')).toMatchObject({ stand: '31.12.2023', titel: 'Gemeindeverzeichnis GV-ISys, Auszug 31.12.2023' });
		expect(methodik('en').find((e) => e.id === 'kontakte_je_1000')!.formula).toBe('activities in the period ÷ inhabitants of the area × 1,000');
		expect(de.find((e) => e.id === 'kontakte')!.formula).toBe('Einsätze im Zeitraum');
		expect(de.find((e) => e.id === 'teilnehmende_65plus_je_1000_65plus')!.caveats.some((c) => c.startsWith('Schätzung'))).toBe(true);
	});

	it('takes sources from the quellen table as well as from the constant', async () => {
		const table = await db.query<Quelle>('SELECT * FROM quellen');
		expect(methodik('de', table)).toEqual(methodik('de', QUELLEN));
		expect(() => methodik('de', [])).toThrow(/Quelle/);
	});

	it('docs/methodik.md is the generator’s current output', () => {
		const md = readFileSync('docs/methodik.md', 'utf8');
		for (const lang of ['de', 'en'] as const) expect(md).toContain(methodikMarkdown(lang).trimEnd());
		for (const d of INDICATORS) expect(md.split(`(\`${d.id}\`)`).length - 1, d.id).toBe(2);
	});
});
