/**
 * The record's base font and the key of a planned style: all the .xlsx writer (src/xlsx) needs of
 * the plan at run time. A module of its own because the task pane loads that writer as a separate
 * chunk: a module both chunks use is kept apart in the pane's script, and a small one costs little.
 */
import type { PlannedStyle } from './plan';

/** Excel's default font size, which renderers use too. */
export const BASE_FONT_SIZE = 11;

/** The font of every cell the record writes (the input workbook's default font may differ). */
export const BASE_FONT = { name: 'Calibri', family: 2, size: BASE_FONT_SIZE } as const;

/** One string per distinct style (fields in a fixed order). */
export function styleKey(style: PlannedStyle): string {
  const f = style.font;
  return [f.name, f.family, f.size, f.bold, f.italic, f.color, style.fill, style.numberFormat, style.horizontal, style.vertical, style.wrap, style.border?.color ?? null].join('|');
}
