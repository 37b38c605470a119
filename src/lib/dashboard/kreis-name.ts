/**
 * The register's Kreis names carry their kind after a comma ("Ludwigslust-Parchim, Landkreis",
 * "Rostock, kreisfreie Stadt"); labels and titles put it where a reader expects it. One parser
 * for both; names without that suffix ("Hohenlohekreis") stay as they are.
 */
import type { Lang } from '../i18n/messages';

function parseKreis(name: string): { name: string; kind: 'landkreis' | 'stadt' | null } {
	const lk = /^(.*), Landkreis$/.exec(name);
	if (lk) return { name: lk[1], kind: 'landkreis' };
	const st = /^(.*), kreisfreie Stadt$/.exec(name);
	if (st) return { name: st[1], kind: 'stadt' };
	return { name, kind: null };
}

/**
 * Short names for bar labels (the official ones are cut off at the axis):
 * "LK Ludwigslust-Parchim" / "Ludwigslust-Parchim", "Rostock (Stadt)" / "Rostock (city)".
 */
export function shortKreisName(name: string, lang: Lang): string {
	const k = parseKreis(name);
	if (k.kind === 'landkreis') return lang === 'de' ? `LK ${k.name}` : k.name;
	if (k.kind === 'stadt') return lang === 'de' ? `${k.name} (Stadt)` : `${k.name} (city)`;
	return name;
}

/** For a title: "Landkreis Ludwigslust-Parchim" / "Ludwigslust-Parchim district", "Stadt Rostock" / "City of Rostock". */
export function kreisTitle(name: string, lang: Lang): string {
	const k = parseKreis(name);
	if (k.kind === 'landkreis') return lang === 'de' ? `Landkreis ${k.name}` : `${k.name} district`;
	if (k.kind === 'stadt') return lang === 'de' ? `Stadt ${k.name}` : `City of ${k.name}`;
	return name;
}
