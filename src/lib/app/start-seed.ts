/**
 * The start seed in the browser (issue 10, warm start; the seed itself: $lib/dashboard/start-seed.ts,
 * built by scripts/build-start-seed.ts). While DuckDB starts, the start page's default-state
 * answers and the catalog (counts, the filters' choices, sources) come from the build, computed
 * from the same sample snapshot with the same engine and SQL, so the first charts draw without
 * waiting for DuckDB. Only when the data will be exactly the snapshot's: the seed names the
 * snapshot it was made from, and nothing of the user's own may be stored (an Arbeitsstand is
 * imported again on start). Any other request waits for DuckDB as before (the coordinator's
 * start-up write blocks reads); once DuckDB is ready, load.ts reads the catalog live and takes
 * the seed back if it differs.
 */
import { decodeStartSeed, type StartSeed } from '$lib/dashboard/start-seed';

/** the build's seed as an asset URL (absent when the build made none: then the start waits for DuckDB) */
const SEED_URL = Object.values(
	import.meta.glob('../../../.generated/start-seed/start-seed.json', { query: '?url&no-inline', import: 'default', eager: true }) as Record<string, string>
)[0] as string | undefined;

/** The seed, or null when the build has none or it cannot be read (the start then waits for DuckDB). */
export async function fetchStartSeed(): Promise<StartSeed | null> {
	if (!SEED_URL) return null;
	try {
		const res = await fetch(SEED_URL);
		if (!res.ok) throw new Error(`${SEED_URL}: HTTP ${res.status}`);
		return decodeStartSeed(await res.text());
	} catch (e) {
		console.warn('start seed not used', e);
		return null;
	}
}
