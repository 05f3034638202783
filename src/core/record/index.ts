/** The record: what the workbook keeps after the draw, and how it is checked. */
export * from './model';
export { buildRecord, sheetBuilders } from './buildRecord';
export { statusLabel, longFrenchDate, displayName } from './labels';
export {
  sealedTableOf,
  sealedOutcomes,
  publicDrawRecord,
  type PublicRecord,
  type SealedTable,
  type PublicDrawRecord,
  type PublicRecordHead,
  type PublicRecordMeta,
  type SealedEntry,
  type DrawnEntry,
  type SealedOutcome,
  type PublishedPerson,
  type PublishedReplacement,
} from './publicRecord';
export { buildPublicRecord, buildSealedTableWorkbook, publicWorkbookOf, PUBLIC_SHEET_NAMES } from './publicWorkbook';
export {
  verifyPublicWorkbook,
  allPublicDifferences,
  isPublicRecord,
  findPublicRegister,
  type PublicWorkbookCheck,
  type PublicRecordCheck,
  type PublicCheckOptions,
} from './verifyPublic';
export { auditPublicRecord, type PublicAudit } from './auditPublic';
export { lineOfReceipt, sealedDrawsOfRecord, type ReceiptLine } from './receiptLookup';
export { replacementAnnouncedDifference } from './replacements';
export { buildPublicRegisterSheet, NotAPublicRegisterError, readPublicRegister, publicRegisterStage, PUBLIC_REGISTER_TITLES, type StatedPublicRecord } from './publicRegisterSheet';
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
export { recordReplacement, readMandateRecord, mandateMembers, type RecordedReplacement, type MandateRecord } from './replace';
export { LOOKALIKE_ROWS, recordLikeNames, refuseRecordLookalikes } from './lookalikes';
export { findReplacementSheets } from './replacements';
