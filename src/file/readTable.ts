/**
 * The CLI's way in: a candidature table on disk (.xlsx or .csv) → a Sheet (and an Excel table's
 * bounds on it, when one is asked for), or a French
 * InputError that says which file, what is wrong and what to do.
 */

import { fileError } from '../core/fileMessages';
import * as path from 'path';
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
    throw fileError({ code: 'unsupported_format', reason: 'sheet_of_csv', source: name, sheet: options.sheet });
  }
  if (format === 'csv' && options.table !== undefined) {
    throw fileError({ code: 'unsupported_format', reason: 'table_of_csv', source: name, table: options.table });
  }
  if (options.sheet !== undefined && options.table !== undefined) {
    throw fileError({ code: 'unsupported_format', reason: 'sheet_and_table', sheet: options.sheet, table: options.table });
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
      throw fileError({ code: 'unsupported_format', reason: 'extension', source: name, extension });
  }
}
