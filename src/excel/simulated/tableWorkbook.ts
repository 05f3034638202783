/**
 * A table already read (a CSV's rows) as a simulated workbook. No Node API: the browser preview
 * loads a CSV with it, as `npm run simulate` does.
 */
import type { RawTable } from '../../core/table';
import { cellAt, emptyWorkbook, newSheet, type SimWorkbook } from './state';

const MS_PER_DAY = 86_400_000;

/** A date cell as Excel stores it: days since the workbook's epoch (1900 system: serial 61 is 1 March 1900). */
export function serialOf(date: Date, date1904: boolean): number {
  const days = (date.getTime() - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / MS_PER_DAY;
  return !date1904 && days < 61 ? days - 1 : days;
}

/**
 * A CSV's table as a workbook of one sheet, the way Excel opens a CSV saved as a workbook by the
 * CLI: every text kept as text (formatted '@'), at its own row and column.
 */
export function simulatedWorkbookFromTable(table: RawTable, sheetName: string): SimWorkbook {
  const state = emptyWorkbook();
  const sheet = newSheet(sheetName);
  for (const row of table.rows) {
    row.cells.forEach((value, i) => {
      if (value === null || value === '') return;
      const cell = cellAt(sheet, row.rowNumber - 1, i);
      if (value instanceof Date) Object.assign(cell, { value: serialOf(value, false), numberFormat: 'dd/mm/yyyy' });
      else Object.assign(cell, { value, numberFormat: typeof value === 'string' ? '@' : 'General' });
    });
  }
  state.sheets.push(sheet);
  return state;
}

