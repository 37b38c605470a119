/**
 * What the import assistant inspects of a file. The inspection (inspect.ts) parses what it is
 * given on the page, so a large text file is inspected from its first `maxBytes`, cut at a line
 * end; the preview, the suggested reading and mapping come from that part, and the import itself
 * still reads and checks every line of the whole file. Workbooks and Parquet files cannot be cut:
 * above the limit they are not inspected (null) and go straight to the import.
 */
import { isParquet } from './parquet';
import { isXlsx } from './xlsx';

export interface InspectionInput {
	bytes: Uint8Array;
	/** set when `bytes` is the first part of a larger file */
	sample: { bytes: number; totalBytes: number } | null;
}

export function inspectionInput(bytes: Uint8Array, maxBytes: number): InspectionInput | null {
	if (bytes.length <= maxBytes) return { bytes, sample: null };
	if (isParquet(bytes) || isXlsx(bytes)) return null;
	// UTF-16 (by its BOM): a line end is two bytes, and the cut must stay on a code unit boundary
	const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
	const le = bytes[0] === 0xff;
	let end = -1;
	for (let i = Math.min(maxBytes, bytes.length) - 1; i > 0; i--) {
		if (!utf16 && bytes[i] === 0x0a) {
			end = i + 1;
			break;
		}
		if (utf16 && i % 2 === 0 && (le ? bytes[i] === 0x0a && bytes[i + 1] === 0 : bytes[i] === 0 && bytes[i + 1] === 0x0a)) {
			end = i + 2;
			break;
		}
	}
	// no line end in the first part: nothing sensible to show from it
	if (end < 0) return null;
	return { bytes: bytes.subarray(0, end), sample: { bytes: end, totalBytes: bytes.length } };
}
