/** PNG size from the IHDR header, and data-URL ↔ bytes helpers (browser and Node: atob/btoa). */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** width and height of a PNG; throws when the bytes are not a PNG */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
	if (!(bytes instanceof Uint8Array) || bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b)) {
		throw new Error('not a PNG image (signature missing)');
	}
	const chunk = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
	if (chunk !== 'IHDR') throw new Error('not a PNG image (IHDR missing)');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const width = view.getUint32(16);
	const height = view.getUint32(20);
	if (width === 0 || height === 0) throw new Error('not a PNG image (zero size)');
	return { width, height };
}

/** the bytes of a data: URL (base64 or percent-encoded); throws on anything else */
export function dataUrlToBytes(url: string): Uint8Array {
	const m = /^data:([^,]*?),(.*)$/s.exec(url ?? '');
	if (!m) throw new Error('not a data: URL');
	const params = m[1].split(';').map((p) => p.trim().toLowerCase());
	if (params.includes('base64')) {
		const bin = atob(m[2].replace(/\s+/g, ''));
		const out = new Uint8Array(bin.length);
		for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
		return out;
	}
	return new TextEncoder().encode(decodeURIComponent(m[2]));
}

/** the MIME type of a data: URL ("" when none is given) */
export function dataUrlMime(url: string): string {
	const m = /^data:([^;,]*)/.exec(url ?? '');
	return m ? m[1].trim().toLowerCase() : '';
}

/** bytes → "data:{mime};base64,…" */
export function bytesToDataUrl(bytes: Uint8Array, mime: string): string {
	let bin = '';
	const CHUNK = 0x8000;
	for (let i = 0; i < bytes.length; i += CHUNK) {
		bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
	}
	return `data:${mime};base64,${btoa(bin)}`;
}
