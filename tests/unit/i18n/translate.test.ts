import { describe, expect, it } from 'vitest';
import { fill, translate } from '../../../src/lib/i18n/translate';
import { de, en, type MessageKey } from '../../../src/lib/i18n/messages';

describe('translate', () => {
	it('looks a key up in the language asked for and fills its parameters', () => {
		expect(translate('de', 'chart.vergleich.peers', { n: 15 })).toBe('Vergleichsgruppe: 15 BW-Verbände');
		expect(translate('en', 'chart.vergleich.peers', { n: 15 })).toBe('Peer group: 15 BW associations');
		// a parameter used twice is filled twice
		expect(translate('de', 'chart.aeltere.ohneKontakt.all', { amt: 'Amt Grabow', window: '12 Monate bis Dez. 2025', n: 7 })).toBe(
			'Amt Grabow (12 Monate bis Dez. 2025): Alle Gemeinden hatten Kontakt (7 von 7).'
		);
	});

	it('fails loudly on a key that is not in the catalogue', () => {
		expect(() => translate('de', 'chart.gibt.es.nicht' as MessageKey)).toThrow(/chart\.gibt\.es\.nicht/);
		expect(() => translate('fr' as 'de', 'app.name')).toThrow(/app\.name/);
	});

	it('leaves a placeholder without a parameter visible', () => {
		expect(fill('{a} und {b}', { a: 1 })).toBe('1 und {b}');
	});

	it('has every key in both languages, none empty, with the same placeholders', () => {
		const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
		for (const k of Object.keys(de) as MessageKey[]) {
			expect(de[k].trim(), k).not.toBe('');
			expect(en[k].trim(), k).not.toBe('');
			expect(placeholders(en[k]), k).toEqual(placeholders(de[k]));
		}
	});
});
