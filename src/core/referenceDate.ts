/**
 * The day of the public draw, as an operator types it. The draw is held on the day or prepared
 * some days before; a date more than a year ahead (9999-12-31, 2205 for 2025) is a typing
 * mistake that would age every candidate wrongly, so it is refused rather than drawn with.
 */
import { compareDates, parseIsoDate, toIso, type CalendarDate } from './dates';
import { InputError } from './errors';

/** How far ahead a reference date may be, in years. */
const LEAD_YEARS = 1;

/** `referenceDate` and `today` are ISO `YYYY-MM-DD`; throws a French InputError when too far ahead. */
export function checkReferenceDateAhead(referenceDate: string, today: string): void {
  const reference = parseIsoDate(referenceDate);
  const now = parseIsoDate(today);
  if (reference === null || now === null) return; // an unreadable date is reported where it is read
  const limit: CalendarDate = { year: now.year + LEAD_YEARS, month: now.month, day: now.day };
  if (compareDates(reference, limit) > 0) {
    throw new InputError({ code: 'bad_reference_date', reason: 'far_from_today', date: referenceDate, today: toIso(now) });
  }
}
