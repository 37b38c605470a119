/**
 * Coworking: the funding of coworking spaces in M-V (ILERL M-V in the sample data) in the chosen
 * period — funding granted per Gemeinde, funding and workplaces relative to population per
 * Kreis, the share going to thinly populated Gemeinden, and projects approved vs opened.
 * The Amt filter does not apply (the page shows all of M-V); activity filters never do.
 */
import {
	buildBarAreasOption,
	buildBarCategoriesOption,
	fmtValue,
	fmtWithUnit,
	hbarHeight,
	summariseBarAreas,
	tableBarAreas,
	tableBarCategories,
	type CategoryDatum
} from '../../charts';
import { fmtList } from '../../charts/format';
import type { Reader } from '../../db/types';
import { coworkingProgrammes } from '../../indicators/areas';
import type { Lang } from '../../i18n/messages';
import { getIndicator } from '../../indicators/registry';
import { runIndicator } from '../../indicators/run';
import { chartOpts } from '../chart-opts';
import type { FilterKey, IndicatorRow, Level } from '../../indicators/types';
import { paramsFor, type ViewFilters } from '../filters';
import { ignoredNote } from '../notes';
import { caveats, programmeDataLabel, sourceText } from '../sources';
import { spec, type ChartSpec, type RenderOpts, type ViewContext } from '../spec';
import { translate } from '../../i18n/translate';
import { shortKreisName } from '../kreis-name';

export { coworkingProgrammes };

/**
 * The source line with the funding programme(s) after the programme data:
 * "Beispieldaten (synthetisch), Förderprogramm ILERL M-V; Destatis, …".
 */
export function coworkingSource(ids: string[], programmes: string[], sample: boolean, lang: Lang): string {
	const s = sourceText(ids, sample, lang);
	if (!programmes.length) return s;
	const label = programmeDataLabel(sample, lang);
	const prog = translate(lang, programmes.length > 1 ? 'chart.cw.programme.many' : 'chart.cw.programme.one', { list: fmtList(programmes, lang) });
	return s.startsWith(label) ? `${label}, ${prog}${s.slice(label.length)}` : `${prog}; ${s}`;
}

interface CwData {
	rows: IndicatorRow[];
	/** the M-V total of the same indicator */
	mv: IndicatorRow | null;
	programmes: string[];
	ignored: FilterKey[];
}

async function loadCw(db: Reader, id: string, f: ViewFilters, level: Level): Promise<CwData> {
	const { params, ignored } = paramsFor(getIndicator(id).filters, f, level);
	const [rows, land, programmes] = await Promise.all([
		runIndicator(db, id, params),
		runIndicator(db, id, { ...params, level: 'land', areas: ['MV'] }),
		coworkingProgrammes(db)
	]);
	return { rows: rows.filter((r) => r.land === 'MV'), mv: land[0] ?? null, programmes, ignored };
}

function cwOpts(ctx: ViewContext, o: RenderOpts, id: string, programmes: string[], title: string, unit: string) {
	return chartOpts(ctx, o, { title, unit, source: coworkingSource([id], programmes, ctx.sample, ctx.lang) });
}

/** "…." + "; clause." — one sentence with an extra clause */
function addClause(sentence: string, clause: string): string {
	return sentence.replace(/\.$/, '') + `; ${clause}.`;
}

// ---------------------------------------------------------------------------------------------
// funding granted per Gemeinde (only Gemeinden with funding)

export const foerdersummeSpec: ChartSpec = spec<CwData>({
	id: 'coworking-foerdersumme-gemeinden',
	indicators: ['cw_foerdersumme'],
	load: async (db, f) => {
		const d = await loadCw(db, 'cw_foerdersumme', f, 'gemeinde');
		return { ...d, rows: d.rows.filter((r) => (r.value ?? 0) > 0) };
	},
	render(data, ctx, o) {
		const def = getIndicator('cw_foerdersumme');
		const title = translate(ctx.lang, 'chart.cw.foerderTitle');
		const opts = {
			...cwOpts(ctx, o, 'cw_foerdersumme', data.programmes, title, def.unit[ctx.lang]),
			areaLabel: translate(ctx.lang, 'chart.cw.gemeinde'),
			numeratorLabel: def.numerator[ctx.lang],
			digits: 0
		};
		const rows = data.rows;
		const per = opts.period;
		const total = fmtWithUnit(data.mv?.value ?? 0, ctx.lang, 'EUR', 0);
		const summary = rows.length
			? addClause(
					summariseBarAreas(rows, opts),
					translate(ctx.lang, rows.length === 1 ? 'chart.cw.together.one' : 'chart.cw.together.many', { total, n: rows.length })
				)
			: translate(ctx.lang, 'chart.cw.noFunding', { period: per ?? '' });
		const table = rows.length ? tableBarAreas(rows, opts) : null;
		// a sum has no denominator; the table's numerator column would repeat the value
		if (table && table.columns.length > 2 && table.columns[2].key === 'numerator') {
			table.columns.splice(2, 1);
			table.rows = table.rows.map((r) => [r[0], r[1], ...r.slice(3)]);
		}
		return {
			title,
			option: rows.length ? buildBarAreasOption(rows, opts) : null,
			summary,
			table,
			height: hbarHeight(rows.length, opts),
			source: opts.source,
			notes: [...caveats(['cw_foerdersumme'], ctx.lang), ...ignoredNote(data.ignored, ctx.lang)]
		};
	}
});

