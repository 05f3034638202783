/** Records in memory: a model seen as the grids a spreadsheet would give back. */
import { allDifferences, describeDifference, plainSheet, type CellValue, type Difference, type RecordModel, type Sheet, type SheetModel, type WorkbookCheck } from '../../src/core';

export function sheetToGrid(sheet: SheetModel): Sheet {
  const rows: CellValue[][] = [];
  for (const cell of sheet.cells) {
    while (rows.length < cell.row) rows.push([]);
    const row = rows[cell.row - 1];
    while (row.length < cell.column) row.push(null);
    row[cell.column - 1] = cell.value;
  }
  return plainSheet(sheet.name, sheet.name, rows);
}

/** verify's differences as a person reads them, one sentence each. */
export function differenceLines(check: WorkbookCheck | readonly Difference[]): string[] {
  return (Array.isArray(check) ? (check as readonly Difference[]) : allDifferences(check as WorkbookCheck)).map(describeDifference);
}

export function recordToGrids(model: RecordModel, before: Sheet[] = []): Sheet[] {
  return [...before, ...model.sheets.map(sheetToGrid)];
}

/** A copy of the grids with one cell changed (row and column 1-based). */
export function edit(grids: Sheet[], sheet: string, row: number, column: number, value: CellValue): Sheet[] {
  return grids.map((g) => {
    if (g.name !== sheet) return g;
    const rows = g.rows.map((r) => [...r]);
    while (rows.length < row) rows.push([]);
    while (rows[row - 1].length < column) rows[row - 1].push(null);
    rows[row - 1][column - 1] = value;
    return { ...g, rows };
  });
}

/** Where a value stands in a sheet: the first cell holding it. */
export function find(grids: Sheet[], sheet: string, predicate: (value: CellValue) => boolean): { row: number; column: number } {
  const grid = grids.find((g) => g.name === sheet);
  if (!grid) throw new Error(`no sheet ${sheet}`);
  for (let r = 0; r < grid.rows.length; r++) {
    for (let c = 0; c < grid.rows[r].length; c++) if (predicate(grid.rows[r][c])) return { row: r + 1, column: c + 1 };
  }
  throw new Error(`nothing matches in ${sheet}`);
}
