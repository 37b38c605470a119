/** Plain sentences for lay readers: "mehr als 1.000 je 1.000" explained. */
import { describe, it, expect } from 'vitest';
import { aboveThousandSentence, isPerThousand, withAboveThousand } from '../../../src/lib/charts/plain-words';

const DE = 'Mehr als 1.000 je 1.000 heißt: im Schnitt mehr als eine Teilnahme je Person – gezählt werden Teilnahmen, nicht Personen.';
const EN = 'More than 1,000 per 1,000 means: on average more than one participation per person – participations are counted, not people.';

describe('aboveThousandSentence', () => {
	it('speaks only when a "je 1.000" value exceeds 1,000', () => {
		expect(aboveThousandSentence([1259, 300, null], 'je 1.000 Einwohner ab 65', 'de')).toBe(DE);
		expect(aboveThousandSentence([1259], 'per 1,000 inhabitants aged 65+', 'en')).toBe(EN);
		// exactly 1,000 is one participation per person on average: no sentence
		expect(aboveThousandSentence([1000, 999.9, null], 'je 1.000 Einwohner ab 65', 'de')).toBe('');
		// not a rate per 1,000 (a percentage, a count): no sentence
		expect(aboveThousandSentence([1259], '%', 'de')).toBe('');
		expect(aboveThousandSentence([1259], 'Kontakte', 'de')).toBe('');
		expect(aboveThousandSentence([], 'je 1.000 Einwohner', 'de')).toBe('');
	});

	it('recognises the units in both languages', () => {
		expect(isPerThousand('Teilnahmen 65+ je 1.000 Einwohner ab 65')).toBe(true);
		expect(isPerThousand('per 1,000 inhabitants')).toBe(true);
		expect(isPerThousand('je 10.000 Einwohner')).toBe(false);
		expect(isPerThousand('per 10,000 inhabitants')).toBe(false);
	});

	it('appends the sentence to a summary with one space, and leaves an empty summary empty', () => {
		expect(withAboveThousand('A: 1.259,0.', [1259], 'je 1.000 Einwohner ab 65', 'de')).toBe(`A: 1.259,0. ${DE}`);
		expect(withAboveThousand('A: 259,0.', [259], 'je 1.000 Einwohner ab 65', 'de')).toBe('A: 259,0.');
		expect(withAboveThousand('', [1259], 'je 1.000 Einwohner ab 65', 'de')).toBe('');
	});
});
