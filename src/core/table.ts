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
}

export interface RawTable {
  /** Where the table comes from, for messages ("candidatures.csv", "Feuil1"). */
  source: string;
  /** The worksheet's name, when the table comes from a workbook. */
  sheet?: string;
  rows: SourceRow[];
}
