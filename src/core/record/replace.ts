/**
 * Recording a departure in a record workbook: the record must verify first (a replacement is never
 * stacked on an edited record), then the rule gives who joins, after the replacements already
 * recorded. The front ends only read the workbook and write the sheet returned.
 */
import { InputError } from '../errors';
import type { DrawResult } from '../draw';
import type { Replacement, ReplacementRequest } from '../replacement';
import type { RecordData } from './dataSheet';
import type { SheetModel } from './model';
import { nextReplacement } from './replacements';
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

/**
 * The replacement in the workbook's latest draw (the last data sheet in tab order: a workbook
 * holding several draws has its current council last). `source` names the file in messages.
 */
export function recordReplacement(sheets: readonly Sheet[], request: ReplacementRequest, source: string): RecordedReplacement {
  const check = verifyWorkbook(sheets);
  const differences = allDifferences(check);
  if (differences.length > 0) {
    throw new InputError({ code: 'record_not_conforming', source, differences });
  }
  const dataSheet = check.records[check.records.length - 1].dataSheet;
  const { data, result } = readRecordDraw(sheets, dataSheet);
  const { replacement, sheet, fingerprint, replacements } = nextReplacement(result, data, dataSheet, sheets, request);
  return { replacement, sheet, result, dataSheet, fingerprint, replacements, meta: data.meta };
}
