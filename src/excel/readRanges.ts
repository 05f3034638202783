/**
 * Reading cells from the open workbook, in one place for every read — the candidature table
 * (tableReader.ts) and the record read back for `verify` (`readSheets` below) — as core's Sheet,
 * the model the file readers give: rows from row 1, cells from column A, a date cell as the day
 * it shows, number formats other than General, each row ending at its last value.
 *
 * Round trips: the blocks come in row slices, as many per sync as the cell budget allows
 * (several sheets may share a sync). Excel on the web answers at most 5 MB per request and per
 * response (`ResponsePayloadSizeLimitExceeded`, `RequestPayloadSizeLimitExceeded`), and no read
 * may cover more than 5,000,000 cells (`RangeExceedsLimit`; resource limits,
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization):
 * a sync Excel finds too large is asked again with half the cells. The slices stay far below.
 *
 * Merged areas: office.js gives them only from ExcelApi 1.13 (Range.getMergedAreasOrNullObject,
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)),
 * and the add-in asks for ExcelApi 1.9: its sheets say they do not know them (merges: null). A
 * merged area changes no value — office.js, like the file reader, gives its other cells as empty —
 * only the explanation of an empty cell; `verify` accepts a record explained with or without them
 * (core/record/verify.ts).
 */
import { cellAddress } from '../core/errors';
import { cellKey, EMPTY_ROW, type CellKey, type CellValue, type Sheet } from '../core/sheet';
import { dateSystemOf, officeCellValue, type DateSystem } from './dateCells';
import type { XlContext, XlFunctionResult, XlRange, XlWorksheet } from './officeApi';
import { isTooLarge, type ExcelSyncs } from './syncs';

/**
 * Cells read per sync: with values, number formats and formulas, a candidature cell costs about
 * 30 bytes of response, so 100,000 cells (10,000 rows of 10 columns) stay well under 5 MB.
 */
export const CELLS_PER_SYNC = 100_000;
/** Without formulas, values and number formats cost about 25 bytes a cell: 120,000 cells stay under 5 MB. */
export const READ_BACK_CELLS_PER_SYNC = 120_000;

