/**
 * Opening a workbook from its bytes, as every front end does: the CLI (src/file, which adds the
 * disk) and the verifier page (src/verifier, which gets the bytes from the browser). The limits
 * and the French messages are decided here once, so a file is refused the same way everywhere.
 */

import { fileError } from '../core/fileMessages';
import type { Sheet } from '../core/sheet';
import { packageProblem, type FilePurpose } from './messages';
import { XlsxWorkbook } from './workbook';
import { DEFAULT_LIMITS } from './zip';

/**
 * The largest file read at all: far above any candidature workbook (a million rows compress to a
 * few tens of megabytes), and what is read is then bounded by the package limits (zip.ts).
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** A file of `size` bytes is refused before it is read when it is larger than MAX_FILE_BYTES. */
export function refuseLargeFile(size: number, source: string): void {
  if (size <= MAX_FILE_BYTES) return;
  throw fileError({ code: 'file_too_large', reason: 'file', source, bytes: size, limit: MAX_FILE_BYTES });
}

/** Runs `read`, turning the reader's PackageErrors into French InputErrors. */
export function guarded<T>(bytes: Uint8Array, source: string, purpose: FilePurpose, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw packageProblem(error, bytes, source, purpose);
  }
}

/** The workbook, refused when it has no worksheet. */
export function openWorkbook(bytes: Uint8Array, source: string): XlsxWorkbook {
  const workbook = XlsxWorkbook.open(bytes, DEFAULT_LIMITS);
  if (workbook.worksheets().length === 0) {
    throw fileError({ code: 'file_unreadable', reason: 'no_worksheet', source });
  }
  return workbook;
}

/**
 * Every worksheet of a workbook read back as Sheets, for `verify`: the record this tool
 * wrote, or the same file after Excel, LibreOffice or a script (openpyxl) saved it again. Worksheets
 * in tab order (chart sheets have no cells and are left out). rows[0] is sheet row 1, up to the last
 * row holding a value; each row's cells are positional from column A, up to its last value. Not a
 * workbook: InputError ('file_unreadable', 'file_too_large'), worded for a record.
 */
export function readWorkbookSheetsFromBytes(bytes: Uint8Array, source: string): Sheet[] {
  refuseLargeFile(bytes.length, source);
  return guarded(bytes, source, 'record', () => {
    const workbook = openWorkbook(bytes, source);
    const sheets = workbook.worksheets().map((sheet) => workbook.readSheet(sheet, { display: true }));
    workbook.checkAll();
    return sheets;
  });
}
