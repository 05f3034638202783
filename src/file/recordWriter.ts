/**
 * The record on disk: the pure record model (src/core/record/model.ts), planned in core
 * (src/core/record/plan.ts), written as SpreadsheetML and added to the candidature workbook
 * without re-saving that workbook's own sheets.
 *
 * How a record file is made:
 * 1. core plans every sheet — the record's and, for a CSV input, the sheet holding the CSV's
 *   table: complete styles, table or filter, footer codes, protection, print set-up;
 * 2. recordPackage.ts writes each planned sheet's XML directly (sheetXml.ts; no in-memory
 *   workbook, so 100,000 candidatures fit in a few hundred megabytes) into the input workbook's
 *   package — the one the reader opened, not read again —, whose own parts are copied as they
 *   are stored (it says why the input must not be re-saved by a library). A CSV input starts from
 *   an empty package;
 * 3. the file is written next to its destination under a temporary name, flushed, then renamed,
 *   so that a half-written record never exists under the record's name.
 *
 * Text is always text: a model string is written as a shared string, never as a formula, whatever
 * it looks like ("=HYPERLINK(…)", "+33 6 12", "-2+3", "@SUM(A1:A9)", "'quoted", "_x0041_").
 */

import { fileError } from '../core/fileMessages';
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { InputError } from '../core/errors';
import type { RecordModel, SheetModel } from '../core/record/model';
import { planRecord, planSheet, type SheetPlan } from '../core/record/plan';
import type { CellValue, Sheet } from '../core/sheet';
import { packageProblem } from '../xlsx/messages';
import { WorkbookEditor } from '../xlsx/workbookEditor';
import { ZipPackage } from '../xlsx/zip';
import type { ZipSink } from '../xlsx/zipWriter';
import { fileBaseName } from './bytes';
import { refuseTakenNames, writeRecordPackage } from './recordPackage';
import { newWorkbookBytes } from '../xlsx/newWorkbook';
import { guarded, openWorkbook, readPackageFile } from './xlsx';

export type WriteRecordOptions = {
  /**
   * A workbook on disk, with its package when the reader has opened it (readTable.openTableFile):
   * then it is not read again; or a CSV's table (a sheet named CSV_SHEET_NAME), which becomes the
   * first sheet of a new workbook; or nothing: a workbook of the record's sheets alone (a public record).
   */
  input: { kind: 'xlsx'; path: string; package?: ZipPackage } | { kind: 'csv'; table: Sheet } | { kind: 'none' };
  outPath: string;
} & (
  /** The record's sheets as planned by the draw's use case (core/drawRequest.ts), or a model this writer plans. */
  { plans: readonly SheetPlan[] } | { model: RecordModel }
);

// ---------------------------------------------------------------------------------------------
// The CSV's table as a sheet

/**
 * A CSV's table as a sheet model: every cell at its own row and column, text kept as text (a
 * "12" or a "14/03/1987" stays the characters read, with the Text format '@' so that Excel keeps
 * it so if someone edits it), no protection (it is the candidatures, not the record).
 */
