/**
 * make-sample-data.ts — writes the BEISPIELDATEN (synthetic sample data) in data/sample/.
 *
 * Everything in these files is INVENTED: the programme roll-out, the Lotsen (pseudonyms
 * BW-L0001, MV-L001), their contacts, courses and the coworking projects. Only the Gemeinden
 * (keys, names, population) are real, taken from data/reference/quellen/. Every file name starts
 * with "beispieldaten_" so the app can label them as sample data.
 *
 * Deterministic: one seed, one PRNG stream per file; running it twice gives byte-identical files.
 * Run: npm run data:sample   (= npx tsx scripts/make-sample-data.ts)
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { coworking, type Projekt } from './sample/coworking.ts';
import { germanDate, isoDate, toDate, year } from './sample/dates.ts';
import { einsaetze, type Einsatz } from './sample/einsaetze.ts';
import { FEHLER_HEADER, fehlerhaft } from './sample/fehlerhaft.ts';
import { bwLotsen, mvLotsen, type Lotse } from './sample/programme.ts';
import { qualifizierung, type Kurs } from './sample/qualifizierung.ts';
import { Rng } from './sample/random.ts';
import { loadBesiedlung, loadGemeinden, type Gemeinde } from './sample/reference.ts';
import { checkHeaders, germanNumber, writeCsv, writeParquet, writeXlsx } from './sample/write.ts';

const SEED = 20251231;
const OUT = 'data/sample';
const PREFIX = 'beispieldaten_';

/** an independent stream per purpose, so changing one file leaves the others as they were */
function stream(offset: number): Rng {
	return new Rng(SEED + offset * 7919);
}

function prepareOutputFolder(): void {
	mkdirSync(OUT, { recursive: true });
	for (const f of readdirSync(OUT)) if (f.startsWith(PREFIX)) rmSync(`${OUT}/${f}`);
}

function writeBwParquet(rows: Einsatz[]): void {
	const col = <K extends keyof Einsatz>(k: K) => rows.map((r) => r[k]);
	writeParquet(
		`${OUT}/${PREFIX}einsaetze_bw.parquet`,
		[
			{ name: 'datum', type: 'date', nullable: false, values: col('datum') },
			{ name: 'ags', type: 'utf8', nullable: false, values: col('ags') },
			{ name: 'lotse_id', type: 'utf8', nullable: false, values: col('lotse_id') },
			{ name: 'format', type: 'utf8', nullable: false, values: col('format') },
			{ name: 'thema', type: 'utf8', nullable: false, values: col('thema') },
			{ name: 'altersgruppe', type: 'utf8', nullable: false, values: col('altersgruppe') },
			{ name: 'teilnehmende', type: 'int32', nullable: false, values: col('teilnehmende') },
			{ name: 'minuten', type: 'int32', nullable: false, values: col('minuten') },
			{ name: 'digitales_angebot', type: 'utf8', nullable: true, values: col('digitales_angebot') }
		],
		{ beispieldaten: 'Synthetische Beispieldaten (erfunden), erzeugt von scripts/make-sample-data.ts' }
	);
}

/** English-ish headers, comma, ISO dates, UTF-8 without BOM, LF */
function writeMvCsv(rows: Einsatz[]): void {
	const header = checkHeaders('einsaetze', ['date', 'municipality key', 'navigator id', 'format', 'topic', 'age group', 'participants', 'minutes', 'digital offer']);
	const body = rows.map((e) => [isoDate(e.datum), e.ags, e.lotse_id, e.format, e.thema, e.altersgruppe.replace('–', '-'), String(e.teilnehmende), String(e.minuten), e.digitales_angebot ?? '']);
	writeCsv(`${OUT}/${PREFIX}einsaetze_mv.csv`, header, body, { delimiter: ',', eol: '\n', encoding: 'utf-8' });
}

/** German Excel "CSV (Trennzeichen-getrennt)": Windows-1252, ";", CRLF, 123.456,78, 31.12.2025 */
function writeCoworkingCsv(rows: Projekt[], rng: Rng): void {
	const header = checkHeaders('coworking', ['Projekt-ID', 'Projektname', 'Gemeindeschlüssel', 'Förderprogramm', 'Bewilligt am', 'Betrag (EUR)', 'Förderquote', 'Arbeitsplätze', 'Status', 'Eröffnet am']);
	const date = (d: number | null) => (d === null ? '' : germanDate(d));
	const quote = (q: number) => (rng.chance(0.7) ? `${Math.round(q * 100)} %` : germanNumber(q, 2));
	const body = rows.map((p) => [p.projekt_id, p.name, p.ags, p.programm, date(p.bewilligt_am), germanNumber(p.betrag_eur, 2), quote(p.foerderquote), String(p.arbeitsplaetze), p.status, date(p.eroeffnet_am)]);
	writeCsv(`${OUT}/${PREFIX}coworking_mv.csv`, header, body, { delimiter: ';', eol: '\r\n', encoding: 'windows-1252' });
}

