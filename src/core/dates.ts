/**
 * Calendar dates without time zones (ALGORITHM.md §2): birth dates from Excel serials, date cells
 * or French-style text, and ages in full years at the reference date.
 */

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const MS_PER_DAY = 86_400_000;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Two digits; a plain concatenation, as every eligible row's birth date passes here. */
function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function toIso(date: CalendarDate): string {
  const year = date.year >= 1000 ? String(date.year) : pad(date.year, 4);
  return `${year}-${twoDigits(date.month)}-${twoDigits(date.day)}`;
}

/** "13/06/2025", as French writes a date. */
export function formatFrenchDate(date: CalendarDate): string {
  return `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Full years at the reference date. */
export function ageAt(birth: CalendarDate, reference: CalendarDate): number {
  const beforeBirthday = reference.month < birth.month || (reference.month === birth.month && reference.day < birth.day);
  return reference.year - birth.year - (beforeBirthday ? 1 : 0);
}

function fromUtcMs(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Workbooks count days from 1900, or — old Mac workbooks, and any saved with that option — from
 * 1904, four years and a day apart: a workbook says which (ECMA-376 part 1, §18.17.4.1).
 */
export type DateSystem = 1900 | 1904;

/**
 * The calendar day of an Excel serial (a time of day, its fractional part, is ignored: a birth
 * date is a day); null when no day 1900–9999 answers it. In the 1900 system serial 1 is
 * 1900-01-01 and serial 60 is 29 February 1900, a day that never existed (a Lotus 1-2-3 bug Excel
 * keeps), so serials from 61 on count from 1899-12-30. In the 1904 system serial 0 is 1904-01-01.
 */
export function fromExcelSerial(serial: number, system: DateSystem = 1900): CalendarDate | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (system === 1904) {
    if (day < 0 || day > 2_957_003 /* 9999-12-31 */) return null;
    return fromUtcMs(Date.UTC(1904, 0, 1) + day * MS_PER_DAY);
  }
  if (day < 1 || day === 60 || day > 2_958_465 /* 9999-12-31 */) return null;
  const epoch = day >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return fromUtcMs(epoch + day * MS_PER_DAY);
}

/**
 * A number shown as a date, as every reader delivers it: midnight UTC of the day it shows; null
 * when no day answers it (the reader then keeps the number, and the engine reports it).
 */
export function serialToDate(serial: number, system: DateSystem): Date | null {
  const day = fromExcelSerial(serial, system);
  return day === null ? null : new Date(Date.UTC(day.year, day.month - 1, day.day));
}

/** The serial of a date cell in the workbook's date system (the inverse of serialToDate for days 1900–9999). */
export function dateToSerial(date: Date, system: DateSystem): number {
  const days = Math.floor((date.getTime() - (system === 1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / MS_PER_DAY);
  return system === 1900 && days < 61 ? days - 1 : days;
}

/** A date cell as adapters deliver it: midnight UTC of the calendar day shown in the sheet. */
export function fromDateValue(value: Date): CalendarDate | null {
  const ms = value.getTime();
  return Number.isNaN(ms) ? null : fromUtcMs(ms);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

/** Text `YYYY-MM-DD`, `D/M/YYYY`, `D-M-YYYY` or `D.M.YYYY` (day first, four-digit year). */
export function parseDateText(text: string): CalendarDate | null {
  if (isTwoDigitDayFirst(text)) {
    // The usual JJ/MM/AAAA, read from its digits: the same as DAY_FIRST_DATE gives, without a match array.
    return validDate(digits(text, 6, 10), digits(text, 3, 5), digits(text, 0, 2));
  }
  const iso = ISO_DATE.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_FIRST_DATE.exec(text);
  if (dayFirst) return validDate(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]));
  return null;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const DIGITS_OF_DD_MM_YYYY = [0, 1, 3, 4, 6, 7, 8, 9];

function isTwoDigitDayFirst(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(2) !== 0x2f || text.charCodeAt(5) !== 0x2f) return false;
  for (const i of DIGITS_OF_DD_MM_YYYY) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + text.charCodeAt(i) - 0x30;
  return n;
}

function validDate(year: number, month: number, day: number): CalendarDate | null {
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/** The reference date: strictly `YYYY-MM-DD`. */
export function parseIsoDate(text: string): CalendarDate | null {
  return ISO_DATE.test(text) ? parseDateText(text) : null;
}
