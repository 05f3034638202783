/** The whole record, from a draw: the five sheets, in the order they are added to the workbook. */
import type { DrawResult } from '../draw';
import { buildDataSheet } from './dataSheet';
import type { RecordMeta } from './meta';
import { buildMinutesSheet } from './minutesSheet';
import type { RecordModel, SheetModel } from './model';
import { buildPublicationSheet } from './publicationSheet';
import { buildSummarySheet } from './summarySheet';
import { buildDrawSheet } from './tirageSheet';

/**
 * Each sheet's builder, in the order the sheets are added to the workbook. `verify` builds and
 * compares them one at a time, so that a large record is never held twice whole.
 */
export const SHEET_BUILDERS: readonly ((result: DrawResult, meta: RecordMeta) => SheetModel)[] = [
  buildDrawSheet,
  buildSummarySheet,
  buildMinutesSheet,
  buildDataSheet,
  buildPublicationSheet,
];

export function buildRecord(result: DrawResult, meta: RecordMeta): RecordModel {
  return { sheets: SHEET_BUILDERS.map((build) => build(result, meta)) };
}
