/** The pure engine: no office.js, no Node.js APIs, so the task pane and the CLI share it. */
export * from './sheet';
export * from './rules';
export * from './errors';
export * from './problems';
export * from './rowProblems';
export * from './messages';
export { norm, fold } from './text';
export { parseIsoDate, formatFrenchDate, toIso, serialToDate, dateToSerial, fromExcelSerial, type CalendarDate, type DateSystem } from './dates';
export { isDateFormat, isDateFormatId, builtInFormat } from './numberFormats';
export { FIELD_LABELS, type Field } from './fields';
export { parseColumnMapping, formatColumnMapping, type ColumnMap, type ColumnMapping } from './columns';
export { showInvisible } from './visibleText';
export { unkeepable, refuseUnkeepableText } from './keepableText';
export { largestRecordableTable, RECORD_ROWS_BEYOND_TABLE } from './recordCapacity';
export { isEligible, readCandidatures, type Candidature, type EligibleCandidate } from './candidatures';
export { canonicalise, headerLine, candidateLine, PLAIN, type Canonical, type Sealing } from './fingerprint';
export {
  sealer,
  sealOfReceipt,
  publicLine,
  formatReceipt,
  parseReceipt,
  checkSealingKey,
  sealingKeyProblem,
  sealingKeyFromBytes,
  SEALING_KEY_BYTES,
  SEALING_KEY_DIGITS,
  RECEIPT_DIGITS,
  type Seal,
  type SealingKeyProblem,
} from './seal';
export { sealedLines, sealsByCandidature, type SealedLine } from './sealedLines';
export { readTypedCode, describeTypedCodeProblem, groupDigits, type TypedCode } from './typedCode';
export { seedKeyOf, normalisePublicSeed } from './seed';
export { toNumber, toText, type Fraction } from './fraction';
export {
  prepareDraw,
  prepareCandidatures,
  referenceDateOf,
  drawLots,
  drawFromTable,
  drawPositions,
  type DrawFacts,
  type PositionsDraw,
  type PrepareOptions,
  type PreparedDraw,
  type DrawResult,
  type CandidateOutcome,
  type SeatAllocation,
  type Status,
} from './draw';
export { checkReferenceDateAhead } from './referenceDate';
export {
  checkDrawRequest,
  requireDrawRequest,
  drawRequested,
  planDraw,
  DRAW_REQUEST_FIELDS,
  type DrawRequestInput,
  type DrawRequest,
  type DrawRequestField,
  type DrawRequestProblems,
  type DrawRequestContext,
  type CheckedDrawRequest,
  type WorkbookFacts,
  type PlannedDraw,
} from './drawRequest';
export { parseAnnouncedFingerprint, checkAnnounced, FINGERPRINT_DIGITS } from './announcedFingerprint';
export { compareCallOrder, inCallOrder } from './callOrder';
export { drawFigures, type DrawFigures, type SectorFigures } from './figures';
export { drawResultToJson, drawJsonPieces, jsonPieces, fractionNumbers, candidatureJson, candidateJson, countJson, type DrawJson, type CandidateJson, type SealedCandidateJson, type CandidatureJson } from './json';
export * from './record';
export { explainDraw, type DrawExplanation, type SectorExplanation } from './explain';
export { mandatePeriod, checkMandateStart, mandateText, MANDATE_YEARS, type MandatePeriod } from './mandate';
export { replacementEvent, eventLine, chainStart, chainNext, replacementFingerprints, parseReplacementFingerprint, type ReplacementEvent } from './replacementLog';
export { MandateMembers, applyReplacements, personLabel, readRowNumber, refuseDepartureAhead, RULE_LABELS, type Proposal, type Replacement, type ReplacementField, type ReplacementRequest, type ReplacementRule } from './replacement';
