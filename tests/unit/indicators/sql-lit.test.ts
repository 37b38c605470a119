/** Parameters enter SQL only through checked or quoted literals. */
import { describe, it, expect } from 'vitest';
import { addMonths, intLit, litArray, litList, monthStart } from '../../../src/lib/indicators/sql-lit';

describe('sql-lit', () => {
	it('monthStart accepts real ISO dates only', () => {
		expect(monthStart('2025-12-31')).toBe('2025-12-01');
		expect(monthStart('2024-02-29')).toBe('2024-02-01');
		for (const bad of ['2025-02-30', '2025-13-01', '31.12.2025', "2025-01-01' OR 1=1 --", '']) {
			expect(() => monthStart(bad)).toThrow(/Ungültiges Datum/);
		}
	});
	it('addMonths crosses year boundaries both ways', () => {
		expect(addMonths('2025-01-01', -2)).toBe('2024-11-01');
		expect(addMonths('2025-12-01', 1)).toBe('2026-01-01');
		expect(addMonths('2025-12-01', -11)).toBe('2025-01-01');
	});
	it('quotes lists and never produces an empty IN ()', () => {
		expect(litList(["O'Brien", 'x'])).toBe("('O''Brien', 'x')");
		expect(litList([])).toBe('(NULL)');
		expect(litArray(['a'])).toBe("['a']::VARCHAR[]");
	});
	it('intLit rejects non-integers', () => {
		expect(intLit(15)).toBe('15');
		expect(() => intLit(1.5)).toThrow();
		expect(() => intLit(-1)).toThrow();
	});
});
