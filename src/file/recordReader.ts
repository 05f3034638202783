/**
 * Any workbook read back as grids of values, one per worksheet, for `verify`: the record this
 * tool wrote, or the same file after Excel, LibreOffice or a script (openpyxl) saved it again.
 * Cells are reduced the way the candidature reader reduces them (xlsx.ts, src/xlsx): text, number,
 * boolean, date; a formula gives its last result; only the top-left cell of a merged area holds
 * its value; an empty text counts as an empty cell.
 */

import type { SheetGrid } from '../core/record/verify';
import { fileBaseName } from './bytes';
import { guarded, openWorkbook, readPackageFile } from './xlsx';

export type { SheetGrid };
export { gridToRawTable } from '../core/grid';

/**
 * Every worksheet in tab order (chart sheets have no cells and are left out). rows[0] is sheet
 * row 1, up to the last row holding a value; each row's cells are positional from column A, up to
 * its last value. Missing file or not a workbook: InputError ('file_not_found', 'file_unreadable',
 * 'file_too_large'), worded for a record.
 */
export async function readWorkbookGrids(filePath: string): Promise<SheetGrid[]> {
  const source = fileBaseName(filePath);
  const bytes = await readPackageFile(filePath, source);
  return guarded(bytes, source, 'record', () => {
    const workbook = openWorkbook(bytes, source);
    const grids = workbook.worksheets().map((sheet): SheetGrid => ({ name: sheet.name, ...workbook.readSheet(sheet) }));
    workbook.checkAll();
    return grids;
  });
}
