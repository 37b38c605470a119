/**
 * The one database interface every layer above `db` talks to.
 * Two implementations: `node.ts` (duckdb-wasm blocking build, for tests and the CLI) and
 * `browser.ts` (duckdb-wasm in a Web Worker). Same SQL on both.
 */
export type Row = Record<string, unknown>;

/** the read side every query function needs: the database itself, or a coordinator's reads */
export interface Reader {
	/** Run SQL and return plain JS rows (BIGINT/DECIMAL as number, DATE as epoch ms). */
	query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Reader {
	/** Run statements that return nothing of interest. */
	exec(sql: string): Promise<void>;
	/** Run SQL and return the result as an Arrow IPC stream (the export path's raw form). */
	queryIPC(sql: string): Promise<Uint8Array>;
	/** Make bytes readable by `read_csv('name')` and friends. */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/**
	 * Make a Blob (a picked File, or a slice of one) readable by `read_csv('name')` without
	 * copying it: the database reads its parts when it needs them. Browser only.
	 */
	registerBlob?(name: string, blob: Blob): Promise<void>;
	dropFile(name: string): Promise<void>;
	/** Insert an Arrow IPC stream as (or into) a table. */
	insertArrowIPC(table: string, ipc: Uint8Array, create?: boolean): Promise<void>;
	close(): Promise<void>;
}

/** Settings every connection gets right after opening (see ../shared/NOTES.md and db/README.md). */
export const CONNECTION_SETUP = [
	// No extension may ever be downloaded: offline users, and a download hangs Node forever.
	'SET autoload_known_extensions=false',
	'SET autoinstall_known_extensions=false'
];
