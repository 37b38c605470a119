/** Page "Reichweite Ältere": every spec loads from the sample database and renders in de and en; values cross-checked with the registry. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import { sampleDb } from '../helpers/sample-db';
import { Coordinator } from '../../../src/lib/db/coordinator';
import { runIndicator } from '../../../src/lib/indicators/run';
import { defaultFilters, paramsFor, type ViewFilters } from '../../../src/lib/dashboard/filters';
import { getIndicator } from '../../../src/lib/indicators/registry';
import type { ViewContext, RenderedChart, ChartSpec } from '../../../src/lib/dashboard/spec';
import type { IndicatorRow } from '../../../src/lib/indicators/types';
import {
	AELTERE_CHARTS,
	abdeckungSpec,
	ageFilterConflict,
	amtGemeinden,
	anteilSpec,
	ohneAnalogSpec,
	ohneKontaktSpec,
	reichweiteSpec,
	zwillingSpec
} from '../../../src/lib/dashboard/specs/aeltere';

const PILOT = '130765654';
const CRIVITZ = '130765668';
const F: ViewFilters = defaultFilters('2025-12');
const ctx = (lang: 'de' | 'en', filters = F, amtName = 'Amt Dömitz-Malliß'): ViewContext => ({ lang, filters, amtName, sample: true, stand: '31.12.2025' });
const O = { showTitle: false, animation: false };

let db: Db;
let gem: string[];
beforeAll(async () => {
	db = await sampleDb();
	gem = await amtGemeinden(db, PILOT);
});
afterAll(() => db.close());

async function both(s: ChartSpec, f = F, amtName?: string): Promise<{ de: RenderedChart; en: RenderedChart }> {
	const data = await s.load(db, f);
	return { de: s.render(data, ctx('de', f, amtName), O), en: s.render(data, ctx('en', f, amtName), O) };
}
const registry = (id: string, level: 'gemeinde' | 'verband', areas: string[], f = F): Promise<IndicatorRow[]> =>
	runIndicator(db, id, paramsFor(getIndicator(id).filters, f, level, areas).params);
/** table rows as {first column → second column} */
const tableMap = (r: RenderedChart) => new Map((r.table?.rows ?? []).map((row) => [row[0], row[1]]));

