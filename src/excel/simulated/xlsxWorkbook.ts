/**
 * An .xlsx file's bytes as a simulated workbook, in the browser: the project's own reader
 * (src/xlsx, fflate + saxes, no Node API) instead of exceljs, which xlsxFile.ts uses in Node.
 * Keeps what the adapter reads: every worksheet's values (a date cell as its serial in the
 * workbook's date system, as Excel holds it), number formats, merges, the date system. Excel
 * tables are not read: their sheets are offered whole, which reads the same candidatures.
 * A file that is not a readable workbook gets the reader's French message.
 */
import { InputError } from '../../core/errors';
import { packageProblem } from '../../xlsx/messages';
import { XlsxWorkbook } from '../../xlsx/workbook';
import { cellAt, emptyWorkbook, newSheet, type SimWorkbook } from './state';
import { serialOf } from './tableWorkbook';

export function simulatedWorkbookFromXlsxBytes(bytes: Uint8Array, source: string): SimWorkbook {
  let workbook: XlsxWorkbook;
  try {
    workbook = XlsxWorkbook.open(bytes);
    const state = emptyWorkbook({ date1904: workbook.date1904 });
    for (const worksheet of workbook.worksheets()) {
      const content = workbook.readSheet(worksheet);
      const sheet = newSheet(worksheet.name);
      content.rows.forEach((cells, r) =>
        cells.forEach((value, c) => {
          if (value === null || value === '') return;
          const cell = cellAt(sheet, r, c);
          cell.value = value instanceof Date ? serialOf(value, workbook.date1904) : value;
          cell.numberFormat = content.numberFormats.get(`${r + 1}:${c + 1}`) ?? (value instanceof Date ? 'dd/mm/yyyy' : 'General');
        }),
      );
      // Merged areas: rows 1-based, columns 0-based (core/table.ts); the simulation counts both from 0.
      for (const m of content.merges) sheet.merges.push({ row: m.top - 1, column: m.left, rowCount: m.bottom - m.top + 1, columnCount: m.right - m.left + 1 });
      state.sheets.push(sheet);
    }
    if (state.sheets.length === 0) {
      throw new InputError('file_unreadable', `Le fichier « ${source} » ne contient aucune feuille de calcul lisible. Ouvrez-le dans Excel et enregistrez-le à nouveau au format « Classeur Excel (*.xlsx) ».`);
    }
    return state;
  } catch (error) {
    throw packageProblem(error, bytes, source, 'table');
  }
}
