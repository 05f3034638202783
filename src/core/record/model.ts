/**
 * The record (procès-verbal and its sheets) as pure data. Every renderer — SpreadsheetML for files,
 * office.js in the add-in — draws this one model through its render plan (plan.ts), and `verify`
 * compares a workbook against it, so what is written and what is checked cannot drift apart.
 */

/**
 * A cell's value. Strings are always text, never formulas: a candidate called "=HYPERLINK(…)" stays
 * those characters. Dates are written as text (dd/mm/yyyy or ISO) so that no date system or
 * locale can change them.
 */
export type RecordValue = string | number | null;

/** Colours are RRGGBB hex, without '#'. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  color?: string;
  fill?: string;
  /** Excel number format, e.g. '0.0 %'. */
  numberFormat?: string;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle';
  wrap?: boolean;
  /** Thin border on every side. */
  border?: boolean;
  /** Monospaced font, for fingerprints and keys. */
  monospace?: boolean;
}

export interface CellModel {
  /** 1-based, as in the sheet. */
  row: number;
  column: number;
  value: RecordValue;
  style?: CellStyle;
}

export interface MergeModel {
  fromRow: number;
  fromColumn: number;
  toRow: number;
  toColumn: number;
}

/** An Excel table (list object) over a block of cells whose first row is the header. */
export interface TableModel {
  name: string;
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
  /** Last data row (≥ headerRow + 1). */
  lastRow: number;
}

export interface PrintModel {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  /** Fit all columns on the page width. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page (header of a long table), 1-based inclusive. */
  repeatRows?: { from: number; to: number };
  /**
   * For documents read on paper (procès-verbal, publication, data): the plan fixes the print scale
   * itself, so that no text prints smaller than MIN_PRINTED_SIZE points (a program's own fit to
   * width has no lower bound). 'width': every column on the page width; 'page': on one page as
   * well, when it fits at that size. Absent: fit to width, the scale left to the program.
   */
  legible?: 'width' | 'page';
  /** Blocks of rows that must not be split across two pages (the signatures), 1-based inclusive. */
  keepTogether?: { from: number; to: number }[];
  /** Footer text, plain (renderers add page numbers). */
  footer: string;
  /** Margins in inches (Excel's unit). */
  margins: { left: number; right: number; top: number; bottom: number };
}

/**
 * The sheets of a draw's record, then the Remplacement sheets added during the mandate, and the
 * add-in's « Journal des tirages » (one line per attempt, appended to). A sealed draw
 * (`tirage-cln/2`) has two more: « Registre public », what may be published, and « Reçus », each
 * candidate's receipt for the city's mailing.
 */
export type SheetRole = 'draw' | 'summary' | 'minutes' | 'data' | 'publication' | 'publicRegister' | 'receipts' | 'replacement' | 'journal';

/** The sheets written with a draw (a Remplacement sheet comes later, one per departure; the journal is the workbook's). */
export type RecordSheetRole = Exclude<SheetRole, 'replacement' | 'journal'>;

/** The sheets every draw's record has, `tirage-cln/1` as `/2`. */
export type PlainSheetRole = Exclude<RecordSheetRole, 'publicRegister' | 'receipts'>;

/**
 * The names of a record's sheets: those of every draw, and those of a sealed draw when it is one
 * (a `tirage-cln/1` record read back has no « Registre public » nor « Reçus »).
 */
export type RecordSheetNames = Record<PlainSheetRole, string> & Partial<Record<RecordSheetRole, string>>;

export interface SheetModel {
  role: SheetRole;
  name: string;
  /** Sparse cells; absent cells are empty. */
  cells: CellModel[];
  /** Column widths in characters, column A first. */
  columnWidths: number[];
  /**
   * Row heights in points for rows holding wrapped text (see rowHeights.ts) and for the thin blank
   * lines a document sets between its sections; other rows keep the default.
   */
  rowHeights: { row: number; height: number }[];
  merges: MergeModel[];
  /** Rows and columns frozen at the top and left. */
  frozen: { rows: number; columns: number };
  tables: TableModel[];
  print: PrintModel;
  /** Protected against accidental edits (no password: the fingerprint and `verify` prove integrity). */
  protected: boolean;
}

export interface RecordModel {
  sheets: SheetModel[];
}
