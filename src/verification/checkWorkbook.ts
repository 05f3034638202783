/**
 * What `tirage-cln verify` and the verifier page do with a workbook, in one place: a private
 * record or a public record (`tirage-cln/2`), each checked by its own rules with the same report,
 * and, when a candidate gives their receipt, their own line (ALGORITHM.md §10).
 */
import { fileError } from '../core/fileMessages';
import {
  auditPublicRecord,
  isPublicRecord,
  NotAPublicRegisterError,
  NotARecordError,
  lineOfReceipt,
  parseReceipt,
  parseReplacementFingerprint,
  sealedDrawsOfRecord,
  formatReceipt,
  statusLabel,
  longFrenchDate,
  type PublicAudit,
  type PublicRecord,
  type ReceiptLine,
  type Sheet,
} from '../core';
import { checkRequest, verifySheets, type VerifyReport } from './verifyRecord';
import { publicDifferenceList, verifyPublicSheets } from './verifyPublic';

/** What is asked of a check, as typed (read and refused with a French message before the file is read: `readCheckRequest`). */
export interface CheckRequest {
  /** The fingerprint announced before the seed. */
  fingerprint?: string;
  /** The seed announced in the room. */
  seed?: string;
  /** The fingerprint published with the last replacement's notice. */
  replacementFingerprint?: string;
  /** A candidate's receipt. */
  receipt?: string;
}

/** The same, read: 64 and 24 lower-case hex digits. */
export interface ReadRequest {
  fingerprint?: string;
  /** Read as the draw reads it (core's norm). */
  seed?: string;
  replacementFingerprint?: string;
  receipt?: string;
}

/** Reads what was typed, before the file: InputError (exit 2) for a code that cannot be one, or a text file given for a record. */
export function readCheckRequest(fileName: string, request: CheckRequest): ReadRequest {
  const announced = checkRequest(fileName, {
    ...(request.fingerprint === undefined ? {} : { fingerprint: request.fingerprint }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
  });
  return {
    ...announced,
    ...(request.replacementFingerprint === undefined ? {} : { replacementFingerprint: parseReplacementFingerprint(request.replacementFingerprint) }),
    ...(request.receipt === undefined ? {} : { receipt: parseReceipt(request.receipt) }),
  };
}

/** A receipt looked up: its line in French, or the sentence saying it is nowhere. */
export interface ReceiptReport {
  found: boolean;
  lines: string[];
}

export interface WorkbookOutcome {
  kind: 'record' | 'public';
  report: Omit<VerifyReport, 'check'>;
  receipt: ReceiptReport | null;
  /** The report's verdict and, when a receipt was given, that it was found. */
  conforming: boolean;
}

/** « ce reçu ne figure pas dans ce tirage », the words issue 16 gives. */
export const RECEIPT_NOT_FOUND = 'ce reçu ne figure pas dans ce tirage';

const SEX_WORDS = { F: 'femme', H: 'homme' } as const;

/** A candidate's line, as the CLI prints it and the page shows it. */
export function receiptLines(receipt: string, line: ReceiptLine | null, where: string): ReceiptReport {
  const shown = `Reçu ${formatReceipt(receipt)}`;
  if (line === null) {
    return {
      found: false,
      lines: [
        `${shown} : ${RECEIPT_NOT_FOUND} (${where}). Vérifiez les 24 chiffres du reçu, et que ce registre est bien celui du tirage auquel vous avez candidaté.`,
      ],
    };
  }
  const lines = [
    `${shown} : votre candidature est dans ${where}.`,
    `Sceau : ${line.seal}`,
    `Secteur : ${line.sector}`,
    `Sexe : ${SEX_WORDS[line.sex]}`,
    `Priorité d’âge : ${line.priority ? 'oui' : 'non'}`,
  ];
  if (line.drawn === null) lines.push('Statut : tirage pas encore fait.');
  else {
    lines.push(`N° de tirage : ${line.drawn.drawNumber}`, `Statut : ${statusLabel({ ...line.drawn, reason: null })}`, `Nom déclaré : ${line.drawn.name}`);
    for (const r of line.replacements) {
      lines.push(`${r.role === 'leaving' ? 'Départ du conseil' : 'Entrée au conseil'} le ${longFrenchDate(r.date)} (empreinte du remplacement : ${r.fingerprint})`);
    }
  }
  return { found: true, lines };
}

function lookUp(receipt: string, records: readonly PublicRecord[], where: string): ReceiptReport {
  for (const record of records) {
    const line = lineOfReceipt(record, receipt);
    if (line !== null) return receiptLines(receipt, line, where);
  }
  return receiptLines(receipt, null, where);
}

/** Checks a workbook's sheets, private or public record, and looks a receipt up when one is given. */
export function checkWorkbook(sheets: readonly Sheet[], fileName: string, request: ReadRequest): WorkbookOutcome {
  if (isPublicRecord(sheets)) {
    const report = verifyPublicSheets(sheets, fileName, request.fingerprint, request.replacementFingerprint, request.seed);
    const recomputed = report.check.record.recomputed;
    const where = report.check.record.stage === 'sealed' ? 'la table scellée' : 'ce registre public';
    const receipt = request.receipt === undefined ? null : lookUp(request.receipt, recomputed === null ? [] : [recomputed], where);
    return { kind: 'public', report, receipt, conforming: report.conforming && (receipt?.found ?? true) };
  }
  const report = verifySheets(sheets, fileName, request);
  let receipt: ReceiptReport | null = null;
  if (request.receipt !== undefined) {
    const draws = sealedDrawsOfRecord(sheets);
    receipt = lookUp(request.receipt, draws, draws.length === 0 ? 'ce registre, qui n’a aucun tirage scellé (tirage-cln/2)' : 'ce registre');
  }
  return { kind: 'record', report, receipt, conforming: report.conforming && (receipt?.found ?? true) };
}

/** The auditor's check of a published record against the private one, in French lines. */
export interface AuditReport {
  conforming: boolean;
  lines: string[];
}

export function publicAuditConforming(seals: number): string {
  return (
    `Registre public conforme : exactement ce que donne le registre privé, chacun de ses ${seals} sceau${seals > 1 ? 'x' : ''} ` +
    'recalculé à partir de sa candidature et de la clé de scellement du registre.'
  );
}

/** `verify <record> --public <public>`: the private record's sheets, the published record's, and its file name. */
export function auditReport(recordSheets: readonly Sheet[], publicSheets: readonly Sheet[], publicFileName: string): AuditReport {
  let audit: PublicAudit;
  try {
    audit = auditPublicRecord(recordSheets, publicSheets);
  } catch (error) {
    if (error instanceof NotARecordError || error instanceof NotAPublicRegisterError) throw fileError({ code: 'file_unreadable', reason: 'not_a_public_record', source: publicFileName, damage: error.damage });
    throw error;
  }
  const heading = `Registre public comparé au registre : ${publicFileName}`;
  if (audit.differences.length === 0) return { conforming: true, lines: [heading, publicAuditConforming(audit.seals)] };
  const list = publicDifferenceList(audit.differences);
  const n = audit.differences.length;
  return {
    conforming: false,
    lines: [heading, ...list.listed, ...(list.more === null ? [] : [list.more]), `Registre public NON conforme : ${n} différence${n > 1 ? 's' : ''} avec ce que donne le registre.`],
  };
}
