/** PowerPoint deck: unzipped and read back (slides, titles, Beispieldaten, notes, media, image ratio). */
import { describe, it, expect } from 'vitest';
import JSZip from 'jszip';
import { buildPptx, fitImage, type Deck } from '../../../src/lib/export/pptx';
import { bytesToDataUrl, pngSize } from '../../../src/lib/export/png';
import { makePng } from './helpers';

const WIDE = makePng(40, 20);
const TALL = makePng(20, 40);

function deck(over: Partial<Deck> = {}): Deck {
	return {
		lang: 'de',
		title: 'Digitallotsen-Bericht',
		subtitle: 'Amt Dömitz-Malliß · 01.01.2025–31.12.2025',
		sample: true,
		sourceNote: 'Quellen: Programmdaten; Destatis GV-ISys 31.12.2023',
		created: new Date(Date.UTC(2025, 2, 5, 12)),
		slides: [
			{
				title: 'Kontakte & Einsätze je 1.000 Einwohner',
				image: { data: bytesToDataUrl(WIDE, 'image/png'), width: 800, height: 400 },
				summary: 'Dömitz-Malliß: 31,4 Kontakte je 1.000 Einwohner, Rang 3 von 12.',
				source: 'Quelle: Programmdaten · Stand: 31.12.2023 · Beispieldaten'
			},
			{
				title: 'Monatlicher Verlauf',
				image: { data: bytesToDataUrl(TALL, 'image/png'), width: 0, height: 0 }, // size read from the PNG
				summary: 'Der Dreimonatsmittelwert stieg von 12 auf 18 Kontakte.',
				source: 'Quelle: Programmdaten · Stand: 31.12.2023 · Beispieldaten'
			}
		],
		...over
	};
}

async function unzip(bytes: Uint8Array) {
	const zip = await JSZip.loadAsync(bytes);
	const read = (name: string) => zip.file(name)!.async('string');
	const names = Object.keys(zip.files);
	return { zip, read, names };
}

/** the picture's size on the slide: <p:pic> … <a:ext cx cy> */
function picExtent(xml: string): { cx: number; cy: number } {
	const pic = /<p:pic>[\s\S]*?<\/p:pic>/.exec(xml)![0];
	const m = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(pic)!;
	return { cx: Number(m[1]), cy: Number(m[2]) };
}

describe('fitImage', () => {
	it('keeps the aspect ratio and centres the image in the area', () => {
		expect(fitImage({ width: 800, height: 400 }, { x: 0, y: 0, w: 10, h: 4 })).toEqual({ x: 1, y: 0, w: 8, h: 4 });
		expect(fitImage({ width: 100, height: 200 }, { x: 1, y: 1, w: 4, h: 4 })).toEqual({ x: 2, y: 1, w: 2, h: 4 });
	});
});

