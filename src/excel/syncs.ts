/**
 * Every `context.sync()` of the adapter goes through here: it is counted (the sync budget is a
 * promise of this adapter) and bounded in time, because a sync has been seen to hang forever on
 * Excel on the web (office-js issues 4805, 6150, 6678). Excel's own errors become ExcelProblems.
 */
import type { XlContext } from './officeApi';
import { InputError } from '../core/errors';
import { ExcelAdapterError, type ExcelProblem } from './problems';

export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;

export class SyncTimeoutError extends Error {
  constructor(readonly milliseconds: number) {
    super(`context.sync() did not answer within ${milliseconds} ms`);
    this.name = 'SyncTimeoutError';
  }
}

export class SyncCounter {
  count = 0;

  constructor(readonly timeoutMs: number = DEFAULT_SYNC_TIMEOUT_MS) {}

  async sync(context: XlContext): Promise<void> {
    this.count++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SyncTimeoutError(this.timeoutMs)), this.timeoutMs);
    });
    try {
      await Promise.race([context.sync(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The code of an office.js error (OfficeExtension.Error has `code`), or null for any other error. */
export function excelCode(error: unknown): string | null {
  // The engine's refusals carry a code too, but they are ours, not Excel's.
  if (error instanceof InputError) return null;
  if (error !== null && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return null;
}

/**
 * An error met while talking to Excel, as a problem the user can read. `context.name` is what was
 * being added, for a name clash. Any other error is ours, not Excel's: it is thrown again.
 */
export function problemOf(error: unknown, context: { name?: string } = {}): ExcelProblem {
  if (error instanceof ExcelAdapterError) return error.problem;
  if (error instanceof SyncTimeoutError) return { code: 'sync_timeout', seconds: Math.round(error.milliseconds / 1000) };
  const code = excelCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ConnectionFailure':
    case 'RequestAborted':
      return { code: 'connection_lost' };
    case 'ItemAlreadyExists':
      return { code: 'name_clash', name: context.name ?? '' };
    case 'AccessDenied':
      return { code: 'access_denied' };
    case null:
      // Not Excel's: a bug of ours, which must not be disguised as an Excel refusal.
      throw error;
    default:
      return { code: 'excel_error', excelCode: code, detail };
  }
}
