/**
 * Any workbook on disk read back as Sheets, for `verify` (src/xlsx/open.ts reads the bytes, the
 * same way for the verifier page). Cells are reduced the way the candidature reader reduces them
 * (xlsx.ts, src/xlsx): text, number, boolean, date; a formula gives its last result; only the
 * top-left cell of a merged area holds its value; an empty text counts as an empty cell.
 */

import type { Sheet } from '../core/sheet';
import { readWorkbookSheetsFromBytes } from '../xlsx/open';
import { fileBaseName } from './bytes';
import { readPackageFile } from './xlsx';

/**
 * Every worksheet in tab order, as readWorkbookSheetsFromBytes gives them. Missing file or not a
 * workbook: InputError ('file_not_found', 'file_unreadable', 'file_too_large'), worded for a record.
 */
export async function readWorkbookSheets(filePath: string): Promise<Sheet[]> {
  const source = fileBaseName(filePath);
  return readWorkbookSheetsFromBytes(await readPackageFile(filePath, source), source);
}
