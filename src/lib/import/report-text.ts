/** An import report as plain text for the command line, German or English. */
import type { ImportReport, Lang } from './report';
import { DATASETS } from './schemas';

const DELIM_NAMES: Record<string, { de: string; en: string }> = {
	',': { de: 'Komma', en: 'comma' },
	';': { de: 'Semikolon', en: 'semicolon' },
	'\t': { de: 'Tabulator', en: 'tab' },
	'|': { de: 'senkrechter Strich', en: 'pipe' }
};

export function delimiterName(d: string | undefined, lang: Lang): string {
	return d ? (DELIM_NAMES[d]?.[lang] ?? d) : '–';
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
	if (r.repairs.length) lines.push(`  ${de ? 'Korrekturen' : 'Repairs'}: ${n.format(r.repairs.length)}`);
	for (const x of r.repairs.slice(0, 5)) lines.push(`  ${de ? 'Zeile' : 'line'} ${x.line}, ${x.column}: ${x.from} → ${x.to} (${x.reason})`);
	if (r.repairs.length > 5) lines.push(`  … ${n.format(r.repairs.length - 5)} ${de ? 'weitere Korrekturen' : 'more repairs'}`);
	for (const x of r.rejections.slice(0, 50)) {
		lines.push(`  ${de ? 'Zeile' : 'line'} ${x.line}${x.column ? `, ${de ? 'Spalte' : 'column'} „${x.column}“` : ''}: ${x.reason}${x.value !== '' ? ` [${x.value}]` : ''}`);
	}
	if (r.rejections.length > 50) lines.push(`  … ${n.format(r.rejections.length - 50)} ${de ? 'weitere Fehler' : 'more errors'}`);
	return lines.join('\n');
}
