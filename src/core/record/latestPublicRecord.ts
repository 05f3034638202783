/**
 * The public record a workbook's latest draw gives today: « Registre public » with every
 * replacement recorded so far, and « Publication » — what `draw --public-out`, then `replace
 * --public-out`, write, rebuilt from the private record as the auditor's check rebuilds it
 * (auditPublic.ts). The task pane opens it as a new workbook, for the staff to save and publish.
 */
import { InputError } from '../errors';
import { SEALED_ALGORITHM } from '../rules';
import type { Sheet } from '../sheet';
import type { RecordModel } from './model';
import { buildPublicRecord } from './publicWorkbook';
import { readMandateRecord } from './replace';
import { recordedReplacements } from './replacements';
import { readRecordDraw } from './verify';

/** Refuses a workbook whose latest draw does not verify (`record_not_conforming`) or is not sealed (`public_record_unsealed`). */
export function latestPublicRecord(sheets: readonly Sheet[], source: string): RecordModel {
  const { dataSheet } = readMandateRecord(sheets, source);
  const { data, result } = readRecordDraw(sheets, dataSheet);
  if (result.prepared.algorithm !== SEALED_ALGORITHM) throw new InputError({ code: 'public_record_unsealed' });
  return buildPublicRecord(result, data.meta, recordedReplacements(result, data, dataSheet, sheets));
}
