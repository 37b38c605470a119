/**
 * Screenshots of the import assistant with messy German exports (Windows-1252, a title line above
 * the header, `;`, decimal comma durations, "Projekt"-style headers), for looking at it:
 *   npx vite build && npx tsx scripts/screenshots-assistant.ts
 * PNGs go to tests/e2e/screenshots/manual/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { chromium } from 'playwright-core';
import { startPreview } from '../tests/e2e/server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(ROOT, 'tests/e2e/screenshots/manual');
mkdirSync(out, { recursive: true });

const win1252 = (lines: string[]) => iconv.encode(lines.join('\r\n') + '\r\n', 'win1252');

const einsaetze = win1252([
	'Lotsen-Einsätze Landkreis Ludwigslust-Parchim – Export vom 31.03.2025;;;;;;;;',
	';;;;;;;;',
	'Einsatzdatum;Gem.-Schlüssel;Lotse;Art;Anliegen;Alter;TN;Dauer (Min.);Bemerkung',
	'03.03.2025;13076034;MV-L001;Sprechstd. im Rathaus;Online-Banking;75+;2;63,5;Termin verlegt',
	'04.03.2025;13076034;MV-L001;Telefon;Rentenantrag online;65-74;1;20;',
	'05.03.2025;13076145;MV-L002;Hausbesuch;Videotelefonie mit Familie;75+;1;90,25;',
	'06.03.2025;13076145;MV-L002;Sprechstd. im Rathaus;BundID / Personalausweis online;50-64;3;45;',
	'07.03.2025;13076034;MV-L003;Digitalcafé;WLAN einrichten;75 und älter;6;120;Gruppe',
	'10.03.2025;13076034;MV-L003;Telefon;Online-Banking;65-74;1;15,5;',
	'Summe;;;;;;14;354,25;'
]);

const coworking = win1252([
	'Förderung Coworking-Orte M-V (ILERL), Stand 03/2025',
	'Projekt;Gemeindeschlüssel;Programm;Bewilligung;Zuwendung in EUR;Fördersatz;Anzahl Arbeitsplätze;Status;Eröffnungsdatum;Ansprechpartner',
	'Dorfbüro Lübz;13076091;ILERL M-V;12.05.2023;48.500,00;0,75;8;eröffnet;01.02.2024;Fr. Müller',
	'Coworking Alte Schule;13076034;ILERL M-V;01.09.2023;120.000,50;0,9;14;bewilligt;;Hr. Schröder',
	'Landwerkstatt;13076145;ILERL M-V;15.11.2023;35.250,00;0,75;5;in Prüfung;;Fr. Köhler'
]);

const preview = await startPreview(ROOT);
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
const shot = async (page: import('playwright-core').Page, name: string) => {
	const file = path.join(out, name);
	await page.locator('[data-testid=assistant]').screenshot({ path: file });
	console.log(file);
};
const settled = (page: import('playwright-core').Page) => page.waitForFunction(() => document.querySelector('[data-testid=assistant]')?.getAttribute('aria-busy') === 'false');
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
	page.on('pageerror', (e) => console.error('pageerror', e));
	await page.goto(preview.url + '/daten');
	await page.waitForFunction(() => performance.getEntriesByName('dlm:data-ready').length > 0, null, { timeout: 180_000 });

	await page.setInputFiles('#file-input', { name: 'Einsaetze_LUP_Maerz.csv', mimeType: 'text/csv', buffer: einsaetze });
	await page.locator('[data-testid=assistant]').waitFor();
	await settled(page);
	await shot(page, 'assistant-1-vorschau.png');
	await page.locator('[data-testid=step-2]').click();
	await shot(page, 'assistant-2-spalten-vorschlag.png');
	for (const [label, header] of [
		['Gemeindeschlüssel', 'Gem.-Schlüssel'],
		['Format', 'Art'],
		['Teilnehmende', 'TN']
	]) {
		await page.getByLabel(label, { exact: true }).selectOption({ label: header });
		await settled(page);
	}
	await shot(page, 'assistant-2-spalten.png');
	await page.locator('[data-testid=step-3]').click();
	const selects = page.locator('[data-testid=asst-values] select');
	for (let i = 0; i < (await selects.count()); i++) {
		const label = await page.locator('[data-testid=asst-values] tbody th').nth(i).textContent();
		if (label === 'Sprechstd. im Rathaus') await selects.nth(i).selectOption('Sprechstunde vor Ort');
		if (label === '75 und älter') await selects.nth(i).selectOption('75+');
	}
	await shot(page, 'assistant-3-werte.png');
	await page.locator('[data-testid=assistant-import]').click();
	await page.locator('[data-testid=asst-summary]').waitFor({ timeout: 60_000 });
	await shot(page, 'assistant-4-ergebnis.png');
	await page.locator('[data-testid=assistant-done]').click();

	await page.setInputFiles('#file-input', { name: 'Coworking_Foerderung.csv', mimeType: 'text/csv', buffer: coworking });
	await page.locator('[data-testid=assistant]').waitFor();
	await settled(page);
	await shot(page, 'assistant-coworking-1.png');
	await page.locator('[data-testid=step-2]').click();
	await shot(page, 'assistant-coworking-2.png');
	await page.screenshot({ path: path.join(out, 'assistant-page.png'), fullPage: false });
} finally {
	await browser.close();
	await preview.stop();
}
