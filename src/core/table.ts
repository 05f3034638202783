/**
 * What an adapter (CSV, xlsx, office.js) hands to the engine: the sheet's rows as raw cell values,
 * with the sheet's own row numbers, before any interpretation.
 */

/** A cell as a spreadsheet holds it. Dates are JavaScript dates at midnight UTC. */
export type CellValue = string | number | boolean | Date | null;

export interface SourceRow {
  /** The sheet's own row number (1-based), as the user sees it in the spreadsheet. */
  rowNumber: number;
  cells: CellValue[];
  /**
   * Formula cells saved without a result (column index → formula): they read as empty, and a
   * message must say why rather than call the value missing.
   */
  formulasWithoutValue?: ReadonlyMap<number, string>;
}

/**
 * A merged area: only its top-left cell holds a value, the others read as empty. Rows 1-based (as
 * `rowNumber`), columns 0-based (as indices of `cells`).
 */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RawTable {
  /** Where the table comes from, for messages ("candidatures.csv", "Feuil1"). */
  source: string;
  /** The worksheet's name, when the table comes from a workbook. */
  sheet?: string;
  rows: SourceRow[];
  /** The sheet's merged areas, when the source has any (workbooks). */
  merges?: readonly MergedArea[];
}
