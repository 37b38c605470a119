/**
 * The CSV stream started from the file's first lines while the File is still read
 * (csv-stream-peek.ts): the header and the one-pass offer come before the whole file is there,
 * the events are exactly those of the stream over the whole file, and a first part that does not
 * agree withdraws its offer and changes no value.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { csvChunks, HEAD_BYTES, type StreamEvent } from '../../src/lib/import/csv-stream';
import { peekOf, streamWithPeek } from '../../src/lib/import/csv-stream-peek';
import { importFile } from '../../src/lib/import/import-file';
import type { CsvSourceFactory } from '../../src/lib/import/csv-staging';
import type { Db } from '../../src/lib/db/types';
import { referenceDb } from './helpers/db';
import { encode } from './helpers/fixtures';

let db: Db;
beforeAll(async () => (db = await referenceDb()));
afterAll(() => db.close());

const HEAD = 'Datum;AGS;Lotse;Format;Thema;Altersgruppe;Teilnehmende;Minuten;Digitales Angebot';
const line = (i: number) => `${String((i % 28) + 1).padStart(2, '0')}.03.2025;13076034;MV-L${i % 7};${i % 2 ? 'Telefon' : 'Hausbesuch'};Thema ${i};75+;${(i % 4) + 1};${i % 3 ? '30' : '63,5'};`;
// a little over HEAD_BYTES: about 50 bytes a line
const rows = Math.ceil((HEAD_BYTES * 1.2) / 50);
const text = [HEAD, ...Array.from({ length: rows }, (_, i) => line(i))].join('\n') + '\n';
const bytes = encode(text);
if (bytes.length <= HEAD_BYTES) throw new Error('fixture too small');
const opts = { wholeBytes: false } as const;

function deferred<T>() {
	let resolve!: (v: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}
async function all(g: AsyncGenerator<StreamEvent>): Promise<StreamEvent[]> {
	const out: StreamEvent[] = [];
	for await (const e of g) out.push(e);
	return out;
}

describe('streamWithPeek', () => {
	it('the first part is whole lines of the first 4 MB; none for a smaller file', () => {
		const p = peekOf(bytes)!;
		expect(p.length).toBeLessThanOrEqual(HEAD_BYTES);
		expect(p[p.length - 1]).toBe(10);
		expect(Buffer.compare(bytes.subarray(0, p.length), p)).toBe(0);
		expect(peekOf(encode([HEAD, line(1)].join('\n') + '\n'))).toBeNull();
	});

	it('header and offer before the file is read; then exactly the events of the whole file', async () => {
		const whole = deferred<Uint8Array>();
		const g = streamWithPeek(peekOf(bytes), whole.promise, bytes.length, opts);
		const early = [await g.next(), await g.next(), await g.next()].map((r) => r.value as StreamEvent);
		expect(early.map((e) => e.type)).toEqual(['head', 'whole', 'scanning']);
		expect(early[2].type === 'scanning' && early[2].guess?.rows).toBeGreaterThan(0);
		whole.resolve(bytes);
		const rest = await all(g);
		const plain = [...csvChunks(bytes, opts)];
		expect([...early, ...rest]).toEqual(plain);
		expect(plain.some((e) => e.type === 'verdict' && e.scan?.rows === rows)).toBe(true);
	});

	it('a first part that does not agree (another header) withdraws its offer; the whole file\'s events follow, header first', async () => {
		const other = peekOf(encode(text.replace('Datum;AGS;', 'AGS;Datum;').replace(/^(\d\d\.03\.2025);13076034;/gm, '13076034;$1;')))!;
		const events = await all(streamWithPeek(other, Promise.resolve(bytes), bytes.length, opts));
		expect(events.slice(0, 4).map((e) => e.type)).toEqual(['head', 'whole', 'scanning', 'verdict']);
		expect(events[3]).toEqual({ type: 'verdict', scan: null });
		expect(events.slice(4)).toEqual([...csvChunks(bytes, opts)]);
	});

	it('without an offer in the first part nothing comes early (a file over the one-pass limit)', async () => {
		const events = await all(streamWithPeek(peekOf(bytes), Promise.resolve(bytes), 300 * 1024 * 1024, opts));
		expect(events).toEqual([...csvChunks(bytes, opts)]);
	});

	it('imported through it (the data lines registered as a Blob), with or without agreement: the same report and rows', async () => {
		// the browser's registerBlob, here by reading the Blob
		const blobDb: Db = { ...db, registerBlob: async (name, blob) => db.registerFile(name, new Uint8Array(await blob.arrayBuffer())) };
		const source =
			(peek: Uint8Array | null): CsvSourceFactory =>
			(file, profile, o) => {
				const g = streamWithPeek(peek, Promise.resolve(file.bytes), file.bytes.length, { profile, onePass: o?.onePass, wholeBytes: false });
				return { next: async () => ((await g.next()).value as StreamEvent | undefined) ?? null, rowsAt: async () => new Map(), close: () => void g.return(undefined) };
			};
		const table = async () => db.query(`SELECT * FROM einsaetze WHERE _file = 'peek.csv' ORDER BY _line`);
		const ref = await importFile(db, { name: 'peek.csv', bytes });
		const refRows = await table();
		expect([ref.rowsRead, ref.rowsLoaded]).toEqual([rows, rows]);
		const other = peekOf(encode(text.replace('Datum;AGS;', 'AGS;Datum;').replace(/^(\d\d\.03\.2025);13076034;/gm, '13076034;$1;')));
		for (const peek of [peekOf(bytes), other]) {
			const got = await importFile(blobDb, { name: 'peek.csv', bytes, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) }, { csvSource: source(peek) });
			expect(got).toEqual(ref);
			expect(await table()).toEqual(refRows);
		}
	});
});
