/**
 * Karte: choropleth maps from the project's own boundaries (geo_* tables, BKG VG5000).
 * - the Gemeinden of the chosen Amt: participations 65+ per 1,000 inhabitants 65+ (estimate),
 *   contacts per 1,000 inhabitants, distance to the nearest in-person offer (map + table);
 * - the Gemeinden of the Kreis the Amt lies in (65+ reach, contacts), the Amt's Gemeinden outlined;
 * - the Ämter/Verbände of MV and BW side by side (one set of classes): contacts per 1,000
 *   inhabitants, share of people 65+ more than 10 km from an in-person offer.
 * A click on an Amt sets the Amt filter (`select: 'amt'`); a click on a Gemeinde shows its row.
 */
import { buildChoroplethOption, choroplethHeight, summariseChoropleth, tableChoropleth, GEO_ATTRIBUTION, type ChoroplethOpts, type MapArea } from '../../charts/choropleth';
import { withAboveThousand } from '../../charts/plain-words';
import type { Geometry } from '../../db/geo';
import type { Reader } from '../../db/types';
import type { Lang } from '../../i18n/messages';
import { getIndicator } from '../../indicators/registry';
import type { FilterKey, IndicatorRow } from '../../indicators/types';
import { chartOpts } from '../chart-opts';
import { kreisTitle } from '../kreis-name';
import { ageFilterConflict, estimateNote, estimateTitle, ignoredNote } from '../notes';
import { runFiltered } from '../run';
import { caveats, sourceText } from '../sources';
import { spec, type ChartSpec, type RenderOpts, type ViewContext } from '../spec';
import type { ViewFilters } from '../filters';

/** the boundary source, also in every export's source line */
export function geoSource(lang: Lang): string {
	return lang === 'de' ? `BKG VG5000 (Stand 01.01.2021), ${GEO_ATTRIBUTION}` : `BKG VG5000 (as of 1 Jan 2021), ${GEO_ATTRIBUTION}`;
}

interface Shape {
	key: string;
	name: string;
	land: string;
	geometry: string | null;
	/** Gemeinde maps: the Gemeinde belongs to the chosen Amt; its Kreis' name */
	in_amt?: boolean;
	kreis_name?: string;
}

/** which Gemeinden a Gemeinde map shows: those of the chosen Amt, or all of the Kreis it lies in */
export type GemeindeScope = 'amt' | 'kreis';

/** the Gemeinden of a Verband (or of its Kreis) with their boundary (NULL when the boundary file lacks the key) */
async function gemeindeShapes(db: Reader, amt: string, scope: GemeindeScope): Promise<Shape[]> {
	const where = scope === 'amt' ? 'g.verband_ars = ?' : 'g.kreis_ags = (SELECT kreis_ags FROM verbaende WHERE verband_ars = ?)';
	return db.query<Shape>(
		`SELECT g.ags AS key, g.name, g.land, x.geometry, g.verband_ars = ? AS in_amt, g.kreis_name FROM gemeinden g LEFT JOIN geo_gemeinden x ON x.ags = g.ags WHERE ${where} ORDER BY g.ags`,
		[amt, amt]
	);
}

/** every Verband of MV and BW with its boundary (MV first: the left panel) */
async function verbandShapes(db: Reader): Promise<Shape[]> {
	return db.query<Shape>(`SELECT v.verband_ars AS key, v.name, v.land, x.geometry FROM verbaende v LEFT JOIN geo_verbaende x ON x.ars = v.verband_ars ORDER BY v.land = 'MV' DESC, v.verband_ars`);
}


interface MapData {
	rows: IndicatorRow[];
	shapes: Shape[];
	ignored: FilterKey[];
}

function areasOf(data: MapData, grouped: boolean, extra?: (r: IndicatorRow | undefined) => Record<string, string | number | null>): MapArea[] {
	const byKey = new Map(data.rows.map((r) => [r.key, r]));
	return data.shapes.map((s) => {
		const r = byKey.get(s.key);
		return {
			key: s.key,
			name: s.name,
			value: r?.value ?? null,
			geometry: s.geometry ? (JSON.parse(s.geometry) as Geometry) : null,
			...(grouped ? { group: s.land } : {}),
			...(extra ? { extra: extra(r) } : {})
		};
	});
}

