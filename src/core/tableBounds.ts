/**
 * An Excel table as the candidature table: its range bounds what is read (readCandidatures), the
 * record keeps that range, and `verify` reads it again. A cell filled below the table would then
 * be left out of the draw without anyone seeing it (a candidature typed under the table rather
 * than in it): the table is refused until it holds every row. One rule for the add-in (which
 * knows the sheet's used range) and the command line (which reads the whole sheet).
 */
import { InputError } from './errors';
import type { CellArea } from './sheet';

/** `lastUsedRow`: the sheet's last row holding a value (0 when none). */
export function refuseContentBelowTable(lastUsedRow: number, table: string, sheet: string, area: CellArea): void {
  if (lastUsedRow <= area.bottom) return;
  throw new InputError({ code: 'content_below_table', sheet, table, row: area.bottom + 1 });
}
