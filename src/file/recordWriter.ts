/**
 * The record on disk: the pure record model (src/core/record/model.ts) drawn with exceljs, then
 * added to the candidature workbook without re-saving that workbook's own sheets.
 *
 * How a record file is made:
 * 1. exceljs renders the record sheets — and, for a CSV input, the sheet holding the CSV's table —
 *   into a fresh workbook (`renderSheet`);
 * 2. those sheets are added to the input workbook's package, whose own parts stay byte for byte
 *   (recordPackage.ts; it says why exceljs must not re-save the input: it would drop notes, charts
 *   and pivot tables and break an Excel table's header row). A CSV input starts from an empty
 *   package;
 * 3. the file is written next to its destination under a temporary name, flushed, then renamed,
 *   so that a half-written record never exists under the record's name.
 *
 * Text is always text: a model string is written as a shared string, never as a formula, whatever
 * it looks like ("=HYPERLINK(…)", "+33 6 12", "-2+3", "@SUM(A1:A9)", "'quoted", "_x0041_").
 */

import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { InputError } from '../core/errors';
import type { CellModel, CellStyle, RecordModel, SheetModel, TableModel } from '../core/record/model';
import type { CellValue, RawTable } from '../core/table';
import { fileBaseName, readFileBytes } from './bytes';
import { appendRenderedSheets, emptyWorkbookPackage, packageSheetNames, refuseTakenNames, type SheetSpec } from './recordPackage';

export interface WriteRecordOptions {
  input: { kind: 'xlsx'; path: string } | { kind: 'csv'; table: RawTable; sheetName: string };
  model: RecordModel;
  outPath: string;
}

/** The font of every cell the record writes (the input workbook's default font may differ). */
const BASE_FONT = { name: 'Calibri', family: 2, size: 11 } as const;
/** Fingerprints and keys: a monospaced font every Office has (Windows, Mac, the web). */
const MONOSPACE_FONT = { name: 'Consolas', family: 3 } as const;
/** Excel refuses a header or footer longer than 255 characters. */
const MAX_HEADER_FOOTER = 255;
/** Footer font size (points): a 64-digit fingerprint fits a portrait A4 line beside the page number. */
const FOOTER_SIZE = 8;
const PAGE_NUMBERS = `&R&${FOOTER_SIZE}Page &P / &N`;

// ---------------------------------------------------------------------------------------------
// Rendering one sheet with exceljs

/**
 * Adds a worksheet named `sheet.name` after the workbook's sheets and draws the model on it:
 * values, styles, column widths, merges, frozen panes, tables, print set-up, protection.
 */
export function renderSheet(workbook: ExcelJS.Workbook, sheet: SheetModel): ExcelJS.Worksheet {
  checkSheetName(sheet.name);
  const frozen = sheet.frozen.rows > 0 || sheet.frozen.columns > 0;
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [frozen ? { state: 'frozen', xSplit: sheet.frozen.columns, ySplit: sheet.frozen.rows } : { state: 'normal' }],
  });

  sheet.columnWidths.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = width;
  });

  const styles = new StyleCache();
  const slaves = mergedSlaves(sheet);
  for (const cell of sheet.cells) {
    const target = worksheet.getCell(cell.row, cell.column);
    if (slaves.has(`${cell.row}:${cell.column}`) && cell.value !== null) {
      throw new Error(`renderSheet: ${sheet.name} R${cell.row}C${cell.column} holds a value inside a merged area, not at its top-left cell`);
    }
    target.value = cellValue(cell.value, sheet.name, cell.row, cell.column);
    target.style = styles.of(displayStyle(cell));
  }
  for (const m of sheet.merges) worksheet.mergeCells(m.fromRow, m.fromColumn, m.toRow, m.toColumn);
  for (const { row, height } of sheet.rowHeights) worksheet.getRow(row).height = height;

  for (const table of sheet.tables) renderTable(workbook, worksheet, sheet, table);
  const filtered = sheet.tables.length > 0;

  renderPrint(worksheet, sheet);

  if (sheet.protected) {
    // An empty password: exceljs writes <sheetProtection sheet="1" …/> without any hash, which
    // Excel and LibreOffice show as a protected sheet that "Ôter la protection" unlocks without
    // asking anything. Selecting cells stays allowed (the default), and filtering when the sheet
    // has a table: a filter hides rows without changing a value. Sorting stays refused: it would
    // move the cells that `verify` compares. protect() is synchronous under its Promise.
    void worksheet.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      autoFilter: filtered,
      sort: false,
    });
  }
  return worksheet;
}

