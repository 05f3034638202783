/**
 * A public record (`tirage-cln/2`) checked, for every front end: the same report as a record's
 * (verifyRecord.ts) — file, fingerprint, seed, each difference, the verdict — so that the CLI
 * prints it and the verifier page shows it with the same words, whichever record was given.
 */
import { fileError } from '../core/fileMessages';
import { describePublicDifference } from '../core/publicMessages';
import {
  allPublicDifferences,
  NotAPublicRegisterError,
  NotARecordError,
  verifyPublicWorkbook,
  type PublicDifference,
  type PublicWorkbookCheck,
  type Sheet,
} from '../core';
import { CONFORMING, notAnnouncedWords, wordedDifferenceList, type DifferenceList, type RecordReport, type VerifyReport } from './verifyRecord';

/** A sealed table published before the draw, that agrees with itself. */
export const SEALED_TABLE_CONFORMING = 'Table scellée conforme : son empreinte est celle de ses lignes scellées ; le tirage n’est pas encore fait.';

/** A public record's differences (or an audit's: checkWorkbook.ts), worded here, at the edge. */
export function publicDifferenceList(differences: readonly PublicDifference[]): DifferenceList {
  return wordedDifferenceList(differences, describePublicDifference);
}

export interface PublicVerifyReport extends Omit<VerifyReport, 'check'> {
  check: PublicWorkbookCheck;
}

/** The verdict on a public record's sheets; `announced`, `replacementAnnounced` and `seed` already read (checkRequest). */
export function verifyPublicSheets(sheets: readonly Sheet[], fileName: string, announced?: string, replacementAnnounced?: string, seed?: string): PublicVerifyReport {
  let check: PublicWorkbookCheck;
  try {
    check = verifyPublicWorkbook(sheets, {
      ...(announced === undefined ? {} : { expectedFingerprint: announced }),
      ...(replacementAnnounced === undefined ? {} : { expectedReplacementFingerprint: replacementAnnounced }),
      ...(seed === undefined ? {} : { expectedSeed: seed }),
    });
  } catch (error) {
    if (error instanceof NotARecordError || error instanceof NotAPublicRegisterError) throw fileError({ code: 'file_unreadable', reason: 'not_a_public_record', source: fileName, damage: error.damage });
    throw error;
  }
  const all = allPublicDifferences(check);
  const conforming = all.length === 0;
  // The announced fingerprint or seed found nowhere, and nothing else wrong: the verdict says so, as for a record.
  const fingerprintMissed = check.announced !== null && !check.announced.found;
  const seedMissed = check.announcedSeed !== null && !check.announcedSeed.found;
  const onlyNotAnnounced = (fingerprintMissed || seedMissed) && all.length === Number(fingerprintMissed) + Number(seedMissed);
  const words = notAnnouncedWords(fingerprintMissed, seedMissed);
  const { record } = check;
  const agrees = conforming ? (record.stage === 'sealed' ? SEALED_TABLE_CONFORMING : CONFORMING) : onlyNotAnnounced ? words.agrees : 'Ce registre public correspond à ses lignes scellées, mais le classeur a d’autres différences (ci-dessous).';
  const report: RecordReport = {
    dataSheet: record.sheet,
    fingerprint: record.fingerprint,
    publicSeed: record.publicSeed,
    matchesAnnounced: check.announced?.found === true,
    matchesAnnouncedSeed: check.announcedSeed?.found === true,
    // The replacements a public record lists are known by their dates.
    replacements: record.replacements.map((r) => r.date),
    outcome: record.differences.length > 0 ? publicDifferenceList(record.differences) : { verdict: agrees },
  };
  const verdict = conforming ? agrees : onlyNotAnnounced ? words.verdict : publicDifferenceList(all).verdict;
  const workbook = check.differences.length === 0 ? null : { ...publicDifferenceList(check.differences), ...(onlyNotAnnounced ? { verdict } : {}) };
  return { fileName, conforming, verdict, records: [report], workbook, added: [], check };
}
