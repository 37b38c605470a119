/**
 * Shared pieces of the e2e tests: Debian's Chromium through playwright-core (never a downloaded
 * browser), quiet on this closed network, a fresh profile per run; axe-core injected from
 * node_modules; waiting until the app and its charts are ready.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const QUIET_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export interface Launched {
	context: BrowserContext;
	close(): Promise<void>;
}

export async function launch(o: { width?: number; height?: number; serviceWorkers?: 'allow' | 'block' } = {}): Promise<Launched> {
	const userDataDir = mkdtempSync(path.join(tmpdir(), 'dlm-e2e-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: o.width ?? 1280, height: o.height ?? 800 },
		acceptDownloads: true,
		locale: 'de-DE',
		serviceWorkers: o.serviceWorkers ?? 'allow',
		args: QUIET_FLAGS
	});
	return {
		context,
		async close() {
			await context.close().catch(() => undefined);
			rmSync(userDataDir, { recursive: true, force: true });
		}
	};
}

type AxeResult = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/** axe-core on the whole document; fails on any violation */
export async function runAxe(page: Page, label: string): Promise<void> {
	const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
	// evaluated through the DevTools protocol: the app's CSP refuses inline <script> tags (as it should)
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${readFileSync(axePath, 'utf8')}\n;window.axe = axe; true`);
	const { passes, violations } = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ passes: AxeResult[]; violations: AxeResult[] }> } }).axe;
		const res = await axe.run(document, { resultTypes: ['violations'] });
		return {
			passes: res.passes.length,
			violations: res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))
		};
	});
	console.log(`axe (${label}): ${passes} rules passed, ${violations.length} violated`);
	assert.ok(passes > 10, 'axe ran');
	assert.deepEqual(violations, [], `axe violations (${label}):\n${JSON.stringify(violations, null, 2)}`);
}

/** waits for the sample data (or a start-up error) and then until no chart is loading */
export async function waitForCharts(page: Page): Promise<void> {
	await page.waitForFunction(() => performance.getEntriesByName('dlm:data-ready').length > 0 || document.querySelector('[data-testid=load-error]'), null, { timeout: 180_000 });
	const err = page.locator('[data-testid=load-error]');
	if (await err.count()) assert.fail(`start-up failed: ${await err.textContent()}`);
	await page.waitForFunction(() => !document.querySelector('[data-testid=chart][data-state=loading]'), null, { timeout: 120_000 });
}

/**
 * Goes to `to.path` through the header's navigation link (client-side, as a user does: DuckDB
 * stays open, where a load by URL starts it again, 2–3 s) and waits for its heading and charts.
 */
export async function navigate(p: Page, to: { path: string; h1: string }): Promise<void> {
	const links = p.locator('header nav a');
	const i = await links.evaluateAll((as, path) => as.findIndex((a) => new URL((a as HTMLAnchorElement).href).pathname === path), to.path);
	assert.ok(i >= 0, `the navigation links to ${to.path}`);
	await links.nth(i).click();
	await p.waitForURL((u) => u.pathname === to.path);
	await p.waitForFunction((h) => document.querySelector('h1')?.textContent?.startsWith(h), to.h1);
	await waitForCharts(p);
}
