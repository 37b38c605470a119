/**
 * What the checks of one file need besides its staged rows: the kind's spec with the uniqueness
 * rule the file's columns allow, and the import profile's value mapping. Pure; shared by the
 * whole-file check (import-file.ts) and the batches of a large CSV (csv-staging.ts).
 */
import type { HeaderMatch } from './header-map';
import { message } from './messages';
import type { ImportProfile } from './profile';
import type { BrokenRow, ReadSegment } from './read-file';
import type { ImportReport, Lang } from './report';
import type { DatasetSpec } from './schemas';
import { normaliseEnum } from './validate-sql';

/** What the checks need of a segment once its rows are staged (rows themselves: `rowsAt`). */
export interface SegmentInfo {
	sheet?: string;
	header: string[];
	headerLine: number;
	rowCount: number;
	broken: BrokenRow[];
	skipped: ReadSegment['skipped'];
	match: HeaderMatch | null;
}

/** The profile's value mapping as extra rows of the enum lookup, and the spellings it refuses. */
export function profileEnums(spec: DatasetSpec, profile?: ImportProfile) {
	const extra: { col: string; spelling: string; canonical: string }[] = [];
	const refused = new Set<string>();
	for (const [field, map] of Object.entries(profile?.values ?? {})) {
		if (!spec.columns.some((c) => c.name === field && c.type === 'enum')) continue;
		for (const [value, to] of Object.entries(map)) {
			if (to === null) refused.add(field + '\u0000' + normaliseEnum(value));
			else extra.push({ col: field, spelling: normaliseEnum(value), canonical: to });
		}
	}
	return { extra, refused };
}

/** The spec to check with (a missing key column falls back to `uniqueFallback`, said in a note), and the profile's value mapping. */
export function checkSetup(spec: DatasetSpec, segments: SegmentInfo[], firstMatch: HeaderMatch, profile: ImportProfile | undefined, lang: Lang) {
	const { extra, refused } = profileEnums(spec, profile);
	// a column of the uniqueness rule without a file column: the fallback columns find duplicates
	const mappedAll = (col: string) => (segments.length ? segments.every((s) => [...s.match!.mapping.values()].includes(col)) : [...firstMatch.mapping.values()].includes(col));
	const missingKey = spec.unique?.find((c) => !mappedAll(c));
	let checkSpec = spec;
	let note: ImportReport['notes'][number] | null = null;
	if (missingKey && spec.uniqueFallback) {
		checkSpec = { ...spec, unique: spec.uniqueFallback };
		const label = (c: string, l: Lang) => spec.columns.find((x) => x.name === c)!.label[l];
		const list = (l: Lang) => spec.uniqueFallback!.map((c) => (l === 'de' ? `„${label(c, l)}“` : `"${label(c, l)}"`)).join(l === 'de' ? ' und ' : ' and ');
		const params = { missing_de: label(missingKey, 'de'), missing_en: label(missingKey, 'en'), fields_de: list('de'), fields_en: list('en') };
		note = { code: 'duplicate_key_fallback', message: message('duplicate_key_fallback', lang, params), params };
	}
	return { checkSpec, extra, refused, note };
}
