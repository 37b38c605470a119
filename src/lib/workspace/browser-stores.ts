/**
 * The browser's ByteStores: OPFS (navigator.storage.getDirectory) where the page may write
 * files there, IndexedDB where not (e.g. Safari without `createWritable` on the main thread),
 * memory when the browser refuses both (blocked storage; some private windows). Browser only;
 * exercised by tests/e2e/workspace.e2e.ts. The Node tests use MemoryStore (./store.ts).
 */
import { MemoryStore, storageProblemOf, type ByteStore, type StorageProblem } from './store';

const DIR = 'dlm-arbeitsstand';
const PROBE = 'probe.tmp';

class OpfsStore implements ByteStore {
	readonly kind = 'opfs' as const;
	constructor(private dir: FileSystemDirectoryHandle) {}

	async get(key: string) {
		try {
			const h = await this.dir.getFileHandle(key);
			return new Uint8Array(await (await h.getFile()).arrayBuffer());
		} catch (e) {
			if ((e as DOMException)?.name === 'NotFoundError') return null;
			throw e;
		}
	}
	async put(key: string, bytes: Uint8Array) {
		const h = await this.dir.getFileHandle(key, { create: true });
		// createWritable writes to a swap file; close() replaces the file in one step
		const w = await h.createWritable({ keepExistingData: false });
		try {
			await w.write(bytes as Uint8Array<ArrayBuffer>);
			await w.close();
		} catch (e) {
			await w.abort().catch(() => undefined);
			throw e;
		}
	}
	async delete(key: string) {
		await this.dir.removeEntry(key).catch((e) => {
			if ((e as DOMException)?.name !== 'NotFoundError') throw e;
		});
	}
	async keys() {
		const out: string[] = [];
		for await (const name of this.dir.keys()) out.push(name);
		return out;
	}
}

const STORE = 'dateien';

class IdbStore implements ByteStore {
	readonly kind = 'indexeddb' as const;
	constructor(private db: IDBDatabase) {}

	private tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
		return new Promise((resolve, reject) => {
			const t = this.db.transaction(STORE, mode, { durability: 'strict' });
			const req = fn(t.objectStore(STORE));
			// resolve when the transaction is committed, not when the request succeeded
			t.oncomplete = () => resolve(req.result);
			t.onerror = () => reject(t.error ?? req.error);
			t.onabort = () => reject(t.error ?? new DOMException('aborted', 'AbortError'));
		});
	}
	async get(key: string) {
		const v = await this.tx('readonly', (s) => s.get(key));
		return v ? new Uint8Array(v as ArrayBuffer) : null;
	}
	async put(key: string, bytes: Uint8Array) {
		await this.tx('readwrite', (s) => s.put(bytes.slice().buffer, key));
	}
	async delete(key: string) {
		await this.tx('readwrite', (s) => s.delete(key));
	}
	async keys() {
		return (await this.tx('readonly', (s) => s.getAllKeys())).map(String);
	}
}

function openIdb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DIR, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
		req.onblocked = () => reject(new DOMException('blocked', 'InvalidStateError'));
	});
}

/** A store proves itself by writing, reading and deleting a small entry. */
async function probe(store: ByteStore): Promise<ByteStore> {
	const bytes = new Uint8Array([1, 2, 3]);
	await store.put(PROBE, bytes);
	const back = await store.get(PROBE);
	if (!back || back.length !== 3) throw new DOMException('storage does not keep data', 'InvalidStateError');
	await store.delete(PROBE);
	return store;
}

/**
 * The stored manifest's bytes, read without creating or writing anything (openBrowserStore
 * probes by writing, which costs 0.3–0.4 s on a busy start): null when nothing is stored.
 * Throws when it cannot tell, e.g. IndexedDB holds the Arbeitsstand (a browser without OPFS
 * writes) or the browser cannot list its databases: the caller then assumes something is stored.
 */
export async function peekStoredBytes(key: string): Promise<Uint8Array | null> {
	let bytes: Uint8Array | null = null;
	if (navigator.storage?.getDirectory) {
		try {
			const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(DIR);
			bytes = await new OpfsStore(dir).get(key);
		} catch (e) {
			if ((e as DOMException)?.name !== 'NotFoundError') throw e;
		}
	}
	if (bytes) return bytes;
	// the IndexedDB store exists only where OPFS could not be written
	if (typeof indexedDB === 'undefined') return null;
	if (typeof indexedDB.databases !== 'function') throw new Error('cannot list IndexedDB databases');
	if ((await indexedDB.databases()).some((d) => d.name === DIR)) throw new Error('Arbeitsstand in IndexedDB');
	return null;
}

export interface OpenedStore {
	store: ByteStore;
	/** why the data are kept in memory only (null: kept in the browser) */
	problem: StorageProblem | null;
}

export async function openBrowserStore(): Promise<OpenedStore> {
	let firstError: unknown = null;
	// ask the browser not to evict the Arbeitsstand under storage pressure (no prompt in Chromium; a refusal changes nothing)
	navigator.storage?.persist?.().catch(() => undefined);
	try {
		if (!navigator.storage?.getDirectory) throw new DOMException('no OPFS', 'NotSupportedError');
		const root = await navigator.storage.getDirectory();
		const dir = await root.getDirectoryHandle(DIR, { create: true });
		const h = await dir.getFileHandle(PROBE, { create: true });
		if (typeof (h as FileSystemFileHandle & { createWritable?: unknown }).createWritable !== 'function') throw new DOMException('no createWritable', 'NotSupportedError');
		return { store: await probe(new OpfsStore(dir)), problem: null };
	} catch (e) {
		firstError = e;
	}
	try {
		if (typeof indexedDB === 'undefined') throw new DOMException('no IndexedDB', 'SecurityError');
		return { store: await probe(new IdbStore(await openIdb())), problem: null };
	} catch (e) {
		const problem = storageProblemOf((e as DOMException)?.name === 'NotSupportedError' ? firstError : e);
		console.warn('Arbeitsstand: browser storage unavailable', firstError, e);
		return { store: new MemoryStore(), problem: problem === 'unavailable' ? 'blocked' : problem };
	}
}
