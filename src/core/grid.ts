/**
 * A worksheet as a grid of values (what a file reader or office.js gives) → the engine's input
 * table, row n of the grid at row n of the sheet.
 */
import type { SheetGrid } from './record/verify';
import type { RawTable, SourceRow } from './table';

export function gridToRawTable(grid: SheetGrid, source: string): RawTable {
  const formulas = new Map<number, Map<number, string>>();
  let lastFormulaRow = 0;
  for (const [key, formula] of grid.formulasWithoutValue ?? []) {
    const [row, column] = key.split(':').map(Number);
    const map = formulas.get(row) ?? new Map<number, string>();
    map.set(column - 1, formula);
    formulas.set(row, map);
    lastFormulaRow = Math.max(lastFormulaRow, row);
  }
  const rows: SourceRow[] = [];
  // A row holding only formulas without a result still counts: the table extends to it.
  const last = Math.max(grid.rows.length, lastFormulaRow);
  for (let n = 1; n <= last; n++) {
    const cells = grid.rows[n - 1] ?? [];
    const uncalculated = formulas.get(n);
    rows.push(uncalculated === undefined ? { rowNumber: n, cells } : { rowNumber: n, cells, formulasWithoutValue: uncalculated });
  }
  return { source, sheet: grid.name, rows, ...(grid.merges && grid.merges.length > 0 ? { merges: grid.merges } : {}) };
}
