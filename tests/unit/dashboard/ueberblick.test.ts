/** Überblick: key figures, trend charts and the ranking, cross-checked against the registry on the sample data. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import { defaultFilters, paramsFor, type ViewFilters } from '../../../src/lib/dashboard/filters';
import type { ViewContext } from '../../../src/lib/dashboard/spec';
import {
	KEY_FIGURE_INDICATORS,
	keyFiguresModel,
	loadKeyFigures,
	mvProgrammeAreas,
	rankingSpec,
	TREND_CHARTS,
	UEBERBLICK_CHARTS
} from '../../../src/lib/dashboard/specs/ueberblick';
import { getIndicator } from '../../../src/lib/indicators/registry';
import { runIndicator } from '../../../src/lib/indicators/run';
import type { Lang } from '../../../src/lib/i18n/messages';
import { sampleDb } from '../helpers/sample-db';
import { comparisonAll } from '../../../src/lib/dashboard/specs/vergleich';

let db: Db;
beforeAll(async () => {
	db = await sampleDb();
});
afterAll(() => db.close());

const PILOT = '130765654';
const CRIVITZ = '130765668';
const base = defaultFilters('2025-12');
const ctx = (lang: Lang, filters: ViewFilters = base, amtName = 'Amt Dömitz-Malliß'): ViewContext => ({ lang, filters, amtName, sample: true, stand: '31.12.2025' });
const opts = { showTitle: false, animation: false };
/** a de-DE number with a thousands point or a decimal comma */
const DE_NUMBER = /\d\.\d{3}|\d,\d/;

describe('key figures', () => {
	it('MV, BW and the Amt equal the registry for every figure, in de and en', async () => {
		const data = await loadKeyFigures(db, base);
		expect(data.figures.map((f) => f.id)).toEqual([...KEY_FIGURE_INDICATORS]);
		for (const fig of data.figures) {
			const def = getIndicator(fig.id);
			const land = await runIndicator(db, fig.id, paramsFor(def.filters, base, 'land').params);
			const amt = await runIndicator(db, fig.id, paramsFor(def.filters, base, 'verband', [PILOT]).params);
			expect(fig.mv?.value).toBe(land.find((r) => r.key === 'MV')?.value);
			expect(fig.bw?.value).toBe(land.find((r) => r.key === 'BW')?.value);
			expect(fig.amt?.value).toBe(amt[0].value);
		}
		for (const lang of ['de', 'en'] as const) {
			const m = keyFiguresModel(data, ctx(lang));
			expect(m.figures).toHaveLength(KEY_FIGURE_INDICATORS.length);
			for (const [i, fig] of m.figures.entries()) {
				expect(fig.label).toBe(getIndicator(fig.id).title[lang]);
				expect(fig.unit).toBe(getIndicator(fig.id).unit[lang]);
				expect(fig.cells.map((c) => c.value)).toEqual([data.figures[i].mv?.value, data.figures[i].bw?.value, data.figures[i].amt?.value]);
				expect(fig.cells[2]).toMatchObject({ label: 'Amt Dömitz-Malliß', highlight: true });
				expect(fig.source).toContain(lang === 'de' ? 'Beispieldaten' : 'Sample data');
			}
			expect(m.summary).toContain('Amt Dömitz-Malliß');
		}
		const de = keyFiguresModel(data, ctx('de'));
		expect(de.summary).toMatch(DE_NUMBER);
		expect(de.figures[0].cells[0].label).toBe('Mecklenburg-Vorpommern');
		// 65+ rests on an estimated population: marked and explained
		const old = de.figures.find((f) => f.id === 'teilnehmende_65plus_je_1000_65plus')!;
		expect(old.estimate).toBe(true);
		expect(old.notes.join(' ')).toContain('Schätzung');
		expect(old.source).toContain('INKAR');
		// why MV's 1,5 here and "Median MV 42,7" on the Vergleich differ
		expect(de.landNote).toBe(
			'MV und BW sind hier Landeswerte: alles im Land geteilt durch alle Einwohner des Landes, auch dort, wo keine Lotsen arbeiten. Der Ämter-Vergleich zeigt dagegen den Median der Ämter und Verbände im Programm – deshalb unterscheiden sich die Zahlen.'
		);
		expect(keyFiguresModel(data, ctx('en')).landNote).toMatch(/^MV and BW are Land totals here: /);
	});

	it('an Amt without activity shows 0, not "–", where 0 is true', async () => {
		const f = { ...base, amt: CRIVITZ };
		const m = keyFiguresModel(await loadKeyFigures(db, f), ctx('de', f, 'Amt Crivitz'));
		const amt = (id: string) => m.figures.find((x) => x.id === id)!.cells[2];
		expect(amt('kontakte')).toMatchObject({ value: 0, text: '0' });
		expect(amt('lotsen_aktiv')).toMatchObject({ value: 0, text: '0' });
		expect(amt('kontakte_je_1000').text).toBe('0,0');
	});

	it('an activity filter: the Lotsen count says it ignores it, the contacts apply it', async () => {
		const f = { ...base, format: ['Hausbesuch'] };
		const data = await loadKeyFigures(db, f);
		const m = keyFiguresModel(data, ctx('de', f));
		const lotsen = m.figures.find((x) => x.id === 'lotsen_aktiv')!;
		expect(lotsen.notes.join(' ')).toContain('Filter Format gilt für diese Kennzahl nicht');
		const kontakte = m.figures.find((x) => x.id === 'kontakte')!;
		expect(kontakte.notes).toEqual([]);
		const filtered = await runIndicator(db, 'kontakte', paramsFor(getIndicator('kontakte').filters, f, 'land').params);
		expect(kontakte.cells[0].value).toBe(filtered.find((r) => r.key === 'MV')!.value);
		const unfiltered = await loadKeyFigures(db, base);
		expect(kontakte.cells[0].value).toBeLessThan(unfiltered.figures.find((x) => x.id === 'kontakte')!.mv!.value!);
	});
});

