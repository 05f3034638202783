/**
 * The workbooks the staff open from the pane to publish or to send (issue 16), as the render plans
 * of their sheets: core's models, planned here; the controller has them written as .xlsx bytes by
 * src/xlsx/newWorkbook.ts, which it imports on the first click — a chunk of its own (the zip
 * writer), so that the script the pane starts with stays within its budget. Only the writer is
 * deferred: the models are core's, already in the pane, and a module shared by the two chunks
 * would cost the pane more than it saves.
 */
import type { PreparedDraw } from '../../core/draw';
import { latestPublicRecord } from '../../core/record/latestPublicRecord';
import type { RecordModel } from '../../core/record/model';
import { planRecord, type SheetPlan } from '../../core/record/plan';
import { buildSealedTableWorkbook } from '../../core/record/publicWorkbook';
import { buildReceiptsWorkbook } from '../../core/record/receiptsSheet';
import type { Sheet } from '../../core/sheet';

export type PublicationContent =
  | { what: 'sealedTable' | 'receipts'; prepared: PreparedDraw }
  /** The workbook's sheets as read now: the public record of its latest draw, with its replacements. */
  | { what: 'publicRecord'; sheets: readonly Sheet[]; source: string };

function modelOf(content: PublicationContent): RecordModel {
  switch (content.what) {
    case 'sealedTable':
      return buildSealedTableWorkbook(content.prepared);
    case 'receipts':
      return buildReceiptsWorkbook(content.prepared);
    case 'publicRecord':
      return latestPublicRecord(content.sheets, content.source);
  }
}

export function publicationPlans(content: PublicationContent): SheetPlan[] {
  return planRecord(modelOf(content));
}
