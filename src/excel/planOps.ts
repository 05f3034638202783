/**
 * The render plan (core/record/plan.ts) translated into office.js calls, as a list of operations
 * that the writer packs into syncs. Nothing is decided here that the file writer must also decide:
 * styles, table-or-filter, footer codes, protection come from the plan; this module only says how
 * office.js expresses them.
 *
 * Each operation knows the bytes it adds to a request (office.js sends JSON), so the writer can
 * keep every sync under Excel on the web's 5 MB. Values are written in row chunks, each chunk's
 * number formats first: office.js turns a string starting with "=", "+", "-" or "@" into a formula
 * unless the cell is already formatted as text. A text the plan leaves in another format (longer
 * than 255 characters: Excel shows "####" for those in a text cell) is written behind an
 * apostrophe, which Excel takes as "this is text" and does not keep.
 */
import type { CellRange, PlannedStyle, SheetPlan, StyleRun } from '../core/record/plan';
import { TEXT_FORMAT } from '../core/record/plan';
import type { RecordValue } from '../core/record/model';
import { columnLetter } from '../core/errors';
import { charactersToPoints } from './columnWidths';
import type { BorderSide, XlWorksheet } from './officeApi';

/** One unit of work queued on a context. */
export interface WriteOp {
  /** Estimated bytes it adds to the request. */
  bytes: number;
  queue(sheets: readonly XlWorksheet[]): void;
}

/** The largest value chunk (bytes of its JSON), so that several fit in one 5 MB request. */
export const VALUE_CHUNK_BYTES = 1_000_000;
/** Areas per RangeAreas call: its address is one comma-separated string. */
export const AREAS_PER_CALL = 100;
/** A call's own weight in the request (object path, action name), beyond its arguments. */
const CALL_BYTES = 120;

const encoder = new TextEncoder();
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

export function rangeAddress(range: CellRange): string {
  const from = `${columnLetter(range.fromColumn - 1)}${range.fromRow}`;
  if (range.fromRow === range.toRow && range.fromColumn === range.toColumn) return from;
  return `${from}:${columnLetter(range.toColumn - 1)}${range.toRow}`;
}

/** Rows `from`..`to` (1-based, inclusive) of the sheet: the part of the plan a write or a reveal step covers. */
export interface RowSpan {
  from: number;
  to: number;
}

function clip(range: CellRange, rows: RowSpan): CellRange | null {
  const fromRow = Math.max(range.fromRow, rows.from);
  const toRow = Math.min(range.toRow, rows.to);
  return fromRow > toRow ? null : { ...range, fromRow, toRow };
}

/** The number format every planned cell gets; null where the plan has no cell (left as Excel has it). */
export function formatGrid(plan: SheetPlan): (string | null)[][] {
  const grid = Array.from({ length: plan.rowCount }, () => new Array<string | null>(plan.columnCount).fill(null));
  for (const run of plan.styleRuns) {
    const format = plan.styles[run.style].numberFormat;
    for (const r of run.ranges) for (let row = r.fromRow; row <= r.toRow; row++) for (let c = r.fromColumn; c <= r.toColumn; c++) grid[row - 1][c - 1] = format;
  }
  return grid;
}

function officeValue(value: RecordValue, format: string | null): string | number | null {
  if (typeof value !== 'string' || value === '') return value;
  return format === TEXT_FORMAT ? value : `'${value}`;
}

/** Number formats then values of the plan's rows in `rows`, in chunks under VALUE_CHUNK_BYTES. */
export function valueOps(plan: SheetPlan, sheetIndex: number, rows: RowSpan, formats = formatGrid(plan)): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const block of plan.blocks) {
    const width = block.values[0]?.length ?? 0;
    const first = Math.max(rows.from, block.fromRow);
    const last = Math.min(rows.to, block.fromRow + block.values.length - 1);
    let start = first;
    while (start <= last) {
      let bytes = CALL_BYTES * 2;
      const chunkValues: (string | number | null)[][] = [];
      const chunkFormats: string[][] = [];
      let row = start;
      for (; row <= last; row++) {
        // A position the plan leaves empty gets 'General', a new sheet's own format: office.js
        // documents null as "leave unchanged" for values, not for number formats.
        const formatRow = formats[row - 1].slice(block.fromColumn - 1, block.fromColumn - 1 + width).map((f) => f ?? 'General');
        const valueRow = block.values[row - block.fromRow].map((v, j) => officeValue(v, formatRow[j]));
        const rowBytes = jsonBytes(valueRow) + jsonBytes(formatRow);
        if (chunkValues.length > 0 && bytes + rowBytes > VALUE_CHUNK_BYTES) break;
        chunkValues.push(valueRow);
        chunkFormats.push(formatRow);
        bytes += rowBytes;
      }
      if (chunkValues.length === 0 || width === 0) break;
      const address = rangeAddress({ fromRow: start, fromColumn: block.fromColumn, toRow: row - 1, toColumn: block.fromColumn + width - 1 });
      ops.push({
        bytes,
        queue: (sheets) => {
          const range = sheets[sheetIndex].getRange(address);
          range.numberFormat = chunkFormats;
          range.values = chunkValues;
        },
      });
      start = row;
    }
  }
  return ops;
}

