/** The general rules that hold for every indicator, for the methodology page (de/en). */
import type { Text } from './types';

export const METHODIK_TITEL: Text = { de: 'Methodik der Indikatoren', en: 'Indicator methodology' };

export const METHODIK_HINWEIS: Text = {
	de: 'Diese Datei wird aus dem Indikatorregister erzeugt (`npx tsx scripts/methodik.ts`); Änderungen bitte im Code (`src/lib/indicators/`) vornehmen.',
	en: 'This file is generated from the indicator registry (`npx tsx scripts/methodik.ts`); please change the code (`src/lib/indicators/`), not this file.'
};

export const ALLGEMEIN: { title: Text; items: Text[] } = {
	title: { de: 'Allgemeine Regeln', en: 'General rules' },
	items: [
		{
			de: 'Zeitraum: ganze Kalendermonate vom Monat von „von“ bis einschließlich des Monats von „bis“.',
			en: 'Period: whole calendar months from the month of "from" up to and including the month of "to".'
		},
		{
			de: 'Ebenen: Gemeinde (AGS), Amt/Verband (Verbands-ARS), Kreis (Kreis-AGS), Land. Ein Gebiet ist die Summe seiner Gemeinden laut Gemeindeverzeichnis.',
			en: 'Levels: municipality (AGS), Amt/association (ARS), district (AGS), Land. An area is the sum of its municipalities in the municipal register.'
		},
		{
			de: 'Jedes Gebiet erscheint, auch ohne Daten: Zähler 0. Ist der Nenner 0 oder unbekannt, ist der Wert leer („–“), nie eine Division durch null.',
			en: 'Every area appears, also without data: numerator 0. When the denominator is 0 or unknown the value is empty ("–"), never a division by zero.'
		},
		{
			de: 'Gerechnet wird auf den Summentabellen (Monat × Gemeinde × Format × Altersgruppe × Thema), nicht auf den Einzeldatensätzen; ein Test prüft, dass beide dasselbe ergeben.',
			en: 'Figures come from the summary tables (month × municipality × format × age group × topic), not raw records; a test checks both give the same result.'
		},
		{
			de: 'Filter (Format, Altersgruppe, Thema) gelten nur, wo die Summentabelle sie kennt; jeder Indikator nennt die möglichen Filter.',
			en: 'Filters (format, age group, topic) apply only where the summary table has them; each indicator lists the filters it accepts.'
		}
	]
};

export const VERGLEICH: { title: Text; items: Text[] } = {
	title: { de: 'Vergleich mit dem baden-württembergischen Modell', en: 'Comparison with the Baden-Württemberg model' },
	items: [
		{
			de: 'Vergleichsgruppe eines Amtes in M-V: die k (Standard 15) baden-württembergischen Verbände im Programm (mindestens ein Einsatz jemals), die ihm in Einwohnerzahl und Besiedlung am ähnlichsten sind. Abstand = |ln(Einwohner A) − ln(Einwohner B)| + |Anteil A − Anteil B|, Anteil = Anteil der Einwohner in „gering besiedelten“ Gemeinden (0 bis 1). Bei Gleichstand entscheidet die ARS. Gibt es weniger Kandidaten, zählen alle; die tatsächliche Größe wird angezeigt.',
			en: 'Peer group of an MV Amt: the k (default 15) Baden-Württemberg associations in the programme (at least one activity ever) most similar in population and settlement. Distance = |ln(pop A) − ln(pop B)| + |share A − share B|, share = share of inhabitants in "thinly populated" municipalities (0 to 1). Ties are broken by ARS. With fewer candidates all are used; the actual size is shown.'
		},
		{
			de: 'Neben dem Wert des Amtes stehen Median und Quartile (25 %/75 %, lineare Interpolation) der Vergleichsgruppe, aller BW-Verbände und aller M-V-Verbände (Ämter und amtsfreie Gemeinden) im Programm sowie die Landeswerte.',
			en: "Beside the Amt's value: median and quartiles (25 %/75 %, linear interpolation) of the peer group, of all BW and all MV associations (Ämter and unassociated municipalities) in the programme, and the Land totals."
		},
		{
			de: 'Perzentilrang = Anteil der Vergleichsverbände mit Wert, deren Wert kleiner oder gleich dem des Amtes ist (in %). 100 % heißt: kein Vergleichsverband liegt höher.',
			en: "Percentile rank = share of peers with a value whose value is less than or equal to the Amt's (in %). 100 % means no peer is higher."
		},
		{
			de: 'Programmzeit: Monat 1 ist der erste Monat mit einem Einsatz in irgendeiner Gemeinde des Gebiets; so wird das erste Jahr in M-V mit den ersten Jahren der BW-Verbände verglichen. Die Medianlinie der Vergleichsgruppe nutzt je Programmmonat die Verbände, die ihn erreicht haben.',
			en: 'Programme time: month 1 is the first month with an activity in any municipality of the area, so that the first year in MV is compared with the first years of the BW associations. The peer median line uses, per programme month, the peers that have reached it.'
		}
	]
};
