/**
 * A PowerPoint deck (16:9) of chart images: a title slide, then one slide per chart with the
 * image (aspect ratio kept), summary and source as caption and in the speaker notes.
 * "Beispieldaten" is on every slide when the data are synthetic. PptxGenJS, browser and Node.
 */
import type { Lang } from '../charts/types';
import { chartLabels } from '../charts/labels';
import { sampleNote } from './export-meta';
import { dataUrlToBytes, pngSize } from './png';

export interface DeckSlide {
	title: string;
	/** a data:image/png;base64,… URL and its pixel size (only the ratio matters) */
	image: { data: string; width: number; height: number };
	summary: string;
	/** the full source line, e.g. "Quelle: … · Stand: … · Beispieldaten" */
	source: string;
	/** the notes under the chart (estimates, filters that do not apply): caption and speaker notes */
	notes?: string[];
}

export interface Deck {
	lang: Lang;
	title: string;
	/** e.g. "Amt Dömitz-Malliß · 01.01.2025–31.12.2025" */
	subtitle?: string;
	sample: boolean;
	/** note at the bottom of the title slide, e.g. the data sources */
	sourceNote?: string;
	slides: DeckSlide[];
	/** creation date shown on the title slide (default: now) */
	created?: Date;
}

type PptxCtor = typeof import('pptxgenjs').default;

async function loadPptxGenJS(): Promise<PptxCtor> {
	const mod = await import('pptxgenjs');
	const d = mod.default as unknown;
	// ESM build: the class is the default export; a CommonJS interop may wrap it once more
	return (typeof d === 'function' ? d : (d as { default: unknown }).default) as PptxCtor;
}

// LAYOUT_WIDE is 13.333 × 7.5 inches
const W = 13.333;
const MARGIN = 0.5;
const FONT = 'Arial';
const TEXT = '1F2937';
const MUTED = '4B5563';
const SAMPLE_FILL = 'FFF4CE';
const SAMPLE_LINE = 'B45309';
const SAMPLE_TEXT = '7C2D12';

const WORDS = {
	de: { created: 'Erstellt am', locale: 'de-DE' },
	en: { created: 'Created on', locale: 'en-GB' }
} as const;

/** the image box inside the given area, scaled to fit and centred */
export function fitImage(img: { width: number; height: number }, area: { x: number; y: number; w: number; h: number }): { x: number; y: number; w: number; h: number } {
	const scale = Math.min(area.w / img.width, area.h / img.height);
	const w = img.width * scale;
	const h = img.height * scale;
	return { x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h };
}

function imageSize(image: DeckSlide['image']): { width: number; height: number } {
	if (image.width > 0 && image.height > 0 && Number.isFinite(image.width) && Number.isFinite(image.height)) {
		return { width: image.width, height: image.height };
	}
	return pngSize(dataUrlToBytes(image.data));
}

export async function buildPptx(deck: Deck): Promise<Uint8Array> {
	const PptxGenJS = await loadPptxGenJS();
	const pptx = new PptxGenJS();
	const lang = WORDS[deck.lang].locale;
	pptx.layout = 'LAYOUT_WIDE';
	pptx.author = 'Digitallotsen-Monitor';
	pptx.company = 'Digitallotsen-Monitor';
	pptx.title = deck.title;
	if (deck.subtitle) pptx.subject = deck.subtitle;
	const base = { fontFace: FONT, color: TEXT, lang, margin: 0 };

	const sampleBox = (slide: ReturnType<typeof pptx.addSlide>, big: boolean) => {
		const label = big ? sampleNote(deck.lang) : chartLabels(deck.lang).sample;
		const w = big ? 4.6 : 2.3;
		slide.addText(label, {
			...base,
			shape: 'rect',
			x: W - MARGIN - w, y: big ? 0.4 : 0.3, w, h: big ? 0.9 : 0.5,
			fill: { color: SAMPLE_FILL },
			line: { color: SAMPLE_LINE, width: 2 },
			color: SAMPLE_TEXT, bold: true, fontSize: big ? 18 : 14,
			align: 'center', valign: 'middle', margin: 4
		});
	};

	// title slide
	const first = pptx.addSlide();
	if (deck.sample) sampleBox(first, true);
	first.addText(deck.title, { ...base, x: MARGIN + 0.3, y: 2.0, w: W - 2 * MARGIN - 0.6, h: 1.5, fontSize: 36, bold: true, valign: 'bottom', fit: 'shrink' });
	if (deck.subtitle) first.addText(deck.subtitle, { ...base, x: MARGIN + 0.3, y: 3.7, w: W - 2 * MARGIN - 0.6, h: 0.7, fontSize: 20, color: MUTED, valign: 'top' });
	const created = new Intl.DateTimeFormat(lang, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(deck.created ?? new Date());
	first.addText(`${WORDS[deck.lang].created} ${created}`, { ...base, x: MARGIN + 0.3, y: 4.5, w: 6, h: 0.5, fontSize: 14, color: MUTED });
	if (deck.sourceNote) first.addText(deck.sourceNote, { ...base, x: MARGIN + 0.3, y: 6.2, w: W - 2 * MARGIN - 0.6, h: 0.9, fontSize: 11, color: MUTED, valign: 'bottom', fit: 'shrink' });
	first.addNotes([deck.title, deck.subtitle, deck.sample ? sampleNote(deck.lang) : '', deck.sourceNote].filter(Boolean).join('\n'));

	// chart slides
	deck.slides.forEach((s, i) => {
		const slide = pptx.addSlide();
		if (deck.sample) sampleBox(slide, false);
		slide.addText(s.title, { ...base, x: MARGIN, y: 0.3, w: W - 2 * MARGIN - (deck.sample ? 2.5 : 0), h: 0.8, fontSize: 24, bold: true, valign: 'middle', fit: 'shrink' });
		if (!/^data:image\/(png|jpeg|gif);base64,/i.test(s.image.data)) throw new Error(`slide ${i + 1}: image must be a base64 data:image URL`);
		const box = fitImage(imageSize(s.image), { x: MARGIN, y: 1.25, w: W - 2 * MARGIN, h: 4.6 });
		slide.addImage({ data: s.image.data, ...box, altText: s.summary });
		const notes = (s.notes ?? []).map((n) => n.trim()).filter(Boolean);
		slide.addText(
			[
				{ text: s.summary, options: { fontSize: 14, color: TEXT, breakLine: true } },
				...notes.map((n) => ({ text: n, options: { fontSize: 11, color: TEXT, breakLine: true } })),
				{ text: s.source, options: { fontSize: 11, color: MUTED } }
			],
			{ ...base, x: MARGIN, y: 6.0, w: W - 2 * MARGIN, h: 1.3, valign: 'top', paraSpaceAfter: 4, fit: 'shrink' }
		);
		slide.addNotes([s.summary, ...notes, s.source, deck.sample ? sampleNote(deck.lang) : ''].filter(Boolean).join('\n'));
	});

	const out = await pptx.write({ outputType: 'uint8array', compression: true });
	return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
