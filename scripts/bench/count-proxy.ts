/**
 * A TCP proxy in front of any local web server that counts the bytes sent to the browser (headers
 * and bodies, as they cross the wire) and the request lines it forwarded. The benchmark measures
 * "first-visit bytes" with it, whatever server is behind it (the app's own or `vite preview`),
 * and it also sees requests that Playwright does not report (nested workers, the service worker).
 */
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
	url: string;
	/** bytes sent to the browser since the last reset */
	bytes(): number;
	/** request targets (`GET /path`) since the last reset */
	requests(): string[];
	reset(): void;
	close(): Promise<void>;
}

export async function startCountingProxy(target: { host: string; port: number }): Promise<CountingProxy> {
	let bytes = 0;
	let requests: string[] = [];
	const sockets = new Set<Socket>();
	const server = createServer((client) => {
		const upstream = connect(target.port, target.host);
		sockets.add(client);
		sockets.add(upstream);
		client.on('data', (d: Buffer) => {
			// a GET has no body, so each request's line starts a chunk (or follows a blank line)
			for (const m of d.toString('latin1').matchAll(/(?:^|\r\n\r\n)(GET|HEAD|POST) (\S+) HTTP\/1\.[01]\r\n/g)) requests.push(`${m[1]} ${m[2]}`);
			upstream.write(d);
		});
		upstream.on('data', (d: Buffer) => {
			bytes += d.length;
			client.write(d);
		});
		const end = () => {
			client.destroy();
			upstream.destroy();
			sockets.delete(client);
			sockets.delete(upstream);
		};
		client.on('close', end);
		upstream.on('close', end);
		client.on('error', end);
		upstream.on('error', end);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		bytes: () => bytes,
		requests: () => [...requests],
		reset() {
			bytes = 0;
			requests = [];
		},
		close: () =>
			new Promise<void>((r) => {
				for (const s of sockets) s.destroy();
				server.close(() => r());
			})
	};
}
