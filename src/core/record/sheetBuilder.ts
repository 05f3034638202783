/** A small writer of sparse sheet models, so each sheet's builder reads as its layout. */
import type { CellModel, CellStyle, MergeModel, PrintModel, RecordValue, SheetModel, SheetRole, TableModel } from './model';
import { estimateRowHeights } from './rowHeights';

export const COLOURS = {
  selectedFill: 'C6EFCE',
  selectedText: '006100',
  reserveFill: 'FFEB9C',
  reserveText: '7F4F00',
  ineligibleFill: 'E7E6E6',
  ineligibleText: '404040',
  headerFill: '1F4E79',
  headerText: 'FFFFFF',
  noteText: '595959',
} as const;

export const STYLES = {
  title: { bold: true, size: 14 } as CellStyle,
  subtitle: { italic: true, color: COLOURS.noteText } as CellStyle,
  header: { bold: true, fill: COLOURS.headerFill, color: COLOURS.headerText, border: true, vertical: 'middle', wrap: true } as CellStyle,
  label: { bold: true, vertical: 'top' } as CellStyle,
  text: { vertical: 'top', wrap: true } as CellStyle,
  code: { monospace: true, vertical: 'top' } as CellStyle,
  /**
   * Fingerprints and keys in a document's value column: 64 characters of Consolas take 352 points
   * at 10 (387 at 11, wider than the merged cells that hold them: Excel cuts a merged cell's text),
   * and 385 in the monospaced fonts LibreOffice puts in Consolas's place: a document's value
   * column is at least 70 characters wide (388 points as LibreOffice draws it).
   */
  fingerprint: { monospace: true, vertical: 'top', size: 10 } as CellStyle,
  note: { italic: true, color: COLOURS.noteText, wrap: true, vertical: 'top' } as CellStyle,
  section: { bold: true, size: 12 } as CellStyle,
  percent: { numberFormat: '0.0%' } as CellStyle,
};

export function withStyle(...styles: (CellStyle | undefined)[]): CellStyle {
  return Object.assign({}, ...styles.filter(Boolean));
}

const A4_MARGINS = { left: 0.6, right: 0.6, top: 0.7, bottom: 0.8 };

export class SheetBuilder {
  /**
   * Cells by row then column (a later `set` replaces the cell), so that they come out in reading
   * order without sorting: a sheet of 100,000 rows holds more than a million cells.
   */
  private readonly rows: (CellModel | undefined)[][] = [];
  private readonly merges: MergeModel[] = [];
  private readonly tables: TableModel[] = [];
  /** Heights set by the builder (blank lines, room to sign), beside those estimated for wrapped text. */
  private readonly heights = new Map<number, number>();
  private readonly together: { from: number; to: number }[] = [];
  private frozen = { rows: 0, columns: 0 };
  private printSetup: PrintModel;

  constructor(
    private readonly role: SheetRole,
    private readonly name: string,
    private readonly columnWidths: number[],
    footer: string,
  ) {
    this.printSetup = { orientation: 'portrait', paper: 'A4', fitToWidth: true, footer, margins: A4_MARGINS };
  }

  set(row: number, column: number, value: RecordValue, style?: CellStyle): this {
    if (!(Number.isInteger(row) && row >= 1 && Number.isInteger(column) && column >= 1)) throw new Error(`SheetBuilder: no cell R${row}C${column}`);
    (this.rows[row] ??= [])[column] = style ? { row, column, value, style } : { row, column, value };
    return this;
  }

  /** Values from column `from` on. */
  row(row: number, values: RecordValue[], style?: CellStyle, from = 1): this {
    values.forEach((value, i) => this.set(row, from + i, value, style));
    return this;
  }

  /** A value spread over columns `from`..`to` of one row. */
  merged(row: number, from: number, to: number, value: RecordValue, style?: CellStyle): this {
    this.set(row, from, value, style);
    if (to > from) this.merges.push({ fromRow: row, fromColumn: from, toRow: row, toColumn: to });
    return this;
  }

  table(table: TableModel): this {
    this.tables.push(table);
    return this;
  }

  /** A row of this height in points (a blank line, room to sign); a wrapped text that needs more keeps its own. */
  height(row: number, points: number): this {
    this.heights.set(row, points);
    return this;
  }

  /** Rows `from`..`to` printed on one page (the plan starts a new page before them when needed). */
  keepTogether(from: number, to: number): this {
    this.together.push({ from, to });
    return this;
  }

  freeze(rows: number, columns = 0): this {
    this.frozen = { rows, columns };
    return this;
  }

  print(setup: Partial<PrintModel>): this {
    this.printSetup = { ...this.printSetup, ...setup };
    return this;
  }

  build(): SheetModel {
    const cells: CellModel[] = [];
    for (const row of this.rows) if (row) for (const cell of row) if (cell) cells.push(cell);
    const heights = new Map(this.heights);
    for (const { row, height } of estimateRowHeights(cells, this.merges, this.columnWidths)) heights.set(row, Math.max(height, heights.get(row) ?? 0));
    return {
      role: this.role,
      name: this.name,
      cells,
      columnWidths: this.columnWidths,
      rowHeights: [...heights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height })),
      merges: this.merges,
      frozen: this.frozen,
      tables: this.tables,
      print: this.together.length > 0 ? { ...this.printSetup, keepTogether: this.together } : this.printSetup,
      protected: true,
    };
  }
}
