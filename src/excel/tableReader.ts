/**
 * Reading the candidature table from the open workbook: an Excel table (list object) or the used
 * range of a sheet, as core's Sheet with the table's bounds, cells at their own row and column —
 * exactly as the file readers deliver them, so that a message says "cellule F7" for the cell the
 * user sees as F7, and `verify` reads the same cells again.
 *
 * Round trips: one sync learns where the table is (and the workbook's date system); the next
 * brings its values, number formats and formulas (readRanges.ts: several syncs past
 * CELLS_PER_SYNC cells).
 */
import { LOOKALIKE_ROWS, recordLikeNames, refuseRecordLookalikes } from '../core/record/lookalikes';
import { refuseRecordBeyondGrid } from '../core/recordCapacity';
import { refuseContentBelowTable } from '../core/tableBounds';
import type { CellArea, CellValue, Sheet } from '../core/sheet';
import type { XlContext, XlRange } from './officeApi';
import { ExcelAdapterError } from './problems';
import { loadDateSystem, readRanges, SheetCells, toSheet, type FormulaWithoutValue } from './readRanges';
import { excelCode, type ExcelSyncs } from './syncs';

export type { FormulaWithoutValue };

/** Where the candidatures are: an Excel table, or a sheet's used range. */
export type TableRef = { kind: 'table'; name: string; sheet: string } | { kind: 'sheet'; sheet: string };

export interface WorkbookContents {
  /** Sheet names, in tab order. */
  sheets: string[];
  tables: TableRef[];
}

export interface TableRead {
  sheet: Sheet;
  /** The Excel table's range; null when the table is the whole sheet. */
  bounds: CellArea | null;
  /** Formulas whose result is empty or an error, to show beside the table. */
  formulasWithoutValue: FormulaWithoutValue[];
  /** The sheet's cells in use, as rows and columns from A1: what the check after writing reads again. */
  extent: { rows: number; columns: number };
}

export async function listContents(context: XlContext, syncs: ExcelSyncs): Promise<WorkbookContents> {
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name, items/worksheet/name');
  await syncs.sync(context);
  return {
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((t) => ({ kind: 'table' as const, name: t.name, sheet: t.worksheet.name })),
  };
}

/**
 * A sheet that `verify` would take for a record's by its name (core/record/lookalikes.ts) makes
 * every record written here fail: refused at once. One more sync, only when such a name is there.
 */
async function refuseLookalikesIn(context: XlContext, syncs: ExcelSyncs, names: readonly string[]): Promise<void> {
  const recordLike = recordLikeNames(names);
  if (recordLike.length === 0) return;
  const firstRows = recordLike.map((name) => context.workbook.worksheets.getItem(name).getRange(`A1:A${LOOKALIKE_ROWS}`).load('values'));
  await syncs.sync(context);
  refuseRecordLookalikes(
    recordLike.map((name, i) => ({ name, rows: firstRows[i].values as CellValue[][] })),
    'Ce classeur',
  );
}

export async function readTableIn(context: XlContext, syncs: ExcelSyncs, ref: TableRef): Promise<TableRead> {
  const { workbook } = context;
  // A table's sheet is reached through the table: a co-author may have renamed it since the list was shown.
  const sheet = ref.kind === 'table' ? workbook.tables.getItem(ref.name).worksheet.load('name') : workbook.worksheets.getItem(ref.sheet);
  const range: XlRange = ref.kind === 'table' ? workbook.tables.getItem(ref.name).getRange() : sheet.getUsedRangeOrNullObject(true);
  range.load('isNullObject, rowIndex, columnIndex, rowCount, columnCount');
  // The whole sheet's extent, for a table: nothing may be left below it.
  const used = ref.kind === 'table' ? sheet.getUsedRangeOrNullObject(true).load('isNullObject, rowIndex, rowCount, columnIndex, columnCount') : null;
  const dateSystem = loadDateSystem(context);
  const sheets = workbook.worksheets.load('items/name');
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
  const area: CellArea = { top: range.rowIndex + 1, left: range.columnIndex, bottom: range.rowIndex + range.rowCount, right: range.columnIndex + range.columnCount - 1 };
  if (ref.kind === 'table' && used !== null && !used.isNullObject) refuseContentBelowTable(used.rowIndex + used.rowCount, ref.name, sheetName, area);
  const source = ref.kind === 'table' ? `Tableau « ${ref.name} » (feuille « ${sheetName} »)` : `Feuille « ${sheetName} »`;
  // The add-in always writes a record: one that could not fit Excel's sheets is refused before anything is read.
  refuseRecordBeyondGrid(source, area.bottom);
  await refuseLookalikesIn(context, syncs, sheets.items.map((s) => s.name));
  const cells = new SheetCells();
  await readRanges(context, syncs, [{ worksheet: sheet, extent: { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount } }], [cells], { formulas: true });
  const read = toSheet(sheetName, source, cells, dateSystem());
  const whole = used === null || used.isNullObject ? range : used;
  const extent = { rows: whole.rowIndex + whole.rowCount, columns: whole.columnIndex + whole.columnCount };
  return { sheet: read.sheet, bounds: ref.kind === 'table' ? area : null, formulasWithoutValue: read.formulasWithoutValue, extent };
}
