/** Notes under a chart: filters it cannot apply, estimates, caveats. Plain text from the message catalogue. */
import type { FilterKey } from '../indicators/types';
import { ALTER_65PLUS } from '../indicators/aeltere';
import { fmtList } from '../charts/format';
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

/** the indicators that count participations of people aged 65+ only */
const PARTICIPATIONS_65PLUS = ['teilnehmende_65plus_je_1000_65plus', 'anteil_teilnehmende_65plus'];

/**
 * A chosen age-group filter that contradicts a 65+ chart, in words (null = no contradiction):
 * groups without any 65+ group leave nothing to count (the chart would draw zeros), and only 65+
 * groups make the share 65+ 100 % by definition. Applies only where the indicator applies the filter.
 */
export function ageFilterConflict(id: string, groups: string[], ignored: FilterKey[], lang: Lang): string | null {
	if (!PARTICIPATIONS_65PLUS.includes(id) || !groups.length || ignored.includes('altersgruppe')) return null;
	const quoted = fmtList(groups.map((g) => (lang === 'de' ? `„${g}“` : `"${g}"`)), lang);
	if (!groups.some((g) => ALTER_65PLUS.includes(g))) return translate(lang, 'chart.aeltere.filterExcludes65', { groups: quoted });
	if (id === 'anteil_teilnehmende_65plus' && groups.every((g) => ALTER_65PLUS.includes(g)))
		return translate(lang, 'chart.aeltere.filterShare100', { groups: quoted });
	return null;
}