/** A text with a line break is shown on several lines, as Excel does when one types Alt+Entrée. */
function displayStyle(cell: CellModel): CellStyle | undefined {
  if (typeof cell.value === 'string' && cell.value.includes('\n') && !cell.style?.wrap) return { ...cell.style, wrap: true };
  return cell.style;
}

function checkSheetName(name: string): void {
  // Excel's rules; exceljs would silently truncate a long name, which would break `verify`.
  if (name.trim() === '' || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history') {
    throw new Error(`renderSheet: « ${name} » is not a valid Excel sheet name`);
  }
}

function cellValue(value: SheetModel['cells'][number]['value'], sheet: string, row: number, column: number): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`renderSheet: ${sheet} R${row}C${column} is not a finite number`);
    return value;
  }
  // A plain string: exceljs never reads it as a formula (that takes { formula }), and the package
  // step writes it as a shared string.
  return value;
}

/** Cells covered by a merged area other than its top-left one. */
function mergedSlaves(sheet: SheetModel): Set<string> {
  const slaves = new Set<string>();
  for (const m of sheet.merges) {
    for (let r = m.fromRow; r <= m.toRow; r++) {
      for (let c = m.fromColumn; c <= m.toColumn; c++) if (r !== m.fromRow || c !== m.fromColumn) slaves.add(`${r}:${c}`);
    }
  }
  return slaves;
}

class StyleCache {
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();

  of(style: CellStyle | undefined): Partial<ExcelJS.Style> {
    const key = JSON.stringify(style ?? {});
    let result = this.cache.get(key);
    if (!result) {
      result = toExcelStyle(style ?? {});
      this.cache.set(key, result);
    }
    return result;
  }
}

function argb(color: string): string {
  if (!/^[0-9A-Fa-f]{6}$/.test(color)) throw new Error(`renderSheet: colour « ${color} » is not RRGGBB`);
  return `FF${color.toUpperCase()}`;
}

/**
 * Every cell gets a complete font (name, size): a font with only "bold" would take whatever the
 * reading program assumes, and the input workbook's default font is not the record's.
 */
function toExcelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = { ...(style.monospace ? MONOSPACE_FONT : BASE_FONT), size: style.size ?? BASE_FONT.size };
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.color) font.color = { argb: argb(style.color) };
  const result: Partial<ExcelJS.Style> = { font };
  if (style.fill) result.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.numberFormat) result.numFmt = style.numberFormat;
  if (style.horizontal || style.vertical || style.wrap) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (style.horizontal) alignment.horizontal = style.horizontal;
    if (style.vertical) alignment.vertical = style.vertical;
    if (style.wrap) alignment.wrapText = true;
    result.alignment = alignment;
  }
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
    result.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return result;
}

/**
 * An Excel table (list object) over cells the model already holds, with a style that draws
 * nothing (no banding, no header colour) so the model's own fills show. Excel requires a table's
 * header cells to be distinct, non-empty texts and forbids merged cells inside a table: when the
 * model's block does not qualify, the block gets a plain filter (autoFilter) instead — one per
 * sheet, Excel's limit.
 */
