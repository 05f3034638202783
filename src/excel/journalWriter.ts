/**
 * The « Journal des tirages » in the open workbook: appended to, one line per draw attempt, and
 * never changed otherwise. Its cells, styles, widths and protection are planned in core
 * (core/record/journal.ts, plan.ts) like the record's sheets; this module only translates the
 * plan with the record writer's operations (planOps.ts).
 *
 * Round trips for an append: one sync finds the sheet, one learns where its last line is, one
 * writes the line and protects the sheet again. The sheet is protected (no password: protection
 * only prevents accidents) and unprotected by the add-in for the time of one append.
 */
import { JOURNAL_FIRST_ENTRY_ROW, JOURNAL_SHEET, journalSheet, readJournal, type JournalEntry, type LoggedEntry } from '../core/record/journal';
import { nameKey } from '../core/record/names';
import { planSheet, type SheetPlan } from '../core/record/plan';
import type { XlContext, XlWorksheet } from './officeApi';
import { layoutOps, protectOp, rowHeightOps, styleOps, valueOps, type RowSpan, type WriteOp } from './planOps';
import { readSheets } from './readRanges';
import type { ExcelSyncs } from './syncs';
import { ExcelAdapterError } from './problems';

async function findJournalSheet(context: XlContext, syncs: ExcelSyncs): Promise<string | null> {
  const sheets = context.workbook.worksheets.load('items/name');
  await syncs.sync(context);
  return sheets.items.find((s) => nameKey(s.name) === nameKey(JOURNAL_SHEET))?.name ?? null;
}

/** The journal's sheet, with what would stop an append said precisely (read-only, structure protected) rather than as Excel's bare refusal. */
async function journalForAppend(context: XlContext, syncs: ExcelSyncs): Promise<string | null> {
  const { workbook } = context;
  workbook.load('readOnly');
  workbook.protection.load('protected');
  const name = await findJournalSheet(context, syncs);
  if (workbook.readOnly) throw new ExcelAdapterError({ code: 'read_only' });
  if (name === null && workbook.protection.protected) throw new ExcelAdapterError({ code: 'workbook_protected' });
  return name;
}

/** The operations that write the plan's rows `rows` (values, styles, and heights unless `layout` sets them all), then protect the sheet. */
function entryOps(plan: SheetPlan, rows: RowSpan, layout: boolean): WriteOp[] {
  const protect = protectOp(plan, 0);
  const heights = layout ? layoutOps(plan, 0) : rowHeightOps(plan, 0, rows);
  return [...valueOps(plan, 0, rows), ...styleOps(plan, 0, rows), ...heights, ...(protect ? [protect] : [])];
}

/** Appends one entry, creating the sheet (title, note, header) on the first attempt; returns its row. */
export async function appendJournalEntry(context: XlContext, syncs: ExcelSyncs, entry: JournalEntry): Promise<number> {
  const existing = await journalForAppend(context, syncs);
  let sheet: XlWorksheet;
  let row = JOURNAL_FIRST_ENTRY_ROW;
  let ops: WriteOp[];
  if (existing === null) {
    const plan = planSheet(journalSheet([{ row, entry }], true));
    sheet = context.workbook.worksheets.add(plan.name);
    ops = entryOps(plan, { from: 1, to: row }, true);
  } else {
    sheet = context.workbook.worksheets.getItem(existing);
    const used = sheet.getUsedRangeOrNullObject(true).load('isNullObject, rowIndex, rowCount');
    await syncs.sync(context);
    if (!used.isNullObject) row = Math.max(row, used.rowIndex + used.rowCount + 1);
    sheet.protection.unprotect();
    ops = entryOps(planSheet(journalSheet([{ row, entry }], false)), { from: row, to: row }, false);
  }
  for (const op of ops) op.queue([sheet]);
  await syncs.sync(context);
  return row;
}

/** Every entry of the journal, in order; [] when the workbook has none. */
export async function readJournalEntries(context: XlContext, syncs: ExcelSyncs): Promise<LoggedEntry[]> {
  const name = await findJournalSheet(context, syncs);
  if (name === null) return [];
  const [sheet] = await readSheets(context, syncs, [name]);
  return readJournal(sheet).entries;
}
