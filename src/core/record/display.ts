/**
 * What a reader of a record sheet sees beyond its values, against the render plan (issue 15 §1):
 * people read the record on screen and on paper, and an edit that leaves every value right can
 * still change what they read — a number format `;;;"Retenu·e"` over a reserve's status, a
 * conditional format doing the same, a formula whose saved value is not what a spreadsheet shows
 * once it calculates, a member's name in white or in 1 point, a hidden row, a hidden sheet whose
 * copy shows in its place, a print area leaving a member off the page.
 *
 * Compared is what is shown, not how a file writes it: looks resolved by the reader (theme colours,
 * tints, the automatic colour), so a record re-saved by LibreOffice or openpyxl still conforms.
 * Only cells holding a value are compared: the look of an empty cell shows nothing.
 */
import type { Difference } from '../problems';
import { cellAddress, cellKey, cellOfKey, columnLetter, parseAreaAddress, type Sheet, type SheetDisplay } from '../sheet';
import type { SheetModel } from './model';
import { planStyles, type PlannedStyle } from './plan';

/**
 * A number format can show something else than the value: `;;;"Retenu·e"` displays a word over
 * any number or text. The record only uses plain formats (text, percentages), so a format with
 * literal text, sections, conditions or colours in a record sheet is reported as such.
 */
const DISGUISING_FORMAT = /["\\;[]/;

/** The automatic font colour, as every reader of a printed page sees it. */
const AUTOMATIC = '000000';

export function isDisguisingFormat(format: string): boolean {
  return DISGUISING_FORMAT.test(format);
}

/** "C12", the first cell of an area ("C12:C20 E4" → "C12"), for the task pane to select it; the area itself when it is not one. */
function firstCell(area: string): string {
  const parsed = parseAreaAddress(area.split(/\s+/)[0] ?? '');
  return parsed === null ? area : cellAddress(parsed.left, parsed.top);
}

/** Every difference between how the sheet is shown and how the plan of `model` shows it, in reading order within each kind. */
export function compareDisplay(model: SheetModel, grid: Sheet): Difference[] {
  const differences: Difference[] = [];
  const sheet = grid.name;
  const display = grid.display;
  compareFormats(model, grid, display, differences);
  if (display === undefined) return differences;
  if (display.visibility !== 'visible') differences.push({ code: 'hidden_sheet', sheet, visibility: display.visibility });
  for (const [key, formula] of [...(display.formulas ?? [])].sort(([a], [b]) => a - b)) {
    const { row, column } = cellOfKey(key);
    differences.push({ code: 'formula', sheet, cell: cellAddress(column, row), formula });
  }
  for (const area of display.conditionalFormats ?? []) differences.push({ code: 'conditional_format', sheet, cell: firstCell(area), area });
  for (const area of display.dataValidations ?? []) differences.push({ code: 'data_validation', sheet, cell: firstCell(area), area });
  for (const row of display.hiddenRows ?? []) differences.push({ code: 'hidden_row', sheet, cell: cellAddress(0, row), row });
  for (const column of display.hiddenColumns ?? []) differences.push({ code: 'hidden_column', sheet, cell: cellAddress(column, 1), column: columnLetter(column) });
  if (display.printArea !== null && display.printArea !== '') differences.push({ code: 'print_area', sheet, area: display.printArea });
  return differences;
}

/**
 * Number formats and looks, cell by cell: the format of each cell holding a value, and its font's
 * size and colour and its fill as drawn, against the planned style of that cell. A format that
 * could disguise a value is reported as such, whatever the plan.
 */
function compareFormats(model: SheetModel, grid: Sheet, display: SheetDisplay | undefined, differences: Difference[]): void {
  const sheet = grid.name;
  // A reader that reports no display facts (a grid built in memory) is compared on disguises only.
  if (display === undefined) {
    // In reading order, whatever order the reader found them in.
    const formats = [...grid.numberFormats].filter(([, format]) => isDisguisingFormat(format)).sort(([a], [b]) => a - b);
    for (const [key, format] of formats) {
      const { row, column } = cellOfKey(key);
      differences.push({ code: 'disguising_format', sheet, cell: cellAddress(column, row), format });
    }
    return;
  }
  const planned = planStyles(model);
  const styleAt = (row: number, column: number): PlannedStyle | undefined => {
    if (row > planned.rowCount || column >= planned.columnCount) return undefined;
    const id = planned.styleIds[(row - 1) * planned.columnCount + column];
    return id < 0 ? undefined : planned.styles[id];
  };
  const { looks, lookOf } = display;
  for (let r = 0; r < grid.rows.length; r++) {
    const cells = grid.rows[r];
    for (let c = 0; c < cells.length; c++) {
      if (cells[c] === null || cells[c] === undefined || cells[c] === '') continue;
      const format = grid.numberFormats.get(cellKey(r + 1, c)) ?? 'General';
      const cell = () => cellAddress(c, r + 1);
      if (isDisguisingFormat(format)) differences.push({ code: 'disguising_format', sheet, cell: cell(), format });
      const style = styleAt(r + 1, c);
      // A value where the plan has none is a difference of values already.
      if (style === undefined) continue;
      if (!isDisguisingFormat(format) && format !== style.numberFormat) differences.push({ code: 'number_format', sheet, cell: cell(), expected: style.numberFormat, found: format });
      const look = looks === null || lookOf === null ? undefined : looks[lookOf[r]?.[c] ?? -1];
      if (look === undefined) continue;
      const color = style.font.color ?? AUTOMATIC;
      if (look.fontColor !== color) differences.push({ code: 'font_color', sheet, cell: cell(), expected: color, found: look.fontColor });
      // Smaller than planned is what hides text (a name in 1 point); larger hides nothing, and records
      // written before a layout change (issue 13 §3 printed the procès-verbal's fingerprint at 10
      // points instead of 11) must still conform.
      if (look.fontSize < style.font.size) differences.push({ code: 'font_size', sheet, cell: cell(), expected: style.font.size, found: look.fontSize });
      if (look.fill !== style.fill) differences.push({ code: 'fill', sheet, cell: cell(), expected: style.fill, found: look.fill });
    }
  }
}