describe('key figures summary: Land totals beside the median of the Ämter, in the sentence itself', () => {
	// hand-made figures (only contacts and the rate enter the sentence)
	const r = (key: string, value: number | null) => ({ level: 'land' as const, key, name: key, land: key, value, numerator: null, denominator: null });
	const fig = (id: string, mv: number, bw: number, amt: number) => ({ id, mv: r('MV', mv), bw: r('BW', bw), amt: r(PILOT, amt) });
	const DATA = {
		amt: PILOT,
		figures: [
			fig('lotsen_aktiv', 12, 80, 2),
			fig('kontakte', 2438, 60000, 912),
			fig('teilnehmende', 3000, 70000, 1000),
			// 2438 / 1,629,464 × 1000 = 1.4962 → 1,5; 60,000 / 11,339,260 × 1000 = 5.2913 → 5,3; 912 / 8,344 × 1000 = 109.2996 → 109,3
			fig('kontakte_je_1000', 2438 / 1629.464, 60000 / 11339.26, 912 / 8.344),
			fig('teilnehmende_65plus_je_1000_65plus', 10, 20, 30)
		],
		rateMedian: { MV: 42.7, BW: 5.14 }
	};

	it('de and en, exact', () => {
		expect(keyFiguresModel(DATA, ctx('de')).summary).toBe(
			'2025: Mecklenburg-Vorpommern 2.438\u00a0Kontakte (1,5\u00a0je 1.000 Einwohner), Baden-Württemberg 60.000\u00a0Kontakte (5,3\u00a0je 1.000 Einwohner), Amt Dömitz-Malliß 912\u00a0Kontakte (109,3\u00a0je 1.000 Einwohner). ' +
				'Die Werte für MV und BW sind Landeswerte: alle Kontakte geteilt durch alle Einwohner des Landes. Der Median der Ämter im Programm – das mittlere Amt – liegt in MV bei 42,7 und in BW bei 5,1 je 1.000 Einwohner; er weicht vom Landeswert ab, weil dieser auch die Einwohner zählt, bei denen keine Lotsen arbeiten.'
		);
		expect(keyFiguresModel(DATA, ctx('en')).summary).toBe(
			'2025: Mecklenburg-Western Pomerania 2,438\u00a0contacts (1.5\u00a0per 1,000 inhabitants), Baden-Württemberg 60,000\u00a0contacts (5.3\u00a0per 1,000 inhabitants), Amt Dömitz-Malliß 912\u00a0contacts (109.3\u00a0per 1,000 inhabitants). ' +
				'The figures for MV and BW are Land totals: all contacts divided by all inhabitants of the Land. The median of the Ämter in the programme – the middle Amt – is 42.7 in MV and 5.1 in BW per 1,000 inhabitants; it differs from the Land total because the total also counts the inhabitants where no navigators work.'
		);
	});

	it('the medians are the Ämter-Vergleich\'s "Median MV/BW" for the same filters', async () => {
		for (const f of [base, { ...base, format: ['Hausbesuch'] }]) {
			const data = await loadKeyFigures(db, f);
			const cmp = await comparisonAll(db, f);
			const row = cmp.rows.find((x) => x.indicatorId === 'kontakte_je_1000')!;
			expect(data.rateMedian).toEqual({ MV: row.mvMedian, BW: row.bwMedian });
			expect(data.rateMedian.MV).not.toBeNull();
		}
	});
});