/** A block of cells, 0-based as office.js's rowIndex/columnIndex; rowCount 0 for nothing. */
export interface Extent {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export const NO_EXTENT: Extent = { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 };

/** A block of one worksheet to read. */
export interface RangeRequest {
  worksheet: XlWorksheet;
  extent: Extent;
}

/** One slice as office.js gave it. */
interface Slice {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  numberFormat: unknown[][];
  /** Loaded only when asked for (the candidature table's formulas without value). */
  formulas: unknown[][] | null;
}

/** What has been read of one sheet, slice by slice, until the date system is known. */
export class SheetCells {
  readonly slices: Slice[] = [];
}

/** A formula whose result is empty or an error: shown to the user (describeFormulaWithoutValue), never guessed. */
export interface FormulaWithoutValue {
  cell: string;
  formula: string;
  /** What Excel shows: '' or an error such as '#N/A'. */
  shown: string;
}

interface Pending {
  index: number;
  worksheet: XlWorksheet;
  extent: Extent;
}

/**
 * Reads every block into `into[i]` (one SheetCells per request), in row slices, as many per sync
 * as the budget allows; `formulas` loads each cell's formula too.
 */
export async function readRanges(context: XlContext, syncs: ExcelSyncs, requests: readonly RangeRequest[], into: readonly SheetCells[], options: { formulas: boolean }): Promise<void> {
  let budget = options.formulas ? CELLS_PER_SYNC : READ_BACK_CELLS_PER_SYNC;
  const pending: Pending[] = requests
    .map(({ worksheet, extent }, index) => ({ index, worksheet, extent }))
    .filter((p) => p.extent.rowCount > 0 && p.extent.columnCount > 0);
  while (pending.length > 0) {
    // Take slices of the pending blocks until the budget is spent.
    const batch: { part: Pending; range: XlRange; rows: number }[] = [];
    let cells = 0;
    while (pending.length > 0 && cells < budget) {
      const part = pending[0];
      const { rowIndex, columnIndex, rowCount, columnCount } = part.extent;
      const rows = Math.max(1, Math.min(rowCount, Math.floor((budget - cells) / columnCount)));
      const range = part.worksheet.getRangeByIndexes(rowIndex, columnIndex, rows, columnCount).load(options.formulas ? 'values, numberFormat, formulas' : 'values, numberFormat');
      batch.push({ part, range, rows });
      cells += rows * columnCount;
      if (rows === rowCount) pending.shift();
      else pending[0] = { ...part, extent: { ...part.extent, rowIndex: rowIndex + rows, rowCount: rowCount - rows } };
    }
    try {
      await syncs.sync(context);
    } catch (error) {
      if (isTooLarge(error) && cells > 1) {
        // Put the slices back, whole, and ask for less at a time.
        for (const b of [...batch].reverse()) mergeBack(pending, { ...b.part, extent: { ...b.part.extent, rowCount: b.rows } });
        budget = Math.max(1, Math.floor(cells / 2));
        continue;
      }
      throw error;
    }
    for (const { part, range } of batch) {
      into[part.index].slices.push({
        rowIndex: part.extent.rowIndex,
        columnIndex: part.extent.columnIndex,
        values: range.values,
        numberFormat: range.numberFormat,
        formulas: options.formulas ? range.formulas : null,
      });
    }
  }
}

/** A slice read too large goes back to the front of the queue, joined to what follows it on the same sheet. */
function mergeBack(pending: Pending[], slice: Pending): void {
  const next = pending[0];
  if (next && next.index === slice.index && next.extent.rowIndex === slice.extent.rowIndex + slice.extent.rowCount) {
    pending[0] = { ...slice, extent: { ...slice.extent, rowCount: slice.extent.rowCount + next.extent.rowCount } };
  } else {
    pending.unshift(slice);
  }
}

/** An error value as office.js gives it in `values` ("#N/A", "#DIV/0!", "#NAME?"…). */
const ERROR_VALUE = /^#[A-Z0-9/!?]+[!?]?$/;

/**
 * The cells read as a Sheet, dates counted in `system`; the formulas whose result is empty or an
 * error are listed apart (when formulas were loaded).
 */
export function toSheet(name: string, source: string, cells: SheetCells, system: DateSystem | null): { sheet: Sheet; formulasWithoutValue: FormulaWithoutValue[] } {
  const rows: CellValue[][] = [];
  const numberFormats = new Map<CellKey, string>();
  const formulasWithoutValue: FormulaWithoutValue[] = [];
  for (const slice of cells.slices) {
    slice.values.forEach((values, i) => {
      const row = slice.rowIndex + i + 1;
      values.forEach((raw, j) => {
        const column = slice.columnIndex + j;
        const format = String(slice.numberFormat[i][j] ?? 'General');
        const formula = slice.formulas?.[i][j];
        if (typeof formula === 'string' && formula.startsWith('=') && (raw === '' || (typeof raw === 'string' && ERROR_VALUE.test(raw)))) {
          formulasWithoutValue.push({ cell: cellAddress(column, row), formula, shown: String(raw) });
        }
        const value = officeCellValue(raw, format, system, row, column);
        // A cell read twice (the read-back's second pass) takes its last value, empty included.
        if (value === null || format === 'General') numberFormats.delete(cellKey(row, column));
        else numberFormats.set(cellKey(row, column), format);
        if (value === null) {
          const line = rows[row - 1];
          if (line !== undefined && column < line.length) line[column] = null;
          return;
        }
        while (rows.length < row) rows.push(EMPTY_ROW as CellValue[]);
        if (rows[row - 1] === EMPTY_ROW) rows[row - 1] = [];
        const line = rows[row - 1];
        while (line.length < column) line.push(null);
        line[column] = value;
      });
    });
  }
  // Each row ends at its last value, the sheet at its last row holding one (as the file reader gives them).
  for (const line of rows) while (line.length > 0 && line[line.length - 1] === null) line.pop();
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return { sheet: { name, source, rows, merges: null, formulasWithoutValue: new Map(), numberFormats }, formulasWithoutValue };
}

/** The workbook's date system, loaded with the next sync. */
export function loadDateSystem(context: XlContext): () => DateSystem | null {
  const probe: XlFunctionResult = context.workbook.functions.date(1904, 1, 1).load('value');
  return () => {
    try {
      return dateSystemOf(probe.value);
    } catch {
      return null;
    }
  };
}

function extentOf(range: XlRange): Extent {
  if (range.isNullObject) return NO_EXTENT;
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

/**
 * The named sheets as Sheets, in the order given, for `verify` and the journal. One sync learns
 * each sheet's used range and the date system, then the cells come. `expected` (1-based row and
 * column counts from A1, by sheet name) is where the caller just wrote: the first sync is then
 * saved — the used ranges are loaded with the first cells, and read again only if a co-author
 * wrote beyond them.
 */
export async function readSheets(
  context: XlContext,
  syncs: ExcelSyncs,
  names: readonly string[],
  expected?: ReadonlyMap<string, { rows: number; columns: number }>,
): Promise<Sheet[]> {
  const worksheets = names.map((name) => context.workbook.worksheets.getItem(name));
  const used = worksheets.map((s) => s.getUsedRangeOrNullObject(true).load('isNullObject, rowIndex, columnIndex, rowCount, columnCount'));
  const dateSystem = loadDateSystem(context);
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
  const cells = names.map(() => new SheetCells());
  await readRanges(context, syncs, worksheets.map((worksheet, i) => ({ worksheet, extent: extents[i] })), cells, { formulas: false });
  if (expected) {
    // The used ranges came with the first cells: anything written beyond what was expected is read too.
    const beyond = used.map(extentOf).map((found, i) => (covers(extents[i], found) ? NO_EXTENT : found));
    if (beyond.some((b) => b.rowCount > 0)) await readRanges(context, syncs, worksheets.map((worksheet, i) => ({ worksheet, extent: beyond[i] })), cells, { formulas: false });
  }
  const system = dateSystem();
  return names.map((name, i) => toSheet(name, name, cells[i], system).sheet);
}
