/** Qualifizierung: every chart cross-checked against the registry on the sample data, de and en. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import { defaultFilters, paramsFor, type ViewFilters } from '../../../src/lib/dashboard/filters';
import type { ChartSpec, ViewContext } from '../../../src/lib/dashboard/spec';
import { QUALIFIZIERUNG_CHARTS, providerCategories, type JahrData } from '../../../src/lib/dashboard/specs/qualifizierung';
import { GRUNDLEHRGANG_MODULE, MODULE } from '../../../src/lib/import/schemas';
import { getIndicator } from '../../../src/lib/indicators/registry';
import { runIndicator } from '../../../src/lib/indicators/run';
import type { IndicatorRow } from '../../../src/lib/indicators/types';
import type { Lang } from '../../../src/lib/i18n/messages';
import { sampleDb } from '../helpers/sample-db';

let db: Db;
beforeAll(async () => {
	db = await sampleDb();
});
afterAll(() => db.close());

const base = defaultFilters('2025-12');
const ctx = (lang: Lang, filters: ViewFilters = base): ViewContext => ({ lang, filters, amtName: 'Amt Dömitz-Malliß', sample: true, stand: '31.12.2025' });
const opts = { showTitle: false, animation: false };
const DE_NUMBER = /\d\.\d{3}|\d,\d/;
const byId = (id: string) => QUALIFIZIERUNG_CHARTS.find((s) => s.id === id) as ChartSpec;
const land = (id: string, f: ViewFilters = base, from?: string) =>
	runIndicator(db, id, paramsFor(getIndicator(id).filters, from ? { ...f, from } : f, 'land', ['MV', 'BW']).params);

describe('graduates and completion rate per Land', () => {
	it.each([
		['qualifizierung-absolventen', 'gl_absolventen'],
		['qualifizierung-abschlussquote', 'gl_abschlussquote']
	])('%s equals %s for MV and BW', async (specId, indId) => {
		const s = byId(specId);
		const data = (await s.load(db, base)) as IndicatorRow[];
		const expected = await land(indId);
		for (const lang of ['de', 'en'] as const) {
			const r = s.render(data, ctx(lang), opts);
			expect(r.option).not.toBeNull();
			const names = [lang === 'de' ? 'Mecklenburg-Vorpommern' : 'Mecklenburg-Western Pomerania', 'Baden-Württemberg'];
			for (const [i, k] of ['MV', 'BW'].entries()) {
				expect(r.table!.rows.find((x) => x[0] === names[i])![1]).toBe(expected.find((x) => x.key === k)!.value);
			}
			expect(r.summary).toContain('Baden-Württemberg');
			expect(r.title).toBe(getIndicator(indId).title[lang]);
		}
		expect(s.render(data, ctx('de'), opts).summary).toMatch(specId.endsWith('quote') ? DE_NUMBER : /\d/);
	});
});

describe('module completions', () => {
	it('per Land, ten modules in canonical order (Grundlehrgang first), counts from the registry', async () => {
		const expected = await land('gl_module_abschluesse');
		for (const k of ['MV', 'BW'] as const) {
			const s = byId(`qualifizierung-module-${k.toLowerCase()}`);
			const data = (await s.load(db, base)) as IndicatorRow[];
			const r = s.render(data, ctx('de'), opts);
			expect(r.table!.rows.map((x) => x[0])).toEqual(Object.keys(MODULE));
			expect(r.table!.rows.slice(0, 7).map((x) => x[0])).toEqual(GRUNDLEHRGANG_MODULE);
			// long module names get a wider label column than the builder's default
			expect((r.option!.yAxis as { axisLabel: { width: number } }).axisLabel.width).toBe(270);
			for (const row of r.table!.rows) expect(row[1]).toBe(expected.find((x) => x.key === k && x.category === row[0])!.value);
			expect(r.summary).toMatch(/zusammen [\d.]+\u00a0Abschlüsse/);
			const en = s.render(data, ctx('en'), opts);
			expect(en.title).toContain(k === 'MV' ? 'Mecklenburg-Western Pomerania' : 'Baden-Württemberg');
			expect(en.summary).toContain('together');
		}
	});
});

describe('per provider', () => {
	it('completion rate: only provider × Land pairs with a cohort, values from the registry', async () => {
		const s = byId('qualifizierung-quote-anbieter');
		const data = (await s.load(db, base)) as IndicatorRow[];
		const expected = (await land('gl_abschlussquote_anbieter')).filter((x) => (x.denominator ?? 0) > 0);
		expect(expected.length).toBeGreaterThan(0);
		const r = s.render(data, ctx('de'), opts);
		expect(r.table!.rows).toHaveLength(expected.length);
		for (const e of expected) expect(r.table!.rows.find((x) => x[0] === `${e.category} (${e.key})`)![1]).toBe(e.value);
		expect(r.summary).toContain('KVHS Ludwigslust-Parchim (MV)');
		expect(r.summary).toMatch(DE_NUMBER);
		expect(s.render(data, ctx('en'), opts).summary).toContain('Digitalakademie@bw (BW)');
	});

	it('median duration: labels carry n, values from the registry', async () => {
		const s = byId('qualifizierung-dauer-anbieter');
		const data = (await s.load(db, base)) as IndicatorRow[];
		const expected = (await land('gl_dauer_median_anbieter')).filter((x) => (x.denominator ?? 0) > 0);
		const r = s.render(data, ctx('de'), opts);
		for (const e of expected) {
			const row = r.table!.rows.find((x) => String(x[0]).startsWith(`${e.category} (${e.key}, n\u00a0=\u00a0${e.denominator}`));
			expect(row?.[1]).toBe(e.value);
		}
		expect(r.notes.join(' ')).toContain('Median');
	});

	it('providerCategories drops pairs without Lotsen and formats n in the language', () => {
		const row = (key: string, category: string, value: number | null, denominator: number | null): IndicatorRow => ({ level: 'land', key, name: key, land: key, value, numerator: null, denominator, category });
		const c = providerCategories([row('MV', 'A', 10, 1234), row('BW', 'A', null, 0), row('BW', 'B', null, null)], 'de', true);
		expect(c).toEqual([{ key: 'MV|A', label: 'A (MV, n\u00a0=\u00a01.234)', value: 10 }]);
		expect(providerCategories([row('MV', 'A', 10, 1234)], 'en', true)[0].label).toBe('A (MV, n\u00a0=\u00a01,234)');
	});
});

describe('graduates per year', () => {
	it('from the first year with course data to the end of the period, MV and BW per year', async () => {
		const s = byId('qualifizierung-absolventen-jahr');
		const data = (await s.load(db, base)) as JahrData;
		const [{ y }] = await db.query<{ y: string }>(`SELECT strftime(min(beginn), '%Y') AS y FROM qualifizierung`);
		expect(data.firstYear).toBe(y);
		const expected = await land('gl_absolventen_jahr', base, `${y}-01`);
		const r = s.render(data, ctx('de'), opts);
		const years = 2025 - Number(y) + 1;
		expect(r.table!.rows).toHaveLength(years * 2);
		expect(r.table!.rows[0][0]).toBe(`${y} · MV`);
		for (const e of expected) expect(r.table!.rows.find((x) => x[0] === `${e.category} · ${e.key}`)![1]).toBe(e.value);
		expect(r.table!.caption).toContain(`${y}–2025`);
		expect(r.summary).toMatch(/zusammen [\d.]+\u00a0Lotsen/);
		expect(s.render(data, ctx('en'), opts).notes[0]).toContain(`(${y})`);
	});
});

describe('all charts', () => {
	it('an activity filter from the URL is named as not applying; every chart still renders', async () => {
		const f = { ...base, format: ['Hausbesuch'] };
		for (const s of QUALIFIZIERUNG_CHARTS) {
			const r = s.render(await s.load(db, f), ctx('de', f), opts);
			expect(r.notes.join(' ')).toContain('Der Filter Format gilt für diese Kennzahl nicht');
			expect(r.source).toContain('Beispieldaten');
		}
	});

	it('a period before any course data: zeros and "–", no error', async () => {
		const f = { ...base, from: '2018-01', to: '2018-06' };
		for (const s of QUALIFIZIERUNG_CHARTS) {
			const r = s.render(await s.load(db, f), ctx('en', f), opts);
			expect(typeof r.summary).toBe('string');
		}
		const quote = byId('qualifizierung-abschlussquote');
		const r = quote.render(await quote.load(db, f), ctx('de', f), opts);
		expect(r.table!.rows.every((x) => x[1] === null)).toBe(true);
		const prov = byId('qualifizierung-quote-anbieter');
		expect(prov.render(await prov.load(db, f), ctx('de', f), opts).option).toBeNull();
	});
});
