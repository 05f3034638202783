/**
 * `npm run --silent simulate -- <table> --seed S --date D [--sheet N] [--exclude-invalid] --out record.xlsx`
 * (and `simulate -- replace …`, the pane's replacement path: simulateReplace.ts)
 *
 * The add-in's own code path without Excel: the office.js adapter runs on the simulated Excel,
 * loaded with the table's workbook through the command line's own reader (src/xlsx; a CSV becomes
 * a sheet "Candidatures"); it lists the tables,
 * reads the candidatures, shows their fingerprint, writes the record, reads it back and verifies
 * it, exactly as in the task pane. The simulated workbook is then saved to --out, and one JSON
 * object is printed: the syncs of the read and of the write, and the largest request and response.
 * Node only (it reads and writes files).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { allDifferences } from '../../core/record/verify';
import { prepareDraw } from '../../core/draw';
import { InputError } from '../../core/errors';
import { formatOf, readTableFile } from '../../file/readTable';
import { fileBaseName } from '../../file/bytes';
import { describeFormulaWithoutValue, ExcelAdapterError } from '../problems';
import type { TableRef } from '../tableReader';
import { ExcelWorkbookAdapter } from '../workbookAdapter';
import { SimulatedExcel } from './excel';
import type { SimWorkbook } from './state';
import { simulatedWorkbookFromTable } from './tableWorkbook';
import { simulatedWorkbookToXlsx } from './xlsxFile';
import { simulatedWorkbookFromXlsxBytes } from './xlsxWorkbook';
import { replaceMain } from './simulateReplace';

export interface SimulationOptions {
  seed: string;
  date: string;
  sheet?: string;
  excludeInvalid?: boolean;
  /** The file name the procès-verbal gives as the source. */
  sourceFile: string;
  /** Where warnings go (formulas without value), in French. */
  warn?: (line: string) => void;
}

export interface SimulationFigures {
  rows: number;
  /** Listing the sheets and tables, for the task pane's choice. */
  listSyncs: number;
  /** Reading the candidature table. */
  readSyncs: number;
  writeSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** `verify`'s differences on the record read back (0: conforming). */
  differences: number;
}

/** Where the candidatures are: the table on the sheet asked for (or the first table), else the sheet's used range. */
export function chooseSource(contents: { sheets: string[]; tables: TableRef[] }, sheet?: string): TableRef {
  if (sheet === undefined) return contents.tables[0] ?? { kind: 'sheet', sheet: contents.sheets[0] };
  const wanted = sheet.toLocaleLowerCase('fr-FR');
  const name = contents.sheets.find((s) => s.toLocaleLowerCase('fr-FR') === wanted);
  if (name === undefined) {
    throw new InputError('sheet_not_found', `Le classeur n’a pas de feuille nommée « ${sheet} ». Feuilles présentes : ${contents.sheets.map((s) => `« ${s} »`).join(', ')}.`);
  }
  return contents.tables.find((t) => t.sheet === name) ?? { kind: 'sheet', sheet: name };
}

/** The whole add-in session on a simulated workbook; the workbook is changed in place. */
export async function simulateSession(excel: SimulatedExcel, options: SimulationOptions): Promise<SimulationFigures> {
  const adapter = new ExcelWorkbookAdapter(excel.run);
  const source = chooseSource(await adapter.listTables(), options.sheet);
  const listSyncs = adapter.syncCount;
  const read = await adapter.readTable(source);
  const readSyncs = adapter.syncCount - listSyncs;
  for (const formula of read.formulasWithoutValue) options.warn?.(describeFormulaWithoutValue(formula));
  // What the task pane shows before the seed is chosen.
  const shown = prepareDraw(read.sheet, { referenceDate: options.date, excludeInvalid: options.excludeInvalid === true, bounds: read.bounds });
  const outcome = await adapter.writeRecord({
    source,
    shownFingerprint: shown.canonical.fingerprint,
    referenceDate: options.date,
    excludeInvalid: options.excludeInvalid === true,
    publicSeed: options.seed,
    place: '',
    officials: [],
    sourceFile: options.sourceFile,
  });
  return {
    rows: read.sheet.rows.length,
    listSyncs,
    readSyncs,
    writeSyncs: adapter.syncCount - listSyncs - readSyncs,
    maxRequestBytes: excel.maxRequestBytes,
    maxResponseBytes: excel.maxResponseBytes,
    differences: allDifferences(outcome.check).length,
  };
}

async function loadInput(file: string, sheet: string | undefined): Promise<SimWorkbook> {
  if (formatOf(fileBaseName(file)) === 'csv') {
    const table = await readTableFile(file, sheet === undefined ? {} : { sheet });
    return simulatedWorkbookFromTable(table.sheet);
  }
  await readTableFile(file, sheet === undefined ? {} : { sheet }); // the file readers' French refusals
  return simulatedWorkbookFromXlsxBytes(new Uint8Array(await fs.readFile(file)), fileBaseName(file));
}

export async function main(argv: readonly string[]): Promise<number> {
  // `simulate replace …`: the pane's replacement path (simulateReplace.ts).
  if (argv[0] === 'replace') return replaceMain(argv.slice(1));
  const program = new Command('simulate')
    .argument('<tableau>', 'tableau des candidatures (.xlsx ou .csv)')
    .requiredOption('--seed <texte>', 'graine publique')
    .requiredOption('--date <AAAA-MM-JJ>', 'date du tirage')
    .requiredOption('--out <registre.xlsx>', 'classeur simulé enregistré après l’écriture du registre')
    .addOption(new Option('--sheet <nom>', 'feuille des candidatures'))
    .addOption(new Option('--exclude-invalid', 'écarter les lignes irrecevables en les consignant'))
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    const [file] = program.args;
    const options = program.opts<{ seed: string; date: string; out: string; sheet?: string; excludeInvalid?: boolean }>();
    const excel = new SimulatedExcel(await loadInput(file, options.sheet));
    // A CSV's table lives on the sheet "Candidatures" of the simulated workbook.
    const sheet = formatOf(fileBaseName(file)) === 'csv' ? undefined : options.sheet;
    const figures = await simulateSession(excel, { ...options, sheet, sourceFile: fileBaseName(file), warn: (line) => process.stderr.write(`${line}\n`) });
    await fs.mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    await fs.writeFile(options.out, await simulatedWorkbookToXlsx(excel.workbook));
    const { listSyncs, readSyncs, writeSyncs, maxRequestBytes, maxResponseBytes, differences } = figures;
    process.stdout.write(JSON.stringify({ readSyncs, writeSyncs, maxRequestBytes, maxResponseBytes, listSyncs, differences }) + '\n');
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

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
