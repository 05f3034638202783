/**
 * The sheets laid out as a document rather than a table (procès-verbal, publication, replacement)
 * are written line by line from the top: one cursor, so that each sheet says only what it writes
 * and the three keep the same look.
 */
import type { CellStyle } from './model';
import { STYLES, withStyle, type SheetBuilder } from './sheetBuilder';

/** Points: the blank line between two sections. */
export const GAP_HEIGHT = 7.5;

export class DocumentLines {
  /** The next row to write. */
  row = 1;

  constructor(
    private readonly sheet: SheetBuilder,
    private readonly lastColumn: number,
    private readonly labelStyle: CellStyle = STYLES.label,
  ) {}

  /** One text across the page. */
  full = (value: string, style?: CellStyle): void => {
    this.sheet.merged(this.row, 1, this.lastColumn, value, style);
    this.row++;
  };

  /** A label, and its value across the rest of the line. */
  field = (label: string, value: string | number, style: CellStyle = STYLES.text): void => {
    this.sheet.set(this.row, 1, label, this.labelStyle);
    this.sheet.merged(this.row, 2, this.lastColumn, value, withStyle(style, { horizontal: 'left' }));
    this.row++;
  };

  /**
   * One line of a list that may be long (the reserve): its short text overflows into the empty
   * cells on its right, so it needs neither a merge nor wrapping — thousands of merged rows make
   * spreadsheet programs slow.
   */
  item = (label: string, value: string): void => {
    this.sheet.set(this.row, 1, label, STYLES.label);
    this.sheet.set(this.row, 2, value, { vertical: 'top' });
    this.row++;
  };

  /** A thin blank line: a document's air, at a third of a text line so that a page holds more. */
  gap = (): void => {
    this.sheet.height(this.row, GAP_HEIGHT);
    this.row++;
  };

  /** A blank line, then a section title. */
  section = (title: string): void => {
    this.gap();
    this.full(title, STYLES.section);
  };
}