// ---------------------------------------------------------------------------------------------
// per Kreis: EUR per inhabitant, workplaces per 10,000, share in thinly populated Gemeinden

function kreisSpec(id: 'cw_eur_je_einwohner' | 'cw_arbeitsplaetze_je_10000' | 'cw_anteil_gering', chartId: string, digits: number): ChartSpec {
	return spec<CwData>({
		id: chartId,
		indicators: [id],
		load: (db, f) => loadCw(db, id, f, 'kreis'),
		render(data, ctx, o) {
			const def = getIndicator(id);
			const title = translate(ctx.lang, 'chart.cw.byKreis', { title: def.title[ctx.lang] });
			const opts = {
				...cwOpts(ctx, o, id, data.programmes, title, def.unit[ctx.lang]),
				areaLabel: translate(ctx.lang, 'chart.cw.kreis'),
				numeratorLabel: def.numerator[ctx.lang],
				denominatorLabel: def.denominator?.[ctx.lang],
				digits
			};
			const rows = data.rows;
			const short = rows.map((r) => ({ ...r, name: shortKreisName(r.name, ctx.lang) }));
			const mv = fmtWithUnit(data.mv?.value ?? null, ctx.lang, def.unit[ctx.lang], digits);
			const summary = rows.length ? addClause(summariseBarAreas(short, opts), translate(ctx.lang, 'chart.cw.mvTotal', { value: mv })) : '';
			const notes = [...caveats([id], ctx.lang), ...ignoredNote(data.ignored, ctx.lang)];
			if (id === 'cw_anteil_gering' && rows.some((r) => r.value === null))
				notes.push(translate(ctx.lang, 'chart.cw.noShare'));
			return {
				title,
				option: rows.length ? buildBarAreasOption(short, opts) : null,
				summary,
				table: rows.length ? tableBarAreas(rows, opts) : null,
				height: hbarHeight(rows.length, opts),
				source: opts.source,
				notes
			};
		}
	});
}

export const eurJeEinwohnerSpec = kreisSpec('cw_eur_je_einwohner', 'coworking-eur-je-einwohner', 2);
export const arbeitsplaetzeSpec = kreisSpec('cw_arbeitsplaetze_je_10000', 'coworking-arbeitsplaetze', 1);
export const anteilGeringSpec = kreisSpec('cw_anteil_gering', 'coworking-anteil-gering', 1);

// ---------------------------------------------------------------------------------------------
// projects approved vs opened (M-V)

interface StatusData {
	bewilligt: IndicatorRow | null;
	eroeffnet: IndicatorRow | null;
	programmes: string[];
	ignored: FilterKey[];
}

const STATUS_IDS = ['cw_projekte_bewilligt', 'cw_projekte_eroeffnet'];

export const statusSpec: ChartSpec = spec<StatusData>({
	id: 'coworking-projekte-status',
	indicators: STATUS_IDS,
	async load(db, f) {
		const [b, e] = await Promise.all(STATUS_IDS.map((id) => loadCw(db, id, f, 'land')));
		return { bewilligt: b.mv, eroeffnet: e.mv, programmes: b.programmes, ignored: b.ignored };
	},
	render(data, ctx, o) {
		const title = translate(ctx.lang, 'chart.cw.statusTitle');
		const base = cwOpts(ctx, o, STATUS_IDS[0], data.programmes, title, translate(ctx.lang, 'chart.cw.projects'));
		const opts = { ...base, source: coworkingSource(STATUS_IDS, data.programmes, ctx.sample, ctx.lang), categoryLabel: 'Status', digits: 0 };
		const items: CategoryDatum[] = [
			{ key: 'bewilligt', label: translate(ctx.lang, 'chart.cw.approved'), value: data.bewilligt?.value ?? null },
			{ key: 'eroeffnet', label: translate(ctx.lang, 'chart.cw.opened'), value: data.eroeffnet?.value ?? null }
		];
		const n = (v: number | null | undefined) => fmtValue(v ?? null, ctx.lang, 0);
		const empty = !data.bewilligt && !data.eroeffnet;
		const summary = empty
			? ''
			: translate(ctx.lang, 'chart.cw.statusSummary', { period: opts.period ?? '', approved: n(data.bewilligt?.value), opened: n(data.eroeffnet?.value) });
		return {
			title,
			option: empty ? null : buildBarCategoriesOption(items, opts),
			summary,
			table: empty ? null : tableBarCategories(items, opts),
			height: hbarHeight(2, opts) + 20,
			source: opts.source,
			notes: [
				translate(ctx.lang, 'chart.cw.statusNote'),
				...caveats(STATUS_IDS, ctx.lang),
				...ignoredNote(data.ignored, ctx.lang)
			]
		};
	}
});

export const COWORKING_CHARTS: ChartSpec[] = [foerdersummeSpec, statusSpec, eurJeEinwohnerSpec, arbeitsplaetzeSpec, anteilGeringSpec];
