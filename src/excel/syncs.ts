/**
 * Every `context.sync()` of the adapter goes through here, and with it what real Excel does to a
 * sync that the simulated one learns too (simulated/excel.ts):
 * - it is counted: the sync budget is a promise of this adapter;
 * - it is bounded in time: a sync has been seen never to answer on Excel on the web (office-js
 *   #4805, #6150, #6678), and after such a sync later `Excel.run` calls never answer either
 *   (office-js #6678): once one has timed out, no other call is tried (`excel_unresponsive`);
 * - a cell being edited: the add-in runs its batches with `delayForCellEdit` (Excel.RunOptions,
 *   ExcelApi 1.8: https://learn.microsoft.com/javascript/api/excel/excel.runoptions), so Excel
 *   holds a request until the cell is left — the sync then merely takes long, and after
 *   NO_ANSWER_NOTICE_MS the pane is told so; where Excel answers `InvalidOperationInCellEditMode`
 *   all the same (Excel on the web: office-js #3019, #856, #3323; #806, #1393 for the hangs around
 *   it), nothing of the request ran: the adapter tells the pane, waits, queues the same operations
 *   again and resumes by itself (`step`), for up to CELL_EDIT_PATIENCE_MS.
 * Excel's own errors become ExcelProblems (`problemOf`).
 */
import { InputError } from '../core/errors';
import type { ExcelRunner, XlContext } from './officeApi';
import { ExcelAdapterError, type ExcelProblem, type ExcelWait } from './problems';

export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;
/** A sync unanswered this long is said to the pane (a cell being edited holds it with delayForCellEdit). */
export const NO_ANSWER_NOTICE_MS = 5_000;
/** How long the adapter keeps asking while a cell is being edited. */
export const CELL_EDIT_PATIENCE_MS = 10 * 60_000;
/** Pauses between two tries while a cell is being edited: soon at first, then every 2 seconds. */
export const CELL_EDIT_RETRY_MS: readonly number[] = [250, 500, 1_000, 2_000];

export const CELL_EDIT_CODE = 'InvalidOperationInCellEditMode';

export class SyncTimeoutError extends Error {
  constructor(readonly milliseconds: number) {
    super(`context.sync() did not answer within ${milliseconds} ms`);
    this.name = 'SyncTimeoutError';
  }
}

export interface SyncPolicy {
  /** Milliseconds a sync may take before Excel is taken to have stopped answering (default 60 s). */
  timeoutMs?: number;
  /** Pauses between tries while a cell is being edited (the last one repeats). */
  cellEditRetryMs?: readonly number[];
  /** How long to keep trying while a cell is being edited. */
  cellEditPatienceMs?: number;
  noAnswerNoticeMs?: number;
}

export type WaitListener = (wait: ExcelWait | null) => void;

export class ExcelSyncs {
  /** Syncs sent, refused ones included. */
  count = 0;
  /** Times Excel refused a request because a cell was being edited, and the adapter waited. */
  cellEditWaits = 0;
  /** Set once a sync has not answered in time: Excel is not asked anything more. */
  private hung: SyncTimeoutError | null = null;
  private readonly listeners = new Set<WaitListener>();
  private waiting = false;
  /** When the current run of cell-edit refusals began. */
  private cellEditSince: number | null = null;
  readonly timeoutMs: number;
  private readonly retryMs: readonly number[];
  private readonly patienceMs: number;
  private readonly noticeMs: number;

  constructor(policy: SyncPolicy = {}) {
    this.timeoutMs = policy.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
    this.retryMs = policy.cellEditRetryMs ?? CELL_EDIT_RETRY_MS;
    this.patienceMs = policy.cellEditPatienceMs ?? CELL_EDIT_PATIENCE_MS;
    this.noticeMs = policy.noAnswerNoticeMs ?? NO_ANSWER_NOTICE_MS;
  }

