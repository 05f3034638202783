/**
 * The render plan: the record model with every renderer decision already taken, so that the
 * file writer (SpreadsheetML streamed into the .xlsx package) and the office.js adapter only
 * translate it and cannot drift apart. Decided here, once:
 * - complete cell styles (font name and size on every cell, since the input workbook's default
 *   font is not the record's), grouped into rectangles sharing one style, so that office.js sets
 *   each style in few calls;
 * - text cells formatted as text ('@'), so that no renderer can turn "=HYPERLINK(…)", "+33 6 12"
 *   or "14/03/1987" into a formula, a number or a date (office.js converts a written string unless
 *   the cell is formatted as text first);
 * - a text with a line break is shown wrapped, as Excel does when one types Alt+Entrée;
 * - an Excel table (list object), or a plain filter where Excel would refuse a table;
 * - the footer as Excel's header/footer codes, within Excel's 255 characters, with page numbers;
 * - protection options, print set-up (with paper.ts: a document's scale and page breaks), frozen
 *   panes, widths, heights, merges.
 */
import { MAX_COLUMNS, MAX_ROWS } from '../sheet';
import type { CellModel, CellStyle, MergeModel, RecordModel, RecordValue, SheetModel, SheetRole, TableModel } from './model';
import { BASE_FONT, styleKey } from './baseStyle';
import { wrapsText } from './rowHeights';
import { isValidTableName, nameKey, sheetNameProblem } from './names';
import { planPaper } from './paper';

/** 1-based, inclusive, as in the sheet (same shape as a merge). */
export type CellRange = MergeModel;

export interface FontPlan {
  name: string;
  /** OOXML font family: 2 swiss (proportional), 3 modern (monospaced). */
  family: number;
  /** Points. */
  size: number;
  bold: boolean;
  italic: boolean;
  /** RRGGBB, or null for the automatic colour. */
  color: string | null;
}

/** A complete cell style: what every renderer sets, nothing left to the reading program's defaults. */
export interface PlannedStyle {
  font: FontPlan;
  /** Solid fill colour RRGGBB, or null for none. */
  fill: string | null;
  /** Excel number format: 'General', '@' (text), '0.0%'… */
  numberFormat: string;
  horizontal: 'left' | 'center' | 'right' | null;
  /** Excel's words: the model's 'middle' is Excel's 'center'. */
  vertical: 'top' | 'center' | null;
  wrap: boolean;
  /** Thin border of this colour on every side, or null. */
  border: { color: string } | null;
}

/** Every rectangle of one sheet that has one style: one office.js call per style (RangeAreas), chunked by its renderer. */
export interface StyleRun {
  /** Index in `SheetPlan.styles`. */
  style: number;
  ranges: CellRange[];
}

/** A rectangle of values, row by row; null is an empty cell (nothing written). */
export interface ValueBlock {
  fromRow: number;
  fromColumn: number;
  /** Every row has the same length. */
  values: RecordValue[][];
}

/** An Excel table (list object) over a block whose first row is the header, drawing nothing over the cells' own fills. */
export interface TablePlan {
  kind: 'table';
  /** Wanted name; a renderer takes the next free one ("Tirage_2"…) when the workbook uses it (names.freeTableName). */
  name: string;
  range: CellRange;
  /** The header cells' texts, which Excel requires as the column names. */
  columns: string[];
  style: 'TableStyleLight1';
  showRowStripes: false;
}

/** A plain filter (autoFilter): where Excel would refuse a table (empty or repeated headers, merged cells). One per sheet. */
export interface FilterPlan {
  kind: 'filter';
  range: CellRange;
}

export type ListPlan = TablePlan | FilterPlan;

