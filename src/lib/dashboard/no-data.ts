/**
 * Does a page have anything to show? Its charts' indicators name the data kinds they need
 * (registry `needs`); a page whose programme data (activities, training, coworking) are all
 * empty — e.g. after "Beispieldaten entfernen" — says so and points to the import instead of
 * drawing charts of zeros. Reference data (population) do not count: they always ship.
 */
import { getIndicator } from '../indicators/registry';
import type { ChartSpec } from './spec';

export type ProgrammeData = 'einsaetze' | 'qualifizierung' | 'coworking';
const PROGRAMME: ProgrammeData[] = ['einsaetze', 'qualifizierung', 'coworking'];

/** the programme data kinds the charts rest on, in a fixed order */
export function programmeNeeds(specs: ChartSpec[]): ProgrammeData[] {
	const needed = new Set(specs.flatMap((s) => s.indicators.flatMap((id) => getIndicator(id).needs)));
	return PROGRAMME.filter((k) => needed.has(k));
}

/**
 * The kinds to name when none of the page's programme data have rows (empty list = the page has
 * data to show, or needs none). `counts`: rows per table, as the app holds them; a table missing
 * from the list has no rows.
 */
export function missingProgrammeData(specs: ChartSpec[], counts: { table: string; rows: number }[]): ProgrammeData[] {
	const needs = programmeNeeds(specs);
	const rows = (k: string) => counts.find((c) => c.table === k)?.rows ?? 0;
	return needs.length && needs.every((k) => rows(k) === 0) ? needs : [];
}
