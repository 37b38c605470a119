/**
 * Slides read from the back of a room: every chart of every page, drawn for a 1920×1080 slide,
 * has no text below 20 px, no drawn title (the slide shows it in large HTML type) and keeps its
 * marks; on the sample data, so the real options are checked, not a stand-in.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Db } from '../../../src/lib/db/types';
import { defaultFilters } from '../../../src/lib/dashboard/filters';
import type { ChartSpec, ViewContext } from '../../../src/lib/dashboard/spec';
import { ALL_PAGES, findChart } from '../../../src/lib/dashboard/pages';
import { slideFontSize, slideOption } from '../../../src/lib/charts/slide';
import { renderSvg } from '../../../src/lib/charts/ssr';
import { sampleDb } from '../helpers/sample-db';

let db: Db;
beforeAll(async () => (db = await sampleDb()), 120_000);
afterAll(() => db.close());

const F = defaultFilters('2025-12');
const ctx: ViewContext = { lang: 'de', filters: F, amtName: 'Amt Dömitz-Malliß', sample: true, stand: '31.12.2025' };

describe('slideOption', () => {
	it('font size: 20 px at 1920 wide, more on larger screens, never less', () => {
		expect(slideFontSize(1920)).toBe(20);
		expect(slideFontSize(1280)).toBe(20);
		expect(slideFontSize(3840)).toBe(40);
	});

	const specs: ChartSpec[] = ALL_PAGES.flatMap((p) => p.specs);
	it('every chart of every page: all text ≥ 20 px, title not drawn, same number of marks', async () => {
		expect(specs.length).toBeGreaterThan(20);
		for (const s of specs) {
			const r = s.render(await s.load(db, F), ctx, { showTitle: false, animation: false });
			if (!r.option) continue;
			const svg = renderSvg(slideOption(r.option, { fontSize: 20 }), { width: 1800, height: 640 });
			const sizes = [...svg.matchAll(/font-size:(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]));
			const plain = renderSvg(r.option, { width: 1800, height: 640 });
			expect(sizes.length, s.id).toBeGreaterThan(0);
			expect(Math.min(...sizes), `${s.id}: smallest text`).toBeGreaterThanOrEqual(20);
			expect(svg, s.id).not.toContain(`>${r.title}<`);
			// same marks: as many paths (bars, dots, lines) as the screen chart
			const marks = (x: string) => (x.match(/<path\b/g) ?? []).length;
			expect(marks(svg), s.id).toBeGreaterThan(0);
			expect(Math.abs(marks(svg) - marks(plain)), `${s.id}: marks`).toBeLessThanOrEqual(marks(plain) * 0.2 + 4);
		}
	});

	it('findChart finds each chart with its page', () => {
		for (const p of ALL_PAGES) for (const s of p.specs) expect(findChart(s.id)?.page.path).toBe(p.path);
		expect(findChart('nope')).toBeNull();
	});
});
