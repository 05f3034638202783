/**
 * The mandate (article 7): members serve two years from their designation, renewable. The record
 * states the period, and a replacement is accepted only between the draw and the mandate's end.
 */
import { compareDates, isValidDate, parseIsoDate, toIso, type CalendarDate } from './dates';
import { InputError } from './errors';
import { longFrenchDate } from './record/labels';

/** Article 7: « un mandat de deux ans, renouvelable ». */
export const MANDATE_YEARS = 2;

/** Both ends included, ISO `YYYY-MM-DD`. */
export interface MandatePeriod {
  start: string;
  end: string;
}

function dayBefore(date: CalendarDate): CalendarDate {
  const ms = Date.UTC(date.year, date.month - 1, date.day) - 86_400_000;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Two years from `start`: up to the eve of its second anniversary (13 June 2025 → 12 June 2027).
 * A mandate starting on 29 February ends on 28 February (the anniversary falls on 1 March).
 */
export function mandatePeriod(start: string): MandatePeriod {
  const from = parseIsoDate(start);
  if (from === null) throw new RangeError(`not an ISO date: ${start}`);
  const year = from.year + MANDATE_YEARS;
  const anniversary = isValidDate(year, from.month, from.day) ? { year, month: from.month, day: from.day } : { year, month: 3, day: 1 };
  return { start, end: toIso(dayBefore(anniversary)) };
}

/** How far after the draw a mandate may start, in years: beyond, a typing mistake is likelier than a plan. */
const START_LEAD_YEARS = 1;

/**
 * The mandate's first day as the operator gives it (`--mandate-start`), checked against the draw:
 * members cannot be designated before they are drawn.
 */
export function checkMandateStart(start: string, drawDate: string): MandatePeriod {
  const from = parseIsoDate(start);
  if (from === null) {
    throw new InputError({ code: 'bad_mandate_start', reason: 'unreadable', start });
  }
  const draw = parseIsoDate(drawDate);
  if (draw !== null && compareDates(from, draw) < 0) {
    throw new InputError({ code: 'bad_mandate_start', reason: 'before_draw', start, drawDate });
  }
  if (draw !== null && compareDates(from, { ...draw, year: draw.year + START_LEAD_YEARS }) > 0) {
    throw new InputError({ code: 'bad_mandate_start', reason: 'too_late', start, drawDate });
  }
  return mandatePeriod(start);
}

/** « du vendredi 13 juin 2025 au samedi 12 juin 2027 (2 ans, renouvelable) ». */
export function mandateText(period: MandatePeriod): string {
  return `du ${longFrenchDate(period.start)} au ${longFrenchDate(period.end)} (${MANDATE_YEARS} ans, renouvelable)`;
}
