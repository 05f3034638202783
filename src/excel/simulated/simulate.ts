/**
 * `npm run --silent simulate -- <table> --seed S --date D [--sheet N] [--exclude-invalid] --out record.xlsx`
 * `npm run --silent simulate -- replace <registre.xlsx> --row R --date D --reason T [--choose R] --out file.xlsx`
 *   (the pane’s replacement path, simulateReplace.ts: the same JSON figures, and the workbook saved)
 *
 * The add-in's own code path without Excel: the office.js adapter runs on the simulated Excel,
 * loaded with the table's workbook through the command line's own reader (src/xlsx; a CSV becomes
 * a sheet "Candidatures"); it lists the tables,
 * reads the candidatures, shows their fingerprint, writes the record, reads it back and verifies
 * it, exactly as in the task pane. The simulated workbook is then saved to --out, and one JSON
 * object is printed: the syncs of the read and of the write, and the largest request and response.
 * `--fault` injects what real Excel does (faultOptions.ts): a cell being edited (the JSON then
 * counts `cellEditWaits`), a hang that lasts (with `--sync-timeout`, the command ends with exit 2
 * and the adapter's French message, and --out holds the workbook as Excel would have it), a lost
 * connection, a defined name.
 * Node only (it reads and writes files).
 */
import { fileError } from '../../core/fileMessages';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { allDifferences } from '../../core/record/verify';
import { prepareDraw } from '../../core/draw';
import { checkDrawRequest, requireDrawRequest } from '../../core/drawRequest';
import { toIso } from '../../core/dates';
import { InputError } from '../../core/errors';
import { formatOf, readTableFile } from '../../file/readTable';
import { fileBaseName } from '../../file/bytes';
import { readSealingKey } from '../../file/sealingKeyFile';
import { describeFormulaWithoutValue, ExcelAdapterError } from '../problems';
import type { TableRef } from '../tableReader';
import { ExcelWorkbookAdapter, type AdapterOptions } from '../workbookAdapter';
import { applyFaultOption, parseFaultOption, type FaultOption } from './faultOptions';
import { SimulatedExcel } from './excel';
import type { SimWorkbook } from './state';
import { simulatedWorkbookFromTable } from './tableWorkbook';
import { simulatedWorkbookToXlsx } from './xlsxFile';
import { simulatedWorkbookFromXlsxBytes } from './xlsxWorkbook';
import { simulateReplacement } from './simulateReplace';
import type { SyncFigures } from './syncFigures';
import { readRowNumber, type ReplacementRequest } from '../../core/replacement';

export interface SimulationOptions {
  seed: string;
  date: string;
  sheet?: string;
  excludeInvalid?: boolean;
  /** The file name the procès-verbal gives as the source. */
  sourceFile: string;
  /** ISO date of today, for the draw date's sanity check (default: the draw date, a session held that day). */
  today?: string;
  /** Where warnings go (formulas without value), in French. */
  warn?: (line: string) => void;
  /** The adapter's own settings (a shorter sync timeout…). */
  adapter?: AdapterOptions;
  /** A sealed draw (tirage-cln/2): the key, kept in the workbook as the pane keeps it when the fingerprint is shown. */
  sealingKey?: string;
}

export interface SimulationFigures extends SyncFigures {
  rows: number;
  /** Times Excel refused a request while a cell was being edited, and the adapter waited and asked again. */
  cellEditWaits: number;
  /** A sealed draw: keeping the key in the workbook and reading it back, as a reloaded pane does. */
  keySyncs: number;
  algorithm: string;
}

/** Where the candidatures are: the table on the sheet asked for (or the first table), else the sheet's used range. */
export function chooseSource(contents: { sheets: string[]; tables: TableRef[] }, sheet?: string): TableRef {
  if (sheet === undefined) return contents.tables[0] ?? { kind: 'sheet', sheet: contents.sheets[0] };
  const wanted = sheet.toLocaleLowerCase('fr-FR');
  const name = contents.sheets.find((s) => s.toLocaleLowerCase('fr-FR') === wanted);
  if (name === undefined) {
    throw new InputError({ code: 'sheet_not_found', source: null, sheet, sheets: contents.sheets });
  }
  return contents.tables.find((t) => t.sheet === name) ?? { kind: 'sheet', sheet: name };
}

