/** Client-side app state (Svelte 5 runes). Filled by ./load.ts; read by routes and components. */
import type { ImportReport, Lang } from '$lib/import/report';

export type Phase = 'idle' | 'loading' | 'ready' | 'error';

export type LoadStep =
	| { key: 'db' }
	| { key: 'reference' }
	| { key: 'sample'; files: number }
	/** the stored Arbeitsstand is imported again (issue 9) */
	| { key: 'restore'; current: number; total: number; file: string };

export interface LoadedFile {
	/** increasing number, for keyed lists */
	id: number;
	/** reasons are rendered in the UI language with localizeReport (import/localize.ts) */
	report: ImportReport;
	/** own files: the `_file` value of its rows (file id + name; the report shows the name) */
	rowsFile?: string;
}

export interface TableCount {
	table: 'einsaetze' | 'qualifizierung' | 'coworking';
	rows: number;
	files: number;
}

export interface Source {
	titel: string;
	herausgeber: string;
	stand: string;
	lizenz: string;
}

class AppState {
	phase = $state<Phase>('idle');
	step = $state<LoadStep | null>(null);
	/** technical message when start-up failed */
	error = $state<string | null>(null);
	/** ms from start of loading to "sample data loaded" */
	loadMs = $state<number | null>(null);
	/** newest first; raw: reports are replaced, never mutated */
	files = $state.raw<LoadedFile[]>([]);
	counts = $state.raw<TableCount[]>([]);
	/** Gemeinden in the reference per Land */
	reference = $state.raw<{ land: string; n: number }[]>([]);
	sources = $state.raw<Source[]>([]);
	/** increases whenever the loaded data (and so the summary tables) change: pages re-query on it */
	dataVersion = $state(0);
	/** 'YYYY-MM' of the last month with activity data (default period ends there); null without data */
	lastMonth = $state<string | null>(null);
	/** MV Ämter and amtsfreie Gemeinden (Verbände) for the Amt filter; `active`: has activity data */
	aemter = $state.raw<{ key: string; name: string; kreis: string; active: boolean }[]>([]);
	/** distinct topics in the activity data (the topic filter's choices) */
	themen = $state.raw<string[]>([]);
	/** name of the file being imported right now */
	busy = $state<string | null>(null);
	/** name of the file the import assistant is inspecting before anything is imported (no progress bar: nothing is read into the tables yet) */
	inspecting = $state<string | null>(null);
	/** how far the running import is (CSV: rows read, bytes parsed; then the checks) */
	progress = $state<{ rowsRead: number; bytesDone: number; bytesTotal: number; checking?: boolean } | null>(null);
	/** last status message for the live region; a function so it follows the language */
	notice = $state<() => string>(() => '');

	/**
	 * The start's answers came from the build's start seed (app/start-seed.ts): the start page can
	 * draw while DuckDB still starts; whatever else is asked waits for it.
	 */
	seeded = $state(false);

	/** pages may ask for data: the database is ready, or the seed answers while it starts */
	get readable(): boolean {
		return this.phase === 'ready' || (this.phase === 'loading' && this.seeded);
	}

	get sampleShown(): boolean {
		return this.files.some((f) => f.report.sample && f.report.rowsLoaded > 0);
	}
}

export const app = new AppState();
