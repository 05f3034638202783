/**
 * A published record checked, for every front end: the CLI's `verify` (which reads the file from
 * the disk) and the verifier page (which gets its bytes from the browser). Both call these
 * functions, so they refuse the same files with the same French messages and reach the same
 * verdict with the same words; each only lays the report out (lines of text, or a page).
 */
import { fileError } from '../core/fileMessages';
import {
  allDifferences,
  describeAddedSheet,
  describeDifference,
  NotARecordError,
  parseAnnouncedFingerprint,
  readAnnouncedSeed,
  verifyWorkbook,
  type Difference,
  type Sheet,
  type WorkbookCheck,
} from '../core';

/** Past this many differences in one block, the rest is counted, not listed. */
export const MAX_LISTED_DIFFERENCES = 200;

export const CONFORMING = 'Registre conforme : chaque chiffre, nom et statut correspond au tirage recalculé.';
export const FINGERPRINT_LABEL = 'Empreinte des candidatures';
export const SEED_LABEL = 'Graine publique';
export const ANNOUNCED_MATCH = 'Empreinte identique à celle annoncée en séance.';
export const ANNOUNCED_SEED_MATCH = 'Graine identique à celle annoncée en séance.';
/** Heads the differences that belong to no single draw, when the report has several blocks. */
export const WORKBOOK_HEADING = 'Classeur';
const AGREES_BUT_WORKBOOK_DIFFERS = 'Ce tirage correspond à ses données, mais le classeur a d’autres différences (ci-dessous).';
/** A draw that agrees with its data, in a workbook whose only fault is the announced fingerprint. */
export const AGREES_BUT_NOT_ANNOUNCED = 'Ce tirage correspond à ses données, mais son empreinte n’est pas celle annoncée en séance (ci-dessous).';
/** The verdict when the announced fingerprint is the workbook's only difference. */
export const NOT_ANNOUNCED = 'Registre NON conforme : l’empreinte annoncée en séance n’est pas celle du registre.';

/** What was announced and is not the record's, when nothing else is wrong: the fingerprint, the seed, or both. */
export function notAnnouncedWords(fingerprint: boolean, seed: boolean): { agrees: string; verdict: string } {
  if (!seed) return { agrees: AGREES_BUT_NOT_ANNOUNCED, verdict: NOT_ANNOUNCED };
  if (!fingerprint) {
    return {
      agrees: 'Ce tirage correspond à ses données, mais sa graine n’est pas celle annoncée en séance (ci-dessous).',
      verdict: 'Registre NON conforme : la graine annoncée en séance n’est pas celle du registre.',
    };
  }
  return {
    agrees: 'Ce tirage correspond à ses données, mais son empreinte et sa graine ne sont pas celles annoncées en séance (ci-dessous).',
    verdict: 'Registre NON conforme : l’empreinte et la graine annoncées en séance ne sont pas celles du registre.',
  };
}

/** The figures announced in the public session, as a citizen types them back, read (checkRequest). */
export interface Announced {
  fingerprint?: string;
  seed?: string;
}

export function notConforming(count: number): string {
  return `Registre NON conforme : ${count} différence${count > 1 ? 's' : ''} avec le tirage recalculé.`;
}

export function recordHeading(dataSheet: string): string {
  return `Tirage consigné dans « ${dataSheet} »`;
}

export function seedLine(publicSeed: string): string {
  return `${SEED_LABEL} : « ${publicSeed} »`;
}

/** The replacement sheets verify applied again (the mandate's resignations), in date order. */
export function replacementsLine(sheetNames: readonly string[]): string {
  return `Remplacements refaits dans l’ordre des dates : ${sheetNames.map((name) => `« ${name} »`).join(', ')}`;
}

/** One block of differences: the first MAX_LISTED_DIFFERENCES, then how many more. */
export interface DifferenceList {
  listed: string[];
  /** « … et N autres différences. », when some were left out. */
  more: string | null;
  /** « Registre NON conforme : N différences… » */
  verdict: string;
}

/** A record's differences, worded: the first MAX_LISTED_DIFFERENCES, then how many more. */
export function differenceList(differences: readonly Difference[]): DifferenceList {
  return wordedDifferenceList(differences, describeDifference);
}

/** The same with another describer: a public record's differences (verifyPublic.ts) have their own. */
export function wordedDifferenceList<D>(differences: readonly D[], describe: (difference: D) => string): DifferenceList {
  const n = differences.length;
  return {
    listed: differences.slice(0, MAX_LISTED_DIFFERENCES).map(describe),
    more: n > MAX_LISTED_DIFFERENCES ? `… et ${n - MAX_LISTED_DIFFERENCES} autres différences.` : null,
    verdict: notConforming(n),
  };
}

export interface RecordReport {
  dataSheet: string;
  fingerprint: string;
  publicSeed: string;
  /** This draw's fingerprint is the one announced in the session (false when none was given). */
  matchesAnnounced: boolean;
  /** This draw's seed is the one announced in the session (false when none was given). */
  matchesAnnouncedSeed: boolean;
  /** The replacement sheets checked with this draw, in date order. */
  replacements: string[];
  /** This draw's differences, or the line that closes a draw without any. */
  outcome: DifferenceList | { verdict: string };
}

export interface VerifyReport {
  fileName: string;
  /** True only for a workbook without a single difference anywhere. */
  conforming: boolean;
  /** « Registre conforme… » or « Registre NON conforme : N différences… » for the whole workbook. */
  verdict: string;
  records: RecordReport[];
  /** Differences that belong to no single draw (a stray record sheet, an announced fingerprint found nowhere). */
  workbook: DifferenceList | null;
  /** One line per sheet added after the draw that is no record sheet (« feuille ajoutée après le tirage »): not a difference. */
  added: string[];
  check: WorkbookCheck;
}

