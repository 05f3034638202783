/**
 * Recording a departure in a record workbook: the record must verify first (a replacement is never
 * stacked on an edited record), then the rule gives who joins, after the replacements already
 * recorded. The front ends only read the workbook and write the sheet returned: the CLI's
 * `replace` into a copy of the file, the task pane into the open workbook.
 */
import { InputError } from '../errors';
import type { DrawResult } from '../draw';
import { mandatePeriod, type MandatePeriod } from '../mandate';
import { MandateMembers, refuseDepartureAhead, type Replacement, type ReplacementRequest } from '../replacement';
import type { RecordData } from './dataSheet';
import type { SheetModel } from './model';
import { nextReplacement, recordedRequests } from './replacements';
import type { Sheet } from '../sheet';
import { allDifferences, readRecordDraw, verifyWorkbook } from './verify';

export interface RecordedReplacement {
  replacement: Replacement;
  /** The new Remplacement sheet, to add to a copy of the workbook. */
  sheet: SheetModel;
  result: DrawResult;
  /** The data sheet of the draw replaced in. */
  dataSheet: string;
  /** The replacement fingerprint (ALGORITHM.md §11), to publish with the notice. */
  fingerprint: string;
  /** Every replacement of this draw so far, in date order, this one last. */
  replacements: Replacement[];
  /** What the draw's record says of the session: what its public record needs beyond the draw. */
  meta: RecordData['meta'];
}

/** The latest draw of a record workbook as it stands during its mandate. */
export interface MandateRecord {
  /** The data sheet of the draw (the last one in tab order: a workbook holding several draws has its current council last). */
  dataSheet: string;
  result: DrawResult;
  mandate: MandatePeriod;
  /** The departures already recorded for this draw, in date order. */
  recorded: ReplacementRequest[];
}

/**
 * The workbook's latest draw, once the whole workbook verifies; `record_not_conforming` otherwise.
 * `source` names the file in messages.
 */
export function readMandateRecord(sheets: readonly Sheet[], source: string): MandateRecord {
  const check = verifyWorkbook(sheets);
  const differences = allDifferences(check);
  if (differences.length > 0) {
    throw new InputError({ code: 'record_not_conforming', source, differences });
  }
  const dataSheet = check.records[check.records.length - 1].dataSheet;
  const { data, result } = readRecordDraw(sheets, dataSheet);
  return { dataSheet, result, mandate: mandatePeriod(data.meta.mandateStart), recorded: recordedRequests(sheets, dataSheet) };
}

/** The members as the recorded departures left them, ready for the next one. */
export function mandateMembers(record: MandateRecord): MandateMembers {
  const members = new MandateMembers(record.result, record.mandate);
  for (const request of record.recorded) members.replace(request);
  return members;
}

/**
 * The replacement in the workbook's latest draw. A departure dated after `today` (ISO) is refused:
 * it would block every departure dated before it.
 */
export function recordReplacement(sheets: readonly Sheet[], request: ReplacementRequest, source: string, today: string): RecordedReplacement {
  const { dataSheet } = readMandateRecord(sheets, source);
  const { data, result } = readRecordDraw(sheets, dataSheet);
  const { replacement, sheet, fingerprint, replacements } = nextReplacement(result, data, dataSheet, sheets, request);
  // After the rule's own date checks: a date past the mandate says so rather than « after today ».
  refuseDepartureAhead(request.date, today);
  return { replacement, sheet, result, dataSheet, fingerprint, replacements, meta: data.meta };
}
