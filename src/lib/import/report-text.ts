/** An import report as plain text for the command line, German or English. */
import type { ImportReport, Lang } from './report';
import { DATASETS } from './schemas';
import { message } from './messages';
import { shownValue } from './cell-value';
import type { SkippedLine } from './layout';

const DELIM_NAMES: Record<string, { de: string; en: string }> = {
	',': { de: 'Komma', en: 'comma' },
	';': { de: 'Semikolon', en: 'semicolon' },
	'\t': { de: 'Tabulator', en: 'tab' },
	'|': { de: 'senkrechter Strich', en: 'pipe' }
};

export function delimiterName(d: string | undefined, lang: Lang): string {
	return d ? (DELIM_NAMES[d]?.[lang] ?? d) : '–';
}

/** "Zeile 5" or "Blatt „Januar“, Zeile 5" */
export function lineLabel(line: number, sheet: string | undefined, lang: Lang): string {
	const l = `${lang === 'de' ? 'Zeile' : 'line'} ${line}`;
	return sheet !== undefined ? `${lang === 'de' ? 'Blatt' : 'sheet'} „${sheet}“, ${l}` : l;
}

/** One sentence per kind of skipped line: "3 Zeilen vor der Kopfzeile übersprungen (Zeilen 1–3)". */
export function skippedSummary(skipped: SkippedLine[], lang: Lang): string[] {
	const out: string[] = [];
	const de = lang === 'de';
	const pre = skipped.filter((s) => s.kind === 'preamble');
	if (pre.length) out.push(`${pre.length === 1 ? message('skip_preamble_one', lang) : message('skip_preamble', lang, { n: pre.length })} (${de ? 'Zeilen' : 'lines'} ${pre.map((s) => (s.sheet ? `${s.sheet}:${s.line}` : s.line)).join(', ')})`);
	for (const s of skipped.filter((x) => x.kind !== 'preamble')) out.push(`${lineLabel(s.line, s.sheet, lang)}: ${message('skip_' + s.kind, lang)} [${s.text}]`);
	return out;
}

export function formatReport(r: ImportReport, lang: Lang): string {
	const n = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB');
	const de = lang === 'de';
	const lines = [`== ${r.file}`];
	if (r.fatal) {
		lines.push(`  ${de ? 'FEHLER' : 'ERROR'}: ${r.fatal.message}`);
		return lines.join('\n');
	}
	const d = r.dialect;
	const dialect = d
		? [d.format.toUpperCase(), d.encoding, d.delimiter ? delimiterName(d.delimiter, lang) : d.sheet ? `${de ? 'Blatt' : 'sheet'} „${d.sheet}“` : null, d.format === 'csv' && d.decimal ? `${de ? 'Dezimaltrennzeichen' : 'decimal'} „${d.decimal}“` : null].filter(Boolean).join(', ')
		: '–';
	lines.push(`  ${de ? 'Datenart' : 'Kind'}: ${r.kind ? DATASETS[r.kind].label[lang] : '–'}${r.sample ? (de ? ' (Beispieldaten)' : ' (sample data)') : ''}`);
	lines.push(`  ${de ? 'Format' : 'Format'}: ${dialect}`);
	lines.push(`  ${de ? 'Zeilen gelesen' : 'Rows read'}: ${n.format(r.rowsRead)}, ${de ? 'geladen' : 'loaded'}: ${n.format(r.rowsLoaded)}, ${de ? 'abgewiesen' : 'rejected'}: ${n.format(r.rowsRejected)}`);
	if (r.profile) lines.push(`  ${message('profile_applied', lang)}${r.profile.name ? ` „${r.profile.name}“` : ''}`);
	for (const sh of r.sheets)
		lines.push(`  ${de ? 'Blatt' : 'Sheet'} „${sh.sheet}“: ${de ? 'gelesen' : 'read'} ${n.format(sh.rowsRead)}, ${de ? 'geladen' : 'loaded'} ${n.format(sh.rowsLoaded)}, ${de ? 'abgewiesen' : 'rejected'} ${n.format(sh.rowsRejected)}`);
	for (const u of r.unusedSheets)
		lines.push(`  ${de ? 'Blatt' : 'Sheet'} „${u.sheet}“ ${de ? 'nicht gelesen' : 'not read'}: ${message('sheet_' + u.reason, lang, { kind: r.kind ? DATASETS[r.kind].label[lang] : '–' })}`);
	if (r.unusedColumns.length) lines.push(`  ${de ? 'Spalten, die nicht übernommen werden' : 'Columns not imported'}: ${r.unusedColumns.map((c) => `„${c}“`).join(', ')}`);
	for (const nt of r.notes ?? []) lines.push(`  ${nt.message}`);
	for (const t of skippedSummary(r.skipped, lang)) lines.push(`  ${t}`);
	if (r.lines) lines.push(`  ${de ? 'Zeilen der Datei' : 'Lines in the file'}: ${n.format(r.lines.total)} (${de ? 'Kopfzeile' : 'header'} ${r.lines.header}, ${de ? 'Daten' : 'data'} ${n.format(r.lines.data)}, ${de ? 'übersprungen' : 'skipped'} ${r.lines.skipped}, ${de ? 'leer' : 'blank'} ${r.lines.blank})`);
	if (r.repairs.length) lines.push(`  ${de ? 'Korrekturen' : 'Repairs'}: ${n.format(r.repairs.length)}`);
	for (const x of r.repairs.slice(0, 5)) lines.push(`  ${lineLabel(x.line, x.sheet, lang)}${x.column ? `, ${x.column}` : ''}: ${x.from} → ${x.to} (${x.reason})`);
	if (r.repairs.length > 5) lines.push(`  … ${n.format(r.repairs.length - 5)} ${de ? 'weitere Korrekturen' : 'more repairs'}`);
	for (const x of r.rejections.slice(0, 50)) {
		lines.push(`  ${lineLabel(x.line, x.sheet, lang)}${x.column ? `, ${de ? 'Spalte' : 'column'} „${x.column}“` : ''}: ${x.reason}${x.value !== '' ? ` [${shownValue(x.value, x.cell, lang)}]` : ''}`);
	}
	if (r.rejections.length > 50) lines.push(`  … ${n.format(r.rejections.length - 50)} ${de ? 'weitere Fehler' : 'more errors'}`);
	return lines.join('\n');
}
