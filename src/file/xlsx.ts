/**
 * Excel workbooks (.xlsx, .xlsm) on disk: the Node side of src/xlsx (which reads packages from
 * bytes, with limits, in a browser as well). One worksheet → core's Sheet, with the sheet's own
 * row numbers, every cell reduced to what the engine reads (text, number, boolean, date), and what
 * a message needs to explain an empty cell (formulas saved without a result, merged areas); or an
 * Excel table of the workbook, its sheet and its range.
 */

import { promises as fs } from 'fs';
import { InputError } from '../core/errors';
import { refuseContentBelowTable } from '../core/tableBounds';
import type { TableSource } from '../core/sheet';
import { packageInputError } from '../xlsx/messages';
import { guarded, openWorkbook, refuseLargeFile } from '../xlsx/open';
import type { XlsxWorkbook, WorkbookSheet } from '../xlsx/workbook';
import { PackageError } from '../xlsx/zip';
import { readFileBytes } from './bytes';

export { guarded, openWorkbook, MAX_FILE_BYTES } from '../xlsx/open';

export interface XlsxOptions {
  /** The worksheet's name; the first visible worksheet when absent. */
  sheet?: string;
  /** An Excel table's name: the candidatures are its range (as the add-in reads a table). */
  table?: string;
}

/**
 * `input` is the file's bytes or its path; `source` is the file name used in messages. The sheet's
 * source is "<file> — feuille <sheet name>" ("<file> — tableau <table> (feuille <sheet name>)" for
 * an Excel table).
 */
export async function readXlsx(input: Uint8Array | string, options: XlsxOptions, source: string): Promise<TableSource> {
  const workbook = typeof input === 'string' ? await openXlsxFile(input, source) : guarded(input, source, 'table', () => openWorkbook(input, source));
  return tableOfWorkbook(workbook, options, source);
}

/**
 * A workbook file opened once: its table is read from it, and the record writer extends the same
 * opened package (src/file/recordPackage.ts), whose parts are then copied without being inflated
 * again.
 */
export async function openXlsxFile(filePath: string, source: string): Promise<XlsxWorkbook> {
  const bytes = await readPackageFile(filePath, source);
  return guarded(bytes, source, 'table', () => openWorkbook(bytes, source));
}

/** The chosen worksheet or Excel table; every part of the package is inflated once under the limits (checkAll). */
export function tableOfWorkbook(workbook: XlsxWorkbook, options: XlsxOptions, source: string): TableSource {
  return guarded(workbook.pkg.bytes, source, 'table', () => {
    if (options.table !== undefined) return readExcelTable(workbook, options.table, source);
    const sheet = pickWorksheet(workbook, options.sheet, source);
    const read = workbook.readSheet(sheet, { numberFormats: false, source: `${source} — feuille ${sheet.name}` });
    workbook.checkAll();
    if (read.rows.length === 0) throw emptySheet(workbook, sheet, source);
    return { sheet: read, bounds: null };
  });
}

/**
 * An Excel table, found by its name as Excel compares names (ignoring case): its sheet, and its
 * range as the bounds. Cells filled below it would be left out of the draw: refused.
 */
function readExcelTable(workbook: XlsxWorkbook, name: string, source: string): TableSource {
  const tables = workbook.worksheets().flatMap((sheet) => workbook.tables(sheet).map((table) => ({ sheet, table })));
  const wanted = name.trim().toLocaleLowerCase('fr');
  const found = tables.find((t) => t.table.name.toLocaleLowerCase('fr') === wanted);
  if (found === undefined) {
    const present = tables.length === 0 ? 'ce classeur n’en contient aucun' : `tableaux présents : ${tables.map((t) => `« ${t.table.name} » (feuille « ${t.sheet.name} »)`).join(', ')}`;
    throw new InputError(
      'table_not_found',
      `Le classeur « ${source} » n’a pas de tableau Excel nommé « ${name} » (${present}). ` +
        'Indiquez le nom exact du tableau des candidatures (option --table), ou retirez l’option pour lire toute la feuille.',
    );
  }
  const { sheet, table } = found;
  const read = workbook.readSheet(sheet, { numberFormats: false, source: `${source} — tableau ${table.name} (feuille ${sheet.name})` });
  workbook.checkAll();
  refuseContentBelowTable(read.rows.length, table.name, sheet.name, table.area);
  return { sheet: read, bounds: table.area };
}
/** Reads a package file, refusing one larger than MAX_FILE_BYTES before reading it. */
export async function readPackageFile(filePath: string, source: string): Promise<Uint8Array> {
  const size = await fs.stat(filePath).then(
    (stat) => stat.size,
    () => 0, // readFileBytes says what is wrong with the path
  );
  refuseLargeFile(size, source);
  return readFileBytes(filePath);
}

/** The message for bytes that are not a workbook (where a package is opened by other means). */
export function notAWorkbook(bytes: Uint8Array, source: string): InputError {
  return packageInputError(new PackageError('not_zip'), bytes, source, 'table');
}

/**
 * Excel sheet names are unique regardless of case, so a name typed with other capitals still
 * designates one sheet. Without a name: the first sheet the user can see (a hidden sheet first in
 * the tab order is not the one they mean).
 */
function pickWorksheet(workbook: XlsxWorkbook, name: string | undefined, source: string): WorkbookSheet {
  const sheets = workbook.worksheets();
  if (name === undefined) return sheets.find((s) => s.state === 'visible') ?? sheets[0];
  const wanted = name.trim().toLocaleLowerCase('fr');
  const found = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLocaleLowerCase('fr') === wanted);
  if (found) return found;
  throw new InputError(
    'sheet_not_found',
    `Le classeur « ${source} » n’a pas de feuille nommée « ${name} ». Feuilles présentes : ${sheetList(sheets)}. ` +
      'Indiquez le nom exact de la feuille qui contient les candidatures (option --sheet).',
  );
}

function sheetList(sheets: WorkbookSheet[]): string {
  return sheets.map((s) => `« ${s.name} »`).join(', ');
}

function emptySheet(workbook: XlsxWorkbook, sheet: WorkbookSheet, source: string): InputError {
  const others = workbook.worksheets().filter((s) => s !== sheet);
  const hint =
    others.length > 0
      ? `Autres feuilles du classeur : ${sheetList(others)}. Indiquez celle qui contient les candidatures (option --sheet).`
      : 'Vérifiez que c’est le bon classeur.';
  return new InputError('empty_table', `La feuille « ${sheet.name} » du classeur « ${source} » est vide. ${hint}`);
}