export interface PrintPlan {
  paper: 'A4';
  /** OOXML paperSize code of A4. */
  paperSize: 9;
  orientation: 'portrait' | 'landscape';
  /** Fit all columns on the page width (fitToWidth 1, fitToHeight 0: as many pages as needed), the scale left to the program. */
  fitToWidth: boolean;
  /** Percent (10–400) fixed by the plan for a document read on paper (paper.ts), or null with fitToWidth. */
  scale: number | null;
  /** Rows that begin a new page (manual page breaks), ascending: a document's pages, fixed so that its signatures stay on one page. */
  pageBreaks: number[];
  /** Rows repeated at the top of every page, or null. */
  repeatRows: { from: number; to: number } | null;
  /** Inches (Excel's unit). */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Footer sections in Excel's header/footer codes (office.js: leftFooter/rightFooter). */
  footer: { left: string; right: string };
  /** The whole footer in one string, as SpreadsheetML's <oddFooter> holds it (≤ 255 characters). */
  footerCode: string;
  /** Points of the footer's text (in its codes too): larger than FOOTER_SIZE when a fixed scale would shrink it below MIN_PRINTED_SIZE. */
  footerSize: number;
}

/**
 * Sheet protection without password: it prevents accidents; the fingerprint and `verify` prove
 * integrity. Selecting cells stays allowed, filtering too when the sheet has a table or filter (a
 * filter hides rows without changing a value); sorting stays refused (it would move the cells
 * `verify` compares).
 */
export interface ProtectionPlan {
  allowSelectLockedCells: true;
  allowSelectUnlockedCells: true;
  allowAutoFilter: boolean;
  allowSort: false;
}

export interface SheetPlan {
  role: SheetRole;
  name: string;
  /**
   * The used range: rows 1..rowCount, columns 1..columnCount (0 for an empty sheet). The plan is
   * dense over it (a value and a style slot per cell), which suits the record's sheets: a few
   * columns wide, every row filled.
   */
  rowCount: number;
  columnCount: number;
  blocks: ValueBlock[];
  /** Distinct styles of this sheet; StyleRun.style indexes this list. */
  styles: PlannedStyle[];
  styleRuns: StyleRun[];
  /** Characters, column A first. */
  columnWidths: number[];
  /** Points, for rows holding wrapped text; other rows keep the default. */
  rowHeights: { row: number; height: number }[];
  merges: CellRange[];
  /** Rows and columns frozen at the top and left, or null. */
  frozen: { rows: number; columns: number } | null;
  lists: ListPlan[];
  print: PrintPlan;
  protection: ProtectionPlan | null;
}

export { BASE_FONT, styleKey };
/** Fingerprints and keys: a monospaced font every Office has (Windows, Mac, the web). */
export const MONOSPACE_FONT = { name: 'Consolas', family: 3 } as const;
/** The colour of the thin borders. */
export const BORDER_COLOR = '808080';
/** Text format: written text stays text, whatever it looks like. */
export const TEXT_FORMAT = '@';
/**
 * Excel shows "####" instead of a text longer than 255 characters in a cell formatted as text;
 * such a cell keeps the General format (the file writer writes strings as strings anyway; the
 * office.js renderer must write it so it stays text).
 */
export const MAX_TEXT_FORMATTED = 255;
/** Excel refuses a header or footer longer than 255 characters. */
export const MAX_HEADER_FOOTER = 255;
/** Footer font size (points): a 64-digit fingerprint fits a portrait A4 line beside the page number. */
export const FOOTER_SIZE = 8;
const HEADER_FOOTER_MARGIN = 0.3;

/** The whole record's plan, sheet by sheet, in the model's order. */
export function planRecord(model: RecordModel): SheetPlan[] {
  return model.sheets.map(planSheet);
}

