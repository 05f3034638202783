/**
 * Worksheets read back as `SheetGrid`s for `verify`: values from row 1 and column A (as the file
 * reader gives them), number formats other than General, dates made Dates like the table reader.
 *
 * Round trips: one sync learns each sheet's used range and the date system, then the cells come
 * in syncs of at most READ_BACK_CELLS_PER_SYNC cells, several sheets sharing a sync; a part Excel
 * finds too large to answer (over 5 MB) is split again. After a write the caller knows where the
 * cells are, and the first sync is saved: the used ranges are loaded with the first cells, and
 * read again only if a co-author wrote beyond them.
 */
import type { CellValue } from '../core/table';
import type { SheetGrid } from '../core/record/verify';
import { cellAddress } from '../core/errors';
import { dateSystemOf, officeCellValue, type DateSystem } from './dateCells';
import type { XlContext, XlFunctionResult, XlRange } from './officeApi';
import { excelCode, type SyncCounter } from './syncs';

/** Values and number formats cost about 25 bytes a cell in a response: 120,000 cells stay under 5 MB. */
export const READ_BACK_CELLS_PER_SYNC = 120_000;

/** 0-based, as office.js's rowIndex/columnIndex; rowCount 0 for an empty sheet. */
interface Extent {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

interface Part {
  sheet: number;
  extent: Extent;
}

/**
 * The named sheets as grids, in the order given. `expected` (1-based row and column counts from
 * A1, by sheet name) is where the caller wrote: the read then starts at once.
 */
export async function readSheetGrids(
  context: XlContext,
  syncs: SyncCounter,
  names: readonly string[],
  expected?: ReadonlyMap<string, { rows: number; columns: number }>,
): Promise<SheetGrid[]> {
  const sheets = names.map((name) => context.workbook.worksheets.getItem(name));
  const used = sheets.map((s) => s.getUsedRangeOrNullObject(true).load('isNullObject, rowIndex, columnIndex, rowCount, columnCount'));
  const probe = context.workbook.functions.date(1904, 1, 1).load('value');
  let extents: Extent[];
  if (expected) {
    extents = names.map((name) => {
      const e = expected.get(name);
      return { rowIndex: 0, columnIndex: 0, rowCount: e?.rows ?? 0, columnCount: e?.columns ?? 0 };
    });
  } else {
    await syncs.sync(context);
    extents = used.map(extentOf);
  }
  const grids: Grids[] = names.map(() => ({ values: new Map(), formats: new Map() }));
  await readParts(context, syncs, sheets.map((s) => (rowIndex: number, columnIndex: number, rowCount: number, columnCount: number) => s.getRangeByIndexes(rowIndex, columnIndex, rowCount, columnCount)), extents, grids);
  if (expected) {
    // The used ranges came with the first cells: anything written beyond what was expected is read too.
    const beyond = used.map(extentOf).map((found, i) => (covers(extents[i], found) ? null : found));
    if (beyond.some((b) => b !== null)) {
      await readParts(context, syncs, sheets.map((s) => (r: number, c: number, rc: number, cc: number) => s.getRangeByIndexes(r, c, rc, cc)), beyond.map((b) => b ?? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }), grids);
    }
  }
  const system = dateSystemOf(valueOf(probe));
  return names.map((name, i) => toGrid(name, grids[i], system));
}

function valueOf(probe: XlFunctionResult): unknown {
  try {
    return probe.value;
  } catch {
    return null;
  }
}

function extentOf(range: XlRange): Extent {
  if (range.isNullObject) return { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 };
  return { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
}

function covers(outer: Extent, inner: Extent): boolean {
  if (inner.rowCount === 0) return true;
  return (
    inner.rowIndex >= outer.rowIndex &&
    inner.columnIndex >= outer.columnIndex &&
    inner.rowIndex + inner.rowCount <= outer.rowIndex + outer.rowCount &&
    inner.columnIndex + inner.columnCount <= outer.columnIndex + outer.columnCount
  );
}

interface Grids {
  /** "row:column" 1-based → value as office.js gave it. */
  values: Map<string, unknown>;
  formats: Map<string, string>;
}

type RangeAt = (rowIndex: number, columnIndex: number, rowCount: number, columnCount: number) => XlRange;

/** Reads every extent in row slices, as many per sync as the cell budget allows. */
async function readParts(context: XlContext, syncs: SyncCounter, rangeAt: RangeAt[], extents: Extent[], grids: Grids[]): Promise<void> {
  let budget = READ_BACK_CELLS_PER_SYNC;
  const pending: Part[] = extents.map((extent, sheet) => ({ sheet, extent })).filter((p) => p.extent.rowCount > 0 && p.extent.columnCount > 0);
  while (pending.length > 0) {
    // Take slices of the pending parts until the budget is spent.
    const batch: { part: Part; range: XlRange; rows: number }[] = [];
    let cells = 0;
    while (pending.length > 0 && cells < budget) {
      const part = pending[0];
      const rows = Math.max(1, Math.min(part.extent.rowCount, Math.floor((budget - cells) / part.extent.columnCount)));
      const { rowIndex, columnIndex, columnCount } = part.extent;
      const range = rangeAt[part.sheet](rowIndex, columnIndex, rows, columnCount).load('values, numberFormat');
      batch.push({ part, range, rows });
      cells += rows * columnCount;
      if (rows === part.extent.rowCount) pending.shift();
      else pending[0] = { sheet: part.sheet, extent: { ...part.extent, rowIndex: rowIndex + rows, rowCount: part.extent.rowCount - rows } };
    }
    try {
      await syncs.sync(context);
    } catch (error) {
      const code = excelCode(error);
      if ((code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded') && cells > 1) {
        // Put the slices back, whole, and ask for less at a time.
        for (const b of [...batch].reverse()) mergeBack(pending, b.part.sheet, { ...b.part.extent, rowCount: b.rows });
        budget = Math.max(1, Math.floor(cells / 2));
        continue;
      }
      throw error;
    }
    for (const { part, range } of batch) {
      const grid = grids[part.sheet];
      range.values.forEach((row, i) =>
        row.forEach((value, j) => {
          const key = `${part.extent.rowIndex + i + 1}:${part.extent.columnIndex + j + 1}`;
          grid.values.set(key, value);
          grid.formats.set(key, String(range.numberFormat[i][j] ?? 'General'));
        }),
      );
    }
  }
}

/** A slice read too large goes back to the front of the queue, joined to what follows it on the same sheet. */
function mergeBack(pending: Part[], sheet: number, slice: Extent): void {
  const next = pending[0];
  if (next && next.sheet === sheet && next.extent.rowIndex === slice.rowIndex + slice.rowCount) {
    pending[0] = { sheet, extent: { ...slice, rowCount: slice.rowCount + next.extent.rowCount } };
  } else {
    pending.unshift({ sheet, extent: slice });
  }
}

function toGrid(name: string, grids: Grids, system: DateSystem | null): SheetGrid {
  const rows: CellValue[][] = [];
  const numberFormats = new Map<string, string>();
  for (const [key, raw] of grids.values) {
    const [row, column] = key.split(':').map(Number);
    const format = grids.formats.get(key) ?? 'General';
    if (format !== 'General') numberFormats.set(key, format);
    const value = officeCellValue(raw, format, system, cellAddress(column - 1, row));
    if (value === null) continue;
    while (rows.length < row) rows.push([]);
    const cells = rows[row - 1];
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] = value;
  }
  return { name, rows, numberFormats };
}
