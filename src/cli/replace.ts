/** `replace`: a member leaves during the mandate; a copy of the record gets a Remplacement sheet. */
import { fileError } from '../core/fileMessages';
import { existsSync } from 'node:fs';
import { buildPublicRecord, candidateJson, formatFrenchDate, parseIsoDate, personLabel, readRowNumber, recordReplacement, refuseUnkeepableText, toNumber, type RecordedReplacement, type ReplacementRequest } from '../core';
import { fileBaseName } from '../file/bytes';
import { readWorkbookSheets } from '../file/recordReader';
import { recordOutputPath, writeRecordWorkbook } from '../file/recordWriter';
import { publicOutputPath, refuseUnsealedPublicRecord, writePublicWorkbook } from './publicRecord';

export interface ReplaceOptions {
  row: string;
  date: string;
  reason: string;
  out: string;
  choose?: string;
  json?: boolean;
  /** A sealed draw's public record, with every replacement so far and its fingerprint. */
  publicOut?: string;
}

/** `today` (ISO): a departure dated after it is refused. */
export async function replaceMember(recordPath: string, options: ReplaceOptions, today: string): Promise<RecordedReplacement> {
  refuseUnkeepableText('Le motif (--reason)', options.reason);
  const request: ReplacementRequest = {
    date: options.date.trim(),
    reason: options.reason.replace(/\s+/g, ' ').trim(),
    leavingRow: readRowNumber('leaving', options.row),
    chosenRow: options.choose === undefined ? null : readRowNumber('chosen', options.choose),
  };
  const outPath = recordOutputPath(options.out);
  if (existsSync(outPath)) {
    // The record with its replacements is an official document: never overwritten by accident.
    throw fileError({ code: 'output_exists', reason: 'replacement', name: options.out });
  }
  const publicPath = options.publicOut === undefined ? undefined : publicOutputPath(options.publicOut, false, options.out);
  const source = fileBaseName(recordPath);
  const recorded = recordReplacement(await readWorkbookSheets(recordPath), request, source, today);
  if (publicPath !== undefined) refuseUnsealedPublicRecord(recorded.result.prepared.algorithm);
  await writeRecordWorkbook({ input: { kind: 'xlsx', path: recordPath }, model: { sheets: [recorded.sheet] }, outPath });
  if (publicPath !== undefined) await writePublicWorkbook(buildPublicRecord(recorded.result, recorded.meta, recorded.replacements), publicPath);
  return recorded;
}

export function replacementJson({ replacement, fingerprint }: RecordedReplacement): object {
  return {
    leaving: candidateJson(replacement.leaving, toNumber),
    joining: replacement.joining === null ? null : candidateJson(replacement.joining, toNumber),
    rule: replacement.rule,
    replacementFingerprint: fingerprint,
  };
}

function frenchDate(iso: string): string {
  const date = parseIsoDate(iso);
  return date === null ? iso : formatFrenchDate(date);
}

export function formatReplacement({ replacement, sheet, fingerprint }: RecordedReplacement, out: string, publicOut?: string): string {
  const { leaving, joining, rule } = replacement;
  const lines = [
    `Départ : ${personLabel(leaving)}, le ${frenchDate(replacement.request.date)} (motif : ${replacement.request.reason})`,
    joining === null
      ? 'Remplaçant·e : personne, la liste complémentaire est épuisée ; le siège reste vacant.'
      : `Remplaçant·e : ${personLabel(joining)}, liste complémentaire n° ${joining.reserveRank}${rule === 'chosen' ? ' (choix consigné)' : ''}`,
    `Membres à cette date : ${replacement.membersAfter.length}`,
    `Empreinte du remplacement (à publier avec l’avis de remplacement) : ${fingerprint}`,
    `Registre écrit : ${out} (feuille ajoutée : ${sheet.name})`,
  ];
  if (publicOut !== undefined) lines.push(`Registre public écrit : ${publicOut} (avec ce remplacement et son empreinte) — à publier avec l’avis`);
  return lines.join('\n') + '\n';
}
