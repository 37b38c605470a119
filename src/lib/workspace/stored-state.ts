/**
 * The Arbeitsstand kept in the browser: the user's files as they were imported (original bytes,
 * import profile), whether the sample data were removed, and optionally a workspace file opened
 * as the base. On start the app imports them again, so the reports are the same as the first time.
 *
 * Layout in the ByteStore:
 *   manifest.json        the only entry point (StoredManifest, JSON)
 *   file-<id>            a file's original bytes (id: see hash.ts)
 *   base-<sha256>        an opened workspace file (zip)
 *
 * Atomicity: new bytes are written first under a new key, the manifest last. A manifest write
 * is one `put` (OPFS: createWritable writes a swap file and commits on close; IndexedDB: one
 * transaction), so a reload or crash at any moment leaves either the old or the new manifest.
 * Entries no manifest names (a write interrupted before its manifest) are deleted on load.
 */
import { FILE_ID, fileIdOf, sha256Hex } from './hash';
import type { ByteStore } from './store';

export const STORED_FORMAT = 'dlm-gespeicherter-arbeitsstand';
export const STORED_VERSION = 1;
export const MANIFEST = 'manifest.json';

export interface StoredFile {
	id: string;
	/** the name the user's file had */
	name: string;
	sha256: string;
	size: number;
	/** dataset kind found at import ('einsaetze' …) or null when unreadable */
	kind: string | null;
	/** rows loaded at import */
	rows: number;
	/** ISO time of the import */
	importedAt: string;
	/** the import profile (choices made at import), opaque here; passed back to the import */
	profile?: unknown;
}

export interface StoredBase {
	key: string;
	name: string;
	sha256: string;
	size: number;
	openedAt: string;
}

export interface StoredManifest {
	format: typeof STORED_FORMAT;
	version: number;
	/** the user removed or replaced the sample data */
	sampleRemoved: boolean;
	/** a workspace file opened as the starting point (its tables replace everything on start) */
	base: StoredBase | null;
	/** `_file` values of the base's files the user removed or replaced since (deleted after the base is applied) */
	baseRemoved: string[];
	/** in import order */
	files: StoredFile[];
}

export class StoredStateError extends Error {
	constructor(
		public code: 'newer_version' | 'foreign' | 'damaged',
		detail = ''
	) {
		super(`${code}${detail ? ': ' + detail : ''}`);
	}
}

export function emptyManifest(): StoredManifest {
	return { format: STORED_FORMAT, version: STORED_VERSION, sampleRemoved: false, base: null, baseRemoved: [], files: [] };
}

/** Checks a parsed manifest strictly; anything unexpected is refused, never guessed. */
export function parseManifest(bytes: Uint8Array): StoredManifest {
	let m: unknown;
	try {
		m = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		throw new StoredStateError('damaged', 'manifest is not JSON');
	}
	const o = m as Partial<StoredManifest>;
	if (!o || typeof o !== 'object' || o.format !== STORED_FORMAT) throw new StoredStateError('foreign');
	if (typeof o.version !== 'number' || o.version > STORED_VERSION) throw new StoredStateError('newer_version', String(o.version));
	if (typeof o.sampleRemoved !== 'boolean' || !Array.isArray(o.files)) throw new StoredStateError('damaged', 'fields');
	for (const f of o.files) {
		const ok =
			f && typeof f.id === 'string' && FILE_ID.test(f.id) && typeof f.name === 'string' && /^[0-9a-f]{64}$/.test(f.sha256) &&
			Number.isInteger(f.size) && Number.isInteger(f.rows) && typeof f.importedAt === 'string';
		if (!ok) throw new StoredStateError('damaged', 'file entry');
	}
	const base = o.base ?? null;
	if (base !== null && !(typeof base.key === 'string' && /^[0-9a-f]{64}$/.test(base.sha256))) throw new StoredStateError('damaged', 'base');
	const baseRemoved = o.baseRemoved ?? [];
	if (!Array.isArray(baseRemoved) || baseRemoved.some((x) => typeof x !== 'string')) throw new StoredStateError('damaged', 'baseRemoved');
	return { format: STORED_FORMAT, version: o.version, sampleRemoved: o.sampleRemoved, base, baseRemoved, files: o.files };
}

const fileKey = (id: string) => `file-${id}`;

/** All reads and writes of the stored Arbeitsstand; one instance per page. Not re-entrant: callers serialise. */
export class StoredState {
	private manifest: StoredManifest = emptyManifest();

	constructor(public readonly store: ByteStore) {}