/**
 * What is checked before the file is read: the announced fingerprint and seed (returned read, if
 * given: the fingerprint's spaces, hyphens and case ignored, the seed read with `norm` as the draw
 * reads it) and that the file is not a text file, which cannot be a record.
 */
export function checkRequest(fileName: string, announced: Announced = {}): Announced {
  const fingerprint = announced.fingerprint === undefined ? undefined : parseAnnouncedFingerprint(announced.fingerprint);
  const seed = announced.seed === undefined ? undefined : readAnnouncedSeed(announced.seed);
  if (/\.(csv|txt)$/i.test(fileName)) {
    throw fileError({ code: 'unsupported_format', reason: 'text_not_record', source: fileName });
  }
  return { ...(fingerprint === undefined ? {} : { fingerprint }), ...(seed === undefined ? {} : { seed }) };
}

/**
 * The verdict on a workbook's sheets; `announced` as checkRequest returns it, with the fingerprint
 * published with the last replacement's notice (ALGORITHM.md §11) when one is given.
 */
export function verifySheets(sheets: readonly Sheet[], fileName: string, announced: Announced & { replacementFingerprint?: string } = {}): VerifyReport {
  let check: WorkbookCheck;
  try {
    check = verifyWorkbook(sheets, {
      ...(announced.fingerprint === undefined ? {} : { expectedFingerprint: announced.fingerprint }),
      ...(announced.seed === undefined ? {} : { expectedSeed: announced.seed }),
      ...(announced.replacementFingerprint === undefined ? {} : { expectedReplacementFingerprint: announced.replacementFingerprint }),
    });
  } catch (error) {
    if (error instanceof NotARecordError) {
      throw fileError({ code: 'file_unreadable', reason: 'not_a_record', source: fileName, damage: error.damage });
    }
    throw error;
  }
  const all = allDifferences(check);
  const conforming = all.length === 0;
  // The announced fingerprint or seed found nowhere, and nothing else wrong: the verdict says so, not « N différences ».
  const fingerprintMissed = check.announced !== null && !check.announced.found;
  const seedMissed = check.announcedSeed !== null && !check.announcedSeed.found;
  const onlyNotAnnounced = (fingerprintMissed || seedMissed) && all.length === Number(fingerprintMissed) + Number(seedMissed);
  const words = notAnnouncedWords(fingerprintMissed, seedMissed);
  const records = check.records.map(
    (record): RecordReport => ({
      dataSheet: record.dataSheet,
      fingerprint: record.fingerprint,
      publicSeed: record.publicSeed,
      matchesAnnounced: announced.fingerprint !== undefined && record.fingerprint === announced.fingerprint,
      matchesAnnouncedSeed: announced.seed !== undefined && record.fingerprint !== '' && record.publicSeed === announced.seed,
      replacements: record.replacements,
      // « conforme » is said only of a workbook with no difference anywhere: a draw that agrees with its data
      // in a workbook that fails elsewhere (another fingerprint was announced) is not called conforming.
      outcome:
        record.differences.length > 0
          ? differenceList(record.differences)
          : { verdict: conforming ? CONFORMING : onlyNotAnnounced ? words.agrees : AGREES_BUT_WORKBOOK_DIFFERS },
    }),
  );
  const verdict = conforming ? CONFORMING : onlyNotAnnounced ? words.verdict : notConforming(all.length);
  const workbook = check.differences.length === 0 ? null : { ...differenceList(check.differences), ...(onlyNotAnnounced ? { verdict } : {}) };
  return { fileName, conforming, verdict, records, workbook, added: check.addedSheets.map(describeAddedSheet), check };
}

/** The report as the CLI prints it, one line each (a public record's report too: verifyPublic.ts). */
export function reportLines(report: Omit<VerifyReport, 'check'>): string[] {
  const lines: string[] = [`Registre : ${report.fileName}`];
  const several = report.records.length > 1;
  for (const record of report.records) {
    if (several) lines.push('', recordHeading(record.dataSheet));
    lines.push(`${FINGERPRINT_LABEL} : ${record.fingerprint}`);
    // A sealed table published before the draw has no seed yet (verifyPublic.ts).
    if (record.publicSeed !== '') lines.push(seedLine(record.publicSeed));
    if (record.matchesAnnounced) lines.push(ANNOUNCED_MATCH);
    if (record.matchesAnnouncedSeed) lines.push(ANNOUNCED_SEED_MATCH);
    if (record.replacements.length > 0) lines.push(replacementsLine(record.replacements));
    lines.push(...outcomeLines(record.outcome));
  }
  if (report.workbook !== null || report.added.length > 0) {
    // Its own heading after a draw's verdict that counts that draw's differences only, so that the two counts are not read as one.
    const afterOwnVerdict = report.records.length === 1 && ('listed' in report.records[0].outcome || report.added.length > 0);
    if (several || report.records.length === 0 || afterOwnVerdict) lines.push('', WORKBOOK_HEADING);
    lines.push(...report.added);
    if (report.workbook !== null) lines.push(...outcomeLines(report.workbook));
  }
  return lines;
}

function outcomeLines(outcome: DifferenceList | { verdict: string }): string[] {
  return 'listed' in outcome ? [...outcome.listed, ...(outcome.more === null ? [] : [outcome.more]), outcome.verdict] : [outcome.verdict];
}
