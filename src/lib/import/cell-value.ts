/**
 * A spreadsheet value as the user sees it. An Excel number or date cell reaches the import as
 * canonical text (`1.5`, `2019-01-01`, what `<field>_raw` holds and what the report's `value`
 * keeps); `cell` says it came from such a cell, and the value is shown the way Excel shows it in
 * the user's language: `1,5` and `01.01.2019` in German, `1.5` and `01/01/2019` in English.
 * Text cells (and CSV) have no `cell` and are shown exactly as written ("1.500" stays "1.500").
 */
import type { Lang } from './report';

/** where a spreadsheet value came from: a number cell or a date cell (text cells: none) */
export type CellKind = 'number' | 'date';

/** Excel shows at most 15 significant digits (0.1 + 0.2 is 0,3 in its formula bar) and no thousands separator in "Standard". */
function shownNumber(text: string, lang: Lang): string {
	const n = Number(text);
	if (text.trim() === '' || !Number.isFinite(n)) return text;
	const s = String(Number(n.toPrecision(15))).replace('e', 'E');
	return lang === 'de' ? s.replace('.', ',') : s;
}

function shownDate(text: string, lang: Lang): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) return text;
	return lang === 'de' ? `${m[3]}.${m[2]}.${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

/** The value shown in reports, the rejected rows' download and the command line's text. */
export function shownValue(value: string, cell: CellKind | null | undefined, lang: Lang): string {
	if (cell === 'number') return shownNumber(value, lang);
	if (cell === 'date') return shownDate(value, lang);
	return value;
}
