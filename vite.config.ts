import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';

/**
 * Before every build and dev start: the sample data imported once into a ready, validated form
 * (.generated/sample-snapshot/, see scripts/build-sample-snapshot.ts) that start-up only attaches.
 * Then the start seed: the start page's default-state answers computed on that snapshot
 * (.generated/start-seed/, scripts/build-start-seed.ts). Each runs as its own Node process (the import code needs the duckdb-wasm Node build); it returns at
 * once when its inputs have not changed. Not under Vitest: the unit tests build their own.
 */
function sampleSnapshot(): Plugin {
	let done = false;
	return {
		name: 'dlm-sample-snapshot',
		buildStart() {
			if (done || process.env.VITEST) return;
			execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-sample-snapshot.ts'], { stdio: 'inherit' });
			// then the start page's answers on it (scripts/build-start-seed.ts)
			execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-start-seed.ts'], { stdio: 'inherit' });
			done = true;
		}
	};
}

export default defineConfig({
	plugins: [sampleSnapshot(), sveltekit()],
	server: { fs: { allow: ['data', '.generated'] } },
	test: {
		expect: { requireAssertions: true },
		include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		pool: 'forks',
		// Vitest's default on 2 cores is one fork. Two, because each file is CPU-bound on one thread
		// (duckdb-wasm). Stop 10, whole suite: two forks 229 s wall / 398 CPU-s, one fork 406 s /
		// 361 CPU-s — two forks do 10 % more work in all, spread over both cores. Wall times here
		// swing with the other work on the machine (these two ran at load 0–5 and 1–9); the CPU
		// seconds barely do, and they say two forks need about 200 s where one needs 360 s.
		maxWorkers: Math.max(2, availableParallelism() - 1)
	}
});
