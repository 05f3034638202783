/**
 * The CLI's way in: a candidature table on disk (.xlsx or .csv) → a Sheet (and an Excel table's
 * bounds on it, when one is asked for), or a French
 * InputError that says which file, what is wrong and what to do.
 */

import * as path from 'path';
import { InputError } from '../core/errors';
import type { TableSource } from '../core/sheet';
import { fileBaseName, readFileBytes } from './bytes';
import { decodeCsvBytes, parseCsvText } from './csv';
import type { ZipPackage } from '../xlsx/zip';
import { openXlsxFile, tableOfWorkbook } from './xlsx';

export interface ReadTableOptions {
  /** Worksheet name, for workbooks only. */
  sheet?: string;
  /** An Excel table's name, for workbooks only. */
  table?: string;
}

export type TableFormat = 'csv' | 'xlsx';

export interface TableFile {
  table: TableSource;
  /** A workbook's package as read, for the record writer to extend without reading it again; null for a CSV. */
  workbook: ZipPackage | null;
}

export async function readTableFile(filePath: string, options: ReadTableOptions = {}): Promise<TableSource> {
  return (await openTableFile(filePath, options)).table;
}

export async function openTableFile(filePath: string, options: ReadTableOptions = {}): Promise<TableFile> {
  const name = fileBaseName(filePath);
  // The format is checked before the file is read, so a .xls gets the "save as .xlsx" advice
  // rather than a confusing parse error.
  const format = formatOf(name);
  if (format === 'csv' && options.sheet !== undefined) {
    throw new InputError(
      'unsupported_format',
      `Le choix d’une feuille (option --sheet « ${options.sheet} ») ne vaut que pour un classeur Excel (.xlsx) : ` +
        `« ${name} » est un fichier texte (CSV), qui n’a qu’une feuille. Retirez l’option --sheet, ` +
        'ou indiquez le classeur .xlsx.',
    );
  }
  if (format === 'csv' && options.table !== undefined) {
    throw new InputError(
      'unsupported_format',
      `Le choix d’un tableau (option --table « ${options.table} ») ne vaut que pour un classeur Excel (.xlsx) : ` +
        `« ${name} » est un fichier texte (CSV), qui n’a pas de tableau Excel. Retirez l’option --table, ou indiquez le classeur .xlsx.`,
    );
  }
  if (options.sheet !== undefined && options.table !== undefined) {
    throw new InputError(
      'unsupported_format',
      `Les options --sheet « ${options.sheet} » et --table « ${options.table} » s’excluent : un tableau Excel désigne déjà sa feuille. Gardez l’une des deux.`,
    );
  }
  if (format === 'xlsx') {
    const workbook = await openXlsxFile(filePath, name);
    return { table: tableOfWorkbook(workbook, options, name), workbook: workbook.pkg };
  }
  return { table: { sheet: parseCsvText(decodeCsvBytes(await readFileBytes(filePath)), name), bounds: null }, workbook: null };
}

/** The table's format from its file name; refuses the formats this tool does not read. */
export function formatOf(name: string): TableFormat {
  const extension = path.extname(name).toLowerCase();
  switch (extension) {
    case '.csv':
    case '.txt':
      return 'csv';
    case '.xlsx':
    case '.xlsm':
      return 'xlsx';
    default:
      throw new InputError('unsupported_format', unsupportedMessage(name, extension));
  }
}

const SAVE_AS = 'Ouvrez-le dans Excel, puis Fichier > Enregistrer sous, au format « Classeur Excel (*.xlsx) » ou « CSV (séparateur : point-virgule) (*.csv) », et recommencez avec ce nouveau fichier.';

function unsupportedMessage(name: string, extension: string): string {
  switch (extension) {
    case '.xls':
    case '.xlsb':
      return `Le fichier « ${name} » est dans un ancien format d’Excel (${extension}) que cet outil ne lit pas. ${SAVE_AS}`;
    case '.ods':
      return (
        `Le fichier « ${name} » est au format OpenDocument (.ods) que cet outil ne lit pas. Ouvrez-le dans LibreOffice ` +
        'Calc ou Excel et enregistrez-le au format .xlsx (« Excel 2007-365 ») ou .csv, puis recommencez avec ce nouveau fichier.'
      );
    default: {
      const what = extension === '' ? 'n’a pas d’extension' : `a l’extension « ${extension} »`;
      return (
        `Le fichier « ${name} » ${what} : cet outil lit les tableaux .xlsx, .xlsm, .csv et .txt. ` +
        'Depuis Excel, enregistrez le tableau des candidatures au format .xlsx ou .csv.'
      );
    }
  }
}
