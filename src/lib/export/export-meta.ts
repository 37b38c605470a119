/**
 * What every export carries besides the data: title, source, Stand and – for synthetic data –
 * the "Beispieldaten" mark. `metaLines` gives the lines written under a table (CSV, XLSX).
 */
import { chartLabels } from '../charts/labels';
import type { Lang } from '../charts/types';

export interface ExportMeta {
	lang: Lang;
	/** title of the chart or table (already in `lang`) */
	title: string;
	/** the chart's one-sentence summary (plain text) */
	summary?: string;
	/** source text without prefix, e.g. "Programmdaten; Destatis GV-ISys" */
	source?: string;
	/** Stand of the data as text, e.g. "31.12.2023" */
	stand?: string;
	/** synthetic sample data: every export says so */
	sample: boolean;
	/** period of the data, e.g. "2025" or "01.01.2025–31.12.2025" */
	period?: string;
	/** name of the Amt the export is about (subtitles, file names) */
	amtName?: string;
	/** the notes under the chart (estimates, filters that do not apply, "Teilnahmen, nicht Personen"):
	 * they travel with every export so a file means what the screen means */
	notes?: string[];
}

const WORDS = {
	de: { period: 'Zeitraum', sampleNote: 'synthetische Daten, keine echten Einsätze' },
	en: { period: 'Period', sampleNote: 'synthetic data, no real activities' }
} as const;

/** "Beispieldaten – synthetische Daten, keine echten Einsätze" / "Sample data – synthetic data, no real activities" */
export function sampleNote(lang: Lang): string {
	return `${chartLabels(lang).sample} – ${WORDS[lang].sampleNote}`;
}

/**
 * The lines under a table, in this order and each only when given: summary, the chart's notes, "Zeitraum: …",
 * "Quelle: …", "Stand: …", the Beispieldaten note. The title is not included (XLSX puts it in
 * row 1, CSV as the first line under the table).
 */
export function metaLines(meta: ExportMeta): string[] {
	const L = chartLabels(meta.lang);
	const lines: string[] = [];
	const text = (s: string | undefined) => (s ?? '').trim();
	if (text(meta.summary)) lines.push(text(meta.summary));
	for (const n of meta.notes ?? []) if (text(n)) lines.push(text(n));
	if (text(meta.period)) lines.push(`${WORDS[meta.lang].period}: ${text(meta.period)}`);
	if (text(meta.source)) lines.push(`${L.source}: ${text(meta.source)}`);
	if (text(meta.stand)) lines.push(`${L.stand}: ${text(meta.stand)}`);
	if (meta.sample) lines.push(sampleNote(meta.lang));
	return lines;
}
