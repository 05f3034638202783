/** The record: what the workbook keeps after the draw, and how it is checked. */
export * from './model';
export { buildRecord } from './buildRecord';
export * from './names';
export * from './plan';
export { newRecordMeta, parseOfficials, LATEST_LAYOUT, type RecordLayout, type RecordMeta } from './meta';
export { DATA_TITLE, NotARecordError } from './dataSheet';
export { INELIGIBILITY_LABELS } from './labels';
export { verifyWorkbook, allDifferences, compareSheet, sameValue, readAnnouncedSeed, type RecordCheck, type WorkbookCheck } from './verify';
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
export { recordReplacement, type RecordedReplacement } from './replace';
export { findReplacementSheets } from './replacements';
