/**
 * The simulated workbook's state, as plain data: what Excel would hold after the requests it has
 * executed. The proxies of `excel.ts` change it only inside `sync()`; tests, the `.xlsx` saver and
 * the browser preview read it directly. No office.js, no Node.js: it runs anywhere.
 */
import { columnLetter } from '../../core/errors';

export type SimValue = string | number | boolean;

export interface SimStyle {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fontName?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  /** Sides drawn with a thin line. */
  borders?: { top?: string; bottom?: string; left?: string; right?: string };
}

export interface SimCell {
  /** What the cell shows as its value (a formula's result; '#NAME?' when the simulation cannot compute it). */
  value: SimValue | null;
  /** The formula, when Excel took the text written for one. */
  formula: string | null;
  numberFormat: string;
  style: SimStyle;
}

/** 0-based, as office.js's rowIndex / columnIndex. */
export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface SimTable {
  name: string;
  rect: Rect;
  style: string;
  showBandedRows: boolean;
  showFilterButton: boolean;
}

export interface SimPageLayout {
  orientation: string;
  paperSize: string;
  /** Points, as office.js gives margins. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Rows repeated on every printed page, 1-based inclusive. */
  printTitleRows: { from: number; to: number } | null;
  /** Manual page breaks: the 1-based rows that begin a new page, ascending. */
  rowBreaks: number[];
  footer: { left: string; center: string; right: string };
}

export interface SimProtection {
  protected: boolean;
  allowAutoFilter: boolean;
  allowSort: boolean;
  allowFormatCells: boolean;
  selectionMode: string;
}

export interface SimSheet {
  name: string;
  cells: Map<string, SimCell>;
  /** Points, by 0-based column. */
  columnWidths: Map<number, number>;
  /** Points, by 0-based row. */
  rowHeights: Map<number, number>;
  merges: Rect[];
  frozen: { rows: number; columns: number };
  tables: SimTable[];
  autoFilter: Rect | null;
  pageLayout: SimPageLayout;
  protection: SimProtection;
}

export interface SimWorkbook {
  sheets: SimSheet[];
  /** The workbook counts dates from 1904-01-01 (old Mac workbooks) instead of 1900. */
  date1904: boolean;
  /** Opened read-only (a co-author's lock, a file opened from an attachment…). */
  readOnly: boolean;
  /** The structure is protected: no sheet can be added, renamed or deleted. */
  structureProtected: boolean;
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  /** Workbook-scoped defined names (Formules > Gestionnaire de noms): « Tirage » refers to « Feuil1!$A$1 »… */
  definedNames: { name: string; refersTo: string }[];
  /** Custom XML parts (ExcelApi 1.5): XML kept in the file, in no sheet; `namespaceUri` is their root element's. */
  customXmlParts: { id: string; namespaceUri: string; xml: string }[];
}

export function emptyWorkbook(options: { date1904?: boolean; readOnly?: boolean; structureProtected?: boolean } = {}): SimWorkbook {
  return {
    sheets: [],
    date1904: options.date1904 ?? false,
    readOnly: options.readOnly ?? false,
    structureProtected: options.structureProtected ?? false,
    activeSheet: null,
    selection: null,
    definedNames: [],
    customXmlParts: [],
  };
}

export function newSheet(name: string): SimSheet {
  return {
    name,
    cells: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    merges: [],
    frozen: { rows: 0, columns: 0 },
    tables: [],
    autoFilter: null,
    pageLayout: {
      orientation: 'Portrait',
      paperSize: 'Letter',
      margins: { left: 51.0236, right: 51.0236, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
      zoom: { scale: 100 },
      printTitleRows: null,
      rowBreaks: [],
      footer: { left: '', center: '', right: '' },
    },
    protection: { protected: false, allowAutoFilter: false, allowSort: false, allowFormatCells: false, selectionMode: 'Normal' },
  };
}

export function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}

export function emptyCell(): SimCell {
  return { value: null, formula: null, numberFormat: 'General', style: {} };
}

/** The cell at (row, column), created empty when absent (for writing). */
export function cellAt(sheet: SimSheet, row: number, column: number): SimCell {
  const key = cellKey(row, column);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = emptyCell();
    sheet.cells.set(key, cell);
  }
  return cell;
}

/** The smallest rectangle holding every cell with a value (or, unless valuesOnly, any format). */
export function usedRect(sheet: SimSheet, valuesOnly: boolean): Rect | null {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  for (const [key, cell] of sheet.cells) {
    const used = cell.value !== null || cell.formula !== null || (!valuesOnly && (cell.numberFormat !== 'General' || Object.keys(cell.style).length > 0));
    if (!used) continue;
    const colon = key.indexOf(':');
    const row = Number(key.slice(0, colon));
    const column = Number(key.slice(colon + 1));
    top = Math.min(top, row);
    left = Math.min(left, column);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
  }
  return bottom < 0 ? null : { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

// ---------------------------------------------------------------------------------------------
// A1 addresses

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel's grid: 1,048,576 rows, 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * "B3", "A1:C5", "$A$1:$C$5", "Feuil1!A1:B2", "'Ma feuille'!A1", "2:4" (whole rows), "B:D" (whole
 * columns) → a rectangle, and the sheet named before "!", if any. Null when it is not an address.
 */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } | null {
  let sheet: string | null = null;
  let local = address.trim();
  const bang = local.lastIndexOf('!');
  if (bang >= 0) {
    sheet = local.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    local = local.slice(bang + 1);
  }
  local = local.replace(/\$/g, '');
  const cells = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(local);
  if (cells) {
    const [r1, c1] = [Number(cells[2]) - 1, columnIndex(cells[1])];
    const [r2, c2] = cells[3] ? [Number(cells[4]) - 1, columnIndex(cells[3])] : [r1, c1];
    return inGrid(sheet, Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1);
  }
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) {
    const [r1, r2] = [Number(rows[1]) - 1, Number(rows[2]) - 1];
    return inGrid(sheet, Math.min(r1, r2), 0, Math.abs(r2 - r1) + 1, MAX_COLUMNS);
  }
  const columns = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(local);
  if (columns) {
    const [c1, c2] = [columnIndex(columns[1]), columnIndex(columns[2])];
    return inGrid(sheet, 0, Math.min(c1, c2), MAX_ROWS, Math.abs(c2 - c1) + 1);
  }
  return null;
}

function inGrid(sheet: string | null, row: number, column: number, rowCount: number, columnCount: number): { sheet: string | null; rect: Rect } | null {
  if (row < 0 || column < 0 || row + rowCount > MAX_ROWS || column + columnCount > MAX_COLUMNS) return null;
  return { sheet, rect: { row, column, rowCount, columnCount } };
}

/** "A1:C5" (or "A1" for one cell), as office.js writes addresses. */
export function rectAddress(rect: Rect): string {
  const first = `${columnLetter(rect.column)}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${columnLetter(rect.column + rect.columnCount - 1)}${rect.row + rect.rowCount}`;
}

/** A sheet name as Excel quotes it inside an address. */
export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
