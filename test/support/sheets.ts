/** Sheets written out in tests: rows by their numbers, as a person reads a sheet. */
import { cellKey, cellOfKey, EMPTY_ROW, type CellArea, type CellValue, type Sheet } from '../../src/core/sheet';

export interface RowSpec {
  rowNumber: number;
  cells: CellValue[];
  /** Formula cells saved without a result: column (0-based) → formula. */
  formulasWithoutValue?: ReadonlyMap<number, string>;
}

/** A Sheet holding `rows` at their row numbers (rows not given are empty). */
export function sheetFrom(spec: { source: string; name?: string; rows: RowSpec[]; merges?: CellArea[] }): Sheet {
  const rows: (readonly CellValue[])[] = [];
  const formulas = new Map<number, string>();
  for (const row of spec.rows) {
    while (rows.length < row.rowNumber) rows.push(EMPTY_ROW);
    rows[row.rowNumber - 1] = row.cells;
    for (const [column, formula] of row.formulasWithoutValue ?? []) formulas.set(cellKey(row.rowNumber, column), formula);
  }
  return { name: spec.name ?? 'Feuil1', source: spec.source, rows, merges: spec.merges ?? [], formulasWithoutValue: formulas, numberFormats: new Map() };
}

/** A Sheet's rows with their numbers (and, on a row that has any, its formulas without value by column), for comparisons. */
export function numberedRows(sheet: Sheet): RowSpec[] {
  const formulas = new Map<number, Map<number, string>>();
  for (const [key, formula] of sheet.formulasWithoutValue) {
    const { row, column } = cellOfKey(key);
    formulas.set(row, (formulas.get(row) ?? new Map<number, string>()).set(column, formula));
  }
  return sheet.rows.map((cells, i) => {
    const own = formulas.get(i + 1);
    return own === undefined ? { rowNumber: i + 1, cells: [...cells] } : { rowNumber: i + 1, cells: [...cells], formulasWithoutValue: own };
  });
}
