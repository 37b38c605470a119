/** Reads the real reference data the synthetic files are built on (data/reference/quellen/). */
import { readFileSync } from 'node:fs';

const QUELLEN = 'data/reference/quellen';

export interface Gemeinde {
	ags: string;
	ars: string;
	name: string;
	land: string;
	krs: string;
	vbArs: string;
	vbName: string;
	einwohner: number;
}

/** split one comma-delimited line with "quoted, fields" (no line breaks inside fields in these files) */
function splitCsvLine(line: string): string[] {
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted && c === '"' && line[i + 1] === '"') {
			field += '"';
			i++;
		} else if (c === '"') {
			quoted = !quoted;
		} else if (c === ',' && !quoted) {
			fields.push(field);
			field = '';
		} else {
			field += c;
		}
	}
	fields.push(field);
	return fields;
}

function readCsv(file: string): Record<string, string>[] {
	const text = readFileSync(`${QUELLEN}/${file}`, 'utf8').replace(/^\uFEFF/, '');
	const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.length > 0);
	const names = splitCsvLine(header);
	return lines.map((line) => {
		const values = splitCsvLine(line);
		return Object.fromEntries(names.map((n, i) => [n, values[i] ?? '']));
	});
}

/** the 1,829 Gemeinden of MV and BW, Gebietsstand 31.12.2023 (gemeindefreie Gebiete left out) */
export function loadGemeinden(): Gemeinde[] {
	return readCsv('mv_bw_gemeinden_bevoelkerung_destatis_gv_20231231.csv')
		.map((r) => ({
			ags: r.AGS,
			ars: r.ARS,
			name: r.GEN,
			land: r.LAND,
			krs: r.KRS,
			vbArs: r.VB_ARS,
			vbName: r.VB_NAME,
			einwohner: Number(r.EW_INSGESAMT)
		}))
		.filter((g) => g.einwohner > 0);
}

/** AGS → settlement density class ("gering besiedelt", …) from the 2019 Gemeindeverzeichnis */
export function loadBesiedlung(): Map<string, string> {
	const classes = new Map<string, string>();
	for (const r of readCsv('gemeindeverzeichnis-2019.csv')) {
		if (r.satzart !== '60') continue;
		classes.set(r.land + r.rb + r.kreis + r.gemeinde, r.verstaedterungbezeichnung);
	}
	return classes;
}

/** "Dömitz, Stadt" → "Dömitz" */
export function shortName(g: Gemeinde): string {
	return g.name.split(',')[0].trim();
}
