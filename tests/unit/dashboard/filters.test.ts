/** Filter state ⇄ URL: defaults, round trips, malformed input, period texts. */
import { describe, it, expect } from 'vitest';
import {
	defaultFilters,
	defaultPeriod,
	filtersToSearch,
	indicatorParams,
	paramsFor,
	parseFilters,
	periodEnd,
	periodLabel,
	periodShort,
	PILOT_AMT
} from '../../../src/lib/dashboard/filters';

const D = defaultFilters('2025-12');

describe('defaults', () => {
	it('the period is the 12 months ending with the last month with data', () => {
		expect(defaultPeriod('2025-12')).toEqual({ from: '2025-01', to: '2025-12' });
		// 2024-03 minus 11 months = 2023-04
		expect(defaultPeriod('2024-03')).toEqual({ from: '2023-04', to: '2024-03' });
		expect(D).toEqual({ amt: PILOT_AMT, amt2: '', from: '2025-01', to: '2025-12', altersgruppe: [], format: [], thema: [] });
	});
});

describe('URL round trip', () => {
	it('the default view is the bare address', () => {
		expect(filtersToSearch(D, D).toString()).toBe('');
	});

	it('writes and reads every filter, lists as repeated parameters, other parameters kept', () => {
		const f = { amt: '130765659', amt2: '130765654', from: '2025-03', to: '2025-09', altersgruppe: ['65–74', '75+'], format: ['Hausbesuch'], thema: ['Online-Banking, Überweisung'] };
		const sp = filtersToSearch(f, D, new URLSearchParams('lang=en&amt=1'));
		expect(sp.getAll('alter')).toEqual(['65–74', '75+']);
		expect(sp.get('thema')).toBe('Online-Banking, Überweisung');
		expect(sp.get('lang')).toBe('en');
		expect(sp.get('amt2')).toBe('130765654');
		expect(parseFilters(new URLSearchParams(sp.toString()), D)).toEqual(f);
	});

	it('the second Amt of the Ämter-Vergleich: written as amt2, read back, left out when empty', () => {
		const f = { ...D, amt2: '130765659' };
		expect(filtersToSearch(f, D).toString()).toBe('amt2=130765659');
		expect(parseFilters(new URLSearchParams('amt2=130765659'), D)).toEqual(f);
		expect(filtersToSearch({ ...D, amt2: '' }, D).toString()).toBe('');
		expect(parseFilters(new URLSearchParams(''), D).amt2).toBe('');
	});

	it('a malformed second Amt or one equal to the first is dropped', () => {
		expect(parseFilters(new URLSearchParams('amt2=13076565'), D).amt2).toBe('');
		expect(parseFilters(new URLSearchParams('amt2=1307656599'), D).amt2).toBe('');
		expect(parseFilters(new URLSearchParams(`amt2=${PILOT_AMT}`), D).amt2).toBe('');
		expect(parseFilters(new URLSearchParams('amt=130765659&amt2=130765659'), D)).toEqual({ ...D, amt: '130765659', amt2: '' });
		// the same Amt twice is never written
		expect(filtersToSearch({ ...D, amt2: PILOT_AMT }, D).toString()).toBe('');
	});

	it('malformed values fall back to the defaults, a reversed period is put right', () => {
		const f = parseFilters(new URLSearchParams('amt=13076%27--&von=2025-13&bis=2024-05&format=&format=Telefon&format=Telefon'), D);
		expect(f.amt).toBe(PILOT_AMT);
		// von invalid → default 2025-01; bis 2024-05 < von → swapped
		expect([f.from, f.to]).toEqual(['2024-05', '2025-01']);
		expect(f.format).toEqual(['Telefon']);
	});
});

describe('parameters for indicators', () => {
	const f = { ...D, format: ['Hausbesuch'], thema: ['Smartphone-Grundlagen'] };
	it('passes the period as whole months and only the filters that are set', () => {
		expect(indicatorParams(f, 'verband', ['130765654'])).toEqual({
			from: '2025-01-01',
			to: '2025-12-01',
			level: 'verband',
			filters: { format: ['Hausbesuch'], thema: ['Smartphone-Grundlagen'] },
			areas: ['130765654']
		});
	});
	it('reports the filters an indicator cannot apply', () => {
		const r = paramsFor(['format'], f, 'gemeinde');
		expect(r.params.filters).toEqual({ format: ['Hausbesuch'] });
		expect(r.ignored).toEqual(['thema']);
	});
});

describe('period texts', () => {
	it('last day, dates and short forms in de and en', () => {
		expect(periodEnd({ ...D, to: '2024-02' })).toBe('2024-02-29');
		expect(periodLabel(D, 'de')).toBe('01.01.2025–31.12.2025');
		expect(periodLabel(D, 'en')).toBe('01/01/2025–31/12/2025');
		expect(periodShort(D, 'de')).toBe('2025');
		expect(periodShort({ ...D, from: '2025-03', to: '2025-09' }, 'de')).toBe('März 2025–Sept. 2025');
	});
});