/** real date cells; BW keys as numbers (leading zero lost, as Excel does), MV keys as text */
async function writeQualifizierungXlsx(rows: Kurs[]): Promise<void> {
	const headers = checkHeaders('qualifizierung', ['Lotsen-ID', 'Gemeinde (AGS)', 'Anbieter', 'Modul', 'Beginn', 'Abschluss', 'Status']);
	const widths = [12, 15, 28, 38, 12, 12, 15];
	const columns = headers.map((header, i) => ({ header, width: widths[i], numFmt: i === 4 || i === 5 ? 'dd.mm.yyyy' : undefined }));
	const date = (d: number | null) => (d === null ? null : toDate(d));
	const body = rows.map((k) => [k.lotse_id, k.ags.startsWith('08') ? Number(k.ags) : k.ags, k.anbieter, k.modul, date(k.beginn), date(k.abschluss), k.status]);
	await writeXlsx(`${OUT}/${PREFIX}qualifizierung.xlsx`, 'Qualifizierung', columns, body);
}

function writeFehlerhaft(rng: Rng, mv: Einsatz[], bw: Einsatz[]): void {
	const { rows, expected } = fehlerhaft(rng, mv, bw);
	writeCsv(`${OUT}/${PREFIX}fehlerhaft_einsaetze.csv`, checkHeaders('einsaetze', FEHLER_HEADER), rows, { delimiter: ';', eol: '\n', encoding: 'utf-8' });
	writeFileSync(`tests/fixtures/${PREFIX}fehlerhaft_einsaetze.expected.json`, JSON.stringify(expected, null, '\t') + '\n');
}

/** per year: Gemeinden and Lotsen with at least one contact */
function activityByYear(label: string, rows: Einsatz[], gemeinden: Map<string, Gemeinde>): void {
	const years = new Map<number, { ags: Set<string>; lotsen: Set<string>; aemter: Set<string>; rows: number }>();
	for (const r of rows) {
		const y = year(r.datum);
		if (!years.has(y)) years.set(y, { ags: new Set(), lotsen: new Set(), aemter: new Set(), rows: 0 });
		const s = years.get(y)!;
		s.ags.add(r.ags);
		s.lotsen.add(r.lotse_id);
		s.aemter.add(gemeinden.get(r.ags)!.vbArs);
		s.rows++;
	}
	for (const [y, s] of years) {
		const aemter = label === 'MV' ? `, ${s.aemter.size} Ämter` : '';
		console.log(`  ${label} ${y}: ${s.ags.size} Gemeinden${aemter}, ${s.lotsen.size} Lotsen, ${s.rows} Einsätze`);
	}
}

function summary(lotsen: Lotse[], bw: Einsatz[], mv: Einsatz[], gemeinden: Gemeinde[]): void {
	console.log(`seed ${SEED}; Lotsen: ${lotsen.filter((l) => l.land === 'BW').length} BW, ${lotsen.filter((l) => l.land === 'MV').length} MV`);
	const byAgs = new Map(gemeinden.map((g) => [g.ags, g]));
	activityByYear('BW', bw, byAgs);
	activityByYear('MV', mv, byAgs);
	for (const f of readdirSync(OUT).filter((f) => f.startsWith(PREFIX)).sort()) {
		console.log(`  ${f}: ${(statSync(`${OUT}/${f}`).size / 1024).toFixed(1)} KiB`);
	}
}

async function main(): Promise<void> {
	const gemeinden = loadGemeinden();
	const bwL = bwLotsen(stream(1), gemeinden);
	const mvL = mvLotsen(stream(2), gemeinden);
	const bw = einsaetze(stream(3), bwL);
	const mv = einsaetze(stream(4), mvL);
	const kurse = qualifizierung(stream(5), [...bwL, ...mvL]);
	const projekte = coworking(stream(6), gemeinden, loadBesiedlung());

	prepareOutputFolder();
	writeBwParquet(bw);
	writeMvCsv(mv);
	writeCoworkingCsv(projekte, stream(7));
	await writeQualifizierungXlsx(kurse);
	writeFehlerhaft(stream(8), mv, bw);
	console.log(`rows: ${bw.length} BW Einsätze, ${mv.length} MV Einsätze, ${kurse.length} Kurse, ${projekte.length} Coworking-Projekte`);
	summary([...bwL, ...mvL], bw, mv, gemeinden);
}

await main();
