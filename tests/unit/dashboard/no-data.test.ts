/** Pages with no programme data say so: which data kinds a page's charts rest on, and when all are empty. */
import { describe, it, expect } from 'vitest';
import { missingProgrammeData, programmeNeeds } from '../../../src/lib/dashboard/no-data';
import { UEBERBLICK_CHARTS } from '../../../src/lib/dashboard/specs/ueberblick';
import { AELTERE_CHARTS } from '../../../src/lib/dashboard/specs/aeltere';
import { QUALIFIZIERUNG_CHARTS } from '../../../src/lib/dashboard/specs/qualifizierung';
import { COWORKING_CHARTS } from '../../../src/lib/dashboard/specs/coworking';
import { KARTE_CHARTS } from '../../../src/lib/dashboard/specs/karte';
import { translate } from '../../../src/lib/i18n/translate';

const counts = (e: number, q: number, c: number) => [
	{ table: 'einsaetze', rows: e },
	{ table: 'qualifizierung', rows: q },
	{ table: 'coworking', rows: c }
];

describe('missingProgrammeData', () => {
	it('the pages rest on the data kinds their indicators need', () => {
		expect(programmeNeeds(AELTERE_CHARTS)).toEqual(['einsaetze']);
		expect(programmeNeeds(QUALIFIZIERUNG_CHARTS)).toEqual(['qualifizierung']);
		expect(programmeNeeds(COWORKING_CHARTS)).toEqual(['coworking']);
		expect(programmeNeeds([])).toEqual([]);
		// the maps: contacts, 65+ reach and distance to a place with activities all rest on the activities
		expect(programmeNeeds(KARTE_CHARTS)).toEqual(['einsaetze']);
	});

	it('the Karte without activities says so instead of drawing empty maps; with activities it draws', () => {
		expect(missingProgrammeData(KARTE_CHARTS, counts(0, 0, 0))).toEqual(['einsaetze']);
		// training and coworking data do not give the maps anything to draw
		expect(missingProgrammeData(KARTE_CHARTS, counts(0, 7, 3))).toEqual(['einsaetze']);
		expect(missingProgrammeData(KARTE_CHARTS, counts(1, 0, 0))).toEqual([]);
	});

	it('names the kinds when none of them has rows (after "Beispieldaten entfernen"), else nothing', () => {
		expect(missingProgrammeData(AELTERE_CHARTS, counts(0, 5, 5))).toEqual(['einsaetze']);
		expect(missingProgrammeData(AELTERE_CHARTS, counts(1, 0, 0))).toEqual([]);
		// a table not in the counts has no rows
		expect(missingProgrammeData(QUALIFIZIERUNG_CHARTS, [])).toEqual(['qualifizierung']);
		expect(missingProgrammeData(COWORKING_CHARTS, counts(0, 0, 3))).toEqual([]);
		// a page without charts needs nothing
		expect(missingProgrammeData([], counts(0, 0, 0))).toEqual([]);
		// the Überblick shows all kinds it needs only when every one is empty
		const all = programmeNeeds(UEBERBLICK_CHARTS);
		expect(all).toContain('einsaetze');
		expect(missingProgrammeData(UEBERBLICK_CHARTS, counts(0, 0, 0))).toEqual(all);
	});

	it('the notice in words, German and English', () => {
		expect(`${translate('de', 'page.noData.einsaetze')} ${translate('de', 'page.noData.import')}`).toBe('Es sind keine Einsatzdaten geladen. Daten importieren');
		expect(`${translate('en', 'page.noData.einsaetze')} ${translate('en', 'page.noData.import')}`).toBe('No activity data is loaded. Import data');
	});
});
