/**
 * Heights for rows holding wrapped text that needs more than one line. Neither Excel nor
 * LibreOffice grows a row for a wrapped merged cell, and LibreOffice does not always grow one for
 * a plain wrapped cell, so the record sets them — in the model, so that every renderer agrees.
 * Lines are estimated by word-wrapping the text at the column's width in characters (a width
 * counts digits, wider than most letters, so the estimate errs on the side of room), 15 points a
 * line at 11 points, proportionally for other sizes.
 */
import type { CellModel, MergeModel } from './model';

/** Excel's default column width and font size, which renderers use too. */
export const DEFAULT_COLUMN_WIDTH = 8.43;
export const BASE_FONT_SIZE = 11;

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
    const scale = (size / BASE_FONT_SIZE) * (cell.style?.bold ? 1.08 : 1) * (cell.style?.monospace ? 1.2 : 1);
    const perLine = Math.max(1, Math.floor(chars / scale));
    const lines = cell.value.split(/\r?\n/).reduce((sum, paragraph) => sum + wrappedLines(paragraph, perLine), 0);
    if (lines <= 1) continue;
    const height = Math.ceil(lines * 15 * (size / BASE_FONT_SIZE));
    heights.set(cell.row, Math.max(heights.get(cell.row) ?? 0, height));
  }
  return [...heights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}

function wrappedLines(paragraph: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
    if (word.length > perLine) {
      // A word longer than the line is broken across lines.
      lines += used > 0 ? 1 : 0;
      lines += Math.ceil(word.length / perLine) - 1;
      used = word.length % perLine || perLine;
    } else if (used === 0) {
      used = word.length;
    } else if (used + 1 + word.length <= perLine) {
      used += 1 + word.length;
    } else {
      lines++;
      used = word.length;
    }
  }
  return lines;
}