function renderTable(workbook: ExcelJS.Workbook, worksheet: ExcelJS.Worksheet, sheet: SheetModel, table: TableModel): void {
  const { headerRow, firstColumn, lastColumn, lastRow } = table;
  if (!(firstColumn >= 1 && lastColumn >= firstColumn && headerRow >= 1 && lastRow > headerRow)) {
    throw new Error(`renderSheet: table ${table.name} of ${sheet.name} has an empty or inverted range`);
  }
  const values = new Map(sheet.cells.map((c) => [`${c.row}:${c.column}`, c.value]));
  const at = (row: number, column: number) => values.get(`${row}:${column}`) ?? null;
  const headers: string[] = [];
  for (let c = firstColumn; c <= lastColumn; c++) {
    const value = at(headerRow, c);
    headers.push(typeof value === 'string' ? value : '');
  }
  const seen = new Set<string>();
  const headersOk = headers.every((h) => {
    const key = h.toLocaleLowerCase('fr-FR');
    // Control characters and line breaks are stored escaped in a table's column names; keep clear of them.
    const ok = h.trim() !== '' && !/[\u0000-\u001f]/.test(h) && h.length <= 255 && !seen.has(key);
    seen.add(key);
    return ok;
  });
  const crossesMerge = sheet.merges.some(
    (m) => m.fromRow <= lastRow && m.toRow >= headerRow && m.fromColumn <= lastColumn && m.toColumn >= firstColumn,
  );
  if (!headersOk || crossesMerge) {
    if (!worksheet.autoFilter) worksheet.autoFilter = { from: { row: headerRow, column: firstColumn }, to: { row: lastRow, column: lastColumn } };
    return;
  }
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = firstColumn; c <= lastColumn; c++) row.push(at(r, c));
    rows.push(row);
  }
  worksheet.addTable({
    name: freeTableName(workbook, checkTableName(table.name)),
    ref: worksheet.getCell(headerRow, firstColumn).address,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight1', showRowStripes: false, showColumnStripes: false, showFirstColumn: false, showLastColumn: false },
    // exceljs writes these names into the header cells and these rows into the data cells: the
    // model's own values, so nothing changes; the cells' styles are left alone (no column style).
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

/** Excel table names: a letter or underscore first, then letters, digits, '.', '_'; not a cell reference. */
function checkTableName(name: string): string {
  if (!/^[\p{L}_\\][\p{L}\p{N}._]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || name.length > 255) {
    throw new Error(`renderSheet: « ${name} » is not a valid Excel table name`);
  }
  return name;
}

function freeTableName(workbook: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set<string>();
  for (const ws of workbook.worksheets) for (const t of ws.getTables() as unknown as { table?: { name?: string }; name?: string }[]) {
    const name = t.table?.name ?? t.name;
    if (name) taken.add(name.toLowerCase());
  }
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  return name;
}

/** A4, orientation, fit to the page width, repeated header rows, margins, footer with page numbers. */
function renderPrint(worksheet: ExcelJS.Worksheet, sheet: SheetModel): void {
  const print = sheet.print;
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    paperSize: 9, // A4 (PrintModel.paper is always 'A4')
    orientation: print.orientation,
    margins: { ...print.margins, header: 0.3, footer: 0.3 },
  };
  if (print.fitToWidth) Object.assign(pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  if (print.repeatRows) pageSetup.printTitlesRow = `${print.repeatRows.from}:${print.repeatRows.to}`;
  worksheet.pageSetup = { ...worksheet.pageSetup, ...pageSetup };
  worksheet.headerFooter = { oddFooter: footerCode(print.footer) };
}

/**
 * "&L&8<text>&R&8Page &P / &N": the text on the left, the page number on the right, in 8 points.
 * In a header or footer '&' starts a code ("&P" the page, "&12" a font size), so the text's own
 * '&' are doubled, and a text starting with a digit is set off by a space from the size code; a
 * text too long for Excel's 255 characters is cut.
 */
export function footerCode(text: string): string {
  const size = `&L&${FOOTER_SIZE}`;
  const room = MAX_HEADER_FOOTER - size.length - 1 - PAGE_NUMBERS.length;
  const escape = (t: string) => t.replace(/&/g, '&&');
  let escaped = escape(text);
  if (escaped.length > room) {
    let cut = text;
    while (escape(cut).length > room - 1) cut = cut.slice(0, -1);
    escaped = `${escape(cut)}…`;
  }
  return `${size}${/^\d/.test(escaped) ? ' ' : ''}${escaped}${PAGE_NUMBERS}`;
}


// ---------------------------------------------------------------------------------------------
// The CSV's table as a sheet

/**
 * A CSV's table as a sheet model: every cell at its own row and column, text kept as text (a
 * "12" or a "14/03/1987" stays the characters read, with the Text format '@' so that Excel keeps
 * it so if someone edits it), no protection (it is the candidatures, not the record).
 */
export function tableSheet(table: RawTable, sheetName: string): SheetModel {
  const cells: SheetModel['cells'] = [];
  const widths: number[] = [];
  for (const row of table.rows) {
    row.cells.forEach((value, i) => {
      const recordValue = tableValue(value);
      if (recordValue === null || recordValue === '') return;
      cells.push({ row: row.rowNumber, column: i + 1, value: recordValue, style: typeof recordValue === 'string' ? { numberFormat: '@' } : undefined });
      widths[i] = Math.max(widths[i] ?? 8, Math.min(50, String(recordValue).length + 2));
    });
  }
  return {
    role: 'data',
    name: sheetName,
    cells,
    columnWidths: Array.from(widths, (w) => w ?? 8),
    merges: [],
    rowHeights: [],
    frozen: { rows: 0, columns: 0 },
    tables: [],
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, footer: fileBaseName(table.source), margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75 } },
    protected: false,
  };
}

