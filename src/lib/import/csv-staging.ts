/**
 * A CSV file into `stg` through csv-stream.ts, chunk by chunk (here or in a worker): each chunk's
 * rows are staged while the next is parsed; clean lines go to DuckDB's own reader (csv-fast.ts);
 * a file larger than one batch is checked batch by batch while it is read (BatchValidation).
 */
import type { Db } from '../db/types';
import { checkSetup, type SegmentInfo } from './check-setup';
import { fastChunkInsertSql } from './csv-fast';
import { csvChunks, rowsFromStream, type StreamChunk, type StreamEvent, type StreamWhole } from './csv-stream';
import type { CleanScan } from './csv-clean-scan';
import { beginOnePass, discardOnePass, prepareOnePass, type OnePassBegun, type OnePassPrepared } from './csv-one-pass';
import type { FastTest } from './csv-fast';
import type { HeaderMatch } from './header-map';
import type { ImportOptions, InputFile } from './import-file';
import type { ImportProfile } from './profile';
import { CancelledImport, FatalImport, unknownKindParams } from './read-file';
import type { ImportReport, Lang } from './report';
import { stageRecords, type StagedRow } from './staging';
import { BatchValidation, formatsFromEvidence, VALIDATE_BATCH_ROWS } from './validate-staged';

/** A CSV file read chunk by chunk (csv-stream.ts), here or in a worker. */
export interface CsvSource {
	next(): Promise<StreamEvent | null>;
	/** the staged rows with these `_row` ids, read again from the file */
	rowsAt(ids: number[]): Promise<Map<number, StagedRow>>;
	close(): void;
}
/**
 * `blobRegistrable`: the database can read the picked File itself (`registerBlob`), so the
 * one-pass offer needs no copy of the data lines.
 */
export type CsvSourceFactory = (file: InputFile, profile?: ImportProfile, opts?: { onePass?: boolean; blobRegistrable?: boolean }) => CsvSource;


/** A clean file registered with the database for the one-pass load (csv-one-pass.ts). */
export interface OnePassFile {
	file: string;
	firstLine: number;
	test: FastTest;
	scan: CleanScan;
	/** the INSERT started from the scan's first part (loadOnePass keeps or redoes it) */
	begun: Promise<OnePassBegun> | null;
}

const ONE_PASS_FILE = '_import_whole.csv';
/** the lookups of the one pass are prepared at the header only for files above this size (the early start needs a first scan pause) */
const EARLY_PREPARE_BYTES = 1024 * 1024;

/** csv-stream in this thread (Node, tests); `chunkBytes` small in tests to cross many chunk ends, `scanStepBytes` to start the one-pass INSERT early. */
export const localCsvSourceWith = (streamOpts: { chunkBytes?: number; scanStepBytes?: number; provisionalBytes?: number } = {}): CsvSourceFactory => ({ bytes }, profile, o) => {
	const it = csvChunks(bytes, { profile, ...streamOpts, onePass: o?.onePass });
	return {
		async next() {
			const r = it.next();
			return r.done ? null : r.value;
		},
		async rowsAt(ids) {
			return rowsFromStream(csvChunks(bytes, { profile, ...streamOpts, keepRows: true, noIpc: true }), ids);
		},
		close() {
			it.return(undefined);
		}
	};
};
export const localCsvSource = localCsvSourceWith();

