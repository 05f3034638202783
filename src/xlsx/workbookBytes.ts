/**
 * The public record (`tirage-cln/2`) as the bytes of an .xlsx file, with no Node API: the CLI's
 * `--public-out` writes them to disk, and the add-in's task pane hands them (in base 64) to
 * `Excel.createWorkbook` to open the public record, or the sealed table before the seed. The
 * sheets are core's (publicWorkbook.ts), planned as the record's are, written as a new workbook
 * (newWorkbook.ts). tsconfig.browser.json type-checks this module without Node's types.
 */
import type { DrawResult, PreparedDraw } from '../core/draw';
import type { RecordModel } from '../core/record/model';
import { planRecord } from '../core/record/plan';
import type { PublicRecordMeta } from '../core/record/publicRecord';
import { buildPublicRecord, buildSealedTableWorkbook } from '../core/record/publicWorkbook';
import type { Replacement } from '../core/replacement';
import { newWorkbookBytes } from './newWorkbook';

/** A workbook of the model's sheets alone. */
export function workbookBytes(model: RecordModel): Promise<Uint8Array> {
  return newWorkbookBytes(planRecord(model));
}

/** After the draw: « Registre public » (with the replacements recorded so far, date order) and « Publication ». */
export function publicRecordBytes(result: DrawResult, meta: PublicRecordMeta, replacements: readonly Replacement[] = []): Promise<Uint8Array> {
  return workbookBytes(buildPublicRecord(result, meta, replacements));
}

/** Before the seed: the sealed table alone, to publish with the fingerprint while the receipts are sent. */
export function sealedTableBytes(prepared: PreparedDraw): Promise<Uint8Array> {
  return workbookBytes(buildSealedTableWorkbook(prepared));
}