describe('Reichweite Ältere: page specs', () => {
	it('has six charts with unique ids, each with a title naming the Amt, a summary, source and Beispieldaten', async () => {
		expect(new Set(AELTERE_CHARTS.map((s) => s.id)).size).toBe(6);
		for (const s of AELTERE_CHARTS) {
			const r = await both(s);
			for (const x of [r.de, r.en]) {
				expect(x.title).toContain('Dömitz-Malliß');
				expect(x.summary.length).toBeGreaterThan(20);
				// the pilot has no offer served only online: that chart is an empty list with a sentence
				if (s !== ohneAnalogSpec) {
					expect(x.option).not.toBeNull();
					expect(x.table?.rows.length).toBeGreaterThan(0);
				}
			}
			expect(r.de.source).toMatch(/^Beispieldaten \(synthetisch\)/);
			expect(r.en.source).toMatch(/^Sample data \(synthetic\)/);
		}
	});

	it('reach 65+ per Gemeinde: the registry values, the Schätzung note, Gemeinden named', async () => {
		const rows = await registry('teilnehmende_65plus_je_1000_65plus', 'gemeinde', gem);
		expect(rows.length).toBe(gem.length);
		const r = await both(reichweiteSpec);
		const t = tableMap(r.de);
		expect(t.size).toBe(rows.length);
		for (const x of rows) expect(t.get(x.name)).toBe(x.value);
		expect(r.de.notes.some((n) => n.startsWith('Schätzung'))).toBe(true);
		expect(r.en.notes.some((n) => n.startsWith('Estimate'))).toBe(true);
		expect(r.de.table?.columns.map((c) => c.label)).toContain('Hinweis');
		const top = [...rows].sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0];
		expect(r.de.summary).toContain(top.name);
		expect(r.de.summary).toMatch(/\d\.\d{3},\d/); // 1.259,0
		expect(r.en.summary).toMatch(/\d,\d{3}\.\d/);
		// a value above 1,000 per 1,000 is explained in plain words (participations, not people)
		expect(rows.some((x) => (x.value ?? 0) > 1000)).toBe(true);
		expect(r.de.summary.endsWith(' Mehr als 1.000 je 1.000 heißt: im Schnitt mehr als eine Teilnahme je Person – gezählt werden Teilnahmen, nicht Personen.')).toBe(true);
		expect(r.en.summary.endsWith(' More than 1,000 per 1,000 means: on average more than one participation per person – participations are counted, not people.')).toBe(true);
		// the share chart (percent) does not get it
		expect((await both(anteilSpec)).de.summary).not.toContain('Mehr als 1.000');
	});

	it('a chart resting on the 65+ estimate says "(Schätzung)" at the end of its title; the share does not', async () => {
		const r = await both(reichweiteSpec);
		expect(r.de.title).toBe('Teilnahmen 65+ je 1.000 Einwohner ab 65 nach Gemeinden – Amt Dömitz-Malliß (Schätzung)');
		expect(r.en.title.endsWith(' – Amt Dömitz-Malliß (estimate)')).toBe(true);
		const a = await both(anteilSpec);
		expect(a.de.title).not.toContain('Schätzung');
		// the export draws the same title inside the chart
		const data = await reichweiteSpec.load(db, F);
		const exp = reichweiteSpec.render(data, ctx('de'), { showTitle: true, animation: false });
		expect(JSON.stringify(exp.option?.title)).toContain('Amt Dömitz-Malliß (Schätzung)');
	});

	it('a Gemeinde with 0 estimated inhabitants 65+ shows "–", not 0', () => {
		const rows: IndicatorRow[] = [
			{ level: 'gemeinde', key: '1', name: 'A', land: 'MV', value: 500, numerator: 50, denominator: 100, estimate: true },
			{ level: 'gemeinde', key: '2', name: 'B', land: 'MV', value: null, numerator: 0, denominator: 0, estimate: true }
		];
		const r = reichweiteSpec.render({ rows, ignored: [] }, ctx('de'), O);
		expect(r.table?.rows.find((x) => x[0] === 'B')?.[1]).toBeNull();
		const missing = (r.option?.series as { id: string; data: unknown[] }[]).find((s) => s.id === 'missing');
		expect(missing?.data).toEqual([null, 0]);
		expect(r.summary).toContain('ohne Wert (–): B');
		expect(r.notes.some((n) => n.includes('(–)'))).toBe(true);
	});

	it('share of participations 65+: the registry values, "–" where nobody took part', async () => {
		const rows = await registry('anteil_teilnehmende_65plus', 'gemeinde', gem);
		const r = await both(anteilSpec);
		const t = tableMap(r.de);
		for (const x of rows) expect(t.get(x.name)).toBe(x.value);
		expect(r.de.summary).toMatch(/\d,\d\s%/);
	});

	it('coverage: both shares of the Amt with counts, 12-month window named', async () => {
		const [g] = await registry('abdeckung_gemeinden', 'verband', [PILOT]);
		const [b] = await registry('abdeckung_bevoelkerung', 'verband', [PILOT]);
		const r = await both(abdeckungSpec);
		expect(r.de.table?.rows).toEqual([
			['Gemeinden mit Kontakt', g.value, g.numerator, g.denominator],
			['Einwohner abgedeckt', b.value, b.numerator, b.denominator]
		]);
		expect(r.de.summary).toContain('Amt Dömitz-Malliß (12 Monate bis Dez. 2025)');
		expect(r.de.summary).toContain(`${g.numerator} von ${g.denominator} Gemeinden`);
		expect(r.de.summary).toMatch(/\d,\d\s%/);
		expect(r.en.summary).toContain('12 months to Dec 2025');
		expect(r.de.notes.join(' ')).toContain('12 Monate');
	});

	it('Gemeinden without contact: listed by name with their population', async () => {
		const rows = await registry('gemeinden_ohne_kontakt', 'verband', [PILOT]);
		expect(rows.length).toBeGreaterThan(0);
		const r = await both(ohneKontaktSpec);
		const t = tableMap(r.de);
		for (const x of rows) expect(t.get(x.category as string)).toBe(x.value);
		for (const x of rows) expect(r.de.summary).toContain(x.category);
		expect(r.de.summary).toContain(`${rows.length} von ${gem.length} Gemeinden ohne Kontakt`);
	});

	it('Gemeinden without contact: an empty list says "Alle Gemeinden hatten Kontakt"', () => {
		const r = ohneKontaktSpec.render({ rows: [], total: 7, ignored: [] }, ctx('de'), O);
		expect(r.option).toBeNull();
		expect(r.summary).toContain('Alle Gemeinden hatten Kontakt');
		expect(ohneKontaktSpec.render({ rows: [], total: 7, ignored: [] }, ctx('en'), O).summary).toContain('All municipalities had contact');
	});

	it('analog twin per offer: analog share from the registry, online the rest; offers without contacts in a note', async () => {
		const rows = await registry('analog_anteil_angebot', 'verband', [PILOT]);
		const r = await both(zwillingSpec);
		const shown = rows.filter((x) => (x.denominator ?? 0) > 0);
		expect(r.de.table?.rows.length).toBe(shown.length);
		for (const x of shown) {
			const row = r.de.table?.rows.find((y) => y[0] === x.category);
			expect(row?.[1]).toBeCloseTo(x.value as number, 9);
			expect(row?.[2]).toBeCloseTo(100 - (x.value as number), 9);
			expect(row?.[3]).toBe(x.numerator);
		}
		const lowest = [...shown].sort((a, b) => (a.value as number) - (b.value as number))[0];
		expect(r.de.table?.rows[0][0]).toBe(lowest.category);
		expect(r.de.summary).toContain(lowest.category);
		expect(r.de.summary).toMatch(/\d,\d\s%/);
		const none = rows.filter((x) => !((x.denominator ?? 0) > 0)).map((x) => x.category as string);
		if (none.length) expect(r.de.notes.some((n) => none.every((c) => n.includes(c)))).toBe(true);
	});

	it('offers without analog twin: the registry list, or a sentence when there is none', async () => {
		const rows = await registry('angebote_ohne_analog', 'verband', [PILOT]);
		const r = await both(ohneAnalogSpec);
		expect(r.de.table?.rows.length ?? 0).toBe(rows.length);
		if (rows.length) for (const x of rows) expect(r.de.summary).toContain(x.category);
		else expect(r.de.summary).toContain('Zu jedem digitalen Angebot');
		const listed: IndicatorRow[] = [{ level: 'verband', key: PILOT, name: 'Dömitz-Malliß', land: 'MV', value: 1234, numerator: 1234, denominator: null, category: 'BundID', category_key: 'BundID' }];
		const l = ohneAnalogSpec.render({ rows: listed, ignored: [], anyContacts: true }, ctx('de'), O);
		expect(l.summary).toContain('1 digitales Angebot nur online – BundID');
		expect(l.table?.rows).toEqual([['BundID', 1234]]);
	});

	it('an Amt without activity (Crivitz) renders zeros or the empty state without throwing', async () => {
		const f = { ...F, amt: CRIVITZ };
		for (const s of AELTERE_CHARTS) {
			const r = await both(s, f, 'Amt Crivitz');
			for (const x of [r.de, r.en]) {
				expect(x.title).toContain('Crivitz');
				if (x.option) expect(x.summary).not.toBe('');
			}
		}
		const reach = await both(reichweiteSpec, f, 'Amt Crivitz');
		expect([...tableMap(reach.de).values()].every((v) => v === 0)).toBe(true);
		expect(reach.de.summary).toContain('in keiner der 17 Gemeinden gab es Teilnahmen ab 65');
		const cov = await both(abdeckungSpec, f, 'Amt Crivitz');
		expect(cov.de.summary).toContain('0 von 17 Gemeinden');
		const ohne = await both(ohneKontaktSpec, f, 'Amt Crivitz');
		expect(ohne.de.summary).toContain('Keine der 17 Gemeinden');
		const twin = await both(zwillingSpec, f, 'Amt Crivitz');
		expect(twin.de.option).toBeNull();
		const only = await both(ohneAnalogSpec, f, 'Amt Crivitz');
		expect(only.de.option).toBeNull();
		expect(only.de.summary).toBe('');
	});

	it('a format filter on the analog twin: a note that the balance follows from it', async () => {
		const f = { ...F, format: ['Hausbesuch'] };
		const twin = await both(zwillingSpec, f);
		expect(twin.de.notes.some((n) => n.includes('Formatfilter gilt auch hier') && n.includes('Hausbesuch'))).toBe(true);
		expect(twin.de.summary).toMatch(/analoger Anteil bei allen \d+ Angeboten 100,0\s%/);
		expect(twin.en.notes.some((n) => n.includes('format filter applies here too'))).toBe(true);
	});

	it('filters the offer indicators cannot apply (age group, topic) appear in the notes', async () => {
		const f = { ...F, altersgruppe: ['75+'] };
		const twin = await both(zwillingSpec, f);
		expect(twin.de.notes.some((n) => n.includes('Altersgruppe gilt für diese Kennzahl nicht'))).toBe(true);
		expect(twin.en.notes.some((n) => n.includes('age group filter does not apply'))).toBe(true);
		const only = await both(ohneAnalogSpec, f);
		expect(only.de.notes.some((n) => n.includes('Altersgruppe'))).toBe(true);
		// the reach indicator applies the age-group filter: no such note, and only 75+ counted
		const reach = await both(reichweiteSpec, f);
		expect(reach.de.notes.some((n) => n.includes('gilt für diese Kennzahl nicht'))).toBe(false);
		const rows = await registry('teilnehmende_65plus_je_1000_65plus', 'gemeinde', gem, f);
		const t = tableMap(reach.de);
		for (const x of rows) expect(t.get(x.name)).toBe(x.value);
	});
});

