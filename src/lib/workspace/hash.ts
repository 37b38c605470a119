/**
 * SHA-256 via Web Crypto (`crypto.subtle`: the browser and Node 20 alike) and the file id that
 * tells two files apart by content and name.
 */

export async function sha256Hex(bytes: Uint8Array | string): Promise<string> {
	const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
	const digest = await globalThis.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A file's id: 16 hex digits of its content hash, then 8 of its name's hash. Two `Export.csv`
 * with different content get different ids; the same bytes under another name too. The id is the
 * `_file` value of the file's rows in the tables and its key in the browser storage (only
 * [0-9a-f-], safe as an OPFS file name).
 */
export async function fileIdOf(contentSha256: string, name: string): Promise<string> {
	return `${contentSha256.slice(0, 16)}-${(await sha256Hex(name)).slice(0, 8)}`;
}

export const FILE_ID = /^[0-9a-f]{16}-[0-9a-f]{8}$/;
