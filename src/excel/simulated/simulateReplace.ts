/**
 * The task pane's replacement path without Excel (`npm run simulate -- replace …`, simulate.ts): the office.js adapter runs on the simulated
 * Excel loaded with the record; it lists the workbook and reads the record as the pane does to
 * offer the form, writes the Remplacement sheet (WorkbookPort.writeReplacement), reads it back,
 * verifies the workbook and logs the departure in the « Journal des tirages ». Its Remplacement
 * sheet is the one `tirage-cln replace` writes for the same departure. Browser-capable, like the
 * adapter: the command line around it is in simulate.ts.
 */
import { replacementEntry } from '../../core/record/journal';
import { allDifferences } from '../../core/record/verify';
import type { ReplacementRequest } from '../../core/replacement';
import { ExcelWorkbookAdapter } from '../workbookAdapter';
import type { SimulatedExcel } from './excel';
import type { SyncFigures } from './syncFigures';

export interface ReplacementFigures extends SyncFigures {
  /** The sheet written. */
  sheet: string;
}

/** The pane's replacement on a simulated workbook; the workbook is changed in place. */
export async function simulateReplacement(excel: SimulatedExcel, request: ReplacementRequest, where: { source: string; today: string; time: string }): Promise<ReplacementFigures> {
  const adapter = new ExcelWorkbookAdapter(excel.run);
  await adapter.listTables();
  const listSyncs = adapter.syncCount;
  await adapter.readRecordSheets();
  const readSyncs = adapter.syncCount - listSyncs;
  const outcome = await adapter.writeReplacement(request, { source: where.source, today: where.today });
  await adapter.appendJournal({ time: where.time, ...replacementEntry(outcome.replacement, outcome.sheetName, { fingerprint: outcome.result.prepared.canonical.fingerprint, publicSeed: outcome.result.publicSeed }) });
  return {
    listSyncs,
    readSyncs,
    writeSyncs: adapter.syncCount - listSyncs - readSyncs,
    maxRequestBytes: excel.maxRequestBytes,
    maxResponseBytes: excel.maxResponseBytes,
    differences: allDifferences(outcome.check).length,
    sheet: outcome.sheetName,
  };
}
