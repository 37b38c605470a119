/**
 * Exports keep their meaning: the notes under a chart (the 65+ estimate, "Teilnahmen, nicht
 * Personen", filters that do not apply) travel into the SVG/PNG image, the CSV/XLSX meta lines and
 * the PowerPoint caption and speaker notes; every download of a chart gets its own file name.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import JSZip from 'jszip';
import type { Db } from '../../../src/lib/db/types';
import { defaultFilters } from '../../../src/lib/dashboard/filters';
import type { ChartSpec, ViewContext } from '../../../src/lib/dashboard/spec';
import { AELTERE_CHARTS } from '../../../src/lib/dashboard/specs/aeltere';
import { UEBERBLICK_CHARTS } from '../../../src/lib/dashboard/specs/ueberblick';
import { VERGLEICH_CHARTS } from '../../../src/lib/dashboard/specs/vergleich';
import { QUALIFIZIERUNG_CHARTS } from '../../../src/lib/dashboard/specs/qualifizierung';
import { COWORKING_CHARTS } from '../../../src/lib/dashboard/specs/coworking';
import { captionLine, EXPORT_SIZES, exportChart } from '../../../src/lib/export/chart-export';
import { chartSvg, imageOption } from '../../../src/lib/export/render-image';
import { tableToCsv } from '../../../src/lib/export/table-csv';
import { buildPptx } from '../../../src/lib/export/pptx';
import { bytesToDataUrl } from '../../../src/lib/export/png';
import { exportFileName, type ExportVariant } from '../../../src/lib/export/filename';
import { sampleDb } from '../helpers/sample-db';
import { makePng } from './helpers';

let db: Db;
beforeAll(async () => (db = await sampleDb()), 120_000);
afterAll(() => db.close());

const F = defaultFilters('2025-12');
const ctx = (lang: 'de' | 'en' = 'de', f = F): ViewContext => ({ lang, filters: f, amtName: 'Amt Dömitz-Malliß', sample: true, stand: '31.12.2025' });
const reach = AELTERE_CHARTS.find((s) => s.indicators.includes('teilnehmende_65plus_je_1000_65plus'))!;

/** the text content of every <text> element of an SVG, in document order */
function svgTexts(svg: string): string {
	return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&')).join(' ');
}

describe('the notes under a chart travel into its exports', () => {
	it('the 65+ reach chart has the estimate and "Teilnahmen, nicht Personen" under it', async () => {
		const r = reach.render(await reach.load(db, F), ctx(), { showTitle: false, animation: false });
		expect(r.notes.some((n) => n.startsWith('Schätzung'))).toBe(true);
		expect(r.notes.some((n) => n.includes('Teilnahmen, nicht Personen'))).toBe(true);
	});

	it('SVG (and so the PNG drawn from it): every note is text in the image, below the source line', async () => {
		const x = exportChart(reach, await reach.load(db, F), ctx());
		const { option, extra } = imageOption(x.rendered, EXPORT_SIZES.a4.width);
		const svg = chartSvg(option, { width: EXPORT_SIZES.a4.width, height: x.rendered.height + 40 + extra, label: x.rendered.summary });
		const text = svgTexts(svg);
		expect(text).toContain('Schätzung');
		expect(text).toContain('Teilnahmen, nicht Personen');
		// the notes come after "Quelle: … · Stand: …" (they are lines of the subtext)
		expect(text.indexOf('Teilnahmen, nicht Personen')).toBeGreaterThan(text.indexOf('Stand: 31.12.2025'));
		// more lines → the plot moves down by 16 px per extra line
		expect(extra).toBeGreaterThanOrEqual(16 * x.rendered.notes.length);
	});

	it('a filter the chart cannot apply is said in the image too', async () => {
		const s = VERGLEICH_CHARTS.find((c) => c.id === 'vergleich-lotsen_je_10000')!;
		const f = { ...F, format: ['Hausbesuch'] };
		const x = exportChart(s, await s.load(db, f), ctx('de', f));
		const svg = chartSvg(imageOption(x.rendered, 760).option, { width: 760, height: 400, label: x.rendered.summary });
		expect(svgTexts(svg)).toContain('Der Filter Format gilt für diese Kennzahl nicht');
	});

	it('CSV: the notes stand under the table with the other meta lines', async () => {
		const x = exportChart(reach, await reach.load(db, F), ctx());
		const csv = tableToCsv(x.rendered.table!, x.meta);
		expect(csv).toContain('Teilnahmen, nicht Personen');
		expect(csv).toMatch(/Schätzung: Einwohner ab 65 Jahren/);
	});

	it('PowerPoint: notes in the caption under the image and in the speaker notes (read back with JSZip)', async () => {
		const x = exportChart(reach, await reach.load(db, F), ctx());
		const bytes = await buildPptx({
			lang: 'de',
			title: 'Test',
			sample: true,
			slides: [{ title: x.rendered.title, image: { data: bytesToDataUrl(makePng(40, 20), 'image/png'), width: 40, height: 20 }, summary: x.rendered.summary, source: captionLine(x.meta), notes: x.rendered.notes }]
		});
		const zip = await JSZip.loadAsync(bytes);
		const slide = await zip.file('ppt/slides/slide2.xml')!.async('string');
		const notes = await zip.file('ppt/notesSlides/notesSlide2.xml')!.async('string');
		for (const xml of [slide, notes]) {
			expect(xml).toContain('Teilnahmen, nicht Personen');
			expect(xml).toContain('Schätzung: Einwohner ab 65 Jahren je Gemeinde');
		}
		// speaker notes: summary first, then the notes, then the source line
		const plain = notes.replace(/<[^>]+>/g, ' ');
		expect(plain.indexOf('Schätzung')).toBeGreaterThan(plain.indexOf(x.rendered.summary.slice(0, 30)));
		expect(plain.indexOf('Quelle:')).toBeGreaterThan(plain.indexOf('Schätzung'));
	});
});

