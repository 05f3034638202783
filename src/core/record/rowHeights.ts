/**
 * Heights for rows holding wrapped text that needs more than one line. Neither Excel nor
 * LibreOffice grows a row for a wrapped merged cell, and LibreOffice does not always grow one for
 * a plain wrapped cell, so the record sets them — in the model, so that every renderer agrees.
 * Lines are found by word-wrapping the text in Calibri's own widths (textWidth.ts) at the width
 * Excel gives the column (7 pixels a character, less the cell's margins), with a little room for
 * the screen's rounding; 15 points a line at 11 points, proportionally for other sizes. A height
 * that is too small cuts a text on paper, one too large only wastes a little of the page.
 */
import type { CellModel, MergeModel } from './model';
import { textWidth, type TextFont } from './textWidth';
import { BASE_FONT_SIZE } from './baseStyle';

/** Excel's default column width, which renderers use too. */
export const DEFAULT_COLUMN_WIDTH = 8.43;
export { BASE_FONT_SIZE };
/** Points of a column a character wide, as Excel draws it (7 pixels). */
const POINTS_PER_CHARACTER = 5.25;
/** Points of a cell's width its text cannot use (Excel's margins on each side, and the grid line). */
const CELL_PADDING = 3.75;
/** Text measured this much wider than Calibri's widths: Excel lays text out in whole screen pixels. */
const ROUNDING_ROOM = 1.06;

/** Excel's tallest row (« Excel specifications and limits »: row height 409 points); a longer text is cut. */
export const MAX_ROW_HEIGHT = 409;

/** A string with a line break is shown wrapped, whatever its style says. */
export function wrapsText(cell: CellModel): boolean {
  return typeof cell.value === 'string' && (cell.style?.wrap === true || cell.value.includes('\n'));
}

export function estimateRowHeights(
  cells: readonly CellModel[],
  merges: readonly MergeModel[],
  columnWidths: readonly number[],
): { row: number; height: number }[] {
  const width = (column: number) => columnWidths[column - 1] ?? DEFAULT_COLUMN_WIDTH;
  const heights = new Map<number, number>();
  for (const cell of cells) {
    if (!wrapsText(cell) || typeof cell.value !== 'string') continue;
    const merge = merges.find((m) => m.fromRow === cell.row && m.fromColumn === cell.column);
    if (merge && merge.toRow > merge.fromRow) continue;
    let chars = 0;
    for (let c = cell.column; c <= (merge?.toColumn ?? cell.column); c++) chars += width(c);
    const size = cell.style?.size ?? BASE_FONT_SIZE;
    const font: TextFont = { size: size * ROUNDING_ROOM, bold: cell.style?.bold === true, monospace: cell.style?.monospace === true };
    const line = Math.max(1, chars * POINTS_PER_CHARACTER - CELL_PADDING);
    const lines = cell.value.split(/\r?\n/).reduce((sum, paragraph) => sum + wrappedLines(paragraph, line, font), 0);
    if (lines <= 1) continue;
    const height = Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * 15 * (size / BASE_FONT_SIZE)));
    heights.set(cell.row, Math.max(heights.get(cell.row) ?? 0, height));
  }
  return [...heights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}

/** Lines of one paragraph wrapped at `line` points: at spaces, and inside a word longer than a line. */
function wrappedLines(paragraph: string, line: number, font: TextFont): number {
  // Most cells hold a short text: one line, without cutting it into words.
  if (textWidth(paragraph, font) <= line) return 1;
  const space = textWidth(' ', font);
  let lines = 1;
  let used = 0;
  // Only ordinary spaces break a line: a no-break space (« 2 ans », « n° 1 ») holds its words together.
  for (const word of paragraph.split(/[ \t]+/).filter((w) => w !== '')) {
    const wide = textWidth(word, font);
    if (wide > line) {
      // A word longer than the line is broken across lines, character by character.
      if (used > 0) lines++;
      used = 0;
      for (const character of word) {
        const w = textWidth(character, font);
        if (used > 0 && used + w > line) {
          lines++;
          used = 0;
        }
        used += w;
      }
    } else if (used === 0) {
      used = wide;
    } else if (used + space + wide <= line) {
      used += space + wide;
    } else {
      lines++;
      used = wide;
    }
  }
  return lines;
}