export function planSheet(sheet: SheetModel): SheetPlan {
  const problem = sheetNameProblem(sheet.name);
  if (problem !== null) throw new Error(`planSheet: « ${sheet.name} » is not a valid Excel sheet name (${problem})`);
  checkMergedValues(sheet);

  for (const cell of sheet.cells) {
    const inSheet = Number.isInteger(cell.row) && cell.row >= 1 && cell.row <= MAX_ROWS && Number.isInteger(cell.column) && cell.column >= 1 && cell.column <= MAX_COLUMNS;
    if (!inSheet) {
      throw new Error(`planSheet: ${sheet.name} has a cell at R${cell.row}C${cell.column}`);
    }
    if (typeof cell.value === 'number' && !Number.isFinite(cell.value)) {
      throw new Error(`planSheet: ${sheet.name} R${cell.row}C${cell.column} is not a finite number`);
    }
  }
  const { rowCount, columnCount, styleIds, styles } = planStyles(sheet);
  const values = planValues(sheet, rowCount, columnCount);

  const lists = planLists(sheet, values);
  return {
    role: sheet.role,
    name: sheet.name,
    rowCount,
    columnCount,
    blocks: rowCount === 0 ? [] : [{ fromRow: 1, fromColumn: 1, values }],
    styles,
    styleRuns: groupStyleRuns(styleIds, rowCount, columnCount, styles.length),
    columnWidths: [...sheet.columnWidths],
    rowHeights: [...sheet.rowHeights],
    merges: sheet.merges.map((m) => ({ ...m })),
    frozen: sheet.frozen.rows > 0 || sheet.frozen.columns > 0 ? { ...sheet.frozen } : null,
    lists,
    print: planPrint(sheet),
    protection: sheet.protected
      ? { allowSelectLockedCells: true, allowSelectUnlockedCells: true, allowAutoFilter: lists.length > 0, allowSort: false }
      : null,
  };
}

/** Each cell's complete style, dense over the sheet's used range: what the renderers draw, and what `verify` compares a cell's look with. */
export interface PlannedStyles {
  rowCount: number;
  columnCount: number;
  /** Index in `styles` of cell (row r, column c), 1-based: `styleIds[(r - 1) * columnCount + c - 1]`; −1 where the model has no cell. */
  styleIds: Int32Array;
  styles: PlannedStyle[];
}

export function planStyles(sheet: SheetModel): PlannedStyles {
  let rowCount = 0;
  let columnCount = 0;
  for (const cell of sheet.cells) {
    rowCount = Math.max(rowCount, cell.row);
    columnCount = Math.max(columnCount, cell.column);
  }
  // Style of each cell (index in `styles`), −1 where the model has no cell.
  const styleIds = new Int32Array(rowCount * columnCount).fill(-1);
  const styles: PlannedStyle[] = [];
  const styleIndex = new Map<string, number>();
  // Builders share style objects between cells: each (style object, variant) is resolved once.
  const known = new Map<CellStyle | undefined, number[]>();
  for (const cell of sheet.cells) {
    const variant = styleVariant(cell);
    let ids = known.get(cell.style);
    if (ids === undefined) {
      ids = [-1, -1, -1, -1];
      known.set(cell.style, ids);
    }
    let id = ids[variant];
    if (id < 0) {
      // Equal styles made by separate calls (one object per row) are resolved once too.
      const modelKey = `${variant}${JSON.stringify(cell.style ?? {})}`;
      id = styleIndex.get(modelKey) ?? -1;
      if (id < 0) {
        const style = cellStyle(cell);
        const key = styleKey(style);
        id = styleIndex.get(key) ?? -1;
        if (id < 0) {
          id = styles.length;
          styles.push(style);
          styleIndex.set(key, id);
        }
        styleIndex.set(modelKey, id);
      }
      ids[variant] = id;
    }
    styleIds[(cell.row - 1) * columnCount + cell.column - 1] = id;
  }

  return { rowCount, columnCount, styleIds, styles };
}

/** The sheet's values, dense over its used range (null: an empty cell). */
function planValues(sheet: SheetModel, rowCount: number, columnCount: number): RecordValue[][] {
  const values: RecordValue[][] = Array.from({ length: rowCount }, () => new Array<RecordValue>(columnCount).fill(null));
  for (const cell of sheet.cells) values[cell.row - 1][cell.column - 1] = cell.value;
  return values;
}

