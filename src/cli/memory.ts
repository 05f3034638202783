/**
 * A table too large for the memory Node.js may use is refused with a message before the draw,
 * instead of the process dying half-way ("JavaScript heap out of memory", exit 134).
 *
 * The figures are measured: `draw` and `probabilities` on the benchmark's table (6 columns, 47
 * bytes a row) succeed at 250,000 rows with a 300 MB heap and fail with 250 MB, and at 1,048,575
 * rows (Excel's limit) need about 1.2 GB; the estimate below leaves a margin above that. The
 * check is made twice: on the file's size before reading it (reading is a third of the work), then
 * with the number of rows read.
 */
import { getHeapStatistics } from 'node:v8';
import { InputError } from '../core/errors';

/** Candidatures, fingerprint lines, outcomes and the report, per row. */
const BYTES_PER_ROW = 1_000;
/** The table's text and cells as read, per byte of the file (7 measured on a CSV, with its parser's transient arrays). */
const BYTES_PER_FILE_BYTE = 8;

const MB = 1024 * 1024;

export function heapNeeded(rows: number, fileBytes: number): number {
  return rows * BYTES_PER_ROW + fileBytes * BYTES_PER_FILE_BYTE;
}

/** The heap to ask Node.js for (--max-old-space-size, in MB) when `needed` bytes are: a quarter more, in steps of 512 MB. */
export function suggestedHeapMegabytes(needed: number): number {
  return Math.ceil((needed * 1.25) / (512 * MB)) * 512;
}

/** `rows` is null before the file is read: only its size is known then. */
export function checkMemory(source: string, rows: number | null, fileBytes: number, heapLimit = getHeapStatistics().heap_size_limit): void {
  const needed = heapNeeded(rows ?? 0, fileBytes);
  if (needed <= heapLimit) return;
  throw new InputError({ code: 'table_too_large', source, rows, fileBytes, needed, available: heapLimit });
}