describe('trend charts', () => {
	it('MV, BW and the Amt: 12 months each, values and 3-month means from the registry', async () => {
		const def = getIndicator('kontakte_trend');
		const expected = [
			await runIndicator(db, def.id, paramsFor(def.filters, base, 'land', ['MV']).params),
			await runIndicator(db, def.id, paramsFor(def.filters, base, 'land', ['BW']).params),
			await runIndicator(db, def.id, paramsFor(def.filters, base, 'verband', [PILOT]).params)
		];
		const names = ['Mecklenburg-Vorpommern', 'Baden-Württemberg', 'Amt Dömitz-Malliß'];
		for (const [i, s] of TREND_CHARTS.entries()) {
			const rows = (await s.load(db, base)) as { value: number; mittel_3m: number }[];
			expect(rows).toHaveLength(12);
			const de = s.render(rows, ctx('de'), opts);
			const en = s.render(rows, ctx('en'), opts);
			expect(de.option).not.toBeNull();
			expect(de.table!.rows.map((r) => r[1])).toEqual(expected[i].map((r) => r.value));
			expect(de.table!.rows.map((r) => r[2])).toEqual(expected[i].map((r) => r.mittel_3m));
			expect(de.title).toContain(names[i]);
			expect(de.summary).toContain(names[i]);
			expect(de.summary).toMatch(/gleitender Dreimonatsmittelwert [\d.]+,\d/);
			expect(en.summary).toContain('3-month moving average');
			expect(de.source).toContain('Beispieldaten');
		}
	});

	it('an Amt without activity: a flat line of zeros, no error', async () => {
		const f = { ...base, amt: CRIVITZ };
		const s = TREND_CHARTS[2];
		const rows = (await s.load(db, f)) as { value: number }[];
		expect(rows.every((r) => r.value === 0)).toBe(true);
		const r = s.render(rows, ctx('de', f, 'Amt Crivitz'), opts);
		expect(r.summary).toContain('Amt Crivitz');
		expect(r.summary).toContain('zuletzt (Dez. 2025) 0\u00a0Kontakte je Monat');
	});

	it('a topic filter applies (the trend can use it): no "does not apply" note', async () => {
		const [{ thema }] = await db.query<{ thema: string }>('SELECT min(thema) AS thema FROM s_einsaetze_thema');
		const f = { ...base, thema: [thema] };
		const rows = (await TREND_CHARTS[0].load(db, f)) as { value: number }[];
		const all = (await TREND_CHARTS[0].load(db, base)) as { value: number }[];
		expect(rows.reduce((s, r) => s + r.value, 0)).toBeLessThan(all.reduce((s, r) => s + r.value, 0));
		const r = TREND_CHARTS[0].render(rows, ctx('de', f), opts);
		expect(r.notes.join(' ')).not.toContain('gilt für diese Kennzahl nicht');
	});
});

describe('ranking of the MV Ämter', () => {
	it('the MV Verbände in the programme, values from the registry, the Amt highlighted and named', async () => {
		const areas = await mvProgrammeAreas(db, PILOT);
		expect(areas).toContain(PILOT);
		expect(areas.every((k) => k.startsWith('13'))).toBe(true);
		const data = (await rankingSpec.load(db, base)) as { key: string; value: number }[];
		const expected = await runIndicator(db, 'kontakte_je_1000', paramsFor(getIndicator('kontakte_je_1000').filters, base, 'verband', areas).params);
		expect(data.map((r) => [r.key, r.value])).toEqual(expected.map((r) => [r.key, r.value]));
		// names as in the Amt filter ("Amt Grabow"), also for the Ämter not chosen
		const names = await db.query<{ name: string }>(`SELECT 'Amt ' || name AS name FROM verbaende WHERE art = 'Amt' AND land = 'MV'`);
		const amtNames = new Set(names.map((n) => n.name));
		expect((data as unknown as { name: string }[]).filter((r) => amtNames.has(r.name)).length).toBeGreaterThan(1);
		for (const lang of ['de', 'en'] as const) {
			const r = rankingSpec.render(data, ctx(lang), opts);
			expect(r.option).not.toBeNull();
			expect(r.table!.rows).toHaveLength(expected.length);
			const amtRow = r.table!.rows.find((x) => x[0] === 'Amt Dömitz-Malliß')!;
			expect(amtRow[1]).toBe(expected.find((x) => x.key === PILOT)!.value);
			expect(r.summary).toMatch(lang === 'de' ? /^Amt Dömitz-Malliß \(2025\): .*Rang \d+ von \d+/ : /^Amt Dömitz-Malliß \(2025\): .*rank \d+ of \d+/);
		}
		expect(rankingSpec.render(data, ctx('de'), opts).summary).toMatch(DE_NUMBER);
	});

	it('an Amt without activity is added to the ranking with 0', async () => {
		const f = { ...base, amt: CRIVITZ };
		const data = (await rankingSpec.load(db, f)) as { key: string; value: number }[];
		expect(data.find((r) => r.key === CRIVITZ)?.value).toBe(0);
		const r = rankingSpec.render(data, ctx('de', f, 'Amt Crivitz'), opts);
		expect(r.summary).toMatch(/^Amt Crivitz \(2025\): 0,0/);
	});

	it('every chart of the page has an id, a title, a source and renders with a format filter', async () => {
		const f = { ...base, format: ['Hausbesuch'] };
		expect(new Set(UEBERBLICK_CHARTS.map((s) => s.id)).size).toBe(UEBERBLICK_CHARTS.length);
		for (const s of UEBERBLICK_CHARTS) {
			const r = s.render(await s.load(db, f), ctx('en', f), opts);
			expect(r.title).not.toBe('');
			expect(r.source).toContain('Sample data');
			expect(r.notes.join(' ')).not.toContain('does not apply');
		}
	});
});
