/**
 * Why a cell reads as empty when it does not look empty in the spreadsheet: a formula saved
 * without its result (a file written by a program that does not calculate, never opened in
 * Excel), or a cell covered by a merged area whose value belongs to the area's first row. The
 * messages about an empty cell name that cause, which is what the person has to fix.
 */

import type { BlankCause } from './rowProblems';
import { cellKey, type CellArea, type Sheet } from './sheet';

export class BlankCells {
  /** Merged areas by column, so a lookup scans only the areas that cover that column. */
  private readonly mergesByColumn = new Map<number, CellArea[]>();

  constructor(private readonly sheet: Sheet) {
    for (const area of sheet.merges ?? []) {
      // A candidature table is a few columns wide: an area spanning whole rows (up to 16,384 columns)
      // is indexed on its first 1,024 only, so a title merged across the sheet costs little.
      const right = Math.min(area.right, area.left + 1024);
      for (let column = area.left; column <= right; column++) {
        const list = this.mergesByColumn.get(column) ?? [];
        list.push(area);
        this.mergesByColumn.set(column, list);
      }
    }
  }

  /** The cause of the emptiness of the cell at `column` (0-based) of `row`, when one is known. */
  causeOf(row: number, column: number): BlankCause | undefined {
    const formula = this.sheet.formulasWithoutValue.size === 0 ? undefined : this.sheet.formulasWithoutValue.get(cellKey(row, column));
    if (formula !== undefined) return { kind: 'formula', formula };
    const area = this.mergesByColumn.get(column)?.find((a) => a.top <= row && row <= a.bottom && !(a.top === row && a.left === column));
    return area === undefined ? undefined : { kind: 'merged', area };
  }
}
