/** Every reason an import gives, in German and English, in one place. `{x}` are parameters. */
import type { Lang } from './report';

const M: Record<string, { de: string; en: string }> = {
	missing_value: { de: 'Pflichtfeld ist leer', en: 'required field is empty' },
	invalid_date: { de: 'kein gültiges Datum (erwartet 31.12.2025 oder 2025-12-31)', en: 'not a valid date (expected 31.12.2025 or 2025-12-31)' },
	date_out_of_range: { de: 'Datum außerhalb des plausiblen Bereichs {min} bis {max}', en: 'date outside the plausible range {min_en} to {max_en}' },
	not_a_number: { de: 'keine Zahl', en: 'not a number' },
	not_an_integer: { de: 'keine ganze Zahl', en: 'not a whole number' },
	negative: { de: 'negative Zahl nicht erlaubt', en: 'negative number not allowed' },
	too_large: { de: 'unplausibel groß (höchstens {max})', en: 'implausibly large (at most {max})' },
	rate_out_of_range: { de: 'Quote muss zwischen 0 und 100 % liegen', en: 'rate must be between 0 and 100 %' },
	key_format: { de: 'Gemeindeschlüssel muss 8 (AGS) oder 12 (ARS) Ziffern haben', en: 'municipality key must have 8 (AGS) or 12 (ARS) digits' },
	unknown_key: { de: 'Gemeindeschlüssel nicht im Gemeindeverzeichnis (MV/BW, 31.12.2023)', en: 'municipality key not in the reference (MV/BW, 31.12.2023)' },
	unknown_value: { de: 'unbekannter Wert; erlaubt: {allowed}', en: 'unknown value; allowed: {allowed}' },
	duplicate: { de: 'Duplikat von Zeile {first}', en: 'duplicate of line {first}' },
	duplicate_key_fallback: {
		de: 'Die Datei hat keine Spalte „{missing_de}“: doppelte Zeilen werden an {fields_de} erkannt.',
		en: 'The file has no column "{missing_en}": duplicate rows are found by {fields_en}.'
	},
	date_order: { de: 'Abschluss liegt vor dem Beginn', en: 'completion is before start' },
	completion_missing: { de: 'Status „abgeschlossen“ ohne Abschlussdatum', en: 'status "completed" without a completion date' },
	too_many_fields: { de: 'zu viele Felder ({found} statt {expected})', en: 'too many fields ({found} instead of {expected})' },
	too_few_fields: { de: 'zu wenige Felder ({found} statt {expected})', en: 'too few fields ({found} instead of {expected})' },
	ambiguous_number: {
		de: 'mehrdeutig: {value} kann {dec_de} oder {whole} sein (Dezimal- oder Tausendertrennzeichen?)',
		en: 'ambiguous: {value} can be {dec_en} or {whole} (decimal or thousands separator?)'
	},
	mixed_decimal: {
		de: 'Dezimaltrennzeichen passt nicht zu den übrigen Werten der Spalte (dort {mark_de})',
		en: 'decimal mark does not match the other values of the column (there: {mark_en})'
	},
	unclosed_quote: { de: 'Anführungszeichen nicht geschlossen', en: 'quotation mark not closed' },
	encoding_byte: {
		de: 'Zeichen {byte} passt nicht zur Kodierung UTF-8 und wurde als Windows-1252 gelesen: „{char}“',
		en: 'byte {byte} is not valid UTF-8 and was read as Windows-1252: "{char}"'
	},
	repaired_leading_zero: { de: 'führende Null ergänzt (von Excel entfernt)', en: 'leading zero restored (dropped by Excel)' },
	// whole-file problems
	empty_file: { de: 'Die Datei ist leer.', en: 'The file is empty.' },
	file_too_large: {
		de: 'Die Datei ist zu groß für den Browser: {rows} Zeilen gelesen, dann reichte der Speicher nicht. Die Daten sind wie vor dem Import. Teilen Sie die Datei auf oder nutzen Sie npm run validate.',
		en: 'The file is too large for the browser: {rows} rows read, then memory ran out. The data are as before the import. Split the file or use npm run validate.'
	},
	file_too_large_unread: {
		de: 'Die Datei ist zu groß für den Browser: der Speicher reichte nicht, bevor ihre Zeilen gelesen waren. Die Daten sind wie vor dem Import. Teilen Sie die Datei auf oder nutzen Sie npm run validate.',
		en: 'The file is too large for the browser: memory ran out before its rows were read. The data are as before the import. Split the file or use npm run validate.'
	},
	cancelled: { de: 'Import abgebrochen; die Daten sind wie vor dem Import.', en: 'Import cancelled; the data are as before the import.' },
	binary_file: { de: 'Die Datei ist keine Text-, Excel- oder Parquet-Datei.', en: 'The file is not a text, Excel or Parquet file.' },
	header_only: { de: 'Die Datei enthält nur eine Kopfzeile und keine Daten.', en: 'The file contains only a header row and no data.' },
	unknown_kind: {
		de: 'Datenart nicht erkannt. Gefundene Spalten: {found}. Es fehlen je Datenart: {missing}. Siehe docs/datenformate.md.',
		en: 'Dataset kind not recognised. Columns found: {found}. Missing per dataset kind: {missing}. See docs/datenformate.md.'
	},
	unreadable_xlsx: { de: 'Die Excel-Datei konnte nicht gelesen werden ({detail}).', en: 'The Excel file could not be read ({detail}).' },
	unreadable_parquet: { de: 'Die Parquet-Datei konnte nicht gelesen werden ({detail}).', en: 'The Parquet file could not be read ({detail}).' },
	bad_profile: { de: 'Importprofil nicht verwendbar: {detail}', en: 'Import profile not usable: {detail}' },
	unreadable: { de: 'Die Datei konnte nicht gelesen werden ({detail}).', en: 'The file could not be read ({detail}).' }
};

