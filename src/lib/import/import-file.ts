/**
 * One file in, one report out: read (read-file.ts: encoding → dialect → layout → header map)
 * → stage → decide number formats per column → validate in SQL → append loaded rows to the
 * kind's table. Rows read = rows loaded + rows rejected, always. A file that cannot be read at
 * all gives one `fatal` message, never an exception. An import profile (profile.ts) overrides
 * what would be detected, and the report says it was applied.
 */
import type { Db } from '../db/types';
import { matchKind, type HeaderMatch } from './header-map';
import { message } from './messages';
import { isParquet, openParquetBatches } from './parquet';
import { checkedBatches, type CheckedBatches, type CheckedBatchSource } from './parquet-precheck';
import { loadParquetBatches } from './parquet-validate';
import type { ImportProfile } from './profile';
import { headerSignature } from './profile';
import { CancelledImport, FatalImport, readTabular, unknownKindParams, type BrokenRow } from './read-file';
import type { ImportReport, Lang } from './report';
import { DATASETS, type DatasetSpec } from './schemas';
import { stageRecords, type StagedRow } from './staging';
import { streamCsv, type CsvSourceFactory, type OnePassFile } from './csv-staging';
import { discardOnePass, loadOnePass } from './csv-one-pass';
import { checkSetup, type SegmentInfo } from './check-setup';
import { reportDetails } from './report-details';
import { isXlsx } from './xlsx';
import type { NumberFormats } from './validate-sql';
import { BatchValidation, decideNumberFormats, formatsFromEvidence, FormatsChanged, validateStaged } from './validate-staged';
import { detectKind } from './header-map';

export interface ImportOptions {
	lang?: Lang;
	/** cap on rejection details kept in the report (counts stay exact) */
	maxDetails?: number;
	/** the user's choices for this header (applied whatever was detected) */
	profile?: ImportProfile | null;
	/** rows read so far and bytes parsed, during a CSV import */
	onProgress?: (p: ImportProgress) => void;
	/** cancels the import; the tables stay as they were before it */
	signal?: AbortSignal;
	/** where CSV chunks come from (the browser: a Web Worker); default: parsed in this thread */
	csvSource?: CsvSourceFactory;
	/** Parquet read (and pre-checked) batch by batch elsewhere (the browser: a worker); default: hyparquet (parquet.ts) in this thread */
	parquetSource?: CheckedBatchSource;
	/** Parquet: rows certainly good are checked where they are read and appended as they are (default true; false: every row the SQL way) */
	parquetPrecheck?: boolean;
	/** Parquet rows per batch (whole row groups; default PARQUET_BATCH_ROWS; small in tests) */
	parquetBatchRows?: number;
	/** rows validated per batch (default VALIDATE_BATCH_ROWS; small in tests) */
	validateBatchRows?: number;
	/**
	 * false: no one-pass load of a clean CSV (csv-one-pass.ts), every file goes the chunked way
	 * (the reference the one-pass load is tested against); default true
	 */
	csvOnePass?: boolean;
	/** start the one-pass INSERT from the scan's first part (default on; off: only after the whole scan) */
	csvEarlyStart?: boolean;
	/** 'whole': the file as one string through readTabular (the reference the streamed path is tested against) */
	csvMode?: 'stream' | 'whole';
	/** (internal) the decimal marks decided over the whole file, when a batched read is done again */
	fixedFormats?: NumberFormats;
}

export interface ImportProgress {
	rowsRead: number;
	bytesDone: number;
	bytesTotal: number;
	/** every row is read; the checks in the database run */
	checking?: boolean;
}

/** duckdb-wasm and V8 say "out of memory" in several ways */
const isOutOfMemory = (e: unknown) => /out of memory|memory access out of bounds|Array buffer allocation failed|Invalid (typed )?array length|Invalid string length|could not allocate/i.test(String((e as Error)?.message ?? e));

export interface InputFile {
	name: string;
	bytes: Uint8Array;
	/** the picked file itself: a worker reads it without copying the bytes across threads */
	blob?: Blob;
}

const SAMPLE_NAME = /beispieldaten|sample/i;

export function emptyReport(file: string): ImportReport {
	return {
		file,
		kind: null,
		dialect: null,
		columns: {},
		rowsRead: 0,
		rowsLoaded: 0,
		rowsRejected: 0,
		rejections: [],
		repairs: [],
		fatal: null,
		sample: SAMPLE_NAME.test(file),
		skipped: [],
		unusedColumns: [],
		unusedSheets: [],
		sheets: [],
		encodingNotes: [],
		lines: null,
		notes: [],
		profile: null,
		rejectedRecords: { header: [], rows: [] }
	};
}