const EDGES: BorderSide[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', center: 'Center' } as const;

/** The plan's complete style on some areas, borders apart. A null colour, fill or alignment is the new sheet's own default: nothing to set. */
function applyStyle(areas: ReturnType<XlWorksheet['getRanges']>, style: PlannedStyle): void {
  const { format } = areas;
  format.font.name = style.font.name;
  format.font.size = style.font.size;
  format.font.bold = style.font.bold;
  format.font.italic = style.font.italic;
  if (style.font.color !== null) format.font.color = `#${style.font.color}`;
  if (style.fill !== null) format.fill.color = `#${style.fill}`;
  if (style.horizontal !== null) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== null) format.verticalAlignment = VERTICAL[style.vertical];
  format.wrapText = style.wrap;
}

/**
 * A thin line around every cell of the areas: their edges, and the lines inside them. Inside lines
 * are only asked of areas that have some (Excel, like VBA, may refuse an inside border on a single
 * row, column or cell), so the areas are grouped by shape.
 */
function borderSides(range: CellRange): BorderSide[] {
  const sides = [...EDGES];
  if (range.toRow > range.fromRow) sides.push('InsideHorizontal');
  if (range.toColumn > range.fromColumn) sides.push('InsideVertical');
  return sides;
}

function borderOps(ranges: readonly CellRange[], colour: string, sheetIndex: number): WriteOp[] {
  const byShape = new Map<string, CellRange[]>();
  for (const range of ranges) {
    const key = borderSides(range).join(',');
    byShape.set(key, [...(byShape.get(key) ?? []), range]);
  }
  const ops: WriteOp[] = [];
  for (const [key, group] of byShape) {
    const sides = key.split(',') as BorderSide[];
    for (let i = 0; i < group.length; i += AREAS_PER_CALL) {
      const address = group.slice(i, i + AREAS_PER_CALL).map(rangeAddress).join(',');
      ops.push({
        bytes: CALL_BYTES * 2 * sides.length + address.length,
        queue: (sheets) => {
          const { borders } = sheets[sheetIndex].getRanges(address).format;
          for (const side of sides) {
            const border = borders.getItem(side);
            border.style = 'Continuous';
            border.color = `#${colour}`;
          }
        },
      });
    }
  }
  return ops;
}

/** Every style run, clipped to `rows`: one RangeAreas call per style and per AREAS_PER_CALL rectangles. */
export function styleOps(plan: SheetPlan, sheetIndex: number, rows: RowSpan): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const run of plan.styleRuns) {
    const ranges = run.ranges.map((r) => clip(r, rows)).filter((r): r is CellRange => r !== null);
    const style = plan.styles[(run as StyleRun).style];
    for (let i = 0; i < ranges.length; i += AREAS_PER_CALL) {
      const address = ranges.slice(i, i + AREAS_PER_CALL).map(rangeAddress).join(',');
      ops.push({ bytes: CALL_BYTES * 9 + address.length, queue: (sheets) => applyStyle(sheets[sheetIndex].getRanges(address), style) });
    }
    if (style.border !== null) ops.push(...borderOps(ranges, style.border.color, sheetIndex));
  }
  return ops;
}

/** Runs of equal neighbours: [[first, last, value]…]. */
function runsOf<T>(entries: [number, T][]): [number, number, T][] {
  const runs: [number, number, T][] = [];
  for (const [index, value] of entries) {
    const last = runs[runs.length - 1];
    if (last && last[1] === index - 1 && last[2] === value) last[1] = index;
    else runs.push([index, index, value]);
  }
  return runs;
}