/** Messages about lines and columns not used (report texts). */
const NOTES: Record<string, { de: string; en: string }> = {
	skip_preamble: { de: '{n} Zeilen vor der Kopfzeile übersprungen', en: '{n} lines before the header skipped' },
	skip_preamble_one: { de: '1 Zeile vor der Kopfzeile übersprungen', en: '1 line before the header skipped' },
	skip_line_preamble: { de: 'Titel- oder Vorspannzeile vor der Kopfzeile', en: 'title line before the header' },
	skip_line_footer: { de: 'Hinweis- oder Summenzeile nach den Daten', en: 'note or total line after the data' },
	skip_line_repeated_header: { de: 'wiederholte Kopfzeile', en: 'repeated header' },
	skip_footer: { de: 'Hinweis- oder Summenzeile nach den Daten übersprungen', en: 'note or total line after the data skipped' },
	skip_repeated_header: { de: 'Kopfzeile wiederholt – nicht als Daten gelesen', en: 'header repeated – not read as data' },
	unused_column: { de: 'wird nicht übernommen', en: 'not imported' },
	sheet_empty: { de: 'leer', en: 'empty' },
	sheet_no_header: { de: 'keine Kopfzeile erkannt', en: 'no header found' },
	sheet_other_kind: { de: 'Spalten passen nicht zu {kind}', en: 'columns do not fit {kind}' },
	profile_applied: { de: 'Importprofil angewendet', en: 'Import profile applied' }
};
Object.assign(M, NOTES);

export function message(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
	const t = M[code]?.[lang] ?? code;
	// `x_en` missing (a report stored before the English form existed): the parameter `x` itself
	const value = (k: string) => (k in params ? params[k] : k.endsWith('_en') && k.slice(0, -3) in params ? params[k.slice(0, -3)] : undefined);
	return t.replace(/\{(\w+)\}/g, (_, k) => String(value(k) ?? `{${k}}`));
}

export function hasMessage(code: string): boolean {
	return code in M;
}
