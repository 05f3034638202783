/**
 * `npm run --silent simulate -- replace <registre.xlsx> --row <ligne> --date <AAAA-MM-JJ> --reason <texte> [--choose <ligne>] --out <fichier>`
 *
 * The task pane's replacement path without Excel: the office.js adapter runs on the simulated
 * Excel loaded with the record; it lists the workbook and reads the record as the pane does to
 * offer the form, writes the Remplacement sheet (WorkbookPort.writeReplacement), reads it back,
 * verifies the workbook and logs the departure in the « Journal des tirages ». The simulated
 * workbook is saved to --out, and one JSON object is printed with the figures of `simulate`.
 * Its Remplacement sheet is the one `tirage-cln replace` writes for the same departure.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../../core/errors';
import { replacementEntry } from '../../core/record/journal';
import { allDifferences } from '../../core/record/verify';
import { readRowNumber, type ReplacementRequest } from '../../core/replacement';
import { fileBaseName } from '../../file/bytes';
import { ExcelAdapterError } from '../problems';
import { ExcelWorkbookAdapter } from '../workbookAdapter';
import { SimulatedExcel } from './excel';
import { simulatedWorkbookToXlsx } from './xlsxFile';
import { simulatedWorkbookFromXlsxBytes } from './xlsxWorkbook';

export interface ReplacementFigures {
  /** Listing the sheets and tables, as the pane opens. */
  listSyncs: number;
  /** Reading the record for the form (the members at today's date). */
  readSyncs: number;
  /** Writing the sheet, reading it back, and the journal's line. */
  writeSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** `verify`'s differences on the workbook read back (0: conforming). */
  differences: number;
  /** The sheet written. */
  sheet: string;
}

/** The pane's replacement on a simulated workbook; the workbook is changed in place. */
export async function simulateReplacement(excel: SimulatedExcel, request: ReplacementRequest, where: { source: string; today: string; time: string }): Promise<ReplacementFigures> {
  const adapter = new ExcelWorkbookAdapter(excel.run);
  await adapter.listTables();
  const listSyncs = adapter.syncCount;
  await adapter.readRecordSheets();
  const readSyncs = adapter.syncCount - listSyncs;
  const outcome = await adapter.writeReplacement(request, { source: where.source, today: where.today });
  await adapter.appendJournal({ time: where.time, ...replacementEntry(outcome.replacement, outcome.sheetName, { fingerprint: outcome.result.prepared.canonical.fingerprint, publicSeed: outcome.result.publicSeed }) });
  return {
    listSyncs,
    readSyncs,
    writeSyncs: adapter.syncCount - listSyncs - readSyncs,
    maxRequestBytes: excel.maxRequestBytes,
    maxResponseBytes: excel.maxResponseBytes,
    differences: allDifferences(outcome.check).length,
    sheet: outcome.sheetName,
  };
}

function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export async function replaceMain(argv: readonly string[]): Promise<number> {
  const program = new Command('simulate replace')
    .argument('<registre>', 'le classeur .xlsx du registre (jamais modifié)')
    .requiredOption('--row <ligne>', 'ligne d’origine du membre qui part (colonne « Ligne » de la feuille Tirage)')
    .requiredOption('--date <AAAA-MM-JJ>', 'date du départ')
    .requiredOption('--reason <texte>', 'motif, par exemple « Démission »')
    .requiredOption('--out <fichier.xlsx>', 'classeur simulé enregistré après le remplacement')
    .addOption(new Option('--choose <ligne>', 'personne choisie, quand la liste du même secteur et du même sexe est épuisée'))
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    const [file] = program.args;
    const options = program.opts<{ row: string; date: string; reason: string; out: string; choose?: string }>();
    const request: ReplacementRequest = {
      date: options.date.trim(),
      reason: options.reason.replace(/\s+/g, ' ').trim(),
      leavingRow: readRowNumber('--row', options.row, 'leavingRow'),
      chosenRow: options.choose === undefined ? null : readRowNumber('--choose', options.choose, 'chosenRow'),
    };
    const excel = new SimulatedExcel(simulatedWorkbookFromXlsxBytes(new Uint8Array(await fs.readFile(file)), fileBaseName(file)));
    const now = new Date();
    const figures = await simulateReplacement(excel, request, { source: fileBaseName(file), today: localToday(now), time: now.toISOString().replace(/\.\d{3}Z$/, 'Z') });
    await fs.mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    await fs.writeFile(options.out, await simulatedWorkbookToXlsx(excel.workbook));
    const { readSyncs, writeSyncs, maxRequestBytes, maxResponseBytes, listSyncs, differences, sheet } = figures;
    process.stdout.write(JSON.stringify({ readSyncs, writeSyncs, maxRequestBytes, maxResponseBytes, listSyncs, differences, sheet }) + '\n');
    return differences === 0 ? 0 : 3;
  } catch (error) {
    if (error instanceof InputError || error instanceof ExcelAdapterError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof CommanderError) return 2;
    throw error;
  }
}
