/** Every indicator, in the order the methodology lists them. */
import type { GroupId, IndicatorDef, Text } from './types';
import { REICHWEITE } from './reichweite';
import { LOTSEN } from './lotsen';
import { AELTERE } from './aeltere';
import { ABDECKUNG } from './abdeckung';
import { DISTANZ } from './distanz';
import { ZWILLING } from './zwilling';
import { MIX } from './mix';
import { TREND } from './trend';
import { QUALIFIZIERUNG } from './qualifizierung';
import { COWORKING } from './coworking';

export const INDICATORS: IndicatorDef[] = [
	...REICHWEITE,
	...LOTSEN,
	...AELTERE,
	...ABDECKUNG,
	...DISTANZ,
	...ZWILLING,
	...MIX,
	...TREND,
	...QUALIFIZIERUNG,
	...COWORKING
];

export const GROUPS: Record<GroupId, Text> = {
	reichweite: { de: 'Reichweite', en: 'Reach' },
	lotsen: { de: 'Digitallotsen', en: 'Digital navigators' },
	aeltere: { de: 'Ältere Menschen', en: 'Older people' },
	abdeckung: { de: 'Flächenabdeckung', en: 'Coverage' },
	zwilling: { de: 'Analoger Zwilling', en: 'Analog twin' },
	mix: { de: 'Themen, Formate, Verlauf', en: 'Topics, formats, trend' },
	qualifizierung: { de: 'Qualifizierung', en: 'Qualification' },
	coworking: { de: 'Coworking-Förderung', en: 'Coworking funding' }
};

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

export function getIndicator(id: string): IndicatorDef {
	const d = BY_ID.get(id);
	if (!d) throw new Error(`Unbekannter Indikator: ${id}`);
	return d;
}