describe('two Ämter on the Ämter-Vergleich travel into every export', () => {
	const s = VERGLEICH_CHARTS.find((c) => c.id === 'vergleich-kontakte_je_1000')!;
	const f2 = { ...F, amt2: '130765659' };
	const two = (): ViewContext => ({ ...ctx('de', f2), amt2Name: 'Amt Ludwigslust-Land' });

	it('SVG/PNG: both Ämter labelled in the image; CSV: a column for each; PowerPoint: both in caption and notes', async () => {
		const x = exportChart(s, await s.load(db, f2), two());
		const { option, extra } = imageOption(x.rendered, EXPORT_SIZES.a4.width);
		const text = svgTexts(chartSvg(option, { width: EXPORT_SIZES.a4.width, height: x.rendered.height + 40 + extra, label: x.rendered.summary }));
		expect(text).toMatch(/Amt Dömitz-Malliß: \d/);
		expect(text).toMatch(/Amt Ludwigslust-Land: \d/);
		const csv = tableToCsv(x.rendered.table!, x.meta);
		const head = csv.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.startsWith('Kennzahl;'))!;
		expect(head.split(';').slice(2, 4)).toEqual(['Amt Dömitz-Malliß', 'Amt Ludwigslust-Land']);
		const bytes = await buildPptx({
			lang: 'de',
			title: 'Test',
			sample: true,
			slides: [{ title: x.rendered.title, image: { data: bytesToDataUrl(makePng(40, 20), 'image/png'), width: 40, height: 20 }, summary: x.rendered.summary, source: captionLine(x.meta), notes: x.rendered.notes }]
		});
		const zip = await JSZip.loadAsync(bytes);
		for (const file of ['ppt/slides/slide2.xml', 'ppt/notesSlides/notesSlide2.xml']) {
			const xml = await zip.file(file)!.async('string');
			expect(xml).toContain('Amt Ludwigslust-Land: ');
			expect(xml).toContain('Vergleichsgruppe von Amt Dömitz-Malliß');
		}
	});

	it('file names: the chart with two Ämter names both and does not overwrite the one with one', () => {
		const title = 'Kontakte je 1.000 Einwohner';
		expect(exportFileName({ title, amtName: 'Amt Dömitz-Malliß', amt2Name: 'Amt Ludwigslust-Land', variant: 'csv', sample: true })).toBe(
			'beispieldaten-kontakte-je-1000-einwohner-doemitz-malliss-ludwigslust-land.csv'
		);
		expect(exportFileName({ title, amtName: 'Amt Dömitz-Malliß', variant: 'csv', sample: true })).toBe('beispieldaten-kontakte-je-1000-einwohner-amt-doemitz-malliss.csv');
	});
});

describe('file names of a chart’s downloads', () => {
	const variants: ExportVariant[] = ['png-a4', 'png-slide', 'svg', 'csv', 'xlsx'];
	const all: ChartSpec[] = [...UEBERBLICK_CHARTS, ...VERGLEICH_CHARTS, ...AELTERE_CHARTS, ...QUALIFIZIERUNG_CHARTS, ...COWORKING_CHARTS];

	it('are unique per variant and per chart of every page', async () => {
		const names: string[] = [];
		for (const s of all) {
			const r = s.render(await s.load(db, F), ctx(), { showTitle: true, animation: false });
			for (const v of variants) names.push(exportFileName({ title: r.title, amtName: 'Amt Dömitz-Malliß', variant: v, sample: true, lang: 'de' }));
		}
		expect(names.length).toBe(all.length * variants.length);
		const dupes = names.filter((n, i) => names.indexOf(n) !== i);
		expect(dupes).toEqual([]);
	});

	it('A4 and 16:9 PNG differ even when a long title is cut', () => {
		const title = 'Teilnahmen 65+ je 1.000 Einwohner ab 65 in den Gemeinden des Amtes, sehr lang, noch länger, am längsten';
		const a4 = exportFileName({ title, amtName: 'Amt Dömitz-Malliß', variant: 'png-a4', sample: true });
		const slide = exportFileName({ title, amtName: 'Amt Dömitz-Malliß', variant: 'png-slide', sample: true });
		expect(a4).not.toBe(slide);
		expect(a4).toMatch(/-a4\.png$/);
		expect(slide).toMatch(/-16x9\.png$/);
		expect(a4.length).toBeLessThanOrEqual(80 + '.png'.length);
	});

	it('name the Amt once: not again when the title already names it', () => {
		const n = exportFileName({ title: 'Kontakte je Monat: Amt Dömitz-Malliß', amtName: 'Amt Dömitz-Malliß', variant: 'csv', sample: true });
		expect(n).toBe('beispieldaten-kontakte-je-monat-amt-doemitz-malliss.csv');
		expect(exportFileName({ title: 'Kontakte je 1.000 Einwohner', amtName: 'Amt Dömitz-Malliß', variant: 'svg' })).toBe('kontakte-je-1000-einwohner-amt-doemitz-malliss.svg');
		expect(exportFileName({ title: 'Contacts per month: Amt Dömitz-Malliß', amtName: 'Amt Dömitz-Malliß', variant: 'png-a4', sample: true, lang: 'en' })).toBe(
			'sample-data-contacts-per-month-amt-doemitz-malliss-a4.png'
		);
	});
});
