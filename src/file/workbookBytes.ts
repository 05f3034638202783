/**
 * The public record (`tirage-cln/2`) as the bytes of an .xlsx file, with no Node API: the CLI's
 * tests use it, and the add-in's task pane can hand these bytes (in base 64) to
 * `Excel.createWorkbook` to open the public record. The sheets are core's (publicWorkbook.ts),
 * planned and written the way the record's are (recordPackage.ts) into a new, empty package.
 * tsconfig.browser.json type-checks this module without Node's types.
 */
import type { DrawResult, PreparedDraw } from '../core/draw';
import type { RecordModel } from '../core/record/model';
import { planRecord } from '../core/record/plan';
import type { PublicRecordMeta } from '../core/record/publicRecord';
import { buildPublicRecord, buildSealedTableWorkbook } from '../core/record/publicWorkbook';
import type { Replacement } from '../core/replacement';
import { appendRecordSheets, emptyWorkbookPackage } from './recordPackage';

/** A workbook of the model's sheets alone; `source` names it in messages. */
export async function workbookBytes(model: RecordModel, source = 'registre-public.xlsx'): Promise<Uint8Array> {
  return appendRecordSheets({ input: await emptyWorkbookPackage(), source, sheets: planRecord(model) });
}

/** After the draw: « Registre public » (with the replacements recorded so far, date order) and « Publication ». */
export function publicRecordBytes(result: DrawResult, meta: PublicRecordMeta, replacements: readonly Replacement[] = []): Promise<Uint8Array> {
  return workbookBytes(buildPublicRecord(result, meta, replacements));
}

/** Before the seed: the sealed table alone, to publish with the fingerprint while the receipts are sent. */
export function sealedTableBytes(prepared: PreparedDraw): Promise<Uint8Array> {
  return workbookBytes(buildSealedTableWorkbook(prepared), 'table-scellee.xlsx');
}
