/** The Ämter-Vergleich specs on the full sample data: values agree with the registry, texts name the Amt. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import { defaultFilters } from '../../../src/lib/dashboard/filters';
import { VERGLEICH_CHARTS, alignedSpec } from '../../../src/lib/dashboard/specs/vergleich';
import type { ViewContext } from '../../../src/lib/dashboard/spec';
import { runIndicator } from '../../../src/lib/indicators/run';
import { sampleDb } from '../helpers/sample-db';
import { Coordinator } from '../../../src/lib/db/coordinator';

let db: Db;
beforeAll(async () => (db = await sampleDb()), 120_000);
afterAll(() => db.close());

const F = defaultFilters('2025-12');
const ctx = (lang: 'de' | 'en', f = F, amtName = 'Amt Dömitz-Malliß'): ViewContext => ({ lang, filters: f, amtName, sample: true, stand: '31.12.2025' });
const R = { showTitle: false, animation: false };
const byId = (id: string) => VERGLEICH_CHARTS.find((s) => s.id === id)!;

describe('Ämter-Vergleich', () => {
	it('has one dot/range chart per headline indicator and the programme-start curves', () => {
		expect(VERGLEICH_CHARTS.map((s) => s.id)).toContain('vergleich-kontakte_je_1000');
		expect(VERGLEICH_CHARTS.at(-1)).toBe(alignedSpec);
		expect(new Set(VERGLEICH_CHARTS.map((s) => s.id)).size).toBe(VERGLEICH_CHARTS.length);
	});

	it('the Amt value in the table is the registry value for the Amt; summary in de-DE', async () => {
		const s = byId('vergleich-kontakte_je_1000');
		const data = await s.load(db, F);
		const [reg] = await runIndicator(db, 'kontakte_je_1000', { from: '2025-01-01', to: '2025-12-01', level: 'verband', areas: ['130765654'] });
		const de = s.render(data, ctx('de'), R);
		expect(de.table!.rows[0][2]).toBeCloseTo(reg.value!, 9);
		expect(de.summary).toContain('Amt Dömitz-Malliß (2025)');
		// de-DE: decimal comma in the Amt's value
		expect(de.summary).toContain(new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(reg.value!));
		expect(de.source).toMatch(/^Beispieldaten \(synthetisch\); Destatis/);
		const en = s.render(data, ctx('en'), R);
		expect(en.title).toBe('Contacts per 1,000 inhabitants');
		expect(en.notes[0]).toMatch(/^Peer group: \d+ BW associations$/);
		expect(s.render(data, ctx('de'), R).notes[1]).toBe(
			'Median MV und Median BW: der mittlere Wert der Ämter und Verbände im Programm. Der Überblick zeigt dagegen Landeswerte (alles im Land geteilt durch alle Einwohner des Landes, auch wo keine Lotsen arbeiten) – deshalb unterscheiden sich die Zahlen.'
		);
	});

	it('the 65+ reach says it rests on an estimate', async () => {
		const s = byId('vergleich-teilnehmende_65plus_je_1000_65plus');
		const r = s.render(await s.load(db, F), ctx('de'), R);
		expect(r.notes.some((n) => n.startsWith('Schätzung'))).toBe(true);
		expect(r.title).toBe('Teilnahmen 65+ je 1.000 Einwohner ab 65 (Schätzung)');
		expect(byId('vergleich-kontakte_je_1000').render(await s.load(db, F), ctx('de'), R).title).toBe('Kontakte je 1.000 Einwohner');
	});

	it('"unter 50" on the 65+ reach: a sentence instead of zeros; charts of all ages still draw', async () => {
		const f = { ...F, altersgruppe: ['unter 50'] };
		const data = await byId('vergleich-teilnehmende_65plus_je_1000_65plus').load(db, f);
		const r = byId('vergleich-teilnehmende_65plus_je_1000_65plus').render(data, ctx('de', f), R);
		expect(r.option).toBeNull();
		expect(r.summary).toBe('Der Filter Altersgruppe „unter 50“ schließt alle Personen ab 65 aus; für diese Kennzahl gibt es dann nichts zu zeigen.');
		expect(byId('vergleich-kontakte_je_1000').render(data, ctx('de', f), R).option).not.toBeNull();
	});

	it('a filter the indicator cannot apply is named, and the value stays unfiltered', async () => {
		const s = byId('vergleich-lotsen_je_10000');
		const f = { ...F, format: ['Hausbesuch'] };
		const filtered = s.render(await s.load(db, f), ctx('de', f), R);
		const plain = s.render(await s.load(db, F), ctx('de'), R);
		expect(filtered.notes.some((n) => n.includes('Format gilt für diese Kennzahl nicht'))).toBe(true);
		expect(filtered.table!.rows[0][2]).toBe(plain.table!.rows[0][2]);
	});

	it('an Amt without activity gets 0 contacts, not a missing value', async () => {
		const s = byId('vergleich-kontakte_je_1000');
		const f = { ...F, amt: '130765668' };
		const r = s.render(await s.load(db, f), ctx('de', f, 'Amt Crivitz'), R);
		expect(r.table!.rows[0][2]).toBe(0);
	});

	it('through the coordinator: the same numbers, the nine charts share their statements, and a second Amt reuses the values of every Verband', async () => {
		const c = new Coordinator(db);
		const s = byId('vergleich-abdeckung_gemeinden');
		const plain = s.render(await s.load(db, F), ctx('de'), R);
		// the page: all nine dot/range charts ask at once
		const dots = VERGLEICH_CHARTS.filter((x) => x !== alignedSpec);
		const all = await Promise.all(dots.map((x) => c.request((q) => x.load(q, F), { client: x.id, state: 'F' })));
		expect(s.render(all[dots.indexOf(s)], ctx('de'), R).table).toEqual(plain.table);
		// nine indicators, one table of values each, plus the Verbände in the programme and every Verband's
		// profile, and every MV Verband's peer group: 9 + 1 + 1 + 1 = 12; every statement ran once for the nine charts
		expect(c.tables.length).toBe(12);
		const once = c.statements;
		await c.request((q) => s.load(q, F));
		expect(c.statements).toBe(once);
		const f2 = { ...F, amt: '130765659' };
		const other = s.render(await c.request((q) => s.load(q, f2)), ctx('de', f2, 'Amt Ludwigslust-Land'), R);
		expect(c.tables.length).toBe(12);
		expect(other.table).toEqual(s.render(await s.load(db, f2), ctx('de', f2, 'Amt Ludwigslust-Land'), R).table);
		// new data: the coordinator drops its tables
		await c.write(async () => undefined);
		expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, '_coord_')`)).toEqual([]);
	});

	it('aligned curves: the Amt line starts at programme month 1 (Dömitz-Malliß began in March 2024)', async () => {
		const data = (await alignedSpec.load(db, F)) as { amt: { programm_monat: number; monat: string }[] };
		expect(data.amt[0]).toMatchObject({ programm_monat: 1, monat: '2024-03' });
		// March 2024 … December 2025 = 22 months
		expect(data.amt.at(-1)!.programm_monat).toBe(22);
		const r = alignedSpec.render(data, ctx('de'), R);
		expect(r.summary).toContain('Programmmonat 22');
		// the peer curve runs a year beyond the Amt's 22 months: 22 + 12 = 34 rows
		expect(r.table!.rows.length).toBe(34);
		// through the coordinator (every Verband's series as one temp table): the same rows, for two Ämter
		const c = new Coordinator(db);
		for (const amt of ['130765654', '130765659']) {
			const f = { ...F, amt };
			const plain = await alignedSpec.load(db, f);
			expect(await c.request((q) => alignedSpec.load(q, f))).toEqual(plain);
		}
		// every Verband's series, plus the three tables of the peer groups (profiles, programme, every MV Verband's group): 1 + 3 = 4
		expect(c.tables.length).toBe(4);
		await c.write(async () => undefined);
	});

	it('two Ämter side by side: the second Amt\'s registry value in chart, summary and table; the first Amt unchanged; through the coordinator no new temp table', async () => {
		const s = byId('vergleich-kontakte_je_1000');
		const f2 = { ...F, amt2: '130765659' };
		const two: ViewContext = { ...ctx('de', f2), amt2Name: 'Amt Ludwigslust-Land' };
		const data = await s.load(db, f2);
		const [dm, ll] = await runIndicator(db, 'kontakte_je_1000', { from: '2025-01-01', to: '2025-12-01', level: 'verband', areas: ['130765654', '130765659'] }).then((rows) =>
			['130765654', '130765659'].map((k) => rows.find((r) => r.key === k)!)
		);
		const r = s.render(data, two, R);
		const fmt = (v: number) => new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
		const lead = `Amt Dömitz-Malliß (2025): ${fmt(dm.value!)}\u00a0je 1.000 Einwohner; Amt Ludwigslust-Land: ${fmt(ll.value!)}\u00a0je 1.000 Einwohner; der Median der BW-Vergleichsgruppe von Amt Dömitz-Malliß liegt bei `;
		expect(r.summary.slice(0, lead.length)).toBe(lead);
		expect(r.table!.columns.slice(2, 4).map((c) => c.label)).toEqual(['Amt Dömitz-Malliß', 'Amt Ludwigslust-Land']);
		expect(r.table!.rows[0][2]).toBeCloseTo(dm.value!, 9);
		expect(r.table!.rows[0][3]).toBeCloseTo(ll.value!, 9);
		// the slide's large figures: both Ämter
		expect(r.keyFigure).toEqual({ label: 'Amt Dömitz-Malliß', value: fmt(dm.value!), unit: 'je 1.000 Einwohner', second: { label: 'Amt Ludwigslust-Land', value: fmt(ll.value!) } });
		const series = (r.option!.series as { id: string; data: number[][] }[]).find((x) => x.id === 'amt2')!;
		expect(series.data[0][0]).toBeCloseTo(ll.value!, 9);
		// the first Amt's chart as without a second Amt, apart from the added column
		const one = s.render(await s.load(db, F), ctx('de'), R);
		const byKey = (t: NonNullable<typeof r.table>) => Object.fromEntries(t.columns.map((c, i) => [c.key, t.rows[0][i]]));
		const { amt2, percentile2, ...firstAmt } = byKey(r.table!);
		expect([amt2, percentile2].every((v) => v !== undefined)).toBe(true);
		expect(firstAmt).toEqual(byKey(one.table!));
		// the context without a second Amt (a stale context) draws no second marker
		expect((s.render(data, ctx('de', f2), R).option!.series as { id: string }[]).map((x) => x.id)).not.toContain('amt2');
		const c = new Coordinator(db);
		await c.request((q) => s.load(q, F));
		const tables = c.tables.length;
		expect(s.render(await c.request((q) => s.load(q, f2)), two, R).table).toEqual(r.table);
		expect(c.tables.length).toBe(tables);
		await c.write(async () => undefined);
	});
});
