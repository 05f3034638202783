/**
 * One check the verifier page asks for: what was typed is read first (a mistyped fingerprint is
 * refused before the file is opened), the file's size is refused before it is read, then the CLI's
 * reader (src/xlsx) and check (src/verification) run. The same function runs in the page's worker
 * (checkWorker.ts) or, where no worker can be made, on the page itself (backgroundCheck.ts).
 *
 * Its answer is plain data that a worker can post back (structured clone): a refusal arrives as
 * its French lines, because an Error crosses to the page without its class (an InputError would
 * come back as a bare Error, its lines lost).
 */
import { InputError } from '../core';
import { checkWorkbook, readCheckRequest, type CheckRequest, type ReceiptReport } from '../verification/checkWorkbook';
import type { VerifyReport } from '../verification/verifyRecord';
import { readWorkbookSheetsFromBytes, refuseLargeFile } from '../xlsx/open';

/** A record picked or dropped, and the page's fields as typed (a field left blank is absent). */
export interface CheckOrder {
  file: File;
  request: CheckRequest;
}

/** What the page shows of a report: every field but the check itself, which holds the whole recomputed draw. */
export type ShownReport = Omit<VerifyReport, 'check'>;

export type CheckAnswer = { kind: 'checked'; report: ShownReport; receipt: ReceiptReport | null } | { kind: 'refused'; lines: string[] };

/** A file that could not be checked, in French: the CLI's message (InputError), or an unexpected failure and its detail. */
export function refusalLines(error: unknown, fileName: string): string[] {
  if (error instanceof InputError) {
    return [...error.lines, ...(error.lines.length > 1 || error.lines[0] !== error.message ? [error.message] : [])];
  }
  const detail = error instanceof Error ? error.message : String(error);
  return [`Erreur inattendue en lisant « ${fileName} » : la vérification n’a pas pu aboutir. Signalez ce message à la ville.`, detail];
}

export async function checkFile({ file, request }: CheckOrder): Promise<CheckAnswer> {
  try {
    const read = readCheckRequest(file.name, request);
    refuseLargeFile(file.size, file.name);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const outcome = checkWorkbook(readWorkbookSheetsFromBytes(bytes, file.name), file.name, read);
    // Field by field: the report object also carries `check` (the recomputed draw, 100,000 rows for a large record),
    // which the page never shows and a worker would copy for nothing.
    const { fileName, conforming, verdict, records, workbook, added } = outcome.report;
    return { kind: 'checked', report: { fileName, conforming, verdict, records, workbook, added }, receipt: outcome.receipt };
  } catch (error) {
    return { kind: 'refused', lines: refusalLines(error, file.name) };
  }
}