export function tableSheet(table: Sheet): SheetModel {
  const cells: SheetModel['cells'] = [];
  const widths: number[] = [];
  table.rows.forEach((row, r) => {
    row.forEach((value, i) => {
      const recordValue = tableValue(value);
      if (recordValue === null || recordValue === '') return;
      cells.push({ row: r + 1, column: i + 1, value: recordValue, style: typeof recordValue === 'string' ? TEXT : undefined });
      widths[i] = Math.max(widths[i] ?? 8, Math.min(50, String(recordValue).length + 2));
    });
  });
  return {
    role: 'data',
    name: table.name,
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

/** One style object for every text cell of the table (100,000 rows make 600,000 cells). */
const TEXT = { numberFormat: '@' } as const;

function tableValue(value: CellValue): string | number | null {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  return value.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// The record file

/** The names of the sheets of an .xlsx file, or of its package as read, in tab order (chart sheets included). */
export async function existingSheetNames(input: string | { path: string; package: ZipPackage }): Promise<string[]> {
  const { editor } = await openInput(typeof input === 'string' ? { path: input } : input);
  return editor.sheetNames();
}

/** Some sheets of the workbook as read (`package`), in tab order: those named `names`. */
export function sheetsNamed(input: { path: string; package: ZipPackage }, names: readonly string[]): Sheet[] {
  const source = fileBaseName(input.path);
  const wanted = new Set(names);
  return guarded(input.package.bytes, source, 'table', () => {
    const workbook = openWorkbook(input.package.bytes, source);
    return workbook.worksheets().filter((sheet) => wanted.has(sheet.name)).map((sheet) => workbook.readSheet(sheet, { numberFormats: false }));
  });
}

/** The workbook to extend, opened by the package editor; its problems said in French. */
async function openInput(input: { path: string; package?: ZipPackage }): Promise<Input> {
  const source = fileBaseName(input.path);
  let pkg = input.package;
  if (pkg === undefined) {
    const bytes = await readPackageFile(input.path, source);
    pkg = guarded(bytes, source, 'table', () => ZipPackage.open(bytes));
  }
  const opened = pkg;
  return { editor: guarded(opened.bytes, source, 'table', () => WorkbookEditor.open(opened)), bytes: opened.bytes, source };
}

interface Input {
  editor: WorkbookEditor;
  /** The package's bytes, for messages about them. */
  bytes: Uint8Array;
  source: string;
}

/** A new workbook for a CSV's table. */
async function newWorkbook(source: string): Promise<Input> {
  const bytes = await newWorkbookBytes([]);
  return { editor: WorkbookEditor.open(ZipPackage.open(bytes)), bytes, source };
}

/** The record's path, resolved; refused unless it names an .xlsx file. */
export function recordOutputPath(outPath: string): string {
  const resolved = path.resolve(outPath);
  const outName = fileBaseName(resolved);
  if (path.extname(outName).toLowerCase() !== '.xlsx') {
    throw fileError({ code: 'unsupported_format', reason: 'record_not_xlsx', name: outName });
  }
  return resolved;
}

/**
 * Writes the record: the input workbook's sheets untouched (for a CSV, a first sheet holding its
 * table), then the model's sheets. Refuses to overwrite the input and to reuse a sheet name the
 * workbook has; writes nothing in those cases.
 */
export async function writeRecordWorkbook(options: WriteRecordOptions): Promise<void> {
  const outPath = recordOutputPath(options.outPath);
  const { input } = options;
  if (input.kind === 'xlsx') await refuseSameFile(input.path, outPath);
  const { editor, bytes, source } = input.kind === 'xlsx' ? await openInput(input) : await newWorkbook(fileBaseName(input.kind === 'csv' ? input.table.source : outPath));
  const existing = input.kind === 'xlsx' ? editor.sheetNames() : input.kind === 'csv' ? [input.table.name] : [];
  // Checked again when the sheets are added; here so that the refusal comes before any work.
  const plans = 'plans' in options ? options.plans : planRecord(options.model);
  refuseTakenNames(existing, plans, source);
  const sheets = [...(input.kind === 'csv' ? [planSheet(tableSheet(input.table))] : []), ...plans];
  await writeAtomically(outPath, async (sink) => {
    try {
      await writeRecordPackage({ editor, source, sheets }, sink);
    } catch (error) {
      throw packageProblem(error, bytes, source, 'table');
    }
  });
}

async function refuseSameFile(inputPath: string, outPath: string): Promise<void> {
  const refuse = () => fileError({ code: 'output_is_input', name: fileBaseName(outPath) });
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

/**
 * To a temporary file of the same folder, flushed to disk, then renamed over the destination. The
 * content is written in batches of about a megabyte: the zip writer hands over many small chunks.
 */
async function writeAtomically(outPath: string, write: (sink: ZipSink) => Promise<void>): Promise<void> {
  const temporary = path.join(path.dirname(outPath), `.${path.basename(outPath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temporary, 'wx');
    try {
      let batch: Uint8Array[] = [];
      let size = 0;
      const flush = async () => {
        if (size > 0) await handle.write(Buffer.concat(batch, size));
        batch = [];
        size = 0;
      };
      await write(async (chunk) => {
        batch.push(chunk);
        size += chunk.length;
        if (size >= WRITE_BATCH) await flush();
      });
      await flush();
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, outPath);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw error instanceof InputError ? error : writeError(outPath, error);
  }
}

const WRITE_BATCH = 1024 * 1024;

function writeError(outPath: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = outPath;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return fileError({ code: 'file_not_found', reason: 'record_folder', folder: path.dirname(name) });
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return fileError({ code: 'file_unwritable', reason: 'record', name, fault: 'access_denied' });
    case 'EISDIR':
      return fileError({ code: 'file_unwritable', reason: 'record', name, fault: 'directory' });
    case 'ENOSPC':
      return fileError({ code: 'file_unwritable', reason: 'record', name, fault: 'disk_full' });
    default:
      return fileError({ code: 'file_unwritable', reason: 'record', name, fault: { code: code ?? String(error) } });
  }
}
