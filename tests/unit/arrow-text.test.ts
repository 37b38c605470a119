import { describe, it, expect } from 'vitest';
import { vectorFromArray, Utf8 } from 'apache-arrow';
import { utf8Vector } from '../../src/lib/import/arrow-text';

describe('utf8Vector', () => {
	it('matches apache-arrow for ASCII, umlauts, typographic characters, empty strings and nulls', () => {
		const values = ['Dömitz', null, '„Alte Schule“ – 15 €', '', 'BW-L0001', null, '𝔘nicode'];
		const fast = utf8Vector(values);
		const ref = vectorFromArray(values, new Utf8());
		expect([...fast]).toEqual([...ref]);
		expect(fast.nullCount).toBe(2);
	});
	it('grows its buffer past the first estimate', () => {
		const values = Array.from({ length: 500 }, (_, i) => '€'.repeat(i % 50));
		expect([...utf8Vector(values)]).toEqual(values);
	});
});
