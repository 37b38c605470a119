/** The methodology page model: every registry indicator once, grouped, with sources, in de and en. */
import { describe, it, expect } from 'vitest';
import { methodikAnchor, methodikPage } from '../../../src/lib/dashboard/methodik-page';
import { ALL_PAGES } from '../../../src/lib/dashboard/pages';
import { KARTE_CHARTS } from '../../../src/lib/dashboard/specs/karte';
import { GROUPS, INDICATORS } from '../../../src/lib/indicators/registry';
import { formula } from '../../../src/lib/indicators/methodik';
import { ALLGEMEIN, VERGLEICH } from '../../../src/lib/indicators/methodik-text';

describe('methodikPage', () => {
	it('lists every indicator exactly once, in registry order, under its group', () => {
		const p = methodikPage('de');
		const ids = p.groups.flatMap((g) => g.entries.map((e) => e.id));
		expect(ids).toEqual(INDICATORS.map((d) => d.id));
		for (const g of p.groups) {
			expect(g.title).toBe(GROUPS[g.id].de);
			expect(g.entries.every((e) => e.group === g.id)).toBe(true);
		}
		expect(new Set(p.groups.map((g) => g.id)).size).toBe(p.groups.length);
	});

	it('anchors are unique and safe for URLs', () => {
		const p = methodikPage('de');
		const anchors = [...p.rules.map((r) => r.anchor), ...p.groups.map((g) => g.anchor), ...p.groups.flatMap((g) => g.entries.map((e) => e.anchor))];
		expect(new Set(anchors).size).toBe(anchors.length);
		expect(anchors.every((a) => /^[a-z0-9_-]+$/.test(a))).toBe(true);
	});

	it('entries carry formula, unit, sources with Stand and caveats in the language', () => {
		for (const lang of ['de', 'en'] as const) {
			const p = methodikPage(lang);
			expect(p.rules.map((r) => r.items.length)).toEqual([ALLGEMEIN.items.length, VERGLEICH.items.length]);
			for (const e of p.groups.flatMap((g) => g.entries)) {
				const d = INDICATORS.find((x) => x.id === e.id)!;
				expect(e.formula).toBe(formula(d, lang));
				expect(e.unit).toBe(d.unit[lang]);
				expect(e.caveats).toEqual(d.caveats.map((c) => c[lang]));
				expect(e.sources.length).toBe(d.sources.length);
				expect(e.sources.every((s) => s.stand !== '')).toBe(true);
				expect(e.needsText.length).toBe(d.needs.length);
				expect(e.filtersText.length).toBe(d.filters.length);
			}
		}
		const en = methodikPage('en').groups.flatMap((g) => g.entries).find((e) => e.id === 'kontakte_je_1000')!;
		expect(en.formula).toBe('activities in the period ÷ inhabitants of the area × 1,000');
		expect(en.needsText).toEqual(['Navigator activities']);
		expect(en.filtersText).toEqual(['format', 'age group', 'topic']);
		const de = methodikPage('de').groups.flatMap((g) => g.entries).find((e) => e.id === 'teilnehmende_65plus_je_1000_65plus')!;
		expect(de.sources.map((s) => s.stand)).toContain('2022');
		expect(de.shapeText).toBe('ein Wert je Gebiet');
	});
});

describe('chart → Methodik link', () => {
	it('every chart of every page links to an anchor the Methodik page has', () => {
		const anchors = new Set(methodikPage('de').groups.flatMap((g) => g.entries.map((e) => e.anchor)));
		const specs = [...ALL_PAGES.flatMap((p) => p.specs), ...KARTE_CHARTS];
		expect(specs.length).toBeGreaterThan(10);
		for (const s of specs) expect(anchors.has(methodikAnchor(s.indicators[0])), s.id).toBe(true);
		expect(methodikAnchor('kontakte_je_1000')).toBe('indikator-kontakte_je_1000');
	});
});