export async function importFile(db: Db, file: InputFile, opts: ImportOptions = {}): Promise<ImportReport> {
	const lang = opts.lang ?? 'de';
	let report = emptyReport(file.name);
	try {
		try {
			await runImport(db, file, lang, opts.maxDetails ?? 5000, report, opts.profile ?? undefined, opts);
		} catch (e) {
			if (!(e instanceof FormatsChanged)) throw e;
			// a large file whose later batches vote for another decimal mark than its first: read
			// again with the whole file's marks (nothing of the first read was loaded)
			report = emptyReport(file.name);
			await runImport(db, file, lang, opts.maxDetails ?? 5000, report, opts.profile ?? undefined, { ...opts, fixedFormats: e.fmts });
		}
	} catch (e) {
		// nothing of this file stays behind: staging dropped, the kind's table untouched (see validateStaged)
		await db.exec('DROP TABLE IF EXISTS stg').catch(() => undefined);
		await db.exec('DROP VIEW IF EXISTS stg').catch(() => undefined);
		for (const t of ['_pqb', '_chk', '_pq_seen', '_pq_rej', '_load', '_keys']) await db.exec(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
		const [code, params]: [string, Record<string, string | number>] =
			e instanceof FatalImport
				? [e.code, e.params]
				: e instanceof CancelledImport || opts.signal?.aborted
					? ['cancelled', {}]
					: isOutOfMemory(e)
						? report.rowsRead > 0
							? ['file_too_large', { rows: report.rowsRead.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB') }]
							: ['file_too_large_unread', {}] // (Parquet: out of memory before a row count is known)
						: ['unreadable', { detail: String((e as Error)?.message ?? e).slice(0, 200) }];
		report.fatal = { code, message: message(code, lang, params), params };
		report.rowsLoaded = 0;
		report.rowsRejected = report.rowsRead;
	}
	return report;
}

/** A Parquet file being imported: its batches (none read yet), column types and mapping. */
interface ParquetCtx {
	batches: CheckedBatches;
	reopen: () => Promise<CheckedBatches>;
	/** field → file column */
	colOf: Map<string, string>;
	/** file column → DuckDB type */
	types: Map<string, string>;
}

/**
 * Parquet rows checked per batch (whole row groups). Small enough that a batch's Arrow copy,
 * table and checks stay far below duckdb-wasm's memory beside a 10 M-row target table; large
 * enough that the per-statement cost does not count, and the worker reads batch k+1 while
 * DuckDB checks batch k.
 */
export const PARQUET_BATCH_ROWS = 250_000;

async function runImport(db: Db, file: InputFile, lang: Lang, maxDetails: number, report: ImportReport, profile: ImportProfile | undefined, opts: ImportOptions = {}) {
	const { bytes } = file;
	if (bytes.length === 0) throw new FatalImport('empty_file');
	let spec: DatasetSpec;
	let segments: SegmentInfo[] = [];
	let header: string[];
	let firstMatch: HeaderMatch;
	/** the staged rows with these ids, as the file holds them (for the rejected rows' download) */
	let rowsAt: (ids: number[]) => Promise<Map<number, StagedRow>> = async () => new Map();
	let closeSource = () => {};
	let batched: BatchValidation | null = null;
	let onePass: OnePassFile | null = null;

	let parquet: ParquetCtx | undefined;

	if (isParquet(bytes)) {
		// the file's columns and their types come as an Arrow schema; the batches follow in loadParquetBatches
		const open = async () => (opts.parquetSource ? opts.parquetSource(file, opts.parquetBatchRows ?? PARQUET_BATCH_ROWS) : checkedBatches(await openParquetBatches(file, opts.parquetBatchRows ?? PARQUET_BATCH_ROWS)));
		let batches: CheckedBatches;
		try {
			batches = await open();
		} catch (e) {
			if (isOutOfMemory(e)) throw e;
			throw new FatalImport('unreadable_parquet', { detail: String((e as Error).message ?? e).slice(0, 120) });
		}
		closeSource = () => batches.close();
		try {
			await db.exec('DROP TABLE IF EXISTS _pqb');
			await db.insertArrowIPC('_pqb', batches.schema, true);
			const described = await db.query<{ column_name: string; column_type: string }>('DESCRIBE _pqb');
			await db.exec('DROP TABLE _pqb');
			header = described.map((r) => r.column_name);
			report.dialect = { format: 'parquet', decimal: '.' };
			const fixed = profile?.columns ? new Map(header.flatMap((h, i) => (Object.prototype.hasOwnProperty.call(profile.columns, h) ? [[i, profile.columns![h]] as [number, string | null]] : []))) : undefined;
			const match = profile?.kind ? matchKind(DATASETS[profile.kind], header, fixed) : detectKind(header).match;
			if (!match || match.missing.length) {
				const cands = profile?.kind ? [matchKind(DATASETS[profile.kind], header, fixed)] : detectKind(header).candidates;
				throw new FatalImport('unknown_kind', unknownKindParams(header, cands, lang));
			}
			firstMatch = match;
			spec = match.spec;
			const colOf = new Map([...match.mapping].map(([i, name]) => [name, header[i]]));
			parquet = { batches, reopen: open, colOf, types: new Map(described.map((r) => [r.column_name, r.column_type])) };
		} catch (e) {
			batches.close();
			await db.exec('DROP TABLE IF EXISTS _pqb').catch(() => undefined);
			throw e;
		}
	} else if (!isXlsx(bytes) && opts.csvMode !== 'whole') {
		const { segment, source, batched: b, onePass: o } = await streamCsv(db, file, report, lang, profile, opts);
		batched = b;
		onePass = o;
		spec = segment.match!.spec;
		segments = [segment];
		header = segment.header;
		firstMatch = segment.match!;
		rowsAt = (ids) => source.rowsAt(ids);
		closeSource = () => source.close();
	} else {
		const read = await readTabular(bytes, profile);
		report.dialect = read.dialect;
		report.encodingNotes = read.encodingNotes;
		report.lines = read.lines;
		report.unusedSheets = read.unusedSheets;
		report.skipped = read.segments.flatMap((s) => s.skipped);
		if (!read.spec || !read.segments.length || !read.segments[0].match) {
			throw new FatalImport('unknown_kind', unknownKindParams(read.unknown?.header ?? [], read.unknown?.candidates ?? [], lang));
		}
		spec = read.spec;
		segments = read.segments.map((s) => ({ ...s, rowCount: s.rows.length }));
		header = segments[0].header;
		firstMatch = segments[0].match!;
		await stageRecords(
			db,
			spec,
			read.segments.map((s) => ({ mapping: s.match!.mapping, rows: s.rows }))
		);
		const byId = read.segments.flatMap((s) => s.rows);
		rowsAt = async (ids) => new Map(ids.filter((i) => byId[i - 1]).map((i) => [i, byId[i - 1]]));
	}
	try {
		await checkAndReport(db, file, lang, maxDetails, report, profile, opts, { spec, segments, header, firstMatch, rowsAt, parquet, batched, onePass });
	} catch (e) {
		await batched?.abandon();
		throw e;
	} finally {
		closeSource();
		// an INSERT begun but not taken up (an error or cancel before loadOnePass): rolled back first
		await discardOnePass(db, onePass?.begun);
		if (onePass) await db.dropFile(onePass.file).catch(() => undefined);
	}
}

async function checkAndReport(
	db: Db,
	file: InputFile,
	lang: Lang,
	maxDetails: number,
	report: ImportReport,
	profile: ImportProfile | undefined,
	opts: ImportOptions,
	ctx: {
		spec: DatasetSpec;
		segments: SegmentInfo[];
		header: string[];
		firstMatch: HeaderMatch;
		rowsAt: (ids: number[]) => Promise<Map<number, StagedRow>>;
		parquet?: ParquetCtx;
		batched?: BatchValidation | null;
		onePass?: OnePassFile | null;
	}
) {
	const { spec, segments, header, firstMatch, rowsAt, parquet, batched, onePass } = ctx;
	if (profile) report.profile = { signature: profile.signature, name: profile.name };
	report.kind = spec.kind;
	const unused = new Set<string>();
	const mappedSegs = segments.length ? segments.map((s) => ({ header: s.header, mapping: s.match!.mapping })) : [{ header, mapping: firstMatch.mapping }];
	for (const s of mappedSegs) {
		for (const [i, name] of s.mapping) report.columns[s.header[i]] ??= name;
		s.header.forEach((h, i) => {
			if (!s.mapping.has(i) && h.trim() !== '') unused.add(h);
		});
	}
	report.unusedColumns = [...unused];
	const fileCol = (canonical: string) => {
		for (const [i, n] of firstMatch.mapping) if (n === canonical) return header[i];
		return spec.columns.find((c) => c.name === canonical)?.label[lang] ?? canonical;
	};

	const broken: (BrokenRow & { sheet?: string })[] = segments.flatMap((s) => s.broken.map((b) => ({ ...b, sheet: s.sheet })));
	const { checkSpec, extra, refused, note } = checkSetup(spec, segments, firstMatch, profile, lang);
	if (note) report.notes.push(note);
	let fmts: NumberFormats;
	if (parquet) {
		// Parquet: typed checks batch by batch (parquet-validate.ts), no staging table of the file
		if (parquet.batches.numRows === 0) throw new FatalImport('header_only');
		const res = await loadParquetBatches(db, {
			spec: checkSpec,
			colOf: parquet.colOf,
			types: parquet.types,
			fileName: file.name,
			decimalOverrides: profile?.decimal ?? {},
			extraEnums: extra,
			refused,
			maxDetails,
			batches: parquet.batches,
			reopen: parquet.reopen,
			precheck: opts.parquetPrecheck ?? true,
			onRows: (rows) => {
				report.rowsRead = rows;
				opts.onProgress?.({ rowsRead: rows, bytesDone: Math.round((file.bytes.length * rows) / Math.max(1, parquet.batches.numRows)), bytesTotal: file.bytes.length });
			},
			checkCancel: () => {
				if (opts.signal?.aborted) throw new CancelledImport();
			}
		});
		report.rowsRead = res.rowsRead;
		report.rowsLoaded = res.loaded;
		report.rowsRejected = res.rejected;
		fmts = res.fmts;
	} else if (onePass) {
		// a clean CSV: from read_csv straight into the table (csv-one-pass.ts)
		report.rowsRead = onePass.scan.rows;
		if (report.rowsRead === 0) throw new FatalImport('header_only');
		opts.onProgress?.({ rowsRead: report.rowsRead, bytesDone: file.bytes.length, bytesTotal: file.bytes.length, checking: true });
		if (opts.signal?.aborted) throw new CancelledImport();
		fmts = opts.fixedFormats ?? formatsFromEvidence(spec, onePass.scan.evidence, profile?.decimal ?? {});
		const res = await loadOnePass(db, {
			spec: checkSpec,
			mapping: firstMatch.mapping,
			file: onePass.file,
			test: onePass.test,
			scan: onePass.scan,
			firstLine: onePass.firstLine,
			fmts,
			fileName: file.name,
			extraEnums: extra,
			refused,
			maxDetails,
			signal: opts.signal
		}, onePass.begun);
		report.rowsLoaded = res.loaded;
		report.rowsRejected = res.rejected;
	} else {
		const staged = (batched?.rowsDone ?? 0) + (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM stg'))[0].n;
		report.rowsRead = staged + broken.length;
		if (report.rowsRead === 0) throw new FatalImport('header_only');
		opts.onProgress?.({ rowsRead: report.rowsRead, bytesDone: file.bytes.length, bytesTotal: file.bytes.length, checking: true });
		if (opts.signal?.aborted) throw new CancelledImport();
		let loaded: number;
		let sqlRejected: number;
		if (batched) ({ loaded, rejected: sqlRejected, fmts } = await batched.finish(opts.signal));
		else {
			fmts = opts.fixedFormats ?? (await decideNumberFormats(db, spec, profile?.decimal ?? {}));
			({ loaded, rejected: sqlRejected } = await validateStaged(db, checkSpec, fmts, file.name, extra, refused, opts.validateBatchRows, opts.signal));
		}
		report.rowsLoaded = loaded;
		report.rowsRejected = sqlRejected + broken.length;
	}
	if (report.dialect) {
		report.dialect.decimalByColumn = Object.fromEntries(Object.entries(fmts).filter(([c]) => firstMatch.mapping.size && [...firstMatch.mapping.values()].includes(c)).map(([c, f]) => [fileCol(c), f.decimal]));
		if (report.dialect.format === 'csv') {
			const marks = new Set(Object.values(fmts).map((f) => f.decimal).filter(Boolean));
			report.dialect.decimal = marks.size === 1 ? ([...marks][0] as ',' | '.') : undefined;
		}
	}

	await reportDetails(db, report, {
		lang,
		maxDetails,
		spec,
		segments,
		header,
		firstMatch,
		rowsAt,
		broken,
		fmts,
		fileCol,
		lines: parquet ? { parquet: true } : onePass ? { onePassFirstLine: onePass.firstLine } : { batched: !!batched }
	});
}

export { headerSignature };
// the validation steps, also used by the benchmark on native DuckDB
export { decideNumberFormats, validateStaged, VALIDATE_BATCH_ROWS } from './validate-staged';
export { localCsvSource, localCsvSourceWith, type CsvSource, type CsvSourceFactory } from './csv-staging';