describe('Reichweite Ältere: a filter that contradicts the chart', () => {
	it('"unter 50" on the 65+ charts: no chart of zeros, a sentence instead', async () => {
		const f = { ...F, altersgruppe: ['unter 50'] };
		for (const s of [reichweiteSpec, anteilSpec]) {
			const r = await both(s, f);
			expect(r.de.option).toBeNull();
			expect(r.de.table).toBeNull();
			expect(r.de.summary).toBe('Der Filter Altersgruppe „unter 50“ schließt alle Personen ab 65 aus; für diese Kennzahl gibt es dann nichts zu zeigen.');
			expect(r.en.summary).toBe('The age group filter "unter 50" excludes everyone aged 65+; for this indicator there is then nothing to show.');
		}
		const two = await both(reichweiteSpec, { ...F, altersgruppe: ['unter 50', '50–64'] });
		expect(two.de.summary).toBe('Der Filter Altersgruppe „unter 50“ und „50–64“ schließt alle Personen ab 65 aus; für diese Kennzahl gibt es dann nichts zu zeigen.');
	});

	it('"75+" alone makes the share 65+ 100 % by definition: said, not drawn; the reach still draws', async () => {
		const f = { ...F, altersgruppe: ['75+'] };
		const share = await both(anteilSpec, f);
		expect(share.de.option).toBeNull();
		expect(share.de.summary).toBe('Mit dem Filter Altersgruppe „75+“ zählen nur Teilnahmen ab 65: Der Anteil ab 65 ist dann per Definition überall 100 % und sagt nichts aus.');
		expect(share.en.summary).toBe('With the age group filter "75+" only participations aged 65+ are counted: the share aged 65+ is then 100 % everywhere by definition and says nothing.');
		expect((await both(reichweiteSpec, f)).de.option).not.toBeNull();
	});

	it('no contradiction: no filter, a mix with a 65+ group, or a filter the indicator ignores', () => {
		expect(ageFilterConflict('anteil_teilnehmende_65plus', [], [], 'de')).toBeNull();
		expect(ageFilterConflict('anteil_teilnehmende_65plus', ['50–64', '75+'], [], 'de')).toBeNull();
		expect(ageFilterConflict('teilnehmende_65plus_je_1000_65plus', ['65–74', '75+'], [], 'de')).toBeNull();
		expect(ageFilterConflict('teilnehmende_65plus_je_1000_65plus', ['unter 50'], ['altersgruppe'], 'de')).toBeNull();
	});
});

