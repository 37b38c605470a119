/**
 * The source line of a chart, from the sources its indicators name in the registry: each
 * official source with its Stand, and the programme data (sample data or imported files).
 * "Stand" of a chart is the last month of programme data loaded (the official Stand dates are
 * part of the source text, because one chart can rest on several of them).
 */
import { getIndicator } from '../indicators/registry';
import type { SourceId } from '../indicators/types';
import { QUELLEN } from '../reference/quellen';
import type { Lang } from '../i18n/messages';

/** short names of the official sources as they appear under a chart */
const SHORT: Record<Exclude<SourceId, 'beispieldaten'>, { de: string; en: string }> = {
	destatis_gv_2023: { de: 'Destatis, Gemeindeverzeichnis GV-ISys', en: 'Destatis, municipal register GV-ISys' },
	destatis_gv_2019: { de: 'Destatis, GV-ISys Besiedlungsdichte', en: 'Destatis, GV-ISys settlement density' },
	inkar_2022: { de: 'BBSR, INKAR (Anteil 65+)', en: 'BBSR, INKAR (share 65+)' },
	destatis_12411_0017: { de: 'Destatis, GENESIS 12411-0017', en: 'Destatis, GENESIS 12411-0017' }
};

export function programmeDataLabel(sample: boolean, lang: Lang): string {
	if (sample) return lang === 'de' ? 'Beispieldaten (synthetisch)' : 'Sample data (synthetic)';
	return lang === 'de' ? 'Programmdaten (importierte Dateien)' : 'Programme data (imported files)';
}

/** the official sources of the given indicators, in registry order, without duplicates */
export function sourceIds(indicatorIds: string[]): SourceId[] {
	const ids = new Set<SourceId>();
	for (const id of indicatorIds) for (const s of getIndicator(id).sources) ids.add(s);
	return [...ids];
}

/** "Beispieldaten (synthetisch); Destatis, Gemeindeverzeichnis GV-ISys 31.12.2023; BBSR, INKAR (Anteil 65+) 2022" */
export function sourceText(indicatorIds: string[], sample: boolean, lang: Lang): string {
	const parts = [programmeDataLabel(sample, lang)];
	for (const id of sourceIds(indicatorIds)) {
		if (id === 'beispieldaten') continue;
		const q = QUELLEN.find((x) => x.id === id);
		parts.push(`${SHORT[id][lang]}${q ? ' ' + q.stand : ''}`);
	}
	return parts.join('; ');
}

/** caveats of the given indicators (e.g. "65+ geschätzt aus Kreisanteil"), without duplicates */
export function caveats(indicatorIds: string[], lang: Lang): string[] {
	const out = new Set<string>();
	for (const id of indicatorIds) for (const c of getIndicator(id).caveats) out.add(c[lang]);
	return [...out];
}
