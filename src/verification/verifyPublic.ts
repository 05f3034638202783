/**
 * A public record (`tirage-cln/2`) checked, for every front end: the same report as a record's
 * (verifyRecord.ts) — file, fingerprint, seed, each difference, the verdict — so that the CLI
 * prints it and the verifier page shows it with the same words, whichever record was given.
 */
import { fileError } from '../core/fileMessages';
import {
  allPublicDifferences,
  NotARecordError,
  verifyPublicWorkbook,
  type PublicWorkbookCheck,
  type Sheet,
} from '../core';
import { CONFORMING, differenceLineList, NOT_ANNOUNCED, AGREES_BUT_NOT_ANNOUNCED, type RecordReport, type VerifyReport } from './verifyRecord';

/** A sealed table published before the draw, that agrees with itself. */
export const SEALED_TABLE_CONFORMING = 'Table scellée conforme : son empreinte est celle de ses lignes scellées ; le tirage n’est pas encore fait.';

export interface PublicVerifyReport extends Omit<VerifyReport, 'check'> {
  check: PublicWorkbookCheck;
}

/** The verdict on a public record's sheets; `announced` and `replacementAnnounced` already read (checkRequest). */
export function verifyPublicSheets(sheets: readonly Sheet[], fileName: string, announced?: string, replacementAnnounced?: string): PublicVerifyReport {
  let check: PublicWorkbookCheck;
  try {
    check = verifyPublicWorkbook(sheets, {
      ...(announced === undefined ? {} : { expectedFingerprint: announced }),
      ...(replacementAnnounced === undefined ? {} : { expectedReplacementFingerprint: replacementAnnounced }),
    });
  } catch (error) {
    if (error instanceof NotARecordError) throw fileError({ code: 'file_unreadable', reason: 'not_a_public_record', source: fileName, damage: error.damage });
    throw error;
  }
  const all = allPublicDifferences(check);
  const conforming = all.length === 0;
  const onlyNotAnnounced = check.announced !== null && !check.announced.found && all.length === 1;
  const { record } = check;
  const agrees = conforming ? (record.stage === 'sealed' ? SEALED_TABLE_CONFORMING : CONFORMING) : onlyNotAnnounced ? AGREES_BUT_NOT_ANNOUNCED : 'Ce registre public correspond à ses lignes scellées, mais le classeur a d’autres différences (ci-dessous).';
  const report: RecordReport = {
    dataSheet: record.sheet,
    fingerprint: record.fingerprint,
    publicSeed: record.publicSeed,
    matchesAnnounced: check.announced?.found === true,
    // A public record is checked against its announced fingerprint; the seed it states is what it recomputes.
    matchesAnnouncedSeed: false,
    // The replacements a public record lists are known by their dates.
    replacements: record.replacements.map((r) => r.date),
    outcome: record.differences.length > 0 ? differenceLineList(record.differences) : { verdict: agrees },
  };
  const verdict = conforming ? agrees : onlyNotAnnounced ? NOT_ANNOUNCED : differenceLineList(all).verdict;
  const workbook = check.differences.length === 0 ? null : { ...differenceLineList(check.differences), ...(onlyNotAnnounced ? { verdict } : {}) };
  return { fileName, conforming, verdict, records: [report], workbook, added: [], check };
}