	get current(): StoredManifest {
		return this.manifest;
	}

	/** Reads the manifest (none yet: empty) and deletes entries it does not name. */
	async load(): Promise<StoredManifest> {
		const raw = await this.store.get(MANIFEST);
		this.manifest = raw ? parseManifest(raw) : emptyManifest();
		const wanted = new Set([MANIFEST, ...this.manifest.files.map((f) => fileKey(f.id)), ...(this.manifest.base ? [this.manifest.base.key] : [])]);
		for (const k of await this.store.keys()) if (!wanted.has(k)) await this.store.delete(k);
		return this.manifest;
	}

	/** A file's bytes, checked against its hash (a changed or cut entry is refused). */
	async readFile(f: StoredFile): Promise<Uint8Array> {
		const bytes = await this.store.get(fileKey(f.id));
		if (!bytes) throw new StoredStateError('damaged', `${f.name}: missing`);
		if (bytes.length !== f.size || (await sha256Hex(bytes)) !== f.sha256) throw new StoredStateError('damaged', `${f.name}: checksum`);
		return bytes;
	}

	async readBase(): Promise<Uint8Array | null> {
		const b = this.manifest.base;
		if (!b) return null;
		const bytes = await this.store.get(b.key);
		if (!bytes || (await sha256Hex(bytes)) !== b.sha256) throw new StoredStateError('damaged', `${b.name}: checksum`);
		return bytes;
	}

	/**
	 * Adds a file (or replaces the entry with the same id) after it was imported. Bytes first,
	 * manifest last. `removeIds`: entries this import replaces (their bytes go after the manifest).
	 */
	async addFile(entry: Omit<StoredFile, 'id' | 'sha256' | 'size'> & { id?: string; sha256?: string }, bytes: Uint8Array, removeIds: string[] = []): Promise<StoredFile> {
		const sha256 = entry.sha256 ?? (await sha256Hex(bytes));
		const id = entry.id ?? (await fileIdOf(sha256, entry.name));
		const file: StoredFile = { ...entry, id, sha256, size: bytes.length };
		await this.store.put(fileKey(id), bytes);
		const drop = new Set([id, ...removeIds]);
		await this.commit({ ...this.manifest, files: [...this.manifest.files.filter((f) => !drop.has(f.id)), file] }, removeIds.filter((r) => r !== id).map(fileKey));
		return file;
	}

	async removeFile(id: string): Promise<void> {
		await this.commit({ ...this.manifest, files: this.manifest.files.filter((f) => f.id !== id) }, [fileKey(id)]);
	}

	/** A file of the opened workspace (base) was removed or replaced: it stays gone after a reload. */
	async removeFromBase(rowsFile: string): Promise<void> {
		if (!this.manifest.base || this.manifest.baseRemoved.includes(rowsFile)) return;
		await this.commit({ ...this.manifest, baseRemoved: [...this.manifest.baseRemoved, rowsFile] });
	}

	async setSampleRemoved(removed: boolean): Promise<void> {
		if (this.manifest.sampleRemoved === removed) return;
		await this.commit({ ...this.manifest, sampleRemoved: removed });
	}

	/** An opened workspace becomes the base; the files imported before are dropped (its tables hold them). */
	async setBase(name: string, zip: Uint8Array, sampleRemoved: boolean): Promise<void> {
		const sha256 = await sha256Hex(zip);
		const key = `base-${sha256}`;
		await this.store.put(key, zip);
		const old = this.manifest;
		await this.commit(
			{ ...emptyManifest(), sampleRemoved, base: { key, name, sha256, size: zip.length, openedAt: new Date().toISOString() } },
			[...old.files.map((f) => fileKey(f.id)), ...(old.base && old.base.key !== key ? [old.base.key] : [])]
		);
	}

	/** "Alles löschen": no files, no base; the sample data come back on the next start unless `sampleRemoved`. */
	async clear(sampleRemoved = false): Promise<void> {
		const old = this.manifest;
		await this.commit({ ...emptyManifest(), sampleRemoved }, [...old.files.map((f) => fileKey(f.id)), ...(old.base ? [old.base.key] : [])]);
	}

	/** Writes the manifest, then deletes what it no longer names. The manifest in memory changes only after the write succeeded. */
	private async commit(next: StoredManifest, obsolete: string[] = []): Promise<void> {
		await this.store.put(MANIFEST, new TextEncoder().encode(JSON.stringify(next)));
		this.manifest = next;
		for (const k of obsolete) await this.store.delete(k).catch(() => undefined);
	}
}
