/** Notes under a chart: filters it cannot apply, estimates, caveats. Plain text, de/en. */
import type { FilterKey } from '../indicators/types';
import type { Lang } from '../i18n/messages';

const FILTER_NAME: Record<FilterKey, { de: string; en: string }> = {
	altersgruppe: { de: 'Altersgruppe', en: 'age group' },
	format: { de: 'Format', en: 'format' },
	thema: { de: 'Thema', en: 'topic' }
};

export function ignoredNote(ignored: FilterKey[], lang: Lang): string[] {
	if (!ignored.length) return [];
	const names = ignored.map((k) => FILTER_NAME[k][lang]).join(', ');
	return [lang === 'de' ? `Der Filter ${names} gilt für diese Kennzahl nicht (sie wird ohne ihn berechnet).` : `The ${names} filter does not apply to this indicator (it is computed without it).`];
}

export function estimateNote(estimate: boolean, lang: Lang): string[] {
	if (!estimate) return [];
	return [
		lang === 'de'
			? 'Schätzung: Einwohner ab 65 Jahren je Gemeinde = Einwohner × Anteil 65+ des Kreises (INKAR 2022).'
			: 'Estimate: inhabitants aged 65+ per municipality = inhabitants × the district share 65+ (INKAR 2022).'
	];
}