describe('Reichweite Ältere through the coordinator', () => {
	it('gives the same data as the plain database for every chart, Amt and filter, with one temp table per indicator and level', async () => {
		const c = new Coordinator(db);
		const withFormat = { ...F, format: ['Hausbesuch'] };
		for (const f of [F, { ...F, amt: CRIVITZ }, { ...F, amt: '130765659' }, withFormat]) {
			for (const s of AELTERE_CHARTS) expect(await c.request((q) => s.load(q, f)), `${s.id} ${JSON.stringify(f)}`).toEqual(await s.load(db, f));
		}
		// indicators of the page (by hand): 65+ reach and share 65+ (per Gemeinde), two coverage indicators, Gemeinden
		// without contact, analog share per offer, offers only online = 7 per filter state; F and withFormat differ in
		// format, which only some indicators apply, so the count is at most 2 × 7 = 14 and at least 7
		expect(c.tables.length).toBeGreaterThanOrEqual(7);
		expect(c.tables.length).toBeLessThanOrEqual(14);
	}, 60_000);
});

describe('amtGemeinden through the coordinator', () => {
	it('the same Gemeinden in the same order as from the database, for every Verband of the sample; one statement for all', async () => {
		const c = new Coordinator(db);
		const keys = (await db.query<{ k: string }>(`SELECT DISTINCT verband_ars AS k FROM gemeinden ORDER BY 1 LIMIT 40`)).map((r) => r.k);
		for (const k of [...keys, '999999999']) expect(await c.request((q) => amtGemeinden(q, k)), k).toEqual(await amtGemeinden(db, k));
		expect(c.statements).toBe(1);
		await c.write(async () => undefined);
	});
});
