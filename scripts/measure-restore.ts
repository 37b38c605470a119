/**
 * Measures what keeping the Arbeitsstand costs at start, in Debian's Chromium with a persistent
 * profile (built app; not part of CI):
 *   npx vite build && npx tsx scripts/measure-restore.ts [rows …]   (default: 2000 1000000)
 * For each size: import by hand (own CSV of n activity rows, made from the MV sample rows), start
 * again (reload) and read the app's own restore time and its whole start-up time; then save the
 * workspace file and open it in a fresh profile.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, QUIET_FLAGS } from '../tests/e2e/browser.ts';
import { startPreview } from '../tests/e2e/server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const lines = readFileSync(path.join(ROOT, 'data/sample/beispieldaten_einsaetze_mv.csv'), 'utf8').trimEnd().split('\n');
const tmp = mkdtempSync(path.join(tmpdir(), 'dlm-measure-'));
const preview = await startPreview(ROOT);

async function profile(dir: string) {
	const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, locale: 'de-DE', acceptDownloads: true, args: QUIET_FLAGS });
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page };
}
async function ready(page: Page) {
	await page.waitForFunction(() => performance.getEntriesByName('dlm:data-ready').length > 0, null, { timeout: 600_000 });
	return page.evaluate(() => performance.getEntriesByName('dlm:data-ready')[0].duration);
}
const restoreText = (page: Page) => page.locator('[data-testid=restore-time]').textContent().catch(() => '–');

try {
	for (const n of sizes.length ? sizes : [2000, 1_000_000]) {
		const body = lines.slice(1);
		const out: string[] = [lines[0]];
		for (let i = 0; out.length <= n; i++) out.push(body[i % body.length]);
		const file = path.join(tmp, `Export_${n}.csv`);
		writeFileSync(file, out.join('\n') + '\n');
		const dir = mkdtempSync(path.join(tmp, 'p-'));
		let { context, page } = await profile(dir);
		await page.goto(preview.url + '/daten');
		const sampleStart = await ready(page);
		let t0 = Date.now();
		await page.locator('[data-testid=file-input]').setInputFiles(file);
		await page.locator('[data-testid=q-replace]').click();
		await page.waitForFunction(() => /von .* Zeilen geladen/.test(document.querySelector('[data-testid=import-status]')?.textContent ?? ''), null, { timeout: 600_000 });
		const importMs = Date.now() - t0;
		await page.reload();
		const startWithRestore = await ready(page);
		const r1 = await restoreText(page);
		await context.close();
		({ context, page } = await profile(dir));
		await page.goto(preview.url + '/daten');
		const coldStart = await ready(page);
		const r2 = await restoreText(page);
		const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.locator('[data-testid=ws-save]').click()]);
		const zip = path.join(tmp, `ws_${n}.zip`);
		await dl.saveAs(zip);
		await context.close();
		const fresh = await profile(mkdtempSync(path.join(tmp, 'q-')));
		await fresh.page.goto(preview.url + '/daten');
		await ready(fresh.page);
		t0 = Date.now();
		await fresh.page.locator('[data-testid=ws-open-input]').setInputFiles(zip);
		await fresh.page.waitForFunction(() => /geöffnet \(/.test(document.querySelector('[data-testid=ws-status]')?.textContent ?? ''), null, { timeout: 600_000 });
		const openMs = Date.now() - t0;
		await fresh.page.reload();
		const startWithBase = await ready(fresh.page);
		const r3 = await restoreText(fresh.page);
		await fresh.context.close();
		const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
		console.log(
			`${n} rows (CSV ${(readFileSync(file).length / 1e6).toFixed(1)} MB, workspace ${(readFileSync(zip).length / 1e6).toFixed(1)} MB): ` +
				`start with sample data ${s(sampleStart)}; import by hand ${s(importMs)}; ` +
				`start after reload ${s(startWithRestore)} [${r1}]; after browser restart ${s(coldStart)} [${r2}]; ` +
				`open workspace file ${s(openMs)}; start with opened workspace ${s(startWithBase)} [${r3}]`
		);
	}
} finally {
	await preview.stop();
	rmSync(tmp, { recursive: true, force: true });
}
