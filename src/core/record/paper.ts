/**
 * The record on paper: the print scale of a document and where its pages break, decided once for
 * every renderer (plan.ts). A program's own « fit to width » has no lower bound, and each program
 * paginates with its own metrics, so a document read on paper gets from here:
 * - a scale that keeps its smallest text at MIN_PRINTED_SIZE points at least, chosen to fit the
 *   page width, and the page height too when the document should fit one page;
 * - a footer sized for that scale (programs shrink the footer with the page);
 * - manual page breaks at every page boundary when a block must stay on one page (the
 *   signatures): with every break fixed here, no program's own pagination can split the block.
 *
 * Sizes are estimated on the side of room: a column is measured as LibreOffice draws it (7.4
 * pixels a character, Calibri's digit; Excel draws 7), a row as Excel grows it for its largest
 * font (LibreOffice keeps 15 points), so that a page planned here is never too full for either.
 */
import type { SheetModel } from './model';
import { BASE_FONT_SIZE, DEFAULT_COLUMN_WIDTH } from './rowHeights';

/** Points: the smallest text a document prints, at its print scale. */
export const MIN_PRINTED_SIZE = 8;
/** A4 in points (210 × 297 mm). */
export const A4_POINTS = { short: 595.28, long: 841.89 } as const;
/** Points per character of column width, as LibreOffice draws it (Excel: 5.25). */
export const POINTS_PER_CHARACTER = 5.55;
/** The default row height (Calibri 11) and Excel's growth for a larger font. */
const DEFAULT_ROW_HEIGHT = 15;
/** A page is planned this full at most: programs round row heights to their pixels. */
const PAGE_FILL = 0.97;
/** Excel keeps at most 1,026 manual page breaks a sheet (« Excel specifications and limits »). */
export const MAX_PAGE_BREAKS = 1026;
/** Excel's print scale is a whole percentage between 10 and 400. */
const MIN_SCALE = 10;

export interface PaperPlan {
  /** Fit every column on the page width, the scale left to the program (sheets without `legible`). */
  fitToWidth: boolean;
  /** Percent, when the plan fixes the scale (documents); null when the program fits to width. */
  scale: number | null;
  /** Rows that begin a new page, ascending (manual breaks). */
  pageBreaks: number[];
  /** Points of the footer's text, so that it prints at MIN_PRINTED_SIZE at least when the scale is fixed. */
  footerSize: number;
}

/** The printable area in points: the page less its margins (header and footer live in the margins). */
export function printableArea(sheet: SheetModel): { width: number; height: number } {
  const { orientation, margins } = sheet.print;
  const [width, height] = orientation === 'portrait' ? [A4_POINTS.short, A4_POINTS.long] : [A4_POINTS.long, A4_POINTS.short];
  return { width: width - (margins.left + margins.right) * 72, height: height - (margins.top + margins.bottom) * 72 };
}

/** Each row's height in points (index 0 is row 1), as tall as any program draws it. */
export function rowHeightsOnPaper(sheet: SheetModel): number[] {
  let rowCount = 0;
  for (const cell of sheet.cells) rowCount = Math.max(rowCount, cell.row);
  const largest = new Array<number>(rowCount).fill(BASE_FONT_SIZE);
  for (const cell of sheet.cells) largest[cell.row - 1] = Math.max(largest[cell.row - 1], cell.style?.size ?? BASE_FONT_SIZE);
  // Excel grows a row without a height of its own to its largest font: 15.75 points at 12, 18.75 at 14.
  const heights = largest.map((size) => Math.max(DEFAULT_ROW_HEIGHT, Math.ceil(((size * DEFAULT_ROW_HEIGHT) / BASE_FONT_SIZE) * 4) / 4));
  for (const { row, height } of sheet.rowHeights) if (row <= rowCount) heights[row - 1] = height;
  return heights;
}

/** The smallest font of a cell that shows something. */
function smallestText(sheet: SheetModel): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (const cell of sheet.cells) if (cell.value !== null && cell.value !== '') smallest = Math.min(smallest, cell.style?.size ?? BASE_FONT_SIZE);
  return Number.isFinite(smallest) ? smallest : BASE_FONT_SIZE;
}

export function planPaper(sheet: SheetModel, footerSize: number): PaperPlan {
  const legible = sheet.print.legible;
  if (legible === undefined) return { fitToWidth: sheet.print.fitToWidth, scale: null, pageBreaks: [], footerSize };
  const area = printableArea(sheet);
  let columns = 0;
  for (const cell of sheet.cells) columns = Math.max(columns, cell.column);
  // A merged area prints to its last column, which holds no cell of its own.
  for (const merge of sheet.merges) columns = Math.max(columns, merge.toColumn);
  let width = 0;
  for (let c = 0; c < columns; c++) width += (sheet.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH) * POINTS_PER_CHARACTER;
  const heights = rowHeightsOnPaper(sheet);
  const smallest = smallestText(sheet);
  const legibleScale = Math.ceil((MIN_PRINTED_SIZE / smallest) * 100);

  let scale = Math.min(100, Math.floor((area.width / Math.max(width, 1)) * 100));
  if (legible === 'page') {
    const total = heights.reduce((sum, h) => sum + h, 0);
    const onePage = Math.min(scale, Math.floor(((area.height * PAGE_FILL) / Math.max(total, 1)) * 100));
    if (onePage >= legibleScale) scale = onePage;
  }
  if (scale < legibleScale || scale < MIN_SCALE) {
    throw new Error(`planSheet: ${sheet.name} is too wide to print its ${smallest}-point text at ${MIN_PRINTED_SIZE} points (scale ${scale} %)`);
  }
  const pageBreaks = sheet.print.keepTogether ? paginate(heights, (area.height * PAGE_FILL * 100) / scale, sheet.print.keepTogether) : [];
  return { fitToWidth: false, scale, pageBreaks, footerSize: Math.max(footerSize, Math.ceil((MIN_PRINTED_SIZE * 100) / scale)) };
}

/**
 * Every page boundary, greedily, starting a page before a block that would not fit on the current
 * one (a block taller than a page starts a page of its own and runs on). Beyond Excel's limit on
 * manual breaks the last ones are kept: the blocks to keep together are the document's end.
 */
export function paginate(heights: readonly number[], capacity: number, blocks: readonly { from: number; to: number }[]): number[] {
  const starts = new Map(blocks.map((b) => [b.from, b]));
  const breaks: number[] = [];
  let used = 0;
  heights.forEach((height, i) => {
    const row = i + 1;
    const block = starts.get(row);
    if (block && used > 0) {
      const blockHeight = heights.slice(block.from - 1, block.to).reduce((sum, h) => sum + h, 0);
      if (used + blockHeight > capacity) {
        breaks.push(row);
        used = 0;
      }
    }
    if (used > 0 && used + height > capacity) {
      breaks.push(row);
      used = 0;
    }
    used += height;
  });
  return breaks.slice(-MAX_PAGE_BREAKS);
}