function tableValue(value: CellValue): string | number | null {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  return value.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// The record file

/** The names of the sheets of an .xlsx file, in tab order (chart sheets included). */
export async function existingSheetNames(filePath: string): Promise<string[]> {
  return packageSheetNames(await readFileBytes(filePath), fileBaseName(filePath));
}

/**
 * Writes the record: the input workbook's sheets untouched (for a CSV, a first sheet holding its
 * table), then the model's sheets. Refuses to overwrite the input and to reuse a sheet name the
 * workbook has; writes nothing in those cases.
 */
/** The record's path, resolved; refused unless it names an .xlsx file. */
export function recordOutputPath(outPath: string): string {
  const resolved = path.resolve(outPath);
  const outName = fileBaseName(resolved);
  if (path.extname(outName).toLowerCase() !== '.xlsx') {
    throw new InputError(
      'unsupported_format',
      `Le registre « ${outName} » doit être un classeur .xlsx : indiquez un nom de fichier qui se termine par .xlsx.`,
    );
  }
  return resolved;
}

export async function writeRecordWorkbook(options: WriteRecordOptions): Promise<void> {
  const outPath = recordOutputPath(options.outPath);
  const { input } = options;
  let base: Uint8Array;
  let source: string;
  const sheets: SheetSpec[] = [];
  const rendered = new ExcelJS.Workbook();
  rendered.creator = 'Tirage CLN';
  if (input.kind === 'xlsx') {
    await refuseSameFile(input.path, outPath);
    source = fileBaseName(input.path);
    base = await readFileBytes(input.path);
  } else {
    source = fileBaseName(input.table.source);
    base = await emptyWorkbookPackage();
    const candidatures = tableSheet(input.table, input.sheetName);
    renderSheet(rendered, candidatures);
    sheets.push(candidatures);
  }
  // Checked again when the sheets are added; here so that the refusal comes before any work.
  refuseTakenNames(input.kind === 'xlsx' ? await packageSheetNames(base, source) : [input.sheetName], options.model.sheets, source);
  for (const sheet of options.model.sheets) {
    renderSheet(rendered, sheet);
    sheets.push(sheet);
  }
  const renderedBytes = new Uint8Array(await rendered.xlsx.writeBuffer());
  const bytes = await appendRenderedSheets({ input: base, source, rendered: renderedBytes, sheets });
  await writeAtomically(outPath, bytes);
}

async function refuseSameFile(inputPath: string, outPath: string): Promise<void> {
  const refuse = () =>
    new InputError(
      'output_is_input',
      `Le registre ne peut pas être écrit dans « ${fileBaseName(outPath)} » : c’est le classeur des candidatures lui-même, ` +
        'qui ne doit jamais être modifié. Indiquez un autre nom de fichier pour le registre (option --out).',
    );
  const input = path.resolve(inputPath);
  if (input === outPath) throw refuse();
  const [inputReal, outReal] = await Promise.all([realPath(input), realPath(outPath)]);
  if (inputReal !== undefined && inputReal === outReal) throw refuse();
  // Same file under another name: a hard link, or another case on a case-insensitive disk.
  const [inputStat, outStat] = await Promise.all([fs.stat(input).catch(() => undefined), fs.stat(outPath).catch(() => undefined)]);
  if (inputStat && outStat && inputStat.dev === outStat.dev && inputStat.ino === outStat.ino) throw refuse();
}

async function realPath(filePath: string): Promise<string | undefined> {
  try {
    return await fs.realpath(filePath);
  } catch {
    // Not there yet: resolve the folder, which exists when the file is about to be written.
    try {
      return path.join(await fs.realpath(path.dirname(filePath)), path.basename(filePath));
    } catch {
      return undefined;
    }
  }
}

/** To a temporary file of the same folder, flushed to disk, then renamed over the destination. */
async function writeAtomically(outPath: string, bytes: Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(outPath), `.${path.basename(outPath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, outPath);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw writeError(outPath, error);
  }
}

function writeError(outPath: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = outPath;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new InputError('file_not_found', `Le dossier du registre « ${path.dirname(name)} » n’existe pas. Créez-le ou indiquez un autre chemin.`);
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return new InputError(
        'file_unwritable',
        `Le registre « ${name} » ne peut pas être écrit : accès refusé. S’il est ouvert dans Excel, fermez-le ; ` +
          'sinon vérifiez vos droits sur ce dossier, ou indiquez un autre dossier.',
      );
    case 'EISDIR':
      return new InputError('file_unwritable', `« ${name} » est un dossier : indiquez un nom de fichier .xlsx pour le registre.`);
    case 'ENOSPC':
      return new InputError('file_unwritable', `Le registre « ${name} » ne peut pas être écrit : le disque est plein.`);
    default:
      return new InputError('file_unwritable', `Le registre « ${name} » ne peut pas être écrit (${code ?? String(error)}).`);
  }
}
