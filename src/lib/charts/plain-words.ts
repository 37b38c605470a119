/**
 * Plain sentences for lay readers, added to a chart's summary where a number invites a wrong
 * reading. Pure: values and the unit in words in, a sentence (or '') out.
 */
import type { Lang } from './types';

/** a rate "je 1.000 …" / "per 1,000 …" (the unit as the chart shows it) */
export function isPerThousand(unit: string): boolean {
	return /\bje 1\.000\b|\bper 1,000\b/.test(unit);
}

const ABOVE_THOUSAND: Record<Lang, string> = {
	de: 'Mehr als 1.000 je 1.000 heißt: im Schnitt mehr als eine Teilnahme je Person – gezählt werden Teilnahmen, nicht Personen.',
	en: 'More than 1,000 per 1,000 means: on average more than one participation per person – participations are counted, not people.'
};

/**
 * "Mehr als 1.000 je 1.000 heißt …" when any shown value of a "je 1.000" rate exceeds 1,000
 * (e.g. 1.259,0 Teilnahmen 65+ je 1.000 Einwohner ab 65); '' otherwise.
 */
export function aboveThousandSentence(values: (number | null | undefined)[], unit: string, lang: Lang): string {
	if (!isPerThousand(unit)) return '';
	return values.some((v) => typeof v === 'number' && v > 1000) ? ABOVE_THOUSAND[lang] : '';
}

/** the summary with the sentence appended (one space between), or the summary unchanged */
export function withAboveThousand(summary: string, values: (number | null | undefined)[], unit: string, lang: Lang): string {
	const s = aboveThousandSentence(values, unit, lang);
	return s && summary ? `${summary} ${s}` : summary;
}