/** `usesEstimate`: the shown value rests on the 65+ estimate (not so for one Gemeinde's distance) */
function mapNotes(ids: string[], data: MapData, ctx: ViewContext, usesEstimate = true): string[] {
	const de = ctx.lang === 'de';
	const notes = [...estimateNote(usesEstimate && data.rows.some((r) => r.estimate), ctx.lang), ...caveats(ids, ctx.lang).filter((c) => !/^(Schätzung|Estimate):/.test(c))];
	if (data.shapes.some((s) => !s.geometry))
		notes.push(
			de
				? 'Gebiete ohne Grenze in den Kartendaten (VG5000, Stand 01.01.2021) fehlen in der Karte; die Datentabelle nennt sie („keine Grenze“).'
				: 'Areas without a boundary in the map data (VG5000, 1 Jan 2021) are missing from the map; the data table lists them ("no boundary").'
		);
	notes.push(
		de
			? 'Schraffiert: keine Daten. Farbstufen: 0 als eigene Stufe, sonst Quantile (je Stufe etwa gleich viele Gebiete), Grenzen auf zwei Stellen abgerundet.'
			: 'Hatched: no data. Classes: 0 on its own, otherwise quantiles (about as many areas per class), breaks rounded down to two significant digits.'
	);
	notes.push(...ignoredNote(data.ignored, ctx.lang));
	return notes;
}

function mapOpts(ctx: ViewContext, o: RenderOpts, ids: string[], title: string, unit: string, extra: Partial<ChoroplethOpts>): ChoroplethOpts & { source: string } {
	return {
		...chartOpts(ctx, o, { title, unit, source: `${sourceText(ids, ctx.sample, ctx.lang)}; ${geoSource(ctx.lang)}` }),
		...extra
	};
}

// ---------------------------------------------------------------------------------------------
// the Gemeinden of the chosen Amt

type GemeindeIndicator = 'teilnehmende_65plus_je_1000_65plus' | 'kontakte_je_1000' | 'distanz_vor_ort_km';

function gemeindeMapSpec(id: GemeindeIndicator, chartId: string, scope: GemeindeScope = 'amt'): ChartSpec {
	return spec<MapData>({
		id: chartId,
		indicators: [id],
		select: 'detail',
		geo: true,
		async load(db, f: ViewFilters) {
			const shapes = await gemeindeShapes(db, f.amt, scope);
			if (!shapes.length) return { rows: [], shapes, ignored: [] };
			const { rows, ignored } = await runFiltered(db, id, f, 'gemeinde', shapes.map((s) => s.key));
			return { rows, shapes, ignored };
		},
		render(data, ctx, o) {
			const de = ctx.lang === 'de';
			const def = getIndicator(id);
			const estimate = data.rows.some((r) => r.estimate) && id !== 'distanz_vor_ort_km';
			// a Kreis map is titled by its Kreis; the chosen Amt's Gemeinden are outlined in it
			const place = scope === 'amt' || !data.shapes[0]?.kreis_name ? ctx.amtName : kreisTitle(data.shapes[0].kreis_name, ctx.lang);
			const title = estimateTitle(`${def.title[ctx.lang]} ${de ? 'nach Gemeinden' : 'by municipality'} – ${place}`, estimate, ctx.lang);
			const extraColumns: ChoroplethOpts['extraColumns'] =
				id === 'distanz_vor_ort_km'
					? [{ key: 'ort', label: de ? 'nächster Ort mit Sprechstunde vor Ort oder Bürgerdialog' : 'nearest place with office hours on site or citizen dialogue', numeric: false }]
					: [
							{ key: 'num', label: def.numerator[ctx.lang], numeric: true, digits: 0 },
							{ key: 'den', label: def.denominator?.[ctx.lang] ?? '', numeric: true, digits: 0 }
						];
			const areas = areasOf(data, false, (r): Record<string, string | number | null> =>
				id === 'distanz_vor_ort_km' ? { ort: r?.category ?? null } : { num: r?.numerator ?? null, den: r?.denominator ?? null }
			);
			const opts = mapOpts(ctx, o, [id], title, def.unit[ctx.lang], {
				areaLabel: de ? 'Gemeinde' : 'Municipality',
				areasLabel: de ? 'Gemeinden' : 'municipalities',
				labels: scope === 'amt',
				...(scope === 'kreis' ? { highlight: data.shapes.filter((x) => x.in_amt).map((x) => x.key) } : {}),
				rankOrder: id === 'distanz_vor_ort_km' ? 'asc' : 'desc',
				extraColumns,
				...(id === 'distanz_vor_ort_km' ? { digits: 1 } : {})
			});
			// a filter that contradicts the map ("unter 50" on a 65+ indicator): said, not drawn as zeros
			const conflict = areas.length ? ageFilterConflict(id, ctx.filters.altersgruppe, data.ignored, ctx.lang) : null;
			if (conflict) return { title, option: null, summary: conflict, table: null, height: choroplethHeight(opts), source: opts.source, notes: [] };
			const has = areas.length > 0;
			const notes = mapNotes([id], data, ctx, id !== 'distanz_vor_ort_km');
			if (id === 'distanz_vor_ort_km')
				notes.unshift(de ? 'Rang 1 = kürzeste Entfernung.' : 'Rank 1 = shortest distance.');
			if (scope === 'kreis') notes.unshift(de ? `Umrandet: die Gemeinden von ${ctx.amtName}.` : `Outlined: the municipalities of ${ctx.amtName}.`);
			return {
				title,
				option: has ? buildChoroplethOption(areas, opts) : null,
				summary: has ? withAboveThousand(summariseChoropleth(areas, opts), id === 'teilnehmende_65plus_je_1000_65plus' ? areas.map((a) => a.value) : [], def.unit[ctx.lang], ctx.lang) : '',
				table: has ? tableChoropleth(areas, opts) : null,
				height: choroplethHeight(opts),
				source: opts.source,
				notes
			};
		}
	});
}