describe('buildPptx', () => {
	it('writes a 16:9 deck with a title slide and one slide per chart', async () => {
		const { read, names } = await unzip(await buildPptx(deck()));
		expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort()).toEqual(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml', 'ppt/slides/slide3.xml']);
		expect(await read('ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"');
		const core = await read('docProps/core.xml');
		expect(core).toContain('<dc:title>Digitallotsen-Bericht</dc:title>');
		expect(core).toContain('<dc:creator>Digitallotsen-Monitor</dc:creator>');
	});

	it('title slide: title, subtitle, creation date, Beispieldaten box, source note', async () => {
		const { read } = await unzip(await buildPptx(deck()));
		const xml = await read('ppt/slides/slide1.xml');
		expect(xml).toContain('Digitallotsen-Bericht');
		expect(xml).toContain('Amt Dömitz-Malliß · 01.01.2025–31.12.2025');
		expect(xml).toContain('Erstellt am 05.03.2025');
		expect(xml).toContain('Beispieldaten – synthetische Daten, keine echten Einsätze');
		expect(xml).toContain('Quellen: Programmdaten; Destatis GV-ISys 31.12.2023');
		expect(xml).toContain('<a:prstGeom prst="rect">');
	});

	it('chart slides: title (escaped), image, caption, Beispieldaten on every slide', async () => {
		const { read } = await unzip(await buildPptx(deck()));
		const s2 = await read('ppt/slides/slide2.xml');
		const s3 = await read('ppt/slides/slide3.xml');
		expect(s2).toContain('Kontakte &amp; Einsätze je 1.000 Einwohner');
		expect(s3).toContain('Monatlicher Verlauf');
		expect(s2).toContain('Dömitz-Malliß: 31,4 Kontakte je 1.000 Einwohner, Rang 3 von 12.');
		expect(s2).toContain('Quelle: Programmdaten · Stand: 31.12.2023 · Beispieldaten');
		expect(s2).toContain('descr="Dömitz-Malliß: 31,4 Kontakte je 1.000 Einwohner, Rang 3 von 12."');
		for (const n of [1, 2, 3]) expect(await read(`ppt/slides/slide${n}.xml`)).toContain('>Beispieldaten');
	});

	it('images keep their aspect ratio (2:1 from the given size, 1:2 read from the PNG)', async () => {
		const { read } = await unzip(await buildPptx(deck()));
		const a = picExtent(await read('ppt/slides/slide2.xml'));
		const b = picExtent(await read('ppt/slides/slide3.xml'));
		expect(a.cx / a.cy).toBeCloseTo(2, 3);
		expect(b.cx / b.cy).toBeCloseTo(0.5, 3);
		// the tall image fills the 4.6 in high area: 4.6 in = 4 206 240 EMU
		expect(Math.abs(b.cy - 4_206_240)).toBeLessThan(2);
	});

	it('speaker notes hold summary and source', async () => {
		const { read, names } = await unzip(await buildPptx(deck()));
		const notes = names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
		expect(notes).toHaveLength(3);
		const n2 = await read('ppt/notesSlides/notesSlide2.xml');
		const n3 = await read('ppt/notesSlides/notesSlide3.xml');
		expect(n2).toContain('Dömitz-Malliß: 31,4 Kontakte je 1.000 Einwohner, Rang 3 von 12.');
		expect(n2).toContain('Quelle: Programmdaten · Stand: 31.12.2023 · Beispieldaten');
		expect(n3).toContain('Der Dreimonatsmittelwert stieg von 12 auf 18 Kontakte.');
	});

	it('embeds the PNGs unchanged in ppt/media/', async () => {
		const { zip, names } = await unzip(await buildPptx(deck()));
		const media = names.filter((n) => n.startsWith('ppt/media/') && !n.endsWith('/'));
		expect(media).toHaveLength(2);
		const sizes = await Promise.all(media.map(async (m) => pngSize(await zip.file(m)!.async('uint8array'))));
		expect(sizes).toEqual(expect.arrayContaining([{ width: 40, height: 20 }, { width: 20, height: 40 }]));
		expect(media.every((m) => m.endsWith('.png'))).toBe(true);
	});

	it('real data: no Beispieldaten anywhere; English date label', async () => {
		const { read } = await unzip(
			await buildPptx(deck({ sample: false, lang: 'en', slides: deck().slides.map((s) => ({ ...s, source: 'Source: programme data' })) }))
		);
		for (const n of [1, 2, 3]) {
			const xml = await read(`ppt/slides/slide${n}.xml`);
			expect(xml).not.toContain('Beispieldaten');
			expect(xml).not.toContain('Sample data');
		}
		expect(await read('ppt/slides/slide1.xml')).toContain('Created on 05/03/2025');
	});

	it('rejects an image that is not a data:image URL', async () => {
		const bad = deck({ slides: [{ ...deck().slides[0], image: { data: 'https://example.org/x.png', width: 1, height: 1 } }] });
		await expect(buildPptx(bad)).rejects.toThrow(/data:image/);
	});
});
