/**
 * A sheet already read (a CSV's table) as a simulated workbook. No Node API: the browser preview
 * loads a CSV with it, as `npm run simulate` does.
 */
import { dateToSerial } from '../../core/dates';
import type { Sheet } from '../../core/sheet';
import { cellAt, emptyWorkbook, newSheet, type SimWorkbook } from './state';

/**
 * A CSV's table as a workbook of one sheet, named as the sheet read is, the way Excel opens a CSV
 * saved as a workbook by the CLI: every text kept as text (formatted '@'), at its own row and column.
 */
export function simulatedWorkbookFromTable(table: Sheet): SimWorkbook {
  const state = emptyWorkbook();
  const sheet = newSheet(table.name);
  table.rows.forEach((cells, r) => {
    cells.forEach((value, i) => {
      if (value === null || value === '') return;
      const cell = cellAt(sheet, r, i);
      if (value instanceof Date) Object.assign(cell, { value: dateToSerial(value, 1900), numberFormat: 'dd/mm/yyyy' });
      else Object.assign(cell, { value, numberFormat: typeof value === 'string' ? '@' : 'General' });
    });
  });
  state.sheets.push(sheet);
  return state;
}
