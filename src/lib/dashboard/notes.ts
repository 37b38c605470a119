/** Notes under a chart: filters it cannot apply, estimates, caveats. Plain text from the message catalogue. */
import type { FilterKey } from '../indicators/types';
import type { Lang } from '../i18n/messages';
import { translate } from '../i18n/translate';

export function ignoredNote(ignored: FilterKey[], lang: Lang): string[] {
	if (!ignored.length) return [];
	const names = ignored.map((k) => translate(lang, `chart.filterName.${k}`)).join(', ');
	return [translate(lang, 'chart.note.ignored', { names })];
}

export function estimateNote(estimate: boolean, lang: Lang): string[] {
	return estimate ? [translate(lang, 'chart.note.estimate')] : [];
}

/**
 * A chart title that rests on the 65+ estimate says so at its end, not only in a footnote:
 * "… – Amt Dömitz-Malliß (Schätzung)". Titles that already name the estimate stay as they are.
 */
export function estimateTitle(title: string, estimate: boolean, lang: Lang): string {
	if (!estimate || /Schätzung|estimate/i.test(title)) return title;
	return `${title} (${translate(lang, 'chart.title.estimate')})`;
}
