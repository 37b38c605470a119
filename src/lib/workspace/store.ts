/**
 * Where the stored state lives: a flat key → bytes store. Three implementations: memory (Node
 * tests, and the fallback when the browser refuses storage), OPFS and IndexedDB (browser, see
 * ./browser-stores.ts). Keys are short ASCII names ([a-z0-9.-]).
 */
export interface ByteStore {
	/** what the user is told the data are kept in ('opfs' | 'indexeddb' | 'memory') */
	readonly kind: 'opfs' | 'indexeddb' | 'memory';
	get(key: string): Promise<Uint8Array | null>;
	/** replaces the whole value; resolves when it is written (a reload afterwards keeps it) */
	put(key: string, bytes: Uint8Array): Promise<void>;
	delete(key: string): Promise<void>;
	keys(): Promise<string[]>;
}

/** Kept in memory only: gone with the page. Tests use `failPut` to simulate a full quota. */
export class MemoryStore implements ByteStore {
	readonly kind = 'memory' as const;
	private map = new Map<string, Uint8Array>();
	/** when set, put() throws it (e.g. a DOMException named QuotaExceededError) */
	failPut: Error | null = null;

	async get(key: string) {
		const v = this.map.get(key);
		return v ? v.slice() : null;
	}
	async put(key: string, bytes: Uint8Array) {
		if (this.failPut) throw this.failPut;
		this.map.set(key, bytes.slice());
	}
	async delete(key: string) {
		this.map.delete(key);
	}
	async keys() {
		return [...this.map.keys()];
	}
}

/** What went wrong with the browser's storage, in words the user gets (see i18n `ws.storage.*`). */
export type StorageProblem = 'quota' | 'blocked' | 'unavailable';

export function storageProblemOf(e: unknown): StorageProblem {
	const name = (e as { name?: string })?.name ?? '';
	if (name === 'QuotaExceededError' || /quota/i.test(String((e as Error)?.message ?? ''))) return 'quota';
	if (name === 'SecurityError' || name === 'NotAllowedError' || name === 'InvalidStateError') return 'blocked';
	return 'unavailable';
}
