/** The whole record, from a draw: the five sheets, in the order they are added to the workbook. */
import type { DrawResult } from '../draw';
import { buildDataSheet } from './dataSheet';
import type { RecordMeta } from './meta';
import { buildMinutesSheet } from './minutesSheet';
import type { RecordModel } from './model';
import { buildPublicationSheet } from './publicationSheet';
import { buildSummarySheet } from './summarySheet';
import { buildDrawSheet } from './tirageSheet';

export function buildRecord(result: DrawResult, meta: RecordMeta): RecordModel {
  return {
    sheets: [
      buildDrawSheet(result, meta),
      buildSummarySheet(result, meta),
      buildMinutesSheet(result, meta),
      buildDataSheet(result, meta),
      buildPublicationSheet(result, meta),
    ],
  };
}
