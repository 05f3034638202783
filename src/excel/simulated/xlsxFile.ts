/**
 * Node only: the simulated workbook loaded from an .xlsx (or a CSV, which becomes one sheet) and
 * saved to an .xlsx, with exceljs. Kept apart from the simulation so that it stays free of Node
 * APIs for the browser preview.
 *
 * Loading keeps what the adapter reads: values (a date cell as its serial in the workbook's date
 * system, as Excel holds it), formulas with their last result, number formats, merges, tables,
 * sheet protection, the date system. Saving writes everything the simulation holds: values and
 * formulas, number formats, fonts, fills, alignment, borders, widths, heights, merges, frozen
 * panes, tables, filters, page set-up, footer, protection.
 */
import * as ExcelJS from 'exceljs';
import { pointsToCharacters } from '../columnWidths';
import { parseAddress, cellAt, emptyWorkbook, newSheet, rectAddress, type SimCell, type SimSheet, type SimWorkbook } from './state';
import { serialOf } from './tableWorkbook';

export { simulatedWorkbookFromTable } from './tableWorkbook';

function loadedValue(value: ExcelJS.CellValue, date1904: boolean): Pick<SimCell, 'value' | 'formula'> {
  if (value === null || value === undefined) return { value: null, formula: null };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value, formula: null };
  if (value instanceof Date) return { value: serialOf(value, date1904), formula: null };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    const result = loadedValue((value.result ?? null) as ExcelJS.CellValue, date1904).value;
    return { value: result, formula: `=${formula}` };
  }
  if ('error' in value) return { value: value.error, formula: null };
  if ('richText' in value) return { value: value.richText.map((r) => r.text).join(''), formula: null };
  if ('hyperlink' in value) return { value: typeof value.text === 'string' ? value.text : null, formula: null };
  return { value: null, formula: null };
}

/** The workbook of an .xlsx file's bytes, as the simulation holds it. */
export async function simulatedWorkbookFromXlsx(bytes: Uint8Array): Promise<SimWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  const date1904 = workbook.properties.date1904 === true;
  const state = emptyWorkbook({ date1904 });
  for (const worksheet of workbook.worksheets) {
    const sheet = newSheet(worksheet.name);
    worksheet.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const target = cellAt(sheet, r - 1, c - 1);
        Object.assign(target, loadedValue(cell.value, date1904));
        if (cell.numFmt) target.numberFormat = cell.numFmt;
      }),
    );
    for (const merge of (worksheet.model as { merges?: string[] }).merges ?? []) {
      const parsed = parseAddress(merge);
      if (parsed) sheet.merges.push(parsed.rect);
    }
    for (const t of worksheet.getTables() as unknown as { table: { name: string; tableRef: string } }[]) {
      const parsed = parseAddress(t.table.tableRef);
      if (parsed) sheet.tables.push({ name: t.table.name, rect: parsed.rect, style: 'TableStyleMedium2', showBandedRows: true, showFilterButton: true });
    }
    if ((worksheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) sheet.protection.protected = true;
    state.sheets.push(sheet);
  }
  return state;
}

// ---------------------------------------------------------------------------------------------
// Saving

const argb = (rgb: string) => `FF${rgb}`;
const HORIZONTAL: Record<string, ExcelJS.Alignment['horizontal']> = { Left: 'left', Center: 'center', Right: 'right' };
const VERTICAL: Record<string, ExcelJS.Alignment['vertical']> = { Top: 'top', Center: 'middle', Bottom: 'bottom' };

function savedStyle(cell: SimCell): Partial<ExcelJS.Style> {
  const s = cell.style;
  const style: Partial<ExcelJS.Style> = {};
  if (cell.numberFormat !== 'General') style.numFmt = cell.numberFormat;
  const font: Partial<ExcelJS.Font> = {};
  if (s.fontName !== undefined) font.name = s.fontName;
  if (s.size !== undefined) font.size = s.size;
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.color !== undefined) font.color = { argb: argb(s.color) };
  if (Object.keys(font).length > 0) style.font = font;
  if (s.fill !== undefined) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.horizontal !== undefined && HORIZONTAL[s.horizontal]) alignment.horizontal = HORIZONTAL[s.horizontal];
  if (s.vertical !== undefined && VERTICAL[s.vertical]) alignment.vertical = VERTICAL[s.vertical];
  if (s.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  if (s.borders && Object.keys(s.borders).length > 0) {
    const side = (colour: string | undefined): Partial<ExcelJS.Border> | undefined => (colour === undefined ? undefined : { style: 'thin', color: { argb: argb(colour) } });
    style.border = { top: side(s.borders.top), bottom: side(s.borders.bottom), left: side(s.borders.left), right: side(s.borders.right) };
  }
  return style;
}

