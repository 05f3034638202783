/**
 * An .xlsx file's bytes as a simulated workbook, in Node (`npm run simulate`, the tests) and in the
 * browser (the preview) alike: the project's own reader (src/xlsx, fflate + saxes, no Node API),
 * the one the command line reads files with, so the simulated add-in reads what the CLI reads.
 * Keeps what the adapter reads: every worksheet's values (a date cell as its serial in the
 * workbook's date system, as Excel holds it), formulas (with their result, or none), number
 * formats, font sizes, colours and solid fills, merges, Excel tables, sheet protection and visibility, the date system. A file that is not a readable
 * workbook gets the reader's French message.
 */
import { fileError } from '../../core/fileMessages';
import { dateToSerial } from '../../core/dates';
import { cellKey, cellOfKey } from '../../core/sheet';
import { packageProblem } from '../../xlsx/messages';
import { XlsxWorkbook } from '../../xlsx/workbook';
import { cellAt, emptyWorkbook, newSheet, type SimWorkbook } from './state';

export function simulatedWorkbookFromXlsxBytes(bytes: Uint8Array, source: string): SimWorkbook {
  try {
    const workbook = XlsxWorkbook.open(bytes);
    const system = workbook.date1904 ? 1904 : 1900;
    const state = emptyWorkbook({ date1904: workbook.date1904 });
    for (const worksheet of workbook.worksheets()) {
      // With how each cell is drawn (font size and colour, solid fill), which `verify` compares with the render
      // plan: a record loaded, then saved by the simulation (simulate -- replace, the preview), keeps them.
      const content = workbook.readFullSheet(worksheet);
      const { display } = content;
      const sheet = newSheet(worksheet.name);
      content.rows.forEach((cells, r) =>
        cells.forEach((value, c) => {
          if (value === null || value === '') return;
          const cell = cellAt(sheet, r, c);
          const key = cellKey(r + 1, c);
          cell.value = value instanceof Date ? dateToSerial(value, system) : value;
          cell.numberFormat = content.numberFormats.get(key) ?? (value instanceof Date ? 'dd/mm/yyyy' : 'General');
          const formula = content.formulas.get(key);
          if (formula !== undefined) cell.formula = `=${formula}`;
          const look = display?.looks?.[display.lookOf?.[r]?.[c] ?? -1];
          if (look !== undefined) {
            cell.style.size = look.fontSize;
            cell.style.color = look.fontColor;
            if (look.fill !== null && /^[0-9A-F]{6}$/i.test(look.fill)) cell.style.fill = look.fill;
          }
        }),
      );
      // Excel calculates a formula saved without its result; the simulation cannot: it shows nothing.
      for (const [key, formula] of content.formulasWithoutValue) {
        const { row, column } = cellOfKey(key);
        Object.assign(cellAt(sheet, row - 1, column), { value: null, formula: `=${formula}` });
      }
      // Areas and tables: rows 1-based, columns 0-based (core/sheet.ts); the simulation counts both from 0.
      for (const m of content.merges ?? []) sheet.merges.push({ row: m.top - 1, column: m.left, rowCount: m.bottom - m.top + 1, columnCount: m.right - m.left + 1 });
      for (const t of workbook.tables(worksheet)) {
        const rect = { row: t.area.top - 1, column: t.area.left, rowCount: t.area.bottom - t.area.top + 1, columnCount: t.area.right - t.area.left + 1 };
        sheet.tables.push({ name: t.name, rect, style: 'TableStyleMedium2', showBandedRows: true, showFilterButton: true });
      }
      sheet.protection.protected = content.protected;
      if (worksheet.state !== 'visible') sheet.visibility = worksheet.state === 'hidden' ? 'Hidden' : 'VeryHidden';
      state.sheets.push(sheet);
    }
    if (state.sheets.length === 0) {
      throw fileError({ code: 'file_unreadable', reason: 'no_worksheet', source });
    }
    workbook.checkAll();
    return state;
  } catch (error) {
    throw packageProblem(error, bytes, source, 'table');
  }
}
