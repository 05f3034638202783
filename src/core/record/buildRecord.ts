/** The whole record, from a draw: its sheets, in the order they are added to the workbook. */
import type { DrawResult } from '../draw';
import type { AlgorithmId } from '../rules';
import { buildDataSheet } from './dataSheet';
import type { RecordMeta } from './meta';
import { buildMinutesSheet } from './minutesSheet';
import type { RecordModel, RecordSheetRole, SheetModel } from './model';
import { recordRoles, sheetNameOf } from './names';
import { buildPublicationSheet } from './publicationSheet';
import { buildPublicRegisterSheet } from './publicRegisterSheet';
import { publicDrawRecord, sealedOutcomes } from './publicRecord';
import { buildReceiptsSheet } from './receiptsSheet';
import { buildSummarySheet } from './summarySheet';
import { buildDrawSheet } from './tirageSheet';

type SheetBuilderFunction = (result: DrawResult, meta: RecordMeta) => SheetModel;

/**
 * « Registre public » inside the record: what the draw lets the city publish, as written on the day
 * of the draw (the replacements of the mandate come with `replace`, in the public record it writes).
 */
function buildRecordPublicRegister(result: DrawResult, meta: RecordMeta): SheetModel {
  return buildPublicRegisterSheet(publicDrawRecord(result, sealedOutcomes(result), meta, []), sheetNameOf(meta.sheetNames, 'publicRegister'));
}

const BUILDERS: Record<RecordSheetRole, SheetBuilderFunction> = {
  draw: buildDrawSheet,
  summary: buildSummarySheet,
  minutes: buildMinutesSheet,
  data: buildDataSheet,
  publication: buildPublicationSheet,
  publicRegister: buildRecordPublicRegister,
  receipts: buildReceiptsSheet,
};

/**
 * Each sheet's builder for a draw of this version, in the order the sheets are added to the
 * workbook. `verify` builds and compares them one at a time, so that a large record is never held
 * twice whole.
 */
export function sheetBuilders(algorithm: AlgorithmId): SheetBuilderFunction[] {
  return recordRoles(algorithm).map((role) => BUILDERS[role]);
}

export function buildRecord(result: DrawResult, meta: RecordMeta): RecordModel {
  return { sheets: sheetBuilders(result.prepared.algorithm).map((build) => build(result, meta)) };
}
