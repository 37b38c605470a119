/**
 * The methodology, generated from the registry: definition, formula, sources (title + Stand)
 * and caveats of every indicator, as structured entries and as Markdown (de/en).
 */
import type { GroupId, IndicatorDef, Shape, SourceId, Text } from './types';
import type { Quelle } from '../reference/quellen';
import { QUELLEN } from '../reference/quellen';
import { GROUPS, INDICATORS } from './registry';
import { ALLGEMEIN, METHODIK_HINWEIS, METHODIK_TITEL, VERGLEICH } from './methodik-text';

export type Lang = 'de' | 'en';

export interface MethodikSource {
	id: SourceId;
	titel: string;
	herausgeber: string;
	stand: string;
}

export interface MethodikEntry {
	id: string;
	group: GroupId;
	groupTitle: string;
	shape: Shape;
	title: string;
	explanation: string;
	unit: string;
	formula: string;
	numerator: string;
	denominator: string | null;
	sources: MethodikSource[];
	caveats: string[];
	needs: string[];
	filters: string[];
}

/** The programme data are not reference data; this is how they are cited. */
const PROGRAMMDATEN: Record<Lang, Omit<MethodikSource, 'id'>> = {
	de: { titel: 'Programmdaten der Länder (Einsätze, Qualifizierung, Coworking) – in dieser Fassung synthetische Beispieldaten', herausgeber: 'Digitallotsen-Monitor', stand: 'Beispieldaten' },
	en: { titel: 'Programme data of the Länder (activities, training, coworking) – in this version synthetic sample data', herausgeber: 'Digitallotsen-Monitor', stand: 'sample data' }
};

const SHAPE: Record<Shape, Text> = {
	area: { de: 'ein Wert je Gebiet', en: 'one value per area' },
	breakdown: { de: 'ein Wert je Gebiet und Kategorie', en: 'one value per area and category' },
	series: { de: 'ein Wert je Gebiet und Monat', en: 'one value per area and month' },
	list: { de: 'Liste je Gebiet', en: 'list per area' }
};

export function formula(d: IndicatorDef, lang: Lang): string {
	if (d.formula) return d.formula[lang];
	if (!d.denominator) return d.numerator[lang];
	const f = d.factor && d.factor !== 1 ? ` × ${d.factor.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB')}` : '';
	return `${d.numerator[lang]} ÷ ${d.denominator[lang]}${f}`;
}

function source(id: SourceId, lang: Lang, quellen: Quelle[]): MethodikSource {
	if (id === 'beispieldaten') return { id, ...PROGRAMMDATEN[lang] };
	const q = quellen.find((x) => x.id === id);
	if (!q) throw new Error(`Quelle ${id} fehlt in der Quellentabelle`);
	return { id, titel: q.titel, herausgeber: q.herausgeber, stand: q.stand };
}

export function methodik(lang: Lang, quellen: Quelle[] = QUELLEN, defs: IndicatorDef[] = INDICATORS): MethodikEntry[] {
	return defs.map((d) => ({
		id: d.id,
		group: d.group,
		groupTitle: GROUPS[d.group][lang],
		shape: d.shape,
		title: d.title[lang],
		explanation: d.explanation[lang],
		unit: d.unit[lang],
		formula: formula(d, lang),
		numerator: d.numerator[lang],
		denominator: d.denominator ? d.denominator[lang] : null,
		sources: d.sources.map((s) => source(s, lang, quellen)),
		caveats: d.caveats.map((c) => c[lang]),
		needs: d.needs,
		filters: d.filters
	}));
}

const L = {
	de: { formula: 'Formel', unit: 'Einheit', shape: 'Form', sources: 'Quellen', caveats: 'Hinweise', needs: 'Benötigte Daten', filters: 'Filter', none: 'keine', stand: 'Stand' },
	en: { formula: 'Formula', unit: 'Unit', shape: 'Shape', sources: 'Sources', caveats: 'Caveats', needs: 'Data needed', filters: 'Filters', none: 'none', stand: 'as of' }
};

export function methodikMarkdown(lang: Lang, quellen: Quelle[] = QUELLEN): string {
	const l = L[lang];
	const out: string[] = [`## ${METHODIK_TITEL[lang]} (${lang})`, '', `_${METHODIK_HINWEIS[lang]}_`, ''];
	for (const block of [ALLGEMEIN, VERGLEICH]) {
		out.push(`### ${block.title[lang]}`, '', ...block.items.map((t) => `- ${t[lang]}`), '');
	}
	let group = '';
	for (const e of methodik(lang, quellen)) {
		if (e.groupTitle !== group) out.push(`### ${(group = e.groupTitle)}`, '');
		out.push(`#### ${e.title} (\`${e.id}\`)`, '', e.explanation, '');
		out.push(`- **${l.formula}:** ${e.formula}`);
		out.push(`- **${l.unit}:** ${e.unit}; **${l.shape}:** ${SHAPE[e.shape][lang]}`);
		out.push(`- **${l.needs}:** ${e.needs.join(', ')}; **${l.filters}:** ${e.filters.length ? e.filters.join(', ') : l.none}`);
		out.push(`- **${l.sources}:** ${e.sources.map((s) => `${s.titel} (${s.herausgeber}, ${l.stand} ${s.stand})`).join('; ')}`);
		if (e.caveats.length) out.push(`- **${l.caveats}:**`, ...e.caveats.map((c) => `  - ${c}`));
		out.push('');
	}
	return out.join('\n');
}
