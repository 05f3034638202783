/**
 * A published record checked, for every front end: the CLI's `verify` (which reads the file from
 * the disk) and the verifier page (which gets its bytes from the browser). Both call these
 * functions, so they refuse the same files with the same French messages and reach the same
 * verdict with the same words; each only lays the report out (lines of text, or a page).
 */
import {
  allDifferences,
  InputError,
  NotARecordError,
  parseAnnouncedFingerprint,
  verifyWorkbook,
  type Sheet,
  type WorkbookCheck,
} from '../core';

/** Past this many differences in one block, the rest is counted, not listed. */
export const MAX_LISTED_DIFFERENCES = 200;

export const CONFORMING = 'Registre conforme : chaque chiffre, nom et statut correspond au tirage recalculé.';
export const FINGERPRINT_LABEL = 'Empreinte des candidatures';
export const SEED_LABEL = 'Graine publique';
export const ANNOUNCED_MATCH = 'Empreinte identique à celle annoncée en séance.';
/** Heads the differences that belong to no single draw, when the report has several blocks. */
export const WORKBOOK_HEADING = 'Classeur';
const AGREES_BUT_WORKBOOK_DIFFERS = 'Ce tirage correspond à ses données, mais le classeur a d’autres différences (ci-dessous).';
/** A draw that agrees with its data, in a workbook whose only fault is the announced fingerprint. */
export const AGREES_BUT_NOT_ANNOUNCED = 'Ce tirage correspond à ses données, mais son empreinte n’est pas celle annoncée en séance (ci-dessous).';
/** The verdict when the announced fingerprint is the workbook's only difference. */
export const NOT_ANNOUNCED = 'Registre NON conforme : l’empreinte annoncée en séance n’est pas celle du registre.';

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

export function differenceList(differences: readonly string[]): DifferenceList {
  const n = differences.length;
  return {
    listed: differences.slice(0, MAX_LISTED_DIFFERENCES),
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
  check: WorkbookCheck;
}

/**
 * What is checked before the file is read: the announced fingerprint (returned normalised, if
 * given) and that the file is not a text file, which cannot be a record.
 */
export function checkRequest(fileName: string, announced?: string): string | undefined {
  const fingerprint = announced === undefined ? undefined : parseAnnouncedFingerprint(announced);
  if (/\.(csv|txt)$/i.test(fileName)) {
    throw new InputError(
      'unsupported_format',
      `« ${fileName} » est un fichier texte (CSV), pas un registre : le registre à vérifier est le classeur .xlsx ` +
        'écrit par « tirage-cln draw … --out », tel qu’il a été publié ou archivé.',
    );
  }
  return fingerprint;
}

/**
 * The verdict on a workbook's sheets; `announced` as checkRequest returns it; `replacementAnnounced`,
 * the fingerprint published with the last replacement's notice (ALGORITHM.md §11).
 */
export function verifySheets(sheets: readonly Sheet[], fileName: string, announced?: string, replacementAnnounced?: string): VerifyReport {
  let check: WorkbookCheck;
  try {
    check = verifyWorkbook(sheets, {
      ...(announced === undefined ? {} : { expectedFingerprint: announced }),
      ...(replacementAnnounced === undefined ? {} : { expectedReplacementFingerprint: replacementAnnounced }),
    });
  } catch (error) {
    if (error instanceof NotARecordError) {
      throw new InputError('file_unreadable', `« ${fileName} » n’est pas un registre de tirage lisible : ${error.message}.`);
    }
    throw error;
  }
  const all = allDifferences(check);
  const conforming = all.length === 0;
  // The announced fingerprint found nowhere, and nothing else wrong: the verdict says so, not « N différences ».
  const onlyNotAnnounced = check.announced !== null && !check.announced.found && all.length === 1;
  const records = check.records.map(
    (record): RecordReport => ({
      dataSheet: record.dataSheet,
      fingerprint: record.fingerprint,
      publicSeed: record.publicSeed,
      matchesAnnounced: announced !== undefined && record.fingerprint === announced,
      replacements: record.replacements,
      // « conforme » is said only of a workbook with no difference anywhere: a draw that agrees with its data
      // in a workbook that fails elsewhere (another fingerprint was announced) is not called conforming.
      outcome:
        record.differences.length > 0
          ? differenceList(record.differences)
          : { verdict: conforming ? CONFORMING : onlyNotAnnounced ? AGREES_BUT_NOT_ANNOUNCED : AGREES_BUT_WORKBOOK_DIFFERS },
    }),
  );
  const verdict = conforming ? CONFORMING : onlyNotAnnounced ? NOT_ANNOUNCED : notConforming(all.length);
  const workbook = check.differences.length === 0 ? null : { ...differenceList(check.differences), ...(onlyNotAnnounced ? { verdict } : {}) };
  return { fileName, conforming, verdict, records, workbook, check };
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
    if (record.replacements.length > 0) lines.push(replacementsLine(record.replacements));
    lines.push(...outcomeLines(record.outcome));
  }
  if (report.workbook !== null) {
    if (several || report.records.length === 0) lines.push('', WORKBOOK_HEADING);
    lines.push(...outcomeLines(report.workbook));
  }
  return lines;
}

function outcomeLines(outcome: DifferenceList | { verdict: string }): string[] {
  return 'listed' in outcome ? [...outcome.listed, ...(outcome.more === null ? [] : [outcome.more]), outcome.verdict] : [outcome.verdict];
}
