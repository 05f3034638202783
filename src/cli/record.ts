/** `draw --out` and `verify`: the record workbook on disk. */
import { fileError } from '../core/fileMessages';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CSV_SHEET_NAME, planDraw, recordLikeNames, refuseRecordLookalikes, type DrawRequest, type DrawResult } from '../core';
import { fileBaseName } from '../file/bytes';
import type { TableFile } from '../file/readTable';
import { readWorkbookSheets } from '../file/recordReader';
import { existingSheetNames, recordOutputPath, sheetsNamed, writeRecordWorkbook } from '../file/recordWriter';
import { auditReport, checkWorkbook, readCheckRequest, type CheckRequest } from '../verification/checkWorkbook';
import { checkRequest, reportLines } from '../verification/verifyRecord';

export interface RecordOptions {
  out: string;
  /** Replace an existing file at `out`; without it, an existing file is never overwritten. */
  replace?: boolean;
}

/** A record is an official document: an earlier one is never replaced by accident (unless --replace). */
export function refuseExisting(outPath: string, typed: string, what: 'record' | 'public_record', replace: boolean): void {
  if (!existsSync(outPath) || replace) return;
  throw fileError({ code: 'output_exists', reason: what, name: typed });
}

/**
 * `draw --out`: the draw planned by core with its record (core/drawRequest.ts), the plans written beside
 * the input's sheets; `input` is the table as read, with its workbook's package, which the record extends (not read again).
 */
export async function drawAndRecord(input: TableFile & { path: string }, request: DrawRequest, options: RecordOptions): Promise<{ result: DrawResult; sheets: string[] }> {
  const { table, workbook, path: inputPath } = input;
  const outPath = recordOutputPath(options.out);
  refuseExisting(outPath, options.out, 'record', options.replace === true);
  const sheetNames = workbook ? await existingSheetNames({ path: inputPath, package: workbook }) : [CSV_SHEET_NAME];
  const recordLike = recordLikeNames(sheetNames);
  // Before the draw: a sheet `verify` would take for a record's by its name makes any record here fail.
  if (workbook && recordLike.length > 0) refuseRecordLookalikes(sheetsNamed({ path: inputPath, package: workbook }, recordLike), fileBaseName(inputPath));
  const { result, plans } = planDraw(table, request, { sourceFile: fileBaseName(inputPath), sheetNames });
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
    throw fileError({ code: 'file_unwritable', reason: 'record_folder', folder: dirname(outPath), fault: code });
  }
}

export interface VerifyOutcome {
  conforming: boolean;
  text: string;
}

/** What `verify` is asked, as typed: the announced fingerprint and seed, a replacement's fingerprint, a receipt, a public record to compare. */
export interface VerifyRequest extends CheckRequest {
  /** `--public <public.xlsx>`: the published record, compared with this private one (the auditor's check). */
  publicRecord?: string;
}

/**
 * `verify`: the file read from the disk, then the check every front end shares (src/verification):
 * a record or a public record, a receipt looked up, a published record compared.
 */
export async function verifyFile(path: string, request: VerifyRequest = {}): Promise<VerifyOutcome> {
  const fileName = fileBaseName(path);
  const read = readCheckRequest(fileName, request);
  const publicName = request.publicRecord === undefined ? undefined : fileBaseName(request.publicRecord);
  if (publicName !== undefined) checkRequest(publicName);
  const sheets = await readWorkbookSheets(path);
  const outcome = checkWorkbook(sheets, fileName, read);
  const lines = reportLines(outcome.report);
  let conforming = outcome.conforming;
  if (request.publicRecord !== undefined && publicName !== undefined) {
    if (outcome.kind === 'public') throw fileError({ code: 'unsupported_format', reason: 'public_given_first', source: fileName, publicName });
    const audit = auditReport(sheets, await readWorkbookSheets(request.publicRecord), publicName);
    lines.push('', ...audit.lines);
    conforming &&= audit.conforming;
  }
  if (outcome.receipt !== null) lines.push('', ...outcome.receipt.lines);
  return { conforming, text: lines.join('\n') + '\n' };
}
