/**
 * What the task pane asks of the open workbook, in its own words: no office.js type crosses this
 * interface. `ExcelWorkbookAdapter` implements it on any `ExcelRunner` — `Excel.run` in Office
 * (office.ts), the simulated Excel elsewhere — so the same code runs in both.
 */
import type { DrawResult } from '../core/draw';
import type { Sheet } from '../core/sheet';
import { verifyWorkbook, type WorkbookCheck } from '../core/record/verify';
import type { ExcelRunner, WorkbookCreator, XlContext, XlWorksheet } from './officeApi';
import { forgetSealingKeyIn, keepSealingKeyIn, readSealingKeyIn } from './sealingKeyStore';
import { ExcelAdapterError } from './problems';
import {
  createSheetsFor,
  failure,
  prepareWrite,
  readBackAndVerify,
  revealSteps,
  writeOps,
  writeRecordWith,
  type DrawOrder,
  type PreparedWrite,
  type WriteOutcome,
} from './recordWriter';
import { readSheets } from './readRanges';
import { appendJournalEntry, readJournalEntries } from './journalWriter';
import type { JournalEntry, LoggedEntry } from '../core/record/journal';
import { ExcelSyncs, problemOf, type SyncPolicy, type WaitListener } from './syncs';
import { listContents, readTableIn, type TableRead, type TableRef, type WorkbookContents } from './tableReader';
import type { WriteOp } from './planOps';
import type { ReplacementRequest } from '../core/replacement';
import { writeReplacementWith, type ReplacementContext, type ReplacementOutcome } from './replacementWriter';

export type { DrawOrder, WriteOutcome, TableRef, TableRead, WorkbookContents, ReplacementContext, ReplacementOutcome };

/** A record being revealed step by step; each step is one sync. */
export interface RevealSession {
  readonly result: DrawResult;
  readonly stepCount: number;
  readonly stepsDone: number;
  /** Writes the next step; false once every step is written. */
  revealStep(): Promise<boolean>;
  /** Writes what is left at once, then reads the record back and verifies it. */
  finish(): Promise<WriteOutcome>;
}

export interface WorkbookPort {
  listTables(): Promise<WorkbookContents>;
  readTable(ref: TableRef): Promise<TableRead>;
  writeRecord(order: DrawOrder): Promise<WriteOutcome>;
  startReveal(order: DrawOrder): Promise<RevealSession>;
  /** Every sheet of the workbook, for `verify`. */
  readRecordSheets(): Promise<Sheet[]>;
  /** The *Vérifier* action: any workbook holding a record. Throws NotARecordError when it holds none. */
  verifyRecord(): Promise<WorkbookCheck>;
  selectCell(sheet: string, address: string): Promise<void>;
  /** Appends one line to the « Journal des tirages » (created on the first attempt); returns its row. */
  appendJournal(entry: JournalEntry): Promise<number>;
  /** The journal's lines, in order; [] when the workbook has none. */
  readJournal(): Promise<LoggedEntry[]>;
  /**
   * Records a departure during the mandate in the workbook's latest draw (the record must verify):
   * its Remplacement sheet written as `tirage-cln replace` writes it, read back, and the workbook verified.
   */
  writeReplacement(request: ReplacementRequest, context: ReplacementContext): Promise<ReplacementOutcome>;
  /**
   * Tells `listener` when Excel makes an operation wait — a cell being edited: the pane shows
   * describeExcelWait's line (« Quittez la cellule en cours de saisie… ») — and null once Excel
   * answers again; the operation resumes by itself. Returns how to stop listening.
   */
  onExcelWait(listener: WaitListener): () => void;
  /** Keeps a `tirage-cln/2` draw's sealing key in the workbook, in no sheet, until the draw (sealingKeyStore.ts). */
  keepSealingKey(key: string): Promise<void>;
  /** The sealing key kept in the workbook, or null: after a reload of the pane, the announced fingerprint's key. */
  readSealingKey(): Promise<string | null>;
  forgetSealingKey(): Promise<void>;
  /** Opens `xlsx` (a workbook's bytes: the public record) as a new workbook, for the staff to save and publish. */
  openAsNewWorkbook(xlsx: Uint8Array): Promise<void>;
}

export interface AdapterOptions extends Omit<SyncPolicy, 'timeoutMs'> {
  /** Milliseconds a sync may take before Excel is taken to have stopped answering (default 60 s). */
  syncTimeoutMs?: number;
  /** `Excel.createWorkbook` (office.ts), or the simulated Excel's: opens a Base64 .xlsx as a new workbook. */
  createWorkbook?: WorkbookCreator;
}

export class ExcelWorkbookAdapter implements WorkbookPort {
  readonly syncs: ExcelSyncs;
  private readonly createWorkbook: WorkbookCreator | null;

  constructor(
    private readonly run: ExcelRunner,
    options: AdapterOptions = {},
  ) {
    const { syncTimeoutMs, createWorkbook, ...policy } = options;
    this.createWorkbook = createWorkbook ?? null;
    this.syncs = new ExcelSyncs({ ...policy, ...(syncTimeoutMs === undefined ? {} : { timeoutMs: syncTimeoutMs }) });
  }

  /** Syncs made so far (the budget the tests and the bench measure). */
  get syncCount(): number {
    return this.syncs.count;
  }

  /** Times Excel refused a request while a cell was being edited, and the adapter waited. */
  get cellEditWaits(): number {
    return this.syncs.cellEditWaits;
  }

  onExcelWait(listener: WaitListener): () => void {
    return this.syncs.onWait(listener);
  }