/** The planned heights of the rows in `rows`, one call per run of equal heights. */
export function rowHeightOps(plan: SheetPlan, sheetIndex: number, rows: RowSpan): WriteOp[] {
  const heights = plan.rowHeights.filter((h) => h.row >= rows.from && h.row <= rows.to).sort((a, b) => a.row - b.row);
  return runsOf(heights.map((h): [number, number] => [h.row, h.height])).map(([from, to, height]) => {
    const address = `${from}:${to}`;
    return { bytes: CALL_BYTES, queue: (sheets) => void (sheets[sheetIndex].getRange(address).format.rowHeight = height) };
  });
}

const ALL_ROWS: RowSpan = { from: 1, to: Number.MAX_SAFE_INTEGER };

/** Merges, widths, heights, table or filter, frozen panes, print set-up: everything but values, styles and protection. */
export function layoutOps(plan: SheetPlan, sheetIndex: number): WriteOp[] {
  const ops: WriteOp[] = [];
  const op = (queue: (sheet: XlWorksheet) => void, bytes = CALL_BYTES) => ops.push({ bytes, queue: (sheets) => queue(sheets[sheetIndex]) });
  for (const merge of plan.merges) {
    const address = rangeAddress(merge);
    op((sheet) => sheet.getRange(address).merge(false));
  }
  for (const [from, to, width] of runsOf(plan.columnWidths.map((w, i): [number, number] => [i, w]))) {
    const address = `${columnLetter(from)}:${columnLetter(to)}`;
    op((sheet) => void (sheet.getRange(address).format.columnWidth = charactersToPoints(width)));
  }
  ops.push(...rowHeightOps(plan, sheetIndex, ALL_ROWS));
  plan.lists.forEach((list) => {
    const address = rangeAddress(list.range);
    if (list.kind === 'filter') {
      op((sheet) => sheet.autoFilter.apply(address));
      return;
    }
    const name = list.name;
    op((sheet) => {
      const table = sheet.tables.add(address, true);
      table.name = name;
      table.style = list.style;
      table.showBandedRows = list.showRowStripes;
      table.showFilterButton = true;
    }, CALL_BYTES * 5);
  });
  if (plan.frozen !== null) {
    const { rows, columns } = plan.frozen;
    op((sheet) => (columns > 0 ? sheet.freezePanes.freezeAt(rangeAddress({ fromRow: 1, fromColumn: 1, toRow: Math.max(rows, 1), toColumn: columns })) : sheet.freezePanes.freezeRows(rows)));
  }
  const print = plan.print;
  op((sheet) => {
    const layout = sheet.pageLayout;
    layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    layout.paperSize = 'A4';
    // office.js counts margins in points; the plan in inches.
    layout.leftMargin = print.margins.left * 72;
    layout.rightMargin = print.margins.right * 72;
    layout.topMargin = print.margins.top * 72;
    layout.bottomMargin = print.margins.bottom * 72;
    layout.headerMargin = print.margins.header * 72;
    layout.footerMargin = print.margins.footer * 72;
    // One page wide, as many pages tall as needed (0: no constraint, OOXML's fitToHeight="0"), or
    // the scale the plan fixed for a document (PageLayoutZoomOptions.scale, 10 to 400, ExcelApi 1.9).
    if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    else if (print.scale !== null) layout.zoom = { scale: print.scale };
    if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.from}:$${print.repeatRows.to}`);
    layout.headersFooters.defaultForAllPages.leftFooter = print.footer.left;
    layout.headersFooters.defaultForAllPages.rightFooter = print.footer.right;
  }, CALL_BYTES * 12 + print.footerCode.length);
  if (print.pageBreaks.length > 0) {
    // « Adds a page break before the top-left cell of the range specified » (PageBreakCollection.add,
    // ExcelApi 1.9: https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagebreakcollection).
    const addresses = print.pageBreaks.map((row) => `A${row}`);
    op((sheet) => addresses.forEach((address) => sheet.horizontalPageBreaks.add(address)), CALL_BYTES * addresses.length);
  }
  return ops;
}

/** Sheet protection as the plan says (no password). */
export function protectOp(plan: SheetPlan, sheetIndex: number): WriteOp | null {
  const protection = plan.protection;
  if (protection === null) return null;
  return {
    bytes: CALL_BYTES,
    queue: (sheets) => sheets[sheetIndex].protection.protect({ allowAutoFilter: protection.allowAutoFilter, allowSort: protection.allowSort, selectionMode: 'Normal' }),
  };
}
