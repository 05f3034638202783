/**
 * Node only: the simulated workbook saved to an .xlsx, with exceljs (a development dependency:
 * only `npm run simulate` and the tests save a simulated workbook). Loading goes through the
 * project's own reader (xlsxWorkbook.ts), as the command line reads files. Saving writes
 * everything the simulation holds: values and formulas, number formats, fonts, fills, alignment,
 * borders, widths, heights, merges, frozen panes, tables, filters, page set-up, footer, protection,
 * defined names.
 */
import * as ExcelJS from 'exceljs';
import { pointsToCharacters } from '../columnWidths';
import { rectAddress, type SimCell, type SimSheet, type SimWorkbook } from './state';

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
  for (const { name, refersTo } of state.definedNames) workbook.definedNames.add(refersTo, name);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