  /** Tells `listener` why the adapter waits, and null when Excel answers again; returns how to stop telling it. */
  onWait(listener: WaitListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private tell(wait: ExcelWait | null): void {
    if (wait === null && !this.waiting) return;
    this.waiting = wait !== null;
    for (const listener of this.listeners) listener(wait);
  }

  /** Excel stopped answering earlier: throws rather than ask it again (the call would hang too, office-js #6678). */
  checkAnswering(): void {
    if (this.hung !== null) throw new ExcelAdapterError({ code: 'excel_unresponsive' });
  }

  get answering(): boolean {
    return this.hung === null;
  }

  async sync(context: XlContext): Promise<void> {
    this.checkAnswering();
    this.count++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let notice: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SyncTimeoutError(this.timeoutMs)), this.timeoutMs);
    });
    if (this.noticeMs < this.timeoutMs) notice = setTimeout(() => this.tell({ code: 'no_answer', seconds: Math.round(this.noticeMs / 1000) }), this.noticeMs);
    try {
      await Promise.race([context.sync(), timeout]);
    } catch (error) {
      if (error instanceof SyncTimeoutError) this.hung = error;
      throw error;
    } finally {
      clearTimeout(timer);
      clearTimeout(notice);
    }
    this.cellEditSince = null;
    this.tell(null);
  }

  /**
   * After an error: true, once the pane has been told and the pause is over, when it is Excel
   * refusing because a cell is being edited and patience lasts — the caller then asks again.
   */
  async waitedForCellEdit(error: unknown): Promise<boolean> {
    if (excelCode(error) !== CELL_EDIT_CODE) return false;
    const now = Date.now();
    this.cellEditSince ??= now;
    if (now - this.cellEditSince >= this.patienceMs) {
      throw new ExcelAdapterError({ code: 'cell_edit', minutes: Math.round(this.patienceMs / 60_000) });
    }
    this.tell({ code: 'cell_edit' });
    const pause = this.retryMs[Math.min(this.cellEditWaits, this.retryMs.length - 1)] ?? 0;
    this.cellEditWaits++;
    await new Promise((resolve) => setTimeout(resolve, pause));
    return true;
  }

  /**
   * A batch Excel may refuse whole while a cell is being edited — it reads, or it writes only in
   * its last request, which Excel then refused before running anything —, run again from its start.
   */
  async rerunWhileEditing<T>(run: ExcelRunner, batch: (context: XlContext) => Promise<T>): Promise<T> {
    for (;;) {
      this.checkAnswering();
      try {
        return await run(batch);
      } catch (error) {
        if (await this.waitedForCellEdit(error)) continue;
        throw error;
      }
    }
  }

  /**
   * One request: `queue` puts its operations on the context (returning what they load), then the
   * sync. Refused while a cell is being edited, nothing of it ran: the same operations are queued
   * again (`queue` is called anew, with fresh proxies) once the pause is over.
   */
  async step<T>(context: XlContext, queue: () => T): Promise<T> {
    for (;;) {
      const queued = queue();
      try {
        await this.sync(context);
        return queued;
      } catch (error) {
        if (await this.waitedForCellEdit(error)) continue;
        throw error;
      }
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

/** Excel's answer that a request, or its response, is over its 5 MB (Excel on the web), or a range over its cell limit. */
export function isTooLarge(error: unknown): boolean {
  const code = excelCode(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
}

/**
 * An error met while talking to Excel, as a problem the user can read. `context.name` is what was
 * being added, for a name clash. Any other error is ours, not Excel's: it is thrown again.
 */
export function problemOf(error: unknown, context: { name?: string } = {}): ExcelProblem {
  if (error instanceof ExcelAdapterError) return error.problem;
  if (error instanceof SyncTimeoutError) return { code: 'sync_timeout', seconds: Math.round(error.milliseconds / 100) / 10 };
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
    case 'InvalidArgument':
      return { code: 'invalid_argument', detail };
    case 'RangeExceedsLimit':
      return { code: 'range_too_large' };
    case 'ItemNotFound':
      return { code: 'item_not_found' };
    case 'GeneralException':
      return { code: 'general_exception' };
    case null:
      // Not Excel's: a bug of ours, which must not be disguised as an Excel refusal.
      throw error;
    default:
      return { code: 'excel_error', excelCode: code, detail };
  }
}
