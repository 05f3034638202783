/**
 * The simulated workbook as plain JSON and back: the browser preview hands its workbook to a test
 * (or to Node, which saves it as .xlsx) this way. Maps become arrays of entries; nothing is lost.
 */
import type { SimCell, SimSheet, SimWorkbook } from './state';

export interface SheetSnapshot extends Omit<SimSheet, 'cells' | 'columnWidths' | 'rowHeights'> {
  cells: [string, SimCell][];
  columnWidths: [number, number][];
  rowHeights: [number, number][];
}

export interface WorkbookSnapshot extends Omit<SimWorkbook, 'sheets'> {
  sheets: SheetSnapshot[];
}

export function snapshotOf(workbook: SimWorkbook): WorkbookSnapshot {
  return {
    ...workbook,
    sheets: workbook.sheets.map((s) => ({ ...s, cells: [...s.cells], columnWidths: [...s.columnWidths], rowHeights: [...s.rowHeights] })),
  };
}

export function workbookFromSnapshot(snapshot: WorkbookSnapshot): SimWorkbook {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((s) => ({ ...s, cells: new Map(s.cells), columnWidths: new Map(s.columnWidths), rowHeights: new Map(s.rowHeights) })),
  };
}