/** A merged area shows its top-left cell only: a value elsewhere in it would be hidden, so it is refused. */
function checkMergedValues(sheet: SheetModel): void {
  if (sheet.merges.length === 0) return;
  const byRow = new Map<number, MergeModel[]>();
  for (const m of sheet.merges) {
    for (let r = m.fromRow; r <= m.toRow; r++) byRow.set(r, [...(byRow.get(r) ?? []), m]);
  }
  const hidden = (row: number, column: number) =>
    (byRow.get(row) ?? []).some((m) => column >= m.fromColumn && column <= m.toColumn && (row !== m.fromRow || column !== m.fromColumn));
  for (const cell of sheet.cells) {
    if (cell.value !== null && byRow.has(cell.row) && hidden(cell.row, cell.column)) {
      throw new Error(`planSheet: ${sheet.name} R${cell.row}C${cell.column} holds a value inside a merged area, not at its top-left cell`);
    }
  }
}

function colour(value: string): string {
  if (!/^[0-9A-Fa-f]{6}$/.test(value)) throw new Error(`planSheet: colour « ${value} » is not RRGGBB`);
  return value.toUpperCase();
}

/** What of a cell besides its style object decides its planned style: text format, and wrapping on a line break. */
function styleVariant(cell: CellModel): number {
  if (typeof cell.value !== 'string') return 0;
  return (cell.value.length <= MAX_TEXT_FORMATTED ? 1 : 0) + (cell.value.includes('\n') ? 2 : 0);
}

/** The model's style made complete, with the decisions every renderer must share. */
export function cellStyle(cell: CellModel): PlannedStyle {
  const style: CellStyle = cell.style ?? {};
  const text = typeof cell.value === 'string';
  return {
    font: {
      ...(style.monospace ? MONOSPACE_FONT : { name: BASE_FONT.name, family: BASE_FONT.family }),
      size: style.size ?? BASE_FONT.size,
      bold: style.bold === true,
      italic: style.italic === true,
      color: style.color ? colour(style.color) : null,
    },
    fill: style.fill ? colour(style.fill) : null,
    numberFormat: style.numberFormat ?? (text && (cell.value as string).length <= MAX_TEXT_FORMATTED ? TEXT_FORMAT : 'General'),
    horizontal: style.horizontal ?? null,
    vertical: style.vertical === 'middle' ? 'center' : (style.vertical ?? null),
    wrap: style.wrap === true || wrapsText(cell),
    border: style.border ? { color: BORDER_COLOR } : null,
  };
}


/**
 * Rectangles of one style: cells of one row and style side by side make a run; a run that
 * repeats the previous row's (same columns, same style) extends its rectangle downwards.
 */
function groupStyleRuns(styleIds: Int32Array, rowCount: number, columnCount: number, styleCount: number): StyleRun[] {
  const runs: StyleRun[] = Array.from({ length: styleCount }, (_, style) => ({ style, ranges: [] }));
  // Rectangles still growing, keyed by "fromColumn:toColumn:style".
  let open = new Map<string, CellRange>();
  for (let r = 1; r <= rowCount; r++) {
    const next = new Map<string, CellRange>();
    const base = (r - 1) * columnCount;
    let c = 1;
    while (c <= columnCount) {
      const style = styleIds[base + c - 1];
      let end = c;
      while (end < columnCount && styleIds[base + end] === style) end++;
      if (style >= 0) {
        const key = `${c}:${end}:${style}`;
        const growing = open.get(key);
        if (growing) {
          growing.toRow = r;
          open.delete(key);
          next.set(key, growing);
        } else {
          const range = { fromRow: r, fromColumn: c, toRow: r, toColumn: end };
          runs[style].ranges.push(range);
          next.set(key, range);
        }
      }
      c = end + 1;
    }
    open = next;
  }
  return runs.filter((run) => run.ranges.length > 0);
}

/**
 * An Excel table over the model's block, or a filter where Excel requires what the block lacks: a
 * table's header cells must be distinct (ignoring case), non-empty texts without control
 * characters, and no merged cell may cross it. Excel allows one filter per sheet.
 */
