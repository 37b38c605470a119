/**
 * Screenshots of pages of the built app in Debian's Chromium, for looking at them:
 *   npm run build && tsx scripts/screenshots.ts [--width 1280 --height 800] [--element CSS] [/path?query …]
 * `--element` photographs only the first element the selector finds (e.g. `[data-testid=comparison-table]`).
 * PNGs go to tests/e2e/screenshots/manual/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startPreview } from '../tests/e2e/server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
	const i = args.indexOf(name);
	if (i < 0) return def;
	const v = Number(args[i + 1]);
	args.splice(i, 2);
	return v;
};
const width = opt('--width', 1280);
const height = opt('--height', 800);
const full = !args.includes('--viewport-only');
const elementAt = args.indexOf('--element');
const element = elementAt >= 0 ? args.splice(elementAt, 2)[1] : null;
const paths = args.filter((a) => a.startsWith('/'));
const out = path.join(ROOT, 'tests/e2e/screenshots/manual');
mkdirSync(out, { recursive: true });

const preview = await startPreview(ROOT);
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
try {
	const page = await browser.newPage({ viewport: { width, height }, locale: 'de-DE' });
	page.on('pageerror', (e) => console.error('pageerror', e));
	page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
	for (const p of paths.length ? paths : ['/']) {
		await page.goto(preview.url + p);
		await page.waitForFunction(() => performance.getEntriesByName('dlm:data-ready').length > 0, null, { timeout: 180_000 });
		await page.waitForFunction(() => !document.querySelector('[data-testid=chart][data-state=loading]'), null, { timeout: 60_000 });
		await page.waitForTimeout(800);
		const file = path.join(out, `${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root'}-${width}.png`);
		if (element) await page.locator(element).first().screenshot({ path: file });
		else await page.screenshot({ path: file, fullPage: full });
		console.log(file);
	}
} finally {
	await browser.close();
	await preview.stop();
}
