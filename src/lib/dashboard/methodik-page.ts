/**
 * The methodology page as data: the general and comparison rules, then the registry's entries
 * grouped (group → indicator) with anchors for the table of contents and the data kinds,
 * filters and shape in words. Pure; the page renders it as plain text (never as HTML).
 */
import { DATASETS, type DatasetKind } from '../import/schemas';
import { methodik, type MethodikEntry } from '../indicators/methodik';
import { ALLGEMEIN, METHODIK_TITEL, VERGLEICH } from '../indicators/methodik-text';
import type { FilterKey, GroupId, Shape } from '../indicators/types';
import type { Lang } from '../i18n/messages';

export interface MethodikRules {
	anchor: string;
	title: string;
	items: string[];
}

export interface MethodikIndicator extends MethodikEntry {
	anchor: string;
	shapeText: string;
	needsText: string[];
	filtersText: string[];
}

export interface MethodikGroup {
	id: GroupId;
	anchor: string;
	title: string;
	entries: MethodikIndicator[];
}

export interface MethodikPage {
	title: string;
	rules: MethodikRules[];
	groups: MethodikGroup[];
}

const SHAPE: Record<Shape, { de: string; en: string }> = {
	area: { de: 'ein Wert je Gebiet', en: 'one value per area' },
	breakdown: { de: 'ein Wert je Gebiet und Kategorie', en: 'one value per area and category' },
	series: { de: 'ein Wert je Gebiet und Monat', en: 'one value per area and month' },
	list: { de: 'Liste je Gebiet', en: 'list per area' }
};

const FILTER: Record<FilterKey, { de: string; en: string }> = {
	format: { de: 'Format', en: 'format' },
	altersgruppe: { de: 'Altersgruppe', en: 'age group' },
	thema: { de: 'Thema', en: 'topic' }
};

/** the anchor of an indicator's entry on the Methodik page (charts link to `/methodik#<anchor>`) */
export function methodikAnchor(indicatorId: string): string {
	return `indikator-${indicatorId}`;
}

export function methodikPage(lang: Lang): MethodikPage {
	const groups: MethodikGroup[] = [];
	for (const e of methodik(lang)) {
		let g = groups.find((x) => x.id === e.group);
		if (!g) groups.push((g = { id: e.group, anchor: `gruppe-${e.group}`, title: e.groupTitle, entries: [] }));
		g.entries.push({
			...e,
			anchor: methodikAnchor(e.id),
			shapeText: SHAPE[e.shape][lang],
			needsText: e.needs.map((k) => DATASETS[k as DatasetKind]?.label[lang] ?? k),
			filtersText: e.filters.map((k) => FILTER[k as FilterKey]?.[lang] ?? k)
		});
	}
	return {
		title: METHODIK_TITEL[lang],
		rules: [
			{ anchor: 'allgemein', title: ALLGEMEIN.title[lang], items: ALLGEMEIN.items.map((t) => t[lang]) },
			{ anchor: 'vergleich', title: VERGLEICH.title[lang], items: VERGLEICH.items.map((t) => t[lang]) }
		],
		groups
	};
}
