/**
 * Reading the candidature table from the open workbook: an Excel table (list object) or the used
 * range of a sheet, as the engine's RawTable, with the sheet's own row numbers and cells placed
 * from column A, exactly as the file readers deliver them — so that a message says "cellule F7"
 * for the cell the user sees as F7.
 *
 * Round trips: one sync learns where the table is (and the workbook's date system); the next
 * brings its values, number formats and formulas. Excel on the web answers at most 5 MB per
 * response: past CELLS_PER_SYNC cells the read is split into several syncs, and a chunk that
 * still comes back too large is split again.
 */
import { cellAddress } from '../core/errors';
import type { CellValue, RawTable, SourceRow } from '../core/table';
import { dateSystemOf, officeCellValue, type DateSystem } from './dateCells';
import type { XlContext, XlRange, XlWorksheet } from './officeApi';
import { ExcelAdapterError } from './problems';
import { excelCode, type SyncCounter } from './syncs';

/** Where the candidatures are: an Excel table, or a sheet's used range. */
export type TableRef = { kind: 'table'; name: string; sheet: string } | { kind: 'sheet'; sheet: string };

export interface WorkbookContents {
  /** Sheet names, in tab order. */
  sheets: string[];
  tables: TableRef[];
}

/** A cell holding a formula whose result is empty or an error: shown to the user (describeFormulaWithoutValue), never guessed. */
export interface FormulaWithoutValue {
  cell: string;
  formula: string;
  /** What Excel shows: '' or an error such as '#N/A'. */
  shown: string;
}

export interface TableRead {
  table: RawTable;
  formulasWithoutValue: FormulaWithoutValue[];
}

/**
 * Cells read per sync: with values, number formats and formulas, a candidature cell costs about
 * 30 bytes of response, so 100,000 cells (10,000 rows of 10 columns) stay well under 5 MB.
 */
export const CELLS_PER_SYNC = 100_000;

export async function listContents(context: XlContext, syncs: SyncCounter): Promise<WorkbookContents> {
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name, items/worksheet/name');
  await syncs.sync(context);
  return {
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((t) => ({ kind: 'table' as const, name: t.name, sheet: t.worksheet.name })),
  };
}

export async function readTableIn(context: XlContext, syncs: SyncCounter, ref: TableRef): Promise<TableRead> {
  const { workbook } = context;
  // A table's sheet is reached through the table: a co-author may have renamed it since the list was shown.
  const sheet = ref.kind === 'table' ? workbook.tables.getItem(ref.name).worksheet.load('name') : workbook.worksheets.getItem(ref.sheet);
  const range: XlRange = ref.kind === 'table' ? workbook.tables.getItem(ref.name).getRange() : sheet.getUsedRangeOrNullObject(true);
  range.load('isNullObject, rowIndex, columnIndex, rowCount, columnCount');
  // The whole sheet's extent, for a table: `verify` rereads the whole candidature sheet.
  const used = ref.kind === 'table' ? sheet.getUsedRangeOrNullObject(true).load('isNullObject, rowIndex, rowCount') : null;
  const dateProbe = workbook.functions.date(1904, 1, 1);
  dateProbe.load('value');
  try {
    await syncs.sync(context);
  } catch (error) {
    if (excelCode(error) === 'ItemNotFound') {
      throw new ExcelAdapterError(ref.kind === 'table' ? { code: 'table_not_found', name: ref.name } : { code: 'sheet_not_found', name: ref.sheet });
    }
    throw error;
  }
  if (range.isNullObject) throw new ExcelAdapterError({ code: 'empty_sheet', sheet: ref.sheet });
  const sheetName = ref.kind === 'table' ? sheet.name : ref.sheet;
  if (ref.kind === 'table' && used !== null && !used.isNullObject) {
    const lastTableRow = range.rowIndex + range.rowCount;
    const lastUsedRow = used.rowIndex + used.rowCount;
    // Rows below the table would be read as candidatures by `verify` (and the CLI), which read the sheet.
    if (lastUsedRow > lastTableRow) throw new ExcelAdapterError({ code: 'content_below_table', table: ref.name, sheet: sheetName, row: lastTableRow + 1 });
  }
  const block = { row: range.rowIndex, column: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
  const grids = await readBlock(context, syncs, sheet, block);
  return toTable(grids, block, sheetName, ref, dateSystemOf(dateProbe.value));
}

interface Block {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

interface Grids {
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
}

/** The block's rows, in as few syncs as the response limit allows. */
async function readBlock(context: XlContext, syncs: SyncCounter, sheet: XlWorksheet, block: Block): Promise<Grids> {
  const result: Grids = { values: [], numberFormat: [], formulas: [] };
  let rowsPerSync = Math.max(1, Math.floor(CELLS_PER_SYNC / block.columnCount));
  let start = 0;
  while (start < block.rowCount) {
    const count = Math.min(rowsPerSync, block.rowCount - start);
    const part = sheet.getRangeByIndexes(block.row + start, block.column, count, block.columnCount);
    part.load('values, numberFormat, formulas');
    try {
      await syncs.sync(context);
    } catch (error) {
      const code = excelCode(error);
      if ((code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded') && count > 1) {
        rowsPerSync = Math.ceil(count / 2);
        continue;
      }
      throw error;
    }
    // Past 5,000,000 cells Excel gives null values without error; the chunks above stay far below.
    result.values.push(...part.values);
    result.numberFormat.push(...part.numberFormat);
    result.formulas.push(...part.formulas);
    start += count;
  }
  return result;
}

function toTable(grids: Grids, block: Block, sheetName: string, ref: TableRef, system: DateSystem | null): TableRead {
  const formulasWithoutValue: FormulaWithoutValue[] = [];
  const rows: SourceRow[] = grids.values.map((values, i) => {
    const rowNumber = block.row + i + 1;
    const cells: CellValue[] = new Array<CellValue>(block.column).fill(null);
    values.forEach((value, j) => {
      const column = block.column + j;
      const formula = grids.formulas[i][j];
      const format = String(grids.numberFormat[i][j] ?? 'General');
      if (typeof formula === 'string' && formula.startsWith('=') && (value === '' || (typeof value === 'string' && /^#[A-Z0-9/!?]+[!?]?$/.test(value)))) {
        formulasWithoutValue.push({ cell: cellAddress(column, rowNumber), formula, shown: String(value) });
      }
      cells.push(officeCellValue(value, format, system, cellAddress(column, rowNumber)));
    });
    while (cells.length > 0 && (cells[cells.length - 1] === null || cells[cells.length - 1] === '')) cells.pop();
    return { rowNumber, cells };
  });
  const source = ref.kind === 'table' ? `Tableau « ${ref.name} » (feuille « ${sheetName} »)` : `Feuille « ${sheetName} »`;
  return { table: { source, sheet: sheetName, rows }, formulasWithoutValue };
}