function saveSheet(workbook: ExcelJS.Workbook, sheet: SimSheet): void {
  const { rows, columns } = sheet.frozen;
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [rows > 0 || columns > 0 ? { state: 'frozen', xSplit: columns, ySplit: rows } : { state: 'normal' }],
  });
  for (const [column, points] of sheet.columnWidths) worksheet.getColumn(column + 1).width = pointsToCharacters(points);
  for (const [row, points] of sheet.rowHeights) worksheet.getRow(row + 1).height = points;
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(':').map(Number);
    const target = worksheet.getCell(r + 1, c + 1);
    target.value = cell.formula !== null ? { formula: cell.formula.slice(1), result: (cell.value ?? undefined) as never } : cell.value;
    target.style = savedStyle(cell);
  }
  for (const m of sheet.merges) worksheet.mergeCells(m.row + 1, m.column + 1, m.row + m.rowCount, m.column + m.columnCount);
  for (const table of sheet.tables) {
    const { rect } = table;
    const at = (r: number, c: number) => sheet.cells.get(`${r}:${c}`)?.value ?? null;
    const columnNames = Array.from({ length: rect.columnCount }, (_, j) => String(at(rect.row, rect.column + j) ?? `Colonne${j + 1}`));
    const body = Array.from({ length: rect.rowCount - 1 }, (_, i) => Array.from({ length: rect.columnCount }, (_, j) => at(rect.row + 1 + i, rect.column + j)));
    worksheet.addTable({
      name: table.name,
      ref: rectAddress({ ...rect, rowCount: 1, columnCount: 1 }),
      headerRow: true,
      totalsRow: false,
      style: { theme: table.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: table.showBandedRows },
      columns: columnNames.map((name) => ({ name, filterButton: table.showFilterButton })),
      rows: body,
    });
  }
  if (sheet.autoFilter) {
    const f = sheet.autoFilter;
    worksheet.autoFilter = { from: { row: f.row + 1, column: f.column + 1 }, to: { row: f.row + f.rowCount, column: f.column + f.columnCount } };
  }
  const layout = sheet.pageLayout;
  const inches = (points: number) => points / 72;
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    orientation: layout.orientation === 'Landscape' ? 'landscape' : 'portrait',
    margins: {
      left: inches(layout.margins.left),
      right: inches(layout.margins.right),
      top: inches(layout.margins.top),
      bottom: inches(layout.margins.bottom),
      header: inches(layout.margins.header),
      footer: inches(layout.margins.footer),
    },
  };
  if (layout.paperSize === 'A4') pageSetup.paperSize = 9;
  if (layout.zoom.horizontalFitToPages !== undefined) {
    Object.assign(pageSetup, { fitToPage: true, fitToWidth: layout.zoom.horizontalFitToPages, fitToHeight: layout.zoom.verticalFitToPages ?? 0 });
  } else if (layout.zoom.scale !== undefined) {
    pageSetup.scale = layout.zoom.scale;
  }
  // exceljs numbers a break by the row above it (its <brk id>, ECMA-376's zero-based row below).
  for (const row of layout.rowBreaks) worksheet.getRow(row - 1).addPageBreak();
  if (layout.printTitleRows) pageSetup.printTitlesRow = `${layout.printTitleRows.from}:${layout.printTitleRows.to}`;
  worksheet.pageSetup = { ...worksheet.pageSetup, ...pageSetup };
  const { left, center, right } = layout.footer;
  const footer = `${left ? `&L${left}` : ''}${center ? `&C${center}` : ''}${right ? `&R${right}` : ''}`;
  if (footer !== '') worksheet.headerFooter = { oddFooter: footer };
  const p = sheet.protection;
  if (p.protected) {
    // protect() is synchronous under its Promise (no password: nothing to hash).
    void worksheet.protect('', { selectLockedCells: p.selectionMode !== 'None', selectUnlockedCells: p.selectionMode !== 'None', autoFilter: p.allowAutoFilter, sort: p.allowSort, formatCells: p.allowFormatCells });
  }
}

/** The simulated workbook as .xlsx bytes. */
export async function simulatedWorkbookToXlsx(state: SimWorkbook): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tirage CLN (Excel simulé)';
  if (state.date1904) workbook.properties.date1904 = true;
  for (const sheet of state.sheets) saveSheet(workbook, sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
