/**
 * Excel workbooks (.xlsx, .xlsm) read with exceljs: one worksheet → RawTable, with the sheet's own
 * row numbers and every cell reduced to what the engine reads (text, number, boolean, date).
 */

import * as ExcelJS from 'exceljs';
import { InputError } from '../core/errors';
import type { CellValue, RawTable, SourceRow } from '../core/table';
import { readFileBytes } from './bytes';

export interface XlsxOptions {
  /** The worksheet's name; the first visible worksheet when absent. */
  sheet?: string;
}

/**
 * `input` is the file's bytes or its path; `source` is the file name used in messages. The table's
 * source is "<file> — feuille <sheet name>".
 */
export async function readXlsx(input: Uint8Array | string, options: XlsxOptions, source: string): Promise<RawTable> {
  const bytes = typeof input === 'string' ? await readFileBytes(input) : input;
  const workbook = await loadWorkbook(bytes, source);
  const worksheet = pickWorksheet(workbook, options.sheet, source);
  const rows = readRows(worksheet);
  if (rows.length === 0) throw emptySheet(workbook, worksheet, source);
  return { source: `${source} — feuille ${worksheet.name}`, sheet: worksheet.name, rows };
}

export async function loadWorkbook(bytes: Uint8Array, source: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for a Buffer; JSZip underneath takes any Uint8Array.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw notAWorkbook(bytes, source);
  }
  if (workbook.worksheets.length === 0) {
    throw new InputError(
      'file_unreadable',
      `Le fichier « ${source} » ne contient aucune feuille de calcul lisible. ` +
        'Ouvrez-le dans Excel et enregistrez-le à nouveau au format « Classeur Excel (*.xlsx) ».',
    );
  }
  return workbook;
}

/**
 * An .xlsx is a zip archive. A "Compound File" (D0 CF 11 E0) is either an Excel 97-2003 .xls
 * renamed, or an .xlsx encrypted by a password to open, which Excel stores in that container.
 */
export function notAWorkbook(bytes: Uint8Array, source: string): InputError {
  const compound = [0xd0, 0xcf, 0x11, 0xe0].every((byte, i) => bytes[i] === byte);
  const message = compound
    ? `Le fichier « ${source} » n’est pas un classeur .xlsx ordinaire : soit il est protégé par un mot de passe ` +
      'à l’ouverture, soit c’est un ancien classeur .xls renommé. Ouvrez-le dans Excel, retirez le mot de passe ' +
      's’il y en a un (Fichier > Informations > Protéger le classeur), puis enregistrez-le au format « Classeur Excel (*.xlsx) ».'
    : `Le fichier « ${source} » n’est pas un classeur Excel lisible : il est endommagé, ou c’est un autre type de fichier ` +
      'renommé en .xlsx. Ouvrez-le dans Excel et enregistrez-le à nouveau au format « Classeur Excel (*.xlsx) », ' +
      'ou enregistrez le tableau au format CSV.';
  return new InputError('file_unreadable', message);
}

/**
 * Excel sheet names are unique regardless of case, so a name typed with other capitals still
 * designates one sheet. Without a name: the first sheet the user can see (a hidden sheet first in
 * the tab order is not the one they mean).
 */
function pickWorksheet(workbook: ExcelJS.Workbook, name: string | undefined, source: string): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
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

function sheetList(sheets: ExcelJS.Worksheet[]): string {
  return sheets.map((s) => `« ${s.name} »`).join(', ');
}

function emptySheet(workbook: ExcelJS.Workbook, worksheet: ExcelJS.Worksheet, source: string): InputError {
  const others = workbook.worksheets.filter((s) => s !== worksheet);
  const hint =
    others.length > 0
      ? `Autres feuilles du classeur : ${sheetList(others)}. Indiquez celle qui contient les candidatures (option --sheet).`
      : 'Vérifiez que c’est le bon classeur.';
  return new InputError('empty_table', `La feuille « ${worksheet.name} » du classeur « ${source} » est vide. ${hint}`);
}

/**
 * Rows 1 to the last row holding a value, blank ones included, so that row n of the table is row
 * n of the sheet. Rows and cells that only carry formatting do not extend the table.
 */
export function readRows(worksheet: ExcelJS.Worksheet): SourceRow[] {
  const byNumber = new Map<number, CellValue[]>();
  let lastRow = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = readCells(row);
    byNumber.set(rowNumber, cells);
    if (cells.length > 0) lastRow = Math.max(lastRow, rowNumber);
  });
  const rows: SourceRow[] = [];
  for (let n = 1; n <= lastRow; n++) rows.push({ rowNumber: n, cells: byNumber.get(n) ?? [] });
  return rows;
}

/** Positional cells (index 0 = column A), up to the row's last cell holding a value. */
function readCells(row: ExcelJS.Row): CellValue[] {
  const cells: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
    const value = cellValue(cell);
    if (value === null || value === '') return;
    while (cells.length < columnNumber - 1) cells.push(null);
    cells[columnNumber - 1] = value;
  });
  return cells;
}

/**
 * Only the top-left cell of a merged area holds its value, as Excel (and office.js) report it;
 * exceljs repeats the master's value in every cell of the area.
 */
function cellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return toCellValue(cell.value);
}

/**
 * exceljs values → CellValue. Dates: exceljs turns a number with a date format into a Date at
 * midnight UTC for a whole day, in the workbook's date system (1900 or 1904) — which is what the
 * engine expects. A formula gives its result as last calculated by Excel (none if the file was
 * never calculated → null).
 */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('error' in value) return value.error;
  if ('richText' in value) return richText(value);
  if ('hyperlink' in value) return hyperlinkText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return toCellValue(value.result ?? null);
  return null;
}

function richText(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((run) => run.text).join('');
}

/** A hyperlink's shown text is a string, or rich text when part of it is formatted. */
function hyperlinkText(text: unknown): string | null {
  if (typeof text === 'string') return text;
  if (text !== null && typeof text === 'object' && 'richText' in text) return richText(text as ExcelJS.CellRichTextValue);
  return null;
}
