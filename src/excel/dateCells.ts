/**
 * Dates in a workbook read through office.js: `Range.values` gives every date as its serial
 * number, and only the number format says it is a date. The serial counts days from 1900 or, in
 * old Mac workbooks, from 1904 — four years apart — and no released API says which
 * (`use1904DateSystem` is preview only). DATE(1904;1;1) tells: 0 in a 1904 workbook, 1462 in a
 * 1900 one.
 */
import { fromExcelSerial, type CalendarDate } from '../core/dates';
import type { CellValue } from '../core/table';
import { ExcelAdapterError } from './problems';

export type DateSystem = 1900 | 1904;

/** The workbook's date system from the serial of 1 January 1904, or null when it says neither. */
export function dateSystemOf(serialOf19040101: unknown): DateSystem | null {
  if (serialOf19040101 === 0) return 1904;
  if (serialOf19040101 === 1462) return 1900;
  return null;
}

/**
 * Whether a number format shows a date: a day or year code, or a month code without hours or
 * seconds ("mm:ss" is a duration). Quoted text, backslash escapes and bracketed parts (colours,
 * conditions, locale tags such as [$-40C]) are not codes. Written here rather than taken from a
 * number-format library because this one question is all the add-in asks, and its bundle has a
 * size budget.
 */
export function isDateFormat(format: string): boolean {
  const codes = format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  if (/general/i.test(codes) || codes === '@') return false;
  if (/[dy]/i.test(codes)) return true;
  return /m/i.test(codes) && !/[hs]/i.test(codes);
}

const MS_PER_DAY = 86_400_000;

/** A serial as the calendar day it shows (the time of day dropped), at midnight UTC like the file readers' dates. */
export function serialToDate(serial: number, system: DateSystem): Date | null {
  let day: CalendarDate | null;
  if (system === 1900) {
    day = fromExcelSerial(serial);
  } else {
    if (!Number.isFinite(serial) || serial < 0) return null;
    const d = new Date(Date.UTC(1904, 0, 1) + Math.floor(serial) * MS_PER_DAY);
    day = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  return day === null ? null : new Date(Date.UTC(day.year, day.month - 1, day.day));
}

/**
 * A value as office.js gives it → the engine's CellValue: '' is an empty cell; a number shown as a
 * date is that calendar day, counted in the workbook's date system — which must be known, or the
 * day could be four years off (`date_system_unknown`, naming the cell).
 */
export function officeCellValue(value: unknown, format: string, system: DateSystem | null, address: string): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!isDateFormat(format)) return value;
    if (system === null) throw new ExcelAdapterError({ code: 'date_system_unknown', cell: address });
    // A serial no calendar day answers (negative, past 9999) stays a number: the engine reports it.
    return serialToDate(value, system) ?? value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}
