/**
 * A worksheet as every reader gives it to the engine — the .xlsx reader (src/xlsx), the CSV reader
 * (src/file), office.js (src/excel) — and as `verify` compares it: one model, so that the add-in
 * and the command line cannot read one workbook two ways.
 *
 * Positions. Rows are counted from 1, as the spreadsheet shows them; columns from 0 (A = 0), as
 * indices in a row's array of cells — `cellAddress(column, row)` names a cell so. The few cells
 * kept by position (formulas without value, number formats) are keyed by one number,
 * `cellKey(row, column)`: no string is built per cell, and a key orders cells in reading order.
 */

/** A cell as a spreadsheet holds it. Dates are JavaScript dates at midnight UTC of the calendar day shown. */
export type CellValue = string | number | boolean | Date | null;

/** Excel's limits (row 1,048,576, column XFD; 32,767 characters in a cell). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const MAX_CELL_LENGTH = 32_767;

/** Column letters as the spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "F7": a cell as the spreadsheet names it (column 0-based, row 1-based). */
export function cellAddress(columnIndex: number, row: number): string {
  return `${columnLetter(columnIndex)}${row}`;
}

/** A cell's position as one number: `row * MAX_COLUMNS + column` (row 1-based, column 0-based). */
export type CellKey = number;

export function cellKey(row: number, column: number): CellKey {
  return row * MAX_COLUMNS + column;
}

export function cellOfKey(key: CellKey): { row: number; column: number } {
  return { row: Math.floor(key / MAX_COLUMNS), column: key % MAX_COLUMNS };
}

/** A rectangle of cells, bounds included: rows 1-based, columns 0-based. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  /** The worksheet's name; for a CSV, the sheet its table becomes in a record (CSV_SHEET_NAME). */
  name: string;
  /** How messages name where the cells come from: "candidatures.csv", "classeur.xlsx — feuille Feuil1". */
  source: string;
  /**
   * rows[r - 1] is row r, its cells from column A; every row up to the last one read is present
   * (possibly empty), and a row ends at its last cell read (possibly earlier than others).
   */
  rows: readonly (readonly CellValue[])[];
  /**
   * Merged areas: only the top-left cell holds a value, the others read as empty. null when the
   * reader cannot see them — office.js before ExcelApi 1.13 (Range.getMergedAreasOrNullObject is
   * 1.13; the add-in asks for 1.9): the values are the same, only why a cell is empty is unknown.
   */
  merges: readonly CellArea[] | null;
  /** Formula cells saved without a result (they read as empty) → the formula, without "=". */
  formulasWithoutValue: ReadonlyMap<CellKey, string>;
  /** Number formats other than "General" of cells holding a value, when the reader keeps them. */
  numberFormats: ReadonlyMap<CellKey, string>;
  /**
   * What decides how the sheet is shown and printed beyond its values, for `verify` to compare
   * with the record's render plan; absent when the reader was not asked (a candidature table read
   * for the draw, a CSV).
   */
  display?: SheetDisplay;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** How a cell's value is drawn, as a reader sees it once every default and theme is resolved. */
export interface CellLook {
  /** Points. */
  fontSize: number;
  /** RRGGBB as shown: '000000' for the automatic colour. */
  fontColor: string;
  /** RRGGBB of a solid fill, null for none; another pattern or a gradient by its kind ("gray125:RRGGBB", "gradient"). */
  fill: string | null;
}

/**
 * What a person reading the sheet sees beyond its values: whether the sheet shows at all, how each
 * value is drawn, what hides rows and columns or changes what a cell shows, what is printed. A
 * field is null when the reader does not read it (office.js: see displayOf in src/excel/readRanges.ts).
 */
export interface SheetDisplay {
  visibility: SheetVisibility;
  /** The distinct looks of the sheet's cells; `lookOf[r - 1][c]` indexes them for each cell of `rows` holding a value. */
  looks: readonly CellLook[] | null;
  lookOf: readonly (readonly number[])[] | null;
  /** Every cell holding a formula, whether a result was saved or not → its text ('' for a shared formula's copies). */
  formulas: ReadonlyMap<CellKey, string> | null;
  /** Rows hidden, or too low to show a line of text (1-based, ascending). */
  hiddenRows: readonly number[] | null;
  /** Columns hidden, or too narrow to show a character (0-based, ascending). */
  hiddenColumns: readonly number[] | null;
  /** The areas of the sheet's conditional formats ("C12", "A1:B4 D6"), in the order found. */
  conditionalFormats: readonly string[] | null;
  /** The areas of its data validations. */
  dataValidations: readonly string[] | null;
  /** Its print area, as the workbook defines it ("'Tirage'!$A$1:$M$20"); '' when none. */
  printArea: string | null;
}

/** The cells a draw reads: a sheet, and where the candidature table is on it (null: the whole sheet). */
export interface TableSource {
  sheet: Sheet;
  /** An Excel table's range; null when the whole sheet is the table. */
  bounds: CellArea | null;
}

/** The sheet a CSV's table becomes in a workbook (the record, the simulated Excel). */
export const CSV_SHEET_NAME = 'Candidatures';

/** Every cell of a sheet: the bounds of a table that is the whole sheet. */
export const WHOLE_SHEET: CellArea = Object.freeze({ top: 1, left: 0, bottom: MAX_ROWS, right: MAX_COLUMNS - 1 });

/** One empty row shared by every sheet, for the rows a reader found nothing in. */
export const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

const NO_KEYS: ReadonlyMap<CellKey, string> = new Map();

/** A sheet of values only (no merges, no formulas without value, no formats kept). */
export function plainSheet(name: string, source: string, rows: readonly (readonly CellValue[])[]): Sheet {
  return { name, source, rows, merges: [], formulasWithoutValue: NO_KEYS, numberFormats: NO_KEYS };
}

/** "F4:F5". */
export function areaAddress(area: CellArea): string {
  return `${cellAddress(area.left, area.top)}:${cellAddress(area.right, area.bottom)}`;
}

/** "AB12" → { column: 27, row: 12 } (a "$" before either part is allowed); null when it is not a cell of a sheet. */
export function parseCellAddress(text: string): { column: number; row: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(text);
  if (match === null) return null;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  const row = Number(match[2]);
  return column > MAX_COLUMNS || row > MAX_ROWS ? null : { column: column - 1, row };
}

/** "A1:F17" (or a single cell) → its area; null when it is not an area of a sheet. */
export function parseAreaAddress(text: string): CellArea | null {
  const [from, to = from, extra] = text.split(':');
  if (extra !== undefined) return null;
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  if (a === null || b === null) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}
