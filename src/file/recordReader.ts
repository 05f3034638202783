/**
 * Any workbook read back as grids of values, one per worksheet, for `verify`: the record this
 * tool wrote, or the same file after Excel or LibreOffice saved it again. Cells are reduced the
 * way the candidature reader reduces them (xlsx.ts): text, number, boolean, date; a formula gives
 * its last result; only the top-left cell of a merged area holds its value; an empty text counts
 * as an empty cell.
 */

import type { SheetGrid } from '../core/record/verify';
import type { RawTable } from '../core/table';
import type * as ExcelJS from 'exceljs';
import { fileBaseName, readFileBytes } from './bytes';
import { loadWorkbook, readRows } from './xlsx';

export type { SheetGrid };

/**
 * Every worksheet in tab order (chart sheets have no cells and are left out). rows[0] is sheet
 * row 1, up to the last row holding a value; each row's cells are positional from column A, up to
 * its last value. Missing file or not a workbook: InputError ('file_not_found', 'file_unreadable').
 */
export async function readWorkbookGrids(filePath: string): Promise<SheetGrid[]> {
  const bytes = await readFileBytes(filePath);
  const workbook = await loadWorkbook(bytes, fileBaseName(filePath));
  return workbook.worksheets.map((worksheet) => ({
    name: worksheet.name,
    rows: readRows(worksheet).map((row) => row.cells),
    numberFormats: numberFormatsOf(worksheet),
  }));
}

/** Cells whose number format is not Excel's "General", keyed "row:column" (1-based). */
function numberFormatsOf(worksheet: ExcelJS.Worksheet): Map<string, string> {
  const formats = new Map<string, string>();
  worksheet.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.numFmt && cell.numFmt !== 'General') formats.set(`${r}:${c}`, cell.numFmt);
    }),
  );
  return formats;
}

/** A grid as the engine's input table: row n of the grid is row n of the sheet. */
export function gridToRawTable(grid: SheetGrid, source: string): RawTable {
  return { source, sheet: grid.name, rows: grid.rows.map((cells, i) => ({ rowNumber: i + 1, cells })) };
}