/** A CSV file through csv-stream: each chunk's rows go to `stg` while the next is parsed. */
export async function streamCsv(
	db: Db,
	file: InputFile,
	report: ImportReport,
	lang: Lang,
	profile: ImportProfile | undefined,
	opts: ImportOptions
): Promise<{ segment: SegmentInfo; source: CsvSource; batched: BatchValidation | null; onePass: OnePassFile | null }> {
	const source = (opts.csvSource ?? localCsvSource)(file, profile, { onePass: opts.csvOnePass !== false, blobRegistrable: !!(file.blob && db.registerBlob) });
	/** the data lines registered with the database while the worker scans them */
	let offered: StreamWhole | null = null;
	let onePass: OnePassFile | null = null;
	/**
	 * The one-pass INSERT started from the scan's first part, so that DuckDB reads the file while
	 * the worker scans the rest (two threads at work); loadOnePass keeps it only when the whole
	 * file's scan builds the same statement (import README, "Decisions").
	 */
	let begun: Promise<OnePassBegun> | null = null;
	/** its lookups, made as soon as the header is known (a file large enough for the early start) */
	let prepared: Promise<OnePassPrepared> | undefined;
	/** what the checks need besides the rows, for the header's kind (check-setup.ts) */
	let setup: ReturnType<typeof checkSetup> | null = null;
	const early = opts.csvOnePass !== false && opts.csvEarlyStart !== false && file.bytes.length > EARLY_PREPARE_BYTES;
	const check = () => {
		if (opts.signal?.aborted) throw new CancelledImport();
	};
	let seg: SegmentInfo | null = null;
	let created = false;
	let unknown: Record<string, string> | null = null;
	/** set once more rows are staged than one batch holds: from then on checked batch by batch */
	let batched: BatchValidation | null = null;
	const batchRows = Math.max(1, opts.validateBatchRows ?? VALIDATE_BATCH_ROWS);
	try {
		await db.exec('DROP TABLE IF EXISTS stg');
		let ev = await source.next();
		for (; ev; ev = await source.next()) {
			check();
			if (ev.type === 'head') {
				if (seg && prepared) {
					// a second head (the file read again): the lookups are made anew for its kind
					await prepared.catch(() => undefined);
					prepared = undefined;
				}
				report.dialect = ev.dialect;
				// a second head: the file read again from the start with the encoding found over the whole file
				unknown = ev.match ? null : unknownKindParams(ev.header, ev.candidates, lang);
				seg = { header: ev.header, headerLine: ev.headerLine, rowCount: 0, broken: [], skipped: [], match: ev.match };
				setup = ev.match ? checkSetup(ev.match.spec, [seg], ev.match, profile, lang) : null;
				if (early && setup) {
					prepared = prepareOnePass(db, { spec: setup.checkSpec, extraEnums: setup.extra, refused: setup.refused });
					prepared.catch(() => undefined); // awaited by beginOnePass (which fails with it; loadOnePass then begins anew)
				}
			} else if (ev.type === 'whole') {
				// the data lines: the worker's copy, or the picked File's part read by the database itself
				if (ev.csv) await db.registerFile(ONE_PASS_FILE, ev.csv);
				else if (file.blob && db.registerBlob) await db.registerBlob(ONE_PASS_FILE, file.blob.slice(ev.from));
				else throw new Error('internal: a one-pass offer without its bytes');
				offered = { ...ev, csv: undefined };
			} else if (ev.type === 'verdict') {
				if (ev.scan && offered) {
					onePass = { file: ONE_PASS_FILE, firstLine: offered.firstLine, test: offered.test, scan: ev.scan, begun };
					seg!.rowCount = ev.scan.rows;
					report.rowsRead = ev.scan.rows;
				} else {
					await discardOnePass(db, begun);
					await db.dropFile(ONE_PASS_FILE).catch(() => undefined);
				}
				begun = null;
				offered = null;
			} else if (ev.type === 'scanning') {
				if (ev.guess && offered && seg?.match && setup && !begun && opts.csvEarlyStart !== false) {
					begun = beginOnePass(db, {
						spec: setup.checkSpec,
						mapping: seg.match.mapping,
						file: ONE_PASS_FILE,
						test: offered.test,
						scan: ev.guess,
						firstLine: offered.firstLine,
						fmts: opts.fixedFormats ?? formatsFromEvidence(seg.match.spec, ev.guess.evidence, profile?.decimal ?? {}),
						fileName: file.name,
						extraEnums: setup.extra,
						refused: setup.refused,
						maxDetails: 0
					}, prepared);
				}
				report.rowsRead = ev.rowsRead;
				opts.onProgress?.({ rowsRead: ev.rowsRead, bytesDone: ev.bytesDone, bytesTotal: ev.bytesTotal });
			} else if (ev.type === 'chunk') {
				// the one pass's lookups, made at the header, are done before the chunked path writes
				if (prepared) await prepared.catch(() => undefined);
				if (ev.ipc) {
					await db.insertArrowIPC('stg', ev.ipc, !created);
					created = true;
				}
				if (ev.fast) {
					if (!created) await stageRecords(db, seg!.match!.spec, [{ mapping: seg!.match!.mapping, rows: [] }]);
					created = true;
					await stageFastLines(db, seg!.match!, ev.fast, batched?.rowsDone ?? 0);
				}
				seg!.rowCount += ev.rowCount;
				if (seg!.match && seg!.rowCount - (batched?.rowsDone ?? 0) > batchRows) {
					if (!batched) {
						batched = new BatchValidation(db, setup!.checkSpec, file.name, setup!.extra, setup!.refused, profile?.decimal ?? {}, opts.fixedFormats);
						await batched.start();
					}
					check();
					await batched.flush();
				}
				report.rowsRead = ev.rowsRead;
				opts.onProgress?.({ rowsRead: ev.rowsRead, bytesDone: ev.bytesDone, bytesTotal: ev.bytesTotal });
			} else {
				seg!.broken = ev.broken;
				seg!.skipped = ev.skipped;
				report.lines = ev.lines;
				report.encodingNotes = ev.encodingNotes;
				report.skipped = ev.skipped;
			}
		}
		if (!seg) throw new FatalImport('empty_file');
		// an unknown kind is said after the whole file was read, so the report has its line account
		if (unknown) throw new FatalImport('unknown_kind', unknown);
		if (!created && !onePass) await stageRecords(db, seg.match!.spec, [{ mapping: seg.match!.mapping, rows: [] }]);
		check();
		return { segment: seg, source, batched, onePass };
	} catch (e) {
		source.close();
		await discardOnePass(db, begun ?? onePass?.begun);
		if (offered || onePass) await db.dropFile(ONE_PASS_FILE).catch(() => undefined);
		await batched?.abandon();
		throw e;
	}
}

const FAST_FILE = '_import_chunk.csv';

/**
 * Clean lines (csv-fast.ts) split by DuckDB into `stg`. Every line must arrive as one row: a
 * count that differs is an error of this program, never a silent loss.
 */
async function stageFastLines(db: Db, match: HeaderMatch, fast: NonNullable<StreamChunk['fast']>, checkedRows: number) {
	// rows are staged in order, so `stg` holds firstRow − 1 rows before this run (less those already checked and dropped)
	const before = fast.firstRow - 1 - checkedRows;
	await db.registerFile(FAST_FILE, fast.csv);
	try {
		await db.exec(fastChunkInsertSql(match.spec, match.mapping, FAST_FILE, fast.test, fast.firstRow, fast.firstLine, fast.padded));
	} finally {
		await db.dropFile(FAST_FILE).catch(() => undefined);
	}
	const after = (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM stg'))[0].n;
	if (after - before !== fast.rows) throw new Error(`internal: ${fast.rows} clean lines from line ${fast.firstLine}, ${after - before} rows staged`);
}
