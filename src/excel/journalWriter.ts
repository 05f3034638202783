/**
 * The « Journal des tirages » in the open workbook: appended to, one line per draw attempt, and
 * never changed otherwise. Its cells come from core (core/record/journal.ts); this module only
 * says how office.js writes them.
 *
 * Round trips for an append: one sync finds the sheet, one learns where its last line is, one
 * writes the line and protects the sheet again. The sheet is protected (no password: protection
 * only prevents accidents) and unprotected by the add-in for the time of one append.
 */
import { columnLetter } from '../core/errors';
import {
  JOURNAL_COLUMN_WIDTHS,
  JOURNAL_FIRST_ENTRY_ROW,
  JOURNAL_HEADER,
  JOURNAL_SHEET,
  journalEntryCells,
  journalHeadCells,
  readJournal,
  type JournalEntry,
  type LoggedEntry,
} from '../core/record/journal';
import type { CellModel } from '../core/record/model';
import { nameKey } from '../core/record/names';
import { MAX_TEXT_FORMATTED, TEXT_FORMAT } from '../core/record/plan';
import { charactersToPoints } from './columnWidths';
import type { XlContext, XlWorksheet } from './officeApi';
import { readSheets } from './readRanges';
import type { SyncCounter } from './syncs';
import { ExcelAdapterError } from './problems';

/** Cells of one row written as text: formatted '@' first, so that "=…" stays characters. */
function writeRow(sheet: XlWorksheet, row: number, cells: readonly CellModel[]): void {
  const width = Math.max(...cells.map((c) => c.column));
  const values: (string | number | null)[] = new Array<string | number | null>(width).fill(null);
  const formats: string[] = new Array<string>(width).fill(TEXT_FORMAT);
  for (const cell of cells) {
    const value = cell.value;
    // Excel shows "####" for a text cell over 255 characters: such a text goes in General, behind an apostrophe.
    if (typeof value === 'string' && value.length > MAX_TEXT_FORMATTED) {
      formats[cell.column - 1] = 'General';
      values[cell.column - 1] = `'${value}`;
    } else values[cell.column - 1] = value;
  }
  const range = sheet.getRange(`A${row}:${columnLetter(width - 1)}${row}`);
  range.numberFormat = [formats];
  range.values = [values];
  cells.forEach((cell) => {
    const target = sheet.getRange(`${columnLetter(cell.column - 1)}${row}`);
    if (cell.style?.bold) target.format.font.bold = true;
    if (cell.style?.wrap) target.format.wrapText = true;
    if (cell.style?.vertical === 'top') target.format.verticalAlignment = 'Top';
    if (cell.style?.fill) target.format.fill.color = `#${cell.style.fill}`;
  });
}

async function findJournalSheet(context: XlContext, syncs: SyncCounter): Promise<string | null> {
  const sheets = context.workbook.worksheets.load('items/name');
  await syncs.sync(context);
  return sheets.items.find((s) => nameKey(s.name) === nameKey(JOURNAL_SHEET))?.name ?? null;
}

/** The journal's sheet, with what would stop an append said precisely (read-only, structure protected) rather than as Excel's bare refusal. */
async function journalForAppend(context: XlContext, syncs: SyncCounter): Promise<string | null> {
  const { workbook } = context;
  workbook.load('readOnly');
  workbook.protection.load('protected');
  const name = await findJournalSheet(context, syncs);
  if (workbook.readOnly) throw new ExcelAdapterError({ code: 'read_only' });
  if (name === null && workbook.protection.protected) throw new ExcelAdapterError({ code: 'workbook_protected' });
  return name;
}

/** Appends one entry, creating the sheet (title, note, header) on the first attempt; returns its row. */
export async function appendJournalEntry(context: XlContext, syncs: SyncCounter, entry: JournalEntry): Promise<number> {
  const existing = await journalForAppend(context, syncs);
  let sheet: XlWorksheet;
  let row = JOURNAL_FIRST_ENTRY_ROW;
  if (existing === null) {
    sheet = context.workbook.worksheets.add(JOURNAL_SHEET);
    const head = journalHeadCells();
    for (const r of [...new Set(head.map((c) => c.row))]) writeRow(sheet, r, head.filter((c) => c.row === r));
    JOURNAL_COLUMN_WIDTHS.forEach((width, i) => (sheet.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = charactersToPoints(width)));
    sheet.freezePanes.freezeRows(JOURNAL_FIRST_ENTRY_ROW - 1);
  } else {
    sheet = context.workbook.worksheets.getItem(existing);
    const used = sheet.getUsedRangeOrNullObject(true).load('isNullObject, rowIndex, rowCount');
    await syncs.sync(context);
    if (!used.isNullObject) row = Math.max(row, used.rowIndex + used.rowCount + 1);
    sheet.protection.unprotect();
  }
  writeRow(sheet, row, journalEntryCells(entry, row));
  sheet.protection.protect({ allowFormatCells: false, allowAutoFilter: false, allowSort: false });
  await syncs.sync(context);
  return row;
}

/** Every entry of the journal, in order; [] when the workbook has none. */
export async function readJournalEntries(context: XlContext, syncs: SyncCounter): Promise<LoggedEntry[]> {
  const name = await findJournalSheet(context, syncs);
  if (name === null) return [];
  const [sheet] = await readSheets(context, syncs, [name]);
  return readJournal(sheet).entries;
}

export { JOURNAL_HEADER };
