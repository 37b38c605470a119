/** A tiny static server for the built app (SPA fallback) plus extra folders, on a free port. */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.wasm': 'application/wasm',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.csv': 'text/csv',
	'.parquet': 'application/octet-stream'
};

export async function serveStatic(opts: { build: string; extra?: Record<string, string> }) {
	const server = createServer(async (req, res) => {
		const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file = path.join(opts.build, url);
		for (const [prefix, dir] of Object.entries(opts.extra ?? {})) if (url.startsWith(prefix)) file = path.join(dir, url.slice(prefix.length));
		try {
			if (!(await stat(file)).isFile()) throw new Error('dir');
		} catch {
			file = path.join(opts.build, 'index.html');
		}
		res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
		res.end(await readFile(file));
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const port = (server.address() as AddressInfo).port;
	return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
