/** `draw --out` and `verify`: the record workbook on disk. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CSV_SHEET_NAME, InputError, planDraw, type DrawRequest, type DrawResult, type WorkbookCheck } from '../core';
import { fileBaseName } from '../file/bytes';
import type { TableFile } from '../file/readTable';
import { readWorkbookSheets } from '../file/recordReader';
import { existingSheetNames, recordOutputPath, writeRecordWorkbook } from '../file/recordWriter';
import { checkRequest, reportLines, verifySheets } from '../verification/verifyRecord';

export interface RecordOptions {
  out: string;
  /** Replace an existing file at `out`; without it, an existing file is never overwritten. */
  replace?: boolean;
}

/**
 * `draw --out`: the draw planned by core with its record (core/drawRequest.ts), the plans written beside
 * the input's sheets; `input` is the table as read, with its workbook's package, which the record extends (not read again).
 */
export async function drawAndRecord(input: TableFile & { path: string }, request: DrawRequest, options: RecordOptions): Promise<{ result: DrawResult; sheets: string[] }> {
  const { table, workbook, path: inputPath } = input;
  const outPath = recordOutputPath(options.out);
  if (existsSync(outPath) && options.replace !== true) {
    // A record is an official document: an earlier one is never replaced by accident.
    throw new InputError(
      'output_exists',
      `Le fichier « ${options.out} » existe déjà : le registre n’a pas été écrit. Choisissez un autre nom de fichier (option --out), ` +
        'ou ajoutez --replace pour le remplacer.',
    );
  }
  const { result, plans } = planDraw(table, request, {
    sourceFile: fileBaseName(inputPath),
    sheetNames: workbook ? await existingSheetNames({ path: inputPath, package: workbook }) : [CSV_SHEET_NAME],
  });
  createFolderOf(outPath);
  await writeRecordWorkbook({ input: workbook ? { kind: 'xlsx', path: inputPath, package: workbook } : { kind: 'csv', table: table.sheet }, plans, outPath });
  return { result, sheets: plans.map((plan) => plan.name) };
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

export interface VerifyOutcome {
  conforming: boolean;
  text: string;
  check: WorkbookCheck;
}

/** `verify`: the file read from the disk, then the check every front end shares (src/verification). */
export async function verifyFile(path: string, expectedFingerprint?: string): Promise<VerifyOutcome> {
  const fileName = fileBaseName(path);
  const announced = checkRequest(fileName, expectedFingerprint);
  const report = verifySheets(await readWorkbookSheets(path), fileName, announced);
  return { conforming: report.conforming, text: reportLines(report).join('\n') + '\n', check: report.check };
}