/** The whole add-in session on a simulated workbook; the workbook is changed in place. */
export async function simulateSession(excel: SimulatedExcel, options: SimulationOptions): Promise<SimulationFigures> {
  const adapter = new ExcelWorkbookAdapter(excel.run, options.adapter);
  const source = chooseSource(await adapter.listTables(), options.sheet);
  const listSyncs = adapter.syncCount;
  const read = await adapter.readTable(source);
  const readSyncs = adapter.syncCount - listSyncs;
  for (const formula of read.formulasWithoutValue) options.warn?.(describeFormulaWithoutValue(formula));
  // What the task pane shows before the seed is chosen, then the request it checks (core/drawRequest.ts).
  const excludeInvalid = options.excludeInvalid === true;
  // A sealed draw's key is kept in the workbook when the fingerprint is shown, and the draw uses the key kept there.
  let sealingKey: string | undefined;
  if (options.sealingKey !== undefined) {
    await adapter.keepSealingKey(options.sealingKey);
    sealingKey = (await adapter.readSealingKey()) ?? undefined;
  }
  const keySyncs = adapter.syncCount - listSyncs - readSyncs;
  const sealed = sealingKey === undefined ? {} : { sealingKey };
  const shown = prepareDraw(read.sheet, { referenceDate: options.date, excludeInvalid, bounds: read.bounds, ...sealed }).canonical.fingerprint;
  const request = requireDrawRequest(
    checkDrawRequest({ publicSeed: options.seed, referenceDate: options.date, excludeInvalid, announcedFingerprint: shown, ...sealed }, { today: options.today ?? options.date }),
  );
  const outcome = await adapter.writeRecord({ source, sourceFile: options.sourceFile, request: { ...request, announcedFingerprint: shown } });
  return {
    rows: read.sheet.rows.length,
    listSyncs,
    readSyncs,
    keySyncs,
    algorithm: outcome.result.prepared.algorithm,
    writeSyncs: adapter.syncCount - listSyncs - readSyncs - keySyncs,
    maxRequestBytes: excel.maxRequestBytes,
    maxResponseBytes: excel.maxResponseBytes,
    differences: allDifferences(outcome.check).length,
    cellEditWaits: adapter.cellEditWaits,
  };
}

