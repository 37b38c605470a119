/**
 * Starts `npm start`'s server (scripts/serve.ts: build/ with precompressed files, SPA fallback
 * and the CSP header) on a free port, as its own node process, and stops it by that PID (not an
 * npx wrapper, which would leave it running). The first start after a build may precompress the
 * wasm (cached in .cache/precompress/), so it may take a minute.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export interface Preview {
	url: string;
	stop(): Promise<void>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`the app server exited with code ${child.exitCode}`);
		try {
			const res = await fetch(url);
			if (res.ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`the app server did not answer at ${url} within ${timeoutMs} ms`);
}

export async function startPreview(root: string): Promise<Preview> {
	const port = await freePort();
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/serve.ts'), '--host', '127.0.0.1', '--port', String(port)], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, BROWSER: 'none' }
	});
	let log = '';
	child.stdout?.on('data', (d) => (log += d));
	child.stderr?.on('data', (d) => (log += d));
	const kill = () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
	};
	const onSignal = (sig: NodeJS.Signals) => {
		kill();
		process.exit(sig === 'SIGINT' ? 130 : 143);
	};
	process.once('exit', kill);
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const url = `http://127.0.0.1:${port}`;
	try {
		await waitForHttp(url + '/', child, 300_000);
	} catch (e) {
		kill();
		throw new Error(`${(e as Error).message}\n${log}`);
	}
	return {
		url,
		async stop() {
			process.removeListener('exit', kill);
			process.removeListener('SIGINT', onSignal);
			process.removeListener('SIGTERM', onSignal);
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise<void>((r) => child.once('exit', () => r()));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(timer);
		}
	};
}