export const karteReichweiteSpec = gemeindeMapSpec('teilnehmende_65plus_je_1000_65plus', 'karte-gemeinden-65plus');
export const karteKontakteSpec = gemeindeMapSpec('kontakte_je_1000', 'karte-gemeinden-kontakte');
export const karteDistanzSpec = gemeindeMapSpec('distanz_vor_ort_km', 'karte-gemeinden-distanz');
export const karteKreisReichweiteSpec = gemeindeMapSpec('teilnehmende_65plus_je_1000_65plus', 'karte-kreis-65plus', 'kreis');
export const karteKreisKontakteSpec = gemeindeMapSpec('kontakte_je_1000', 'karte-kreis-kontakte', 'kreis');

// ---------------------------------------------------------------------------------------------
// the Ämter/Verbände of MV and BW

function verbandMapSpec(id: 'kontakte_je_1000' | 'anteil_65plus_ueber_10km', chartId: string): ChartSpec {
	return spec<MapData>({
		id: chartId,
		indicators: [id],
		select: 'amt',
		geo: true,
		async load(db, f) {
			const [shapes, res] = await Promise.all([verbandShapes(db), runFiltered(db, id, f, 'verband')]);
			return { rows: res.rows, shapes, ignored: res.ignored };
		},
		render(data, ctx, o) {
			const de = ctx.lang === 'de';
			const def = getIndicator(id);
			const title = estimateTitle(`${def.title[ctx.lang]} – ${de ? 'MV und BW' : 'MV and BW'}`, data.rows.some((r) => r.estimate), ctx.lang);
			const areas = areasOf(data, true, (r) => ({ land: r?.land ?? null, num: r?.numerator ?? null, den: r?.denominator ?? null }));
			const opts = mapOpts(ctx, o, [id], title, def.unit[ctx.lang], {
				highlight: [ctx.filters.amt],
				areaLabel: de ? 'Amt / Verband' : 'Amt / association',
				areasLabel: de ? 'Ämter und Verbände' : 'Ämter and associations',
				groupLabels: { MV: 'Mecklenburg-Vorpommern', BW: 'Baden-Württemberg' },
				extraColumns: [
					{ key: 'land', label: de ? 'Land' : 'Land', numeric: false },
					{ key: 'num', label: def.numerator[ctx.lang], numeric: true, digits: 0 },
					{ key: 'den', label: def.denominator?.[ctx.lang] ?? '', numeric: true, digits: 0 }
				]
			});
			const has = areas.length > 0;
			const notes = mapNotes([id], data, ctx);
			notes.unshift(de ? 'Ein Klick auf ein MV-Amt wählt es als Amt für alle Seiten; mit der Tastatur: Feld „Amt“ oben.' : 'Clicking an MV Amt chooses it for every page; by keyboard: the "Amt" field above.');
			return {
				title,
				option: has ? buildChoroplethOption(areas, opts) : null,
				summary: has ? summariseChoropleth(areas, opts) : '',
				table: has ? tableChoropleth(areas, opts) : null,
				height: choroplethHeight(opts, 2),
				source: opts.source,
				notes
			};
		}
	});
}

export const karteAemterKontakteSpec = verbandMapSpec('kontakte_je_1000', 'karte-aemter-kontakte');
export const karteAemterDistanzSpec = verbandMapSpec('anteil_65plus_ueber_10km', 'karte-aemter-distanz');

export const KARTE_CHARTS: ChartSpec[] = [karteReichweiteSpec, karteKontakteSpec, karteDistanzSpec, karteKreisReichweiteSpec, karteKreisKontakteSpec, karteAemterKontakteSpec, karteAemterDistanzSpec];
