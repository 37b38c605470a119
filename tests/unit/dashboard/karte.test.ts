/** Page "Karte": every map spec loads from the sample database + boundaries and renders; values equal the registry's. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import { sampleDb } from '../helpers/sample-db';
import { loadGeoFromDisk } from '../../../src/lib/db/reference-node';
import { runIndicator } from '../../../src/lib/indicators/run';
import { defaultFilters, paramsFor, type ViewFilters } from '../../../src/lib/dashboard/filters';
import { getIndicator } from '../../../src/lib/indicators/registry';
import type { ViewContext, RenderedChart, ChartSpec } from '../../../src/lib/dashboard/spec';
import { MAPS_KEY } from '../../../src/lib/charts/echarts';
import { renderSvg } from '../../../src/lib/charts/ssr';
import { KARTE_CHARTS, karteAemterKontakteSpec, karteDistanzSpec, karteKreisKontakteSpec, karteReichweiteSpec } from '../../../src/lib/dashboard/specs/karte';

const PILOT = '130765654';
const F: ViewFilters = defaultFilters('2025-12');
const ctx = (lang: 'de' | 'en', filters = F): ViewContext => ({ lang, filters, amtName: 'Amt Dömitz-Malliß', sample: true, stand: '31.12.2025' });
const O = { showTitle: false, animation: false };

let db: Db;
beforeAll(async () => {
	db = await sampleDb();
	await loadGeoFromDisk(db);
});
afterAll(() => db.close());

async function both(s: ChartSpec, f = F): Promise<{ de: RenderedChart; en: RenderedChart }> {
	const data = await s.load(db, f);
	return { de: s.render(data, ctx('de', f), O), en: s.render(data, ctx('en', f), O) };
}
type MapSeries = { id: string; data: { name: string; value: number; itemStyle: { borderWidth?: number } }[] };
const features = (r: RenderedChart) => Object.values((r.option as Record<string, unknown>)[MAPS_KEY] as Record<string, { features: unknown[] }>).map((m) => m.features.length);
const mapData = (r: RenderedChart) => (r.option!.series as unknown as MapSeries[]).flatMap((s) => s.data);

describe('Karte: map specs', () => {
	it('every map has a title, summary, table, the BKG attribution in its source, and a click meaning', async () => {
		expect(new Set(KARTE_CHARTS.map((s) => s.id)).size).toBe(KARTE_CHARTS.length);
		for (const s of KARTE_CHARTS) {
			const r = await both(s);
			for (const x of [r.de, r.en]) {
				expect(x.option).not.toBeNull();
				expect(x.summary.length).toBeGreaterThan(20);
				expect(x.table!.rows.length).toBeGreaterThan(0);
				expect(x.source).toContain('© GeoBasis-DE / BKG (Daten verändert)');
			}
			expect(s.select).toMatch(/^(amt|detail)$/);
		}
	});

	it('the Gemeinden of Amt Dömitz-Malliß: 7 features, each value = the registry value of its AGS', async () => {
		const r = (await both(karteReichweiteSpec)).de;
		expect(features(r)).toEqual([7]);
		expect(r.title).toBe('Teilnahmen 65+ je 1.000 Einwohner ab 65 nach Gemeinden – Amt Dömitz-Malliß (Schätzung)');
		const gem = (await db.query<{ ags: string }>(`SELECT ags FROM gemeinden WHERE verband_ars = '${PILOT}'`)).map((g) => g.ags);
		const id = 'teilnehmende_65plus_je_1000_65plus';
		const rows = await runIndicator(db, id, paramsFor(getIndicator(id).filters, F, 'gemeinde', gem).params);
		const shown = new Map(mapData(r).map((d) => [d.name, d.value]));
		expect(shown.size).toBe(7);
		for (const row of rows) expect(shown.get(row.key)).toEqual(row.value ?? NaN);
	});

	it('the Gemeinden of the Kreis of Amt Dömitz-Malliß: every Gemeinde of Ludwigslust-Parchim, the Amt\'s 7 outlined', async () => {
		const r = (await both(karteKreisKontakteSpec)).de;
		const kreis = await db.query<{ ags: string; n: number }>(`SELECT ags FROM gemeinden WHERE kreis_ags = (SELECT kreis_ags FROM verbaende WHERE verband_ars = '${PILOT}')`);
		expect(kreis.length).toBeGreaterThan(100);
		expect(features(r)).toEqual([kreis.length]);
		expect(r.title).toBe('Kontakte je 1.000 Einwohner nach Gemeinden – Landkreis Ludwigslust-Parchim');
		expect((await both(karteKreisKontakteSpec)).en.title).toBe('Contacts per 1,000 inhabitants by municipality – Ludwigslust-Parchim district');
		expect(r.notes[0]).toBe('Umrandet: die Gemeinden von Amt Dömitz-Malliß.');
		// several outlined Gemeinden: the sentence starts with the map, not with one of them
		expect(r.summary).toMatch(/^Kontakte je 1\.000 Einwohner nach Gemeinden – Landkreis Ludwigslust-Parchim \(2025\): \d+ Gemeinden, höchster Wert /);
		const outlined = mapData(r).filter((d) => (d.itemStyle.borderWidth ?? 0) > 1).map((d) => d.name).sort();
		const amt = (await db.query<{ ags: string }>(`SELECT ags FROM gemeinden WHERE verband_ars = '${PILOT}' ORDER BY ags`)).map((g) => g.ags);
		expect(outlined).toEqual(amt);
		// values = the registry's for the Gemeinden of the Kreis
		const id = 'kontakte_je_1000';
		const rows = await runIndicator(db, id, paramsFor(getIndicator(id).filters, F, 'gemeinde', kreis.map((k) => k.ags)).params);
		const shown = new Map(mapData(r).map((d) => [d.name, d.value]));
		for (const row of rows) expect(shown.get(row.key)).toEqual(row.value ?? NaN);
	});

	it('distance map: a table with the nearest place, ranks with the shortest first', async () => {
		const r = (await both(karteDistanzSpec)).de;
		expect(r.table!.columns.map((c) => c.label)).toEqual(['Gemeinde', 'km', 'Rang', 'Klasse', 'nächster Ort mit Sprechstunde vor Ort oder Bürgerdialog']);
		// one Gemeinde's distance does not rest on the 65+ estimate
		expect(r.notes.some((n) => n.startsWith('Schätzung'))).toBe(false);
		expect((await both(karteReichweiteSpec)).de.notes.some((n) => n.startsWith('Schätzung'))).toBe(true);
		// "unter 50" leaves no participation 65+: the map says so instead of drawing zeros
		const f = { ...F, altersgruppe: ['unter 50'] };
		const none = await both(karteReichweiteSpec, f);
		expect(none.de.option).toBeNull();
		expect(none.en.summary).toBe('The age group filter "unter 50" excludes everyone aged 65+; for this indicator there is then nothing to show.');
		const first = r.table!.rows[0];
		expect(first[2]).toBe(1);
		const kms = r.table!.rows.map((x) => x[1]).filter((v): v is number => typeof v === 'number');
		expect(kms).toEqual([...kms].sort((a, b) => a - b));
	});

	it('the Ämter of MV and BW: two panels, 578 features, the chosen Amt outlined', async () => {
		const r = (await both(karteAemterKontakteSpec)).de;
		expect(features(r)).toEqual([116, 462]);
		expect((r.option!.series as unknown as MapSeries[]).map((s) => s.id)).toEqual(['map:MV', 'map:BW']);
		const outlined = mapData(r).filter((d) => d.itemStyle.borderWidth === 3).map((d) => d.name);
		expect(outlined).toEqual([PILOT]);
		const svg = renderSvg(r.option!, { width: 900, height: 480 });
		expect(svg).toContain('© GeoBasis-DE / BKG (Daten verändert)');
		expect(svg).toContain('Mecklenburg-Vorpommern');
	});

	it('an unknown Amt gives no Gemeinde map (empty state), not an error', async () => {
		const f = { ...F, amt: '999999999' };
		const r = (await both(karteReichweiteSpec, f)).de;
		expect(r.option).toBeNull();
		expect(r.summary).toBe('');
	});
});
