/**
 * The CSV stream (csv-stream.ts) started from the file's first part while the whole file is
 * still being read (issue 8: reading a 90 MB File took 75 ms before the header could be known).
 *
 * The first part is every line of the first `HEAD_BYTES` (what the stream decides the dialect
 * and header from). When the stream over it begins with the header and the one-pass offer, those
 * two events are given at once, and the scan's first pause over the first part with its guess
 * (csv-staging.ts starts the one INSERT from it): the database registers the data lines and
 * starts while the rest of the file arrives. Then the stream runs over the whole file, and its
 * own first events must equal the ones given: they are not given twice. Should they differ, a `verdict`
 * without scan withdraws the offer (the caller drops the registered lines, as for a file that is
 * not clean) and every event of the whole file's stream follows, its header first.
 * Any other start (no offer, an error) gives nothing early: the whole file's stream alone.
 */
import { csvChunks, HEAD_BYTES, type StreamEvent, type StreamOptions } from './csv-stream';

/** The file's first part for `streamWithPeek`: whole lines of its first `HEAD_BYTES` (a copy). */
export function peekOf(bytes: Uint8Array): Uint8Array | null {
	if (bytes.length <= HEAD_BYTES) return null;
	const end = bytes.subarray(0, HEAD_BYTES).lastIndexOf(10);
	return end > 0 ? bytes.slice(0, end + 1) : null;
}

/** the events' content without what may differ between the two runs (nothing, so far) */
const same = (a: StreamEvent, b: StreamEvent) => JSON.stringify(a) === JSON.stringify(b);

export async function* streamWithPeek(peek: Uint8Array | null, whole: Promise<Uint8Array>, totalBytes: number, opts: StreamOptions): AsyncGenerator<StreamEvent> {
	let early: StreamEvent[] = [];
	if (peek && opts.wholeBytes === false) {
		try {
			const it = csvChunks(peek, { ...opts, totalBytes });
			const first = it.next();
			const second = first.done || first.value.type !== 'head' ? null : it.next();
			if (!first.done && second && !second.done && second.value.type === 'whole') {
				early = [first.value, second.value];
				// and the scan's first pause with its guess: the one INSERT can start before the File is read
				const third = it.next();
				if (!third.done && third.value.type === 'scanning' && third.value.guess) early.push(third.value);
			}
		} catch {
			early = []; // the whole file's stream says what is wrong
		}
	}
	for (const e of early) yield e;
	const it = csvChunks(await whole, opts);
	if (early.length) {
		const got: StreamEvent[] = [];
		for (let k = 0; k < early.length; k++) {
			const r = it.next();
			if (r.done) break;
			got.push(r.value);
		}
		if (!(got.length === early.length && got.every((e, k) => same(e, early[k])))) {
			yield { type: 'verdict', scan: null };
			yield* got;
		}
	}
	for (let r = it.next(); !r.done; r = it.next()) yield r.value;
}
