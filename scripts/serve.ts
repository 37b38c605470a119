/**
 * `npm start`'s web server for the built app (build/), on node:http with no dependencies:
 * - precompressed twins (scripts/precompress.ts): `x.br` or `x.gz` with `Content-Encoding` when
 *   the browser accepts it, else the plain file; `Vary: Accept-Encoding`;
 * - correct types (`application/wasm`, so browsers compile the wasm while it streams);
 * - `/_app/immutable/` cached for a year (names carry a content hash), everything else revalidated;
 * - the SPA fallback: an address without a file extension gets index.html (SvelteKit routes it);
 *   a missing file with an extension is a 404, never HTML in place of a script;
 * - the Content-Security-Policy of the built page (its `<meta http-equiv>` tag, from
 *   svelte.config.js) as a header on every response, plus `frame-ancestors 'none'`.
 * Only GET and HEAD. No directory listing, nothing outside the folder.
 *   tsx scripts/serve.ts [--port 4173] [--host localhost] [--dir build]
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { precompress } from './precompress.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.wasm': 'application/wasm',
	'.json': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.parquet': 'application/vnd.apache.parquet',
	'.arrow': 'application/vnd.apache.arrow.stream',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'.woff2': 'font/woff2'
};

/** the policy from the built page's meta tag, for the header; null when the page has none */
export function cspOf(indexHtml: string): string | null {
	const m = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(indexHtml);
	return m ? m[1].replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null;
}

/** which encodings the request accepts, best first (q=0 excluded) */
function accepted(req: IncomingMessage): string[] {
	const header = String(req.headers['accept-encoding'] ?? '');
	const out: string[] = [];
	for (const part of header.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
		if (name && (q === undefined || Number(q) > 0)) out.push(name);
	}
	return ['br', 'gzip'].filter((e) => out.includes(e));
}

async function fileAt(p: string): Promise<{ size: number; mtime: Date } | null> {
	try {
		const s = await stat(p);
		return s.isFile() ? s : null;
	} catch {
		return null;
	}
}

export interface AppServer {
	server: Server;
	url: string;
	close(): Promise<void>;
}

export function createAppServer(dir: string): Server {
	const base = path.resolve(dir);
	const index = path.join(base, 'index.html');
	const policy = existsSync(index) ? cspOf(readFileSync(index, 'utf8')) : null;
	const common: Record<string, string> = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'no-referrer'
	};
	if (policy) common['content-security-policy'] = `${policy}; frame-ancestors 'none'`;

	async function handle(req: IncomingMessage, res: ServerResponse) {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { ...common, allow: 'GET, HEAD' }).end();
			return;
		}
		let pathname: string;
		try {
			pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		} catch {
			res.writeHead(400, common).end();
			return;
		}
		let file = path.join(base, pathname);
		if (file !== base && !file.startsWith(base + path.sep)) {
			res.writeHead(404, common).end();
			return;
		}
		let info = await fileAt(file);
		if (!info && (pathname.endsWith('/') || !path.extname(pathname))) {
			// a page of the SPA (or a folder's index.html)
			file = (await fileAt(path.join(file, 'index.html'))) ? path.join(file, 'index.html') : index;
			info = await fileAt(file);
		}
		if (!info) {
			res.writeHead(404, { ...common, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }).end('Not found');
			return;
		}
		const headers: Record<string, string | number> = {
			...common,
			'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
			'cache-control': pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
			'last-modified': info.mtime.toUTCString(),
			vary: 'Accept-Encoding'
		};
		let body = file;
		let size = info.size;
		for (const enc of accepted(req)) {
			const twin = `${file}.${enc === 'br' ? 'br' : 'gz'}`;
			const t = await fileAt(twin);
			if (t && t.mtime >= info.mtime) {
				body = twin;
				size = t.size;
				headers['content-encoding'] = enc;
				break;
			}
		}
		const since = req.headers['if-modified-since'];
		if (since && headers['cache-control'] === 'no-cache' && Math.floor(info.mtime.getTime() / 1000) <= Math.floor(Date.parse(since) / 1000)) {
			res.writeHead(304, headers).end();
			return;
		}
		headers['content-length'] = size;
		res.writeHead(200, headers);
		if (req.method === 'HEAD') {
			res.end();
			return;
		}
		const fh = await open(body);
		fh.createReadStream().pipe(res);
	}

	return createServer((req, res) => {
		handle(req, res).catch((e) => {
			console.error(e);
			if (!res.headersSent) res.writeHead(500, common);
			res.end();
		});
	});
}

/** Precompresses `dir` (fast when nothing changed) and serves it. */
export async function startAppServer(opts: { dir?: string; port?: number; host?: string } = {}): Promise<AppServer> {
	const dir = path.resolve(opts.dir ?? path.join(ROOT, 'build'));
	if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/index.html fehlt: erst \`npm run build\``);
	await precompress(dir);
	const server = createAppServer(dir);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 4173, opts.host ?? 'localhost', () => resolve());
	});
	const addr = server.address() as AddressInfo;
	const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
	return {
		server,
		url: `http://${opts.host === 'localhost' || !opts.host ? 'localhost' : host}:${addr.port}`,
		close: () =>
			new Promise<void>((r) => {
				server.closeAllConnections();
				server.close(() => r());
			})
	};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const args = process.argv.slice(2);
	const opt = (name: string) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const s = await startAppServer({ dir: opt('--dir'), port: Number(opt('--port') ?? 4173), host: opt('--host') ?? 'localhost' });
	console.log(`Digitallotsen-Monitor läuft auf ${s.url}/  (Beenden: Strg+C)`);
	const stop = () => void s.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}
