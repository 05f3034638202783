/**
 * Number formats: which ones show a date, for every reader (a workbook file gives a date cell as
 * a number with a date format, ECMA-376 part 1 §18.8.30; office.js gives it as a number and its
 * format), and the codes of the built-in formats, which a workbook file refers to by id without
 * writing them out. One rule, so that the add-in and the command line read a cell alike.
 */

/** Built-in formats that do not depend on the locale (ECMA-376 part 1, §18.8.30). */
const BUILT_IN: ReadonlyMap<number, string> = new Map([
  [0, 'General'],
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy h:mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00;(#,##0.00)'],
  [40, '#,##0.00;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
]);

/** Locale-dependent built-in ids that show dates (East Asian calendars among them): a file gives no code for them. */
const BUILT_IN_DATE_IDS: ReadonlySet<number> = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function builtInFormat(id: number): string | undefined {
  return BUILT_IN.get(id);
}

/**
 * Whether a number format shows a date or a time: outside quoted text, backslash escapes and
 * [brackets] (colours, conditions, locale tags such as [$-40C]), a day, month, year, hour or
 * second code — Excel's own reading, in which "[h]:mm:ss" and "mm:ss" are date-time formats too
 * (their cells hold serials like any date). Case-insensitive: LibreOffice writes "DD/MM/YYYY"
 * where Excel writes "dd/mm/yyyy". A number so formatted is read as the day it counts (its time
 * of day dropped). Written here rather than taken from a number-format library because this one
 * question is all the readers ask, and the add-in's bundle has a size budget.
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*]/g, '');
  return /[ymdhs]/i.test(bare.replace(/General/gi, ''));
}

/** A workbook file's format by id (and its custom code, when the file gives one): whether it shows a date. */
export function isDateFormatId(id: number, code: string | undefined): boolean {
  const known = code ?? BUILT_IN.get(id);
  return known === undefined ? BUILT_IN_DATE_IDS.has(id) : isDateFormat(known);
}