function planLists(sheet: SheetModel, values: RecordValue[][]): ListPlan[] {
  const lists: ListPlan[] = [];
  for (const table of sheet.tables) {
    const plan = planList(sheet, table, values);
    if (plan.kind === 'filter' && lists.some((l) => l.kind === 'filter')) continue;
    lists.push(plan);
  }
  return lists;
}

function planList(sheet: SheetModel, table: TableModel, values: RecordValue[][]): ListPlan {
  const { headerRow, firstColumn, lastColumn, lastRow } = table;
  if (!(firstColumn >= 1 && lastColumn >= firstColumn && headerRow >= 1 && lastRow > headerRow)) {
    throw new Error(`planSheet: table ${table.name} of ${sheet.name} has an empty or inverted range`);
  }
  if (!isValidTableName(table.name)) throw new Error(`planSheet: « ${table.name} » is not a valid Excel table name`);
  const range = { fromRow: headerRow, fromColumn: firstColumn, toRow: lastRow, toColumn: lastColumn };
  const columns: string[] = [];
  for (let c = firstColumn; c <= lastColumn; c++) {
    const value = values[headerRow - 1]?.[c - 1] ?? null;
    columns.push(typeof value === 'string' ? value : '');
  }
  const seen = new Set<string>();
  const headersOk = columns.every((h) => {
    const key = nameKey(h);
    // Control characters and line breaks are stored escaped in a table's column names; keep clear of them.
    const ok = h.trim() !== '' && !/[\u0000-\u001f]/.test(h) && h.length <= 255 && !seen.has(key);
    seen.add(key);
    return ok;
  });
  const crossesMerge = sheet.merges.some((m) => m.fromRow <= lastRow && m.toRow >= headerRow && m.fromColumn <= lastColumn && m.toColumn >= firstColumn);
  if (!headersOk || crossesMerge) return { kind: 'filter', range };
  return { kind: 'table', name: table.name, range, columns, style: 'TableStyleLight1', showRowStripes: false };
}

function planPrint(sheet: SheetModel): PrintPlan {
  const print = sheet.print;
  const paper = planPaper(sheet, FOOTER_SIZE);
  const footer = footerSections(print.footer, paper.footerSize);
  return {
    paper: 'A4',
    paperSize: 9,
    orientation: print.orientation,
    fitToWidth: paper.fitToWidth,
    scale: paper.scale,
    pageBreaks: paper.pageBreaks,
    repeatRows: print.repeatRows ? { ...print.repeatRows } : null,
    margins: { ...print.margins, header: HEADER_FOOTER_MARGIN, footer: HEADER_FOOTER_MARGIN },
    footer,
    footerCode: `&L${footer.left}&R${footer.right}`,
    footerSize: paper.footerSize,
  };
}

/**
 * The footer's text on the left, the page number on the right ("Page 2 / 5"), in 8 points or the
 * size given. In a header or footer '&' starts a code ("&P" the page, "&12" a font size), so the
 * text's own '&' are doubled, and a text starting with a digit is set off by a space from the size
 * code; a text too long for Excel's 255 characters (the whole footer) is cut with "…".
 */
export function footerSections(text: string, points = FOOTER_SIZE): { left: string; right: string } {
  const size = `&${points}`;
  const right = `${size}Page &P / &N`;
  // "&L" + size + [space] + text + "&R" + right.
  const room = MAX_HEADER_FOOTER - 2 - size.length - 1 - 2 - right.length;
  const escape = (t: string) => t.replace(/&/g, '&&');
  let escaped = escape(text);
  if (escaped.length > room) {
    let cut = text;
    while (escape(cut).length > room - 1) cut = cut.slice(0, -1);
    escaped = `${escape(cut)}…`;
  }
  return { left: `${size}${/^\d/.test(escaped) ? ' ' : ''}${escaped}`, right };
}

/** The whole footer code, as SpreadsheetML's <oddFooter> holds it. */
export function footerCode(text: string, points = FOOTER_SIZE): string {
  const { left, right } = footerSections(text, points);
  return `&L${left}&R${right}`;
}
