/** `draw --out` and `verify`: the record workbook on disk. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  buildRecord,
  chooseSheetNames,
  InputError,
  NotARecordError,
  parseOfficials,
  verifyWorkbook,
  type DrawResult,
  type RawTable,
  type RecordCheck,
} from '../core';
import { fileBaseName } from '../file/bytes';
import { announcedFingerprint } from './announcedFingerprint';
import { formatOf } from '../file/readTable';
import { readWorkbookGrids } from '../file/recordReader';
import { existingSheetNames, writeRecordWorkbook } from '../file/recordWriter';

/** The sheet that holds a CSV's table in the record workbook. */
export const CSV_SHEET_NAME = 'Candidatures';

export interface RecordOptions {
  out: string;
  /** Replace an existing file at `out`; without it, an existing file is never overwritten. */
  replace?: boolean;
  place?: string;
  officials?: string;
}

export async function writeRecord(inputPath: string, table: RawTable, result: DrawResult, options: RecordOptions): Promise<string[]> {
  if (existsSync(options.out) && options.replace !== true) {
    // A record is an official document: an earlier one is never replaced by accident.
    throw new InputError(
      'output_exists',
      `Le fichier « ${options.out} » existe déjà : le registre n’a pas été écrit. Choisissez un autre nom de fichier (option --out), ` +
        'ou ajoutez --replace pour le remplacer.',
    );
  }
  const isWorkbook = formatOf(fileBaseName(inputPath)) === 'xlsx';
  const existing = isWorkbook ? await existingSheetNames(inputPath) : [CSV_SHEET_NAME];
  const meta = {
    place: (options.place ?? '').replace(/\s+/g, ' ').trim(),
    officials: parseOfficials(options.officials ?? ''),
    candidatureSheet: isWorkbook ? (table.sheet ?? null) : CSV_SHEET_NAME,
    sourceFile: fileBaseName(inputPath),
    sheetNames: chooseSheetNames(existing),
  };
  const model = buildRecord(result, meta);
  // A record is often written to a new folder of the day's session: create it rather than fail.
  mkdirSync(dirname(options.out), { recursive: true });
  await writeRecordWorkbook({
    input: isWorkbook ? { kind: 'xlsx', path: inputPath } : { kind: 'csv', table, sheetName: CSV_SHEET_NAME },
    model,
    outPath: options.out,
  });
  return model.sheets.map((s) => s.name);
}

const MAX_LINES = 200;

export interface VerifyOutcome {
  conforming: boolean;
  text: string;
  checks: RecordCheck[];
}

export async function verifyFile(path: string, expectedFingerprint?: string): Promise<VerifyOutcome> {
  if (expectedFingerprint !== undefined) announcedFingerprint(expectedFingerprint);
  const sheets = await readWorkbookGrids(path);
  let checks: RecordCheck[];
  try {
    checks = verifyWorkbook(sheets, expectedFingerprint === undefined ? {} : { expectedFingerprint });
  } catch (error) {
    if (error instanceof NotARecordError) {
      throw new InputError('file_unreadable', `« ${fileBaseName(path)} » n’est pas un registre de tirage lisible : ${error.message}.`);
    }
    throw error;
  }
  const lines: string[] = [`Registre : ${fileBaseName(path)}`];
  for (const check of checks) {
    if (checks.length > 1) lines.push('', `Tirage consigné dans « ${check.dataSheet} »`);
    lines.push(`Empreinte des candidatures : ${check.fingerprint}`, `Graine publique : « ${check.publicSeed} »`);
    if (expectedFingerprint !== undefined && check.differences.every((d) => !d.includes('empreinte annoncée'))) {
      lines.push('Empreinte identique à celle annoncée en séance.');
    }
    if (check.differences.length === 0) {
      lines.push('Registre conforme : chaque chiffre, nom et statut correspond au tirage recalculé.');
    } else {
      lines.push(...check.differences.slice(0, MAX_LINES));
      if (check.differences.length > MAX_LINES) lines.push(`… et ${check.differences.length - MAX_LINES} autres différences.`);
      const n = check.differences.length;
      lines.push(`Registre NON conforme : ${n} différence${n > 1 ? 's' : ''} avec le tirage recalculé.`);
    }
  }
  return { conforming: checks.every((c) => c.differences.length === 0), text: lines.join('\n') + '\n', checks };
}
