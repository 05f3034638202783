/**
 * Dates in a workbook read through office.js: `Range.values` gives every date as its serial
 * number, and only the number format says it is a date (core/numberFormats.ts decides, for every
 * reader). The serial counts days from 1900 or, in old Mac workbooks, from 1904 — four years
 * apart — and no released API says which (`use1904DateSystem` is preview only). DATE(1904;1;1)
 * tells: 0 in a 1904 workbook, 1462 in a 1900 one.
 */
import { cellAddress } from '../core/errors';
import { serialToDate, type DateSystem } from '../core/dates';
import { isDateFormat } from '../core/numberFormats';
import type { CellValue } from '../core/sheet';
import { ExcelAdapterError } from './problems';

export type { DateSystem };

/** The workbook's date system from the serial of 1 January 1904, or null when it says neither. */
export function dateSystemOf(serialOf19040101: unknown): DateSystem | null {
  if (serialOf19040101 === 0) return 1904;
  if (serialOf19040101 === 1462) return 1900;
  return null;
}

/**
 * A value as office.js gives it → a cell of core's Sheet: '' is an empty cell; a number shown as a
 * date is that calendar day, counted in the workbook's date system — which must be known, or the
 * day could be four years off (`date_system_unknown`, naming the cell at `row`, `column`).
 */
export function officeCellValue(value: unknown, format: string, system: DateSystem | null, row: number, column: number): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (format === 'General' || !isDateFormat(format)) return value;
    if (system === null) throw new ExcelAdapterError({ code: 'date_system_unknown', cell: cellAddress(column, row) });
    // A serial no calendar day answers (negative, past 9999) stays a number: the engine reports it.
    return serialToDate(value, system) ?? value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}
