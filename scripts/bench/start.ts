/**
 * The start-up part of `npm run bench` alone (issue 10, "fast start"): cold and warm start of the
 * built app under `npm start`'s server, each from the navigation to the first chart painted, with
 * the app's own marks (dlm:sw-wait, dlm:db-open, dlm:attach, dlm:data-ready, dlm:seeded) per run
 * and as medians, and the load average before and after. Builds nothing: run `npm run build`
 * first (`npm run bench:start` does both).
 *   tsx scripts/bench/start.ts [--runs 5] [--later 1] [--path /] [--dir build]
 * `--later n`: n more visits after the second (V8 may write the wasm code cache only after it).
 */
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startAppServer } from '../serve';
import { measureStartup } from './startup';
import { median } from './queries';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const arg0 = (name: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : undefined;
};
/** `--dir` another build (e.g. of an earlier commit, to compare in the same period of load) */
const BUILD = path.resolve(arg0('dir') ?? path.join(ROOT, 'build'));
const arg = (name: string, dflt: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg('runs', '5'));
const LATER = Number(arg('later', '0'));
const PAGE = arg('path', '/');

if (!existsSync(path.join(BUILD, 'index.html'))) throw new Error('build/ fehlt: erst `npm run build`');
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' / ');
const loadBefore = load();
const server = await startAppServer({ dir: BUILD, port: 0, host: '127.0.0.1' });
let result: Awaited<ReturnType<typeof measureStartup>>;
try {
	result = await measureStartup(server.url, RUNS, PAGE, LATER);
} finally {
	await server.close();
}
const loadAfter = load();
const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : `${Math.round(x)}`);
const MARKS = ['dlm:sw-wait', 'dlm:db-open', 'dlm:attach', 'dlm:data-ready', 'dlm:seeded'];
const line = (label: string, first: number, marks: Record<string, number>) => `${label.padEnd(8)} first chart ${ms(first).padStart(5)} ms   ${MARKS.map((m) => `${m.slice(4)} ${ms(marks[m])}`).join('  ')}`;
result.runs.forEach((r, i) => {
	console.log(`run ${i + 1}`);
	console.log('  ' + line('cold', r.coldMs, r.coldMarks));
	console.log('  ' + line('warm', r.warmMs, r.warmMarks));
	r.later.forEach((v, j) => console.log('  ' + line(`visit ${j + 3}`, v.ms, v.marks)));
});
const medMarks = (all: Record<string, number>[]) => Object.fromEntries(MARKS.map((m) => [m, all.some((x) => m in x) ? median(all.filter((x) => m in x).map((x) => x[m])) : NaN]));
console.log(`\nmedians of ${RUNS} runs (Chromium ${result.chromium}, ${PAGE}); load average before ${loadBefore}, after ${loadAfter}`);
console.log('  ' + line('cold', median(result.runs.map((r) => r.coldMs)), medMarks(result.runs.map((r) => r.coldMarks))));
console.log('  ' + line('warm', median(result.runs.map((r) => r.warmMs)), medMarks(result.runs.map((r) => r.warmMarks))));
for (let j = 0; j < LATER; j++) console.log('  ' + line(`visit ${j + 3}`, median(result.runs.map((r) => r.later[j].ms)), medMarks(result.runs.map((r) => r.later[j].marks))));