  /**
   * Runs a batch that Excel may refuse whole while a cell is being edited (run again); Excel's
   * errors become French ExcelAdapterErrors, the engine's and ours pass unchanged.
   */
  private async runBatch<T>(batch: (context: XlContext) => Promise<T>): Promise<T> {
    try {
      return await this.syncs.rerunWhileEditing(this.run, batch);
    } catch (error) {
      throw asAdapterError(error);
    }
  }

  keepSealingKey(key: string): Promise<void> {
    return this.runBatch((context) => keepSealingKeyIn(context, this.syncs, key));
  }

  readSealingKey(): Promise<string | null> {
    return this.runBatch((context) => readSealingKeyIn(context, this.syncs));
  }

  forgetSealingKey(): Promise<void> {
    return this.runBatch((context) => forgetSealingKeyIn(context, this.syncs));
  }

  async openAsNewWorkbook(xlsx: Uint8Array): Promise<void> {
    if (this.createWorkbook === null) throw new Error('openAsNewWorkbook: this adapter was given no createWorkbook');
    try {
      await this.createWorkbook(base64Of(xlsx));
    } catch (error) {
      throw asAdapterError(error);
    }
  }

  listTables(): Promise<WorkbookContents> {
    return this.runBatch((context) => listContents(context, this.syncs));
  }

  readTable(ref: TableRef): Promise<TableRead> {
    return this.runBatch((context) => readTableIn(context, this.syncs, ref));
  }

  writeRecord(order: DrawOrder): Promise<WriteOutcome> {
    return writeRecordWith(this.run, this.syncs, order);
  }

  async startReveal(order: DrawOrder): Promise<RevealSession> {
    const prepared = await this.runBatch((context) => prepareWrite(context, this.syncs, order));
    return new Reveal(this.run, this.syncs, prepared, revealSteps(prepared));
  }

  readRecordSheets(): Promise<Sheet[]> {
    return this.runBatch(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await this.syncs.sync(context);
      return readSheets(context, this.syncs, sheets.items.map((s) => s.name));
    });
  }

  async verifyRecord(): Promise<WorkbookCheck> {
    return verifyWorkbook(await this.readRecordSheets());
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.runBatch(async (context) => {
      const target = context.workbook.worksheets.getItem(sheet);
      target.activate();
      target.getRange(address).select();
      await this.syncs.sync(context);
    });
  }

  appendJournal(entry: JournalEntry): Promise<number> {
    // It reads, then writes in its last request only: run again whole while a cell is being edited.
    return this.runBatch((context) => appendJournalEntry(context, this.syncs, entry));
  }

  readJournal(): Promise<LoggedEntry[]> {
    return this.runBatch((context) => readJournalEntries(context, this.syncs));
  }

  writeReplacement(request: ReplacementRequest, context: ReplacementContext): Promise<ReplacementOutcome> {
    return writeReplacementWith(this.run, this.syncs, request, context);
  }
}

class Reveal implements RevealSession {
  stepsDone = 0;

  constructor(
    private readonly run: ExcelRunner,
    private readonly syncs: ExcelSyncs,
    private readonly prepared: PreparedWrite,
    private readonly steps: WriteOp[][],
  ) {}

  get result(): DrawResult {
    return this.prepared.result;
  }

  get stepCount(): number {
    return this.steps.length;
  }

  /** The first step adds the sheets, and shows the draw sheet at once (the room watches it fill in); later ones find them by name. */
  private sheetsIn(context: XlContext, first: boolean): { existing: XlWorksheet[] | null; create: () => XlWorksheet[] } {
    const { plans } = this.prepared;
    const create = () => {
      const sheets = createSheetsFor(context, plans);
      sheets[Math.max(0, plans.findIndex((p) => p.role === 'draw'))].activate();
      return sheets;
    };
    return { existing: first ? null : plans.map((p) => context.workbook.worksheets.getItem(p.name)), create };
  }

  async revealStep(): Promise<boolean> {
    if (this.stepsDone >= this.steps.length) return false;
    const step = this.steps[this.stepsDone];
    const first = this.stepsDone === 0;
    try {
      this.syncs.checkAnswering();
      await this.run(async (context) => {
        const { existing, create } = this.sheetsIn(context, first);
        // One sync for the step; more only when Excel finds it too large (writeOps splits it).
        await writeOps(context, this.syncs, step, existing, create);
      });
    } catch (error) {
      throw await failure(this.run, this.syncs, error, this.prepared);
    }
    this.stepsDone++;
    if (this.stepsDone === this.steps.length) this.prepared.written = true;
    return this.stepsDone < this.steps.length;
  }

  async finish(): Promise<WriteOutcome> {
    while (await this.revealStep());
    try {
      const check = await this.syncs.rerunWhileEditing(this.run, (context) => readBackAndVerify(context, this.syncs, this.prepared));
      return { result: this.prepared.result, sheetNames: this.prepared.plans.map((p) => p.name), check };
    } catch (error) {
      throw await failure(this.run, this.syncs, error, this.prepared);
    }
  }
}

/**
 * Excel's errors become French ExcelAdapterErrors; an error `problemOf` does not know (the
 * engine's, the adapter's own) is given back unchanged.
 */
function asAdapterError(error: unknown): unknown {
  let problem;
  try {
    problem = problemOf(error);
  } catch {
    return error;
  }
  return error instanceof ExcelAdapterError ? error : new ExcelAdapterError(problem);
}

/** Base64, as Excel.createWorkbook takes a file; by chunks, so that a large record never makes one huge argument list. */
function base64Of(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return btoa(chunks.join(''));
}
