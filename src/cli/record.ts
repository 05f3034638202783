/** `draw --out` and `verify`: the record workbook on disk. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  allDifferences,
  buildRecord,
  newRecordMeta,
  InputError,
  NotARecordError,
  parseAnnouncedFingerprint,
  parseOfficials,
  verifyWorkbook,
  type DrawResult,
  type RawTable,
  type WorkbookCheck,
} from '../core';
import { fileBaseName } from '../file/bytes';
import { formatOf } from '../file/readTable';
import { readWorkbookGrids } from '../file/recordReader';
import { existingSheetNames, recordOutputPath, writeRecordWorkbook } from '../file/recordWriter';

/** The sheet that holds a CSV's table in the record workbook. */
export const CSV_SHEET_NAME = 'Candidatures';

export interface RecordOptions {
  out: string;
  /** Replace an existing file at `out`; without it, an existing file is never overwritten. */
  replace?: boolean;
  place?: string;
  officials?: string;
  /** First day of the two-year mandate (ISO); the draw date when not given. */
  mandateStart?: string;
}

export async function writeRecord(inputPath: string, table: RawTable, result: DrawResult, options: RecordOptions): Promise<string[]> {
  const outPath = recordOutputPath(options.out);
  if (existsSync(outPath) && options.replace !== true) {
    // A record is an official document: an earlier one is never replaced by accident.
    throw new InputError(
      'output_exists',
      `Le fichier « ${options.out} » existe déjà : le registre n’a pas été écrit. Choisissez un autre nom de fichier (option --out), ` +
        'ou ajoutez --replace pour le remplacer.',
    );
  }
  const isWorkbook = formatOf(fileBaseName(inputPath)) === 'xlsx';
  const model = buildRecord(
    result,
    newRecordMeta({
      place: (options.place ?? '').replace(/\s+/g, ' ').trim(),
      officials: parseOfficials(options.officials ?? ''),
      mandateStart: options.mandateStart ?? result.prepared.referenceDate,
      candidatureSheet: isWorkbook ? (table.sheet ?? null) : CSV_SHEET_NAME,
      sourceFile: fileBaseName(inputPath),
      inputSheets: isWorkbook ? await existingSheetNames(inputPath) : [CSV_SHEET_NAME],
    }),
  );
  createFolderOf(outPath);
  await writeRecordWorkbook({
    input: isWorkbook ? { kind: 'xlsx', path: inputPath } : { kind: 'csv', table, sheetName: CSV_SHEET_NAME },
    model,
    outPath,
  });
  return model.sheets.map((s) => s.name);
}

/** A record is often written to a new folder of the day's session: create it rather than fail. */
function createFolderOf(outPath: string): void {
  try {
    mkdirSync(dirname(outPath), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(
      'file_unwritable',
      `Le dossier du registre « ${dirname(outPath)} » ne peut pas être créé (${code}) : un fichier porte peut-être déjà ce nom, ` +
        'ou les droits manquent. Indiquez un autre chemin avec --out.',
    );
  }
}

const MAX_LINES = 200;

export interface VerifyOutcome {
  conforming: boolean;
  text: string;
  check: WorkbookCheck;
}

const CONFORMING = 'Registre conforme : chaque chiffre, nom et statut correspond au tirage recalculé.';

/** The differences found, then the verdict on them. */
function differencesText(differences: readonly string[]): string[] {
  const n = differences.length;
  return [
    ...differences.slice(0, MAX_LINES),
    ...(n > MAX_LINES ? [`… et ${n - MAX_LINES} autres différences.`] : []),
    `Registre NON conforme : ${n} différence${n > 1 ? 's' : ''} avec le tirage recalculé.`,
  ];
}

export async function verifyFile(path: string, expectedFingerprint?: string): Promise<VerifyOutcome> {
  const announced = expectedFingerprint === undefined ? undefined : parseAnnouncedFingerprint(expectedFingerprint);
  if (/\.(csv|txt)$/i.test(path)) {
    throw new InputError(
      'unsupported_format',
      `« ${fileBaseName(path)} » est un fichier texte (CSV), pas un registre : le registre à vérifier est le classeur .xlsx ` +
        'écrit par « tirage-cln draw … --out », tel qu’il a été publié ou archivé.',
    );
  }
  const sheets = await readWorkbookGrids(path);
  let check: WorkbookCheck;
  try {
    check = verifyWorkbook(sheets, announced === undefined ? {} : { expectedFingerprint: announced });
  } catch (error) {
    if (error instanceof NotARecordError) {
      throw new InputError('file_unreadable', `« ${fileBaseName(path)} » n’est pas un registre de tirage lisible : ${error.message}.`);
    }
    throw error;
  }
  const conforming = allDifferences(check).length === 0;
  const lines: string[] = [`Registre : ${fileBaseName(path)}`];
  const several = check.records.length > 1;
  for (const record of check.records) {
    if (several) lines.push('', `Tirage consigné dans « ${record.dataSheet} »`);
    lines.push(`Empreinte des candidatures : ${record.fingerprint}`, `Graine publique : « ${record.publicSeed} »`);
    if (announced !== undefined && record.fingerprint === announced) lines.push('Empreinte identique à celle annoncée en séance.');
    if (record.replacements.length > 0) lines.push(`Remplacements refaits dans l’ordre des dates : ${record.replacements.map((name) => `« ${name} »`).join(', ')}`);
    // « conforme » is said only of a workbook with no difference anywhere: a draw that agrees with its data
    // in a workbook that fails elsewhere (another fingerprint was announced) is not called conforming.
    if (record.differences.length > 0) lines.push(...differencesText(record.differences));
    else lines.push(conforming ? CONFORMING : 'Ce tirage correspond à ses données, mais le classeur a d’autres différences (ci-dessous).');
  }
  if (check.differences.length > 0) {
    if (several || check.records.length === 0) lines.push('', 'Classeur');
    lines.push(...differencesText(check.differences));
  }
  return { conforming, text: lines.join('\n') + '\n', check };
}
