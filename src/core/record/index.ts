/** The record: what the workbook keeps after the draw, and how it is checked. */
export * from './model';
export { buildRecord } from './buildRecord';
export * from './names';
export * from './plan';
export { newRecordMeta, parseOfficials, type RecordMeta } from './meta';
export { DATA_TITLE, NotARecordError } from './dataSheet';
export { verifyWorkbook, allDifferences, compareSheet, sameValue, type RecordCheck, type WorkbookCheck } from './verify';
export {
  JOURNAL_SHEET,
  JOURNAL_HEADER,
  JOURNAL_OUTCOME_LABELS,
  JOURNAL_FIRST_ENTRY_ROW,
  JOURNAL_COLUMN_WIDTHS,
  journalHeadCells,
  journalSheet,
  journalEntryCells,
  readJournal,
  findJournal,
  journalDifferences,
  type JournalEntry,
  type JournalOutcome,
  type LoggedEntry,
} from './journal';
export { recordReplacement, readMandateRecord, mandateMembers, type RecordedReplacement, type MandateRecord } from './replace';
export { findReplacementSheets } from './replacements';
