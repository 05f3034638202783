/**
 * A departure during the mandate, recorded in the open workbook: the same core module as
 * `tirage-cln replace` (core/record/replace.ts) decides the Remplacement sheet from the workbook's
 * sheets as they are now, and the record writer's own path writes its render plan (INACHEVÉ mark
 * first, title and protection last, removed again on a failure). Then the new sheet is read back
 * and the whole workbook verified, as after a draw.
 *
 * Round trips: one to list the sheets, one or two to read them, the write (one sync for a
 * Remplacement sheet), one or two to read the new sheet back. A cell being edited makes each wait
 * (ExcelSyncs), as a draw's write does.
 */
import type { DrawResult } from '../core/draw';
import { InputError } from '../core/errors';
import type { Sheet } from '../core/sheet';
import { planSheet } from '../core/record/plan';
import { recordReplacement } from '../core/record/replace';
import { verifyWorkbook, type WorkbookCheck } from '../core/record/verify';
import type { Replacement, ReplacementRequest } from '../core/replacement';
import type { ExcelRunner, XlContext } from './officeApi';
import { ExcelAdapterError } from './problems';
import { readSheets } from './readRanges';
import { failure, writePrepared, type SheetsToWrite } from './recordWriter';
import type { ExcelSyncs } from './syncs';

export interface ReplacementOutcome {
  replacement: Replacement;
  /** The replacement fingerprint (ALGORITHM.md §11), printed on the sheet: to publish with the notice. */
  fingerprint: string;
  /** The Remplacement sheet, as written. */
  sheetName: string;
  /** The data sheet of the draw replaced in, and that draw (its fingerprint and seed go into the journal). */
  dataSheet: string;
  result: DrawResult;
  /** `verify` on the workbook with the new sheet read back. */
  check: WorkbookCheck;
}

export interface ReplacementContext {
  /** The workbook's file name, for messages. */
  source: string;
  /** ISO: a departure dated after it is refused. */
  today: string;
}

/** Every sheet of the workbook, with what would stop a new sheet said precisely (read-only, structure protected). */
async function readWorkbook(context: XlContext, syncs: ExcelSyncs): Promise<Sheet[]> {
  const { workbook } = context;
  workbook.load('readOnly');
  workbook.protection.load('protected');
  const names = workbook.worksheets.load('items/name');
  await syncs.sync(context);
  if (workbook.readOnly) throw new ExcelAdapterError({ code: 'read_only' });
  if (workbook.protection.protected) throw new ExcelAdapterError({ code: 'workbook_protected' });
  return readSheets(context, syncs, names.items.map((s) => s.name));
}

export async function writeReplacementWith(run: ExcelRunner, syncs: ExcelSyncs, request: ReplacementRequest, where: ReplacementContext): Promise<ReplacementOutcome> {
  let written: SheetsToWrite | null = null;
  try {
    // Reads are run again whole while a cell is being edited; the write waits inside (writeOps).
    const before = await syncs.rerunWhileEditing(run, (context) => readWorkbook(context, syncs));
    const recorded = recordReplacement(before, request, where.source, where.today);
    const plan = planSheet(recorded.sheet);
    const write: SheetsToWrite = { plans: [plan], sheetsBefore: before.map((s) => s.name), written: false };
    written = write;
    await run((context) => writePrepared(context, syncs, write));
    const expected = new Map([[plan.name, { rows: plan.rowCount, columns: plan.columnCount }]]);
    const [readBack] = await syncs.rerunWhileEditing(run, (context) => readSheets(context, syncs, [plan.name], expected));
    return { replacement: recorded.replacement, fingerprint: recorded.fingerprint, sheetName: plan.name, dataSheet: recorded.dataSheet, result: recorded.result, check: verifyWorkbook([...before, readBack]) };
  } catch (error) {
    // The core refusing the departure (a date, a row, a record that no longer verifies) is for the
    // operator to correct, not Excel's refusal: it comes before any write and passes as it is.
    if (error instanceof InputError) throw error;
    throw await failure(run, syncs, error, written);
  }
}
