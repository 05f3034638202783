/**
 * A workbook of the model's sheets alone, as bytes: the public record (`tirage-cln/2`), written
 * the way the record is (its render plan, as SpreadsheetML) into a new, empty package.
 */
import type { RecordModel } from '../core/record/model';
import { planRecord } from '../core/record/plan';
import { appendRecordSheets, emptyWorkbookPackage } from './recordPackage';

export async function workbookBytes(model: RecordModel, source = 'registre-public.xlsx'): Promise<Uint8Array> {
  return appendRecordSheets({ input: await emptyWorkbookPackage(), source, sheets: planRecord(model) });
}
