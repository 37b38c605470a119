/** Page "Coworking": every spec loads from the sample database and renders in de and en; values cross-checked with the registry. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import { sampleDb } from '../helpers/sample-db';
import { shortKreisName } from '../../../src/lib/dashboard/kreis-name';
import { runIndicator } from '../../../src/lib/indicators/run';
import { defaultFilters, paramsFor, type ViewFilters } from '../../../src/lib/dashboard/filters';
import { getIndicator } from '../../../src/lib/indicators/registry';
import type { ViewContext, RenderedChart, ChartSpec } from '../../../src/lib/dashboard/spec';
import type { IndicatorRow, Level } from '../../../src/lib/indicators/types';
import {
	COWORKING_CHARTS,
	anteilGeringSpec,
	arbeitsplaetzeSpec,
	coworkingSource,
	eurJeEinwohnerSpec,
	foerdersummeSpec,
	statusSpec
} from '../../../src/lib/dashboard/specs/coworking';

const F: ViewFilters = defaultFilters('2025-12');
const ctx = (lang: 'de' | 'en', filters = F): ViewContext => ({ lang, filters, amtName: 'Amt Dömitz-Malliß', sample: true, stand: '31.12.2025' });
const O = { showTitle: false, animation: false };

let db: Db;
beforeAll(async () => {
	db = await sampleDb();
});
afterAll(() => db.close());

async function both(s: ChartSpec, f = F): Promise<{ de: RenderedChart; en: RenderedChart }> {
	const data = await s.load(db, f);
	return { de: s.render(data, ctx('de', f), O), en: s.render(data, ctx('en', f), O) };
}
const registry = (id: string, level: Level, f = F): Promise<IndicatorRow[]> => runIndicator(db, id, paramsFor(getIndicator(id).filters, f, level).params);
const tableMap = (r: RenderedChart) => new Map((r.table?.rows ?? []).map((row) => [row[0], row[1]]));

describe('Coworking: page specs', () => {
	it('five charts with unique ids; each has a title, a summary, a table and a source naming ILERL M-V', async () => {
		expect(new Set(COWORKING_CHARTS.map((s) => s.id)).size).toBe(5);
		for (const s of COWORKING_CHARTS) {
			const r = await both(s);
			for (const x of [r.de, r.en]) {
				expect(x.title).not.toBe('');
				expect(x.option).not.toBeNull();
				expect(x.summary).toContain('M-V');
				expect(x.table?.rows.length).toBeGreaterThan(0);
				expect(x.source).toContain('ILERL M-V');
			}
			expect(r.de.source).toMatch(/^Beispieldaten \(synthetisch\), Förderprogramm ILERL M-V/);
			expect(r.en.source).toMatch(/^Sample data \(synthetic\), funding programme ILERL M-V/);
		}
	});

	it('the source line without programmes is the plain source text', () => {
		expect(coworkingSource(['cw_foerdersumme'], [], true, 'de')).toBe('Beispieldaten (synthetisch)');
		expect(coworkingSource(['cw_foerdersumme'], ['A', 'B'], false, 'de')).toBe('Programmdaten (importierte Dateien), Förderprogramme A und B');
	});

	it('short Kreis names for the bars', () => {
		expect(shortKreisName('Ludwigslust-Parchim, Landkreis', 'de')).toBe('LK Ludwigslust-Parchim');
		expect(shortKreisName('Rostock, kreisfreie Stadt', 'de')).toBe('Rostock (Stadt)');
		expect(shortKreisName('Rostock, kreisfreie Stadt', 'en')).toBe('Rostock (city)');
		expect(shortKreisName('Rostock, Landkreis', 'en')).toBe('Rostock');
		expect(shortKreisName('Hohenlohekreis', 'de')).toBe('Hohenlohekreis');
	});

	it('funding per Gemeinde: the MV Gemeinden with funding, with the registry sums', async () => {
		const rows = (await registry('cw_foerdersumme', 'gemeinde')).filter((r) => r.land === 'MV' && (r.value ?? 0) > 0);
		expect(rows.length).toBeGreaterThan(0);
		const r = await both(foerdersummeSpec);
		const t = tableMap(r.de);
		expect(t.size).toBe(rows.length);
		for (const x of rows) expect(t.get(x.name)).toBe(x.value);
		const top = [...rows].sort((a, b) => (b.value as number) - (a.value as number))[0];
		expect(r.de.summary).toContain(top.name);
		expect(r.de.summary).toMatch(/\d{1,3}\.\d{3}\sEUR/); // 265.823 EUR
		expect(r.en.summary).toMatch(/\d{1,3},\d{3}\sEUR/);
		const total = rows.reduce((s, x) => s + (x.value as number), 0);
		expect(r.de.summary).toContain(`zusammen ${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(total)}\u00a0EUR`);
	});

	it('per Kreis: the 8 MV Kreise with the registry values and the M-V total', async () => {
		for (const [s, id] of [
			[eurJeEinwohnerSpec, 'cw_eur_je_einwohner'],
			[arbeitsplaetzeSpec, 'cw_arbeitsplaetze_je_10000'],
			[anteilGeringSpec, 'cw_anteil_gering']
		] as const) {
			const rows = (await registry(id, 'kreis')).filter((r) => r.land === 'MV');
			expect(rows.length).toBe(8);
			const r = await both(s);
			const t = tableMap(r.de);
			expect(t.size).toBe(8);
			for (const x of rows) expect(t.get(x.name)).toBe(x.value);
			expect(r.de.summary).toContain('M-V insgesamt');
			expect(r.en.summary).toContain('M-V overall');
			expect(r.de.summary).toMatch(/\d,\d/);
			// bars carry short names, the table the official ones
			const top = [...rows].sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0];
			expect(r.de.summary).toContain(shortKreisName(top.name, 'de'));
		}
	});

	it('projects approved and opened in M-V: the registry counts', async () => {
		const [b] = (await registry('cw_projekte_bewilligt', 'land')).filter((r) => r.key === 'MV');
		const [e] = (await registry('cw_projekte_eroeffnet', 'land')).filter((r) => r.key === 'MV');
		const r = await both(statusSpec);
		expect(r.de.table?.rows).toEqual([
			['bewilligt', b.value],
			['eröffnet', e.value]
		]);
		expect(r.de.summary).toContain(`${b.value} Coworking-Projekte bewilligt`);
		expect(r.en.summary).toContain(`${e.value} coworking spaces opened`);
	});

	it('a period without funding renders the empty state or zeros without throwing', async () => {
		const f = { ...F, from: '2015-01', to: '2015-12' };
		for (const s of COWORKING_CHARTS) await both(s, f);
		const r = await both(foerdersummeSpec, f);
		expect(r.de.option).toBeNull();
		expect(r.de.summary).toContain('keine Förderung bewilligt');
		const g = await both(anteilGeringSpec, f);
		expect([...tableMap(g.de).values()].every((v) => v === null)).toBe(true);
		const st = await both(statusSpec, f);
		expect(st.de.table?.rows).toEqual([
			['bewilligt', 0],
			['eröffnet', 0]
		]);
	});

	it('activity filters do not apply to funding data and say so in the notes', async () => {
		const f = { ...F, format: ['Hausbesuch'] };
		for (const s of COWORKING_CHARTS) {
			const r = await both(s, f);
			expect(r.de.notes.some((n) => n.includes('Format gilt für diese Kennzahl nicht'))).toBe(true);
			expect(r.en.notes.some((n) => n.includes('format filter does not apply'))).toBe(true);
		}
	});
});