function localToday(): string {
  const now = new Date();
  return toIso({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** `simulate replace …`: the pane's replacement path (simulateReplace.ts) on the record's workbook, saved to --out. */
async function replaceMain(argv: readonly string[]): Promise<number> {
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
      leavingRow: readRowNumber('leaving', options.row),
      chosenRow: options.choose === undefined ? null : readRowNumber('chosen', options.choose),
    };
    const excel = new SimulatedExcel(simulatedWorkbookFromXlsxBytes(new Uint8Array(await fs.readFile(file)), fileBaseName(file)));
    const now = new Date();
    const figures = await simulateReplacement(excel, request, { source: fileBaseName(file), today: localToday(), time: now.toISOString().replace(/\.\d{3}Z$/, 'Z') });
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

async function loadInput(file: string, sheet: string | undefined): Promise<SimWorkbook> {
  if (formatOf(fileBaseName(file)) === 'csv') {
    const table = await readTableFile(file, sheet === undefined ? {} : { sheet });
    return simulatedWorkbookFromTable(table.sheet);
  }
  await readTableFile(file, sheet === undefined ? {} : { sheet }); // the file readers' French refusals
  return simulatedWorkbookFromXlsxBytes(new Uint8Array(await fs.readFile(file)), fileBaseName(file));
}

/** A positive number of seconds, for --sync-timeout. */
function seconds(text: string): number {
  const value = Number(text.replace(',', '.'));
  if (!(value > 0)) throw fileError({ code: 'bad_fault', reason: 'sync_timeout', text });
  return value;
}

export async function main(argv: readonly string[]): Promise<number> {
  // `simulate replace …`: the pane's replacement path (simulateReplace.ts).
  if (argv[0] === 'replace') return replaceMain(argv.slice(1));
  const program = new Command('simulate')
    .argument('<tableau>', 'tableau des candidatures (.xlsx ou .csv)')
    .requiredOption('--seed <texte>', 'graine publique')
    .requiredOption('--date <AAAA-MM-JJ>', 'date du tirage')
    .requiredOption('--out <registre.xlsx>', 'classeur simulé enregistré après l’écriture du registre (même interrompue)')
    .addOption(new Option('--sheet <nom>', 'feuille des candidatures'))
    .addOption(new Option('--exclude-invalid', 'écarter les lignes irrecevables en les consignant'))
    .addOption(
      new Option('--fault <panne>', 'panne d’Excel simulée, répétable : cell-edit@N, hang@N, lost@N (N : numéro d’aller-retour), defined-name:<Nom>').argParser(
        (value: string, previous: FaultOption[] = []) => [...previous, parseFaultOption(value)],
      ),
    )
    .addOption(new Option('--sync-timeout <secondes>', 'délai après lequel un aller-retour sans réponse est abandonné (60 par défaut)'))
    .addOption(new Option('--seal-key <fichier>', 'tirage scellé (tirage-cln/2) : le fichier de la clé de scellement, gardée dans le classeur comme le fait le volet'))
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  let excel: SimulatedExcel | null = null;
  let out: string | null = null;
  try {
    await program.parseAsync([...argv], { from: 'user' });
    const [file] = program.args;
    const options = program.opts<{ seed: string; date: string; out: string; sheet?: string; excludeInvalid?: boolean; fault?: FaultOption[]; syncTimeout?: string; sealKey?: string }>();
    const sealingKey = options.sealKey === undefined ? undefined : readSealingKey(options.sealKey);
    const syncTimeoutMs = options.syncTimeout === undefined ? undefined : seconds(options.syncTimeout) * 1000;
    excel = new SimulatedExcel(await loadInput(file, options.sheet));
    out = options.out;
    for (const fault of options.fault ?? []) applyFaultOption(excel, fault);
    // A CSV's table lives on the sheet "Candidatures" of the simulated workbook.
    const sheet = formatOf(fileBaseName(file)) === 'csv' ? undefined : options.sheet;
    const figures = await simulateSession(excel, {
      ...options,
      sheet,
      sourceFile: fileBaseName(file),
      today: localToday(),
      warn: (line) => process.stderr.write(`${line}\n`),
      ...(syncTimeoutMs === undefined ? {} : { adapter: { syncTimeoutMs } }),
      ...(sealingKey === undefined ? {} : { sealingKey }),
    });
    await save(excel, out);
    const { listSyncs, readSyncs, writeSyncs, maxRequestBytes, maxResponseBytes, differences, cellEditWaits, keySyncs, algorithm } = figures;
    const waits = (options.fault ?? []).some((f) => f.kind === 'cell-edit') ? { cellEditWaits } : {};
    const key = sealingKey === undefined ? {} : { algorithm, keySyncs };
    process.stdout.write(JSON.stringify({ readSyncs, writeSyncs, maxRequestBytes, maxResponseBytes, listSyncs, differences, ...waits, ...key }) + '\n');
    return differences === 0 ? 0 : 3;
  } catch (error) {
    if (error instanceof InputError || error instanceof ExcelAdapterError) {
      // The workbook as Excel would have it after the failure: what the operator would find on reopening it.
      if (error instanceof ExcelAdapterError && excel !== null && out !== null) await save(excel, out);
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof CommanderError) return 2;
    throw error;
  }
}

async function save(excel: SimulatedExcel, out: string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await fs.writeFile(out, await simulatedWorkbookToXlsx(excel.workbook));
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
