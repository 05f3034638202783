/**
 * Number formats: which ones show a date (a number with a date format is a date, ECMA-376 part 1
 * §18.8.30), and the codes of the built-in ones, which a workbook refers to by id without writing
 * them out.
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

/** Locale-dependent built-in ids that show dates (East Asian calendars among them). */
const BUILT_IN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function builtInFormat(id: number): string | undefined {
  return BUILT_IN.get(id);
}

/**
 * A format shows a date or a time when, outside quoted text and [brackets] (colours, conditions,
 * locales), it has a day, month, year, hour or second code.
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATE_IDS.has(id);
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  // Case-insensitive: LibreOffice writes "DD/MM/YYYY" where Excel writes "dd/mm/yyyy".
  return /[ymdhs]/i.test(bare.replace(/General/gi, ''));
}
