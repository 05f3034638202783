/**
 * Writing the record into the open workbook, then reading it back and verifying it.
 *
 * 1. Check (one or two syncs, shared with the table's read): the workbook is writable, the names
 *    taken (sheets, tables, defined names), and the candidature table read again — a co-author may
 *    have changed it since its fingerprint was shown; then core refuses the draw.
 * 2. The draw, the record model and its render plan: core's use case (core/drawRequest.ts), with
 *    new sheet and table names only.
 * 3. The plan as office.js operations (planOps.ts), packed into syncs of at most SYNC_BYTES.
 *    Until the last of them, each new sheet's cell A1 says « Registre en cours d’écriture »
 *    (core/record/marks.ts) instead of its title: the title and the protection come last, so a
 *    record cut short anywhere is never taken for a finished one. On a failure the sheets begun are
 *    removed again; if Excel refuses that, they are marked INACHEVÉ; if Excel no longer answers,
 *    nothing is asked of it (office-js #6678); a record written whole is never removed.
 * 4. The record sheets read back, with the candidature sheet read again beside them, and checked
 *    by `verifyWorkbook` as `verify` checks the saved file: a value Excel changed, or a
 *    co-author's edit, shows at once.
 *
 * A cell being edited makes Excel refuse a request, or hold it: syncs.ts waits and asks again.
 * The reveal (`revealSteps`) writes the same operations in steps, one sync each; its final state
 * is the full write's.
 */
import type { DrawResult } from '../core/draw';
import { planDraw, type DrawRequest } from '../core/drawRequest';
import { RECORD_MARKS, UNFINISHED_MARK, WRITING_MARK } from '../core/record/marks';
import { nameKey } from '../core/record/names';
import type { SheetPlan } from '../core/record/plan';
import { verifyWorkbook, type WorkbookCheck } from '../core/record/verify';
import type { ExcelRunner, XlContext, XlWorksheet } from './officeApi';
import { formatGrid, layoutOps, protectOp, styleOps, valueOps, type RowSpan, type WriteOp } from './planOps';
import { ExcelAdapterError, type ExcelProblem, type PartialRecord } from './problems';
import { readSheets } from './readRanges';
import { isTooLarge, problemOf, type ExcelSyncs } from './syncs';
import { readTableIn, type TableRead, type TableRef } from './tableReader';

/** Bytes of operations per sync: under Excel on the web's 5 MB with room for the estimate's error. */
export const SYNC_BYTES = 4_000_000;

/** A draw the task pane asks for: where the candidatures are, and the request core checked. */
export interface DrawOrder {
  source: TableRef;
  /** The workbook's file name, for the procès-verbal. */
  sourceFile: string;
  /** Checked by core (checkDrawRequest); its announced fingerprint is the one the room was shown. */
  request: DrawRequest & { announcedFingerprint: string };
}

export interface WriteOutcome {
  result: DrawResult;
  /** The record's sheets, as written. */
  sheetNames: string[];
  /** `verify` on what was read back. */
  check: WorkbookCheck;
}

/** The new sheets of a write, the sheets there before, and how far it went (a Remplacement sheet is written the same way). */
export type SheetsToWrite = Pick<PreparedWrite, 'plans' | 'sheetsBefore' | 'written'>;

/** Everything decided before the first write, and how far the write went. */
export interface PreparedWrite {
  result: DrawResult;
  /** The record's sheets as core planned them, table names free in this workbook. */
  plans: SheetPlan[];
  /** The sheets before the record, to tell ours from a co-author's when cleaning up. */
  sheetsBefore: string[];
  candidatures: TableRead;
  /** Set once the last write has been answered: every sheet is complete, titled and protected. */
  written: boolean;
}

/**
 * Check, read the table again, and let core draw and plan (core/drawRequest.ts): the table must
 * still give the fingerprint shown. Two syncs up to 10,000 rows.
 */
export async function prepareWrite(context: XlContext, syncs: ExcelSyncs, order: DrawOrder): Promise<PreparedWrite> {
  const { workbook } = context;
  workbook.load('readOnly');
  workbook.protection.load('protected');
  const sheets = workbook.worksheets.load('items/name');
  // Names in use, that the record's tables must not take: tables and defined names share one namespace (office-js #551).
  const tables = workbook.tables.load('items/name');
  const definedNames = workbook.names.load('items/name');
  // These loads ride on the table read's first sync.
  const candidatures = await readTableIn(context, syncs, order.source);
  if (workbook.readOnly) throw new ExcelAdapterError({ code: 'read_only' });
  if (workbook.protection.protected) throw new ExcelAdapterError({ code: 'workbook_protected' });
  const sheetsBefore = sheets.items.map((s) => s.name);
  const { result, plans } = planDraw(candidatures, order.request, {
    sourceFile: order.sourceFile,
    sheetNames: sheetsBefore,
    namesInUse: [...tables.items, ...definedNames.items].map((item) => item.name),
  });
  return { result, plans, sheetsBefore, candidatures, written: false };
}

// ---------------------------------------------------------------------------------------------
// The operations of a write, in phases

/** Adds the record's sheets, each with the neutral mark in A1 until its title comes, and returns them. */
export function createSheetsFor(context: XlContext, plans: readonly SheetPlan[]): XlWorksheet[] {
  return plans.map((plan) => {
    const sheet = context.workbook.worksheets.add(plan.name);
    sheet.getRange('A1').values = [[WRITING_MARK]];
    return sheet;
  });
}

/** What `createSheetsFor` adds to a request. */
export function creationBytes(plans: readonly SheetPlan[]): number {
  return plans.length * (300 + WRITING_MARK.length * 2);
}

/** The plan with cell A1 left alone (null: office.js leaves the cell as it is), so the mark stays until the end. */
function withoutTitle(plan: SheetPlan): SheetPlan {
  const blocks = plan.blocks.map((block) => {
    if (block.fromRow !== 1 || block.fromColumn !== 1 || block.values.length === 0) return block;
    const first = [null, ...block.values[0].slice(1)];
    return { ...block, values: [first, ...block.values.slice(1)] };
  });
  return { ...plan, blocks };
}

/** Values, styles and layout of the plan's rows in `rows` (A1 excepted); layout only when `layout` is set. */
function contentOps(prepared: SheetsToWrite, index: number, rows: RowSpan, layout: boolean): WriteOp[] {
  const plan = withoutTitle(prepared.plans[index]);
  const formats = formatGrid(plan);
  return [...valueOps(plan, index, rows, formats), ...styleOps(plan, index, rows), ...(layout ? layoutOps(plan, index) : [])];
}

/** The titles replace the marks, then protection, then the first sheet is shown. */
function finishOps(prepared: SheetsToWrite): WriteOp[] {
  const ops: WriteOp[] = [];
  prepared.plans.forEach((plan, index) => {
    // A sheet without a title still loses its mark: '' clears the cell, where null would keep it.
    const title = plan.blocks.find((b) => b.fromRow === 1 && b.fromColumn === 1)?.values[0]?.[0] ?? '';
    ops.push(...valueOps({ ...plan, blocks: [{ fromRow: 1, fromColumn: 1, values: [[title]] }] }, index, { from: 1, to: 1 }));
  });
  prepared.plans.forEach((plan, index) => {
    const op = protectOp(plan, index);
    if (op) ops.push(op);
  });
  ops.push({
    bytes: 200,
    queue: (sheets) => {
      sheets[0].activate();
      sheets[0].getRange('A1').select();
    },
  });
  return ops;
}

/** Consecutive operations grouped into syncs of at most `budget` bytes (the first sync also carries `firstBytes`). */
export function packSyncs(ops: readonly WriteOp[], budget: number, firstBytes = 0): WriteOp[][] {
  const groups: WriteOp[][] = [[]];
  let bytes = firstBytes;
  for (const op of ops) {
    if (groups[groups.length - 1].length > 0 && bytes + op.bytes > budget) {
      groups.push([]);
      bytes = 0;
    }
    groups[groups.length - 1].push(op);
    bytes += op.bytes;
  }
  return groups;
}

/**
 * One group of operations in one sync, on the record's sheets — `sheets`, or those `create` adds
 * in this same request when they do not exist yet. Refused while a cell is being edited, the
 * group is queued again (ExcelSyncs.step); refused as too large (Excel on the web's 5 MB, the
 * estimate having been wrong), it is split in two and each half sent, as reads are.
 */
export async function writeOps(context: XlContext, syncs: ExcelSyncs, ops: readonly WriteOp[], sheets: XlWorksheet[] | null, create: () => XlWorksheet[]): Promise<XlWorksheet[]> {
  try {
    return await syncs.step(context, () => {
      const target = sheets ?? create();
      for (const op of ops) op.queue(target);
      return target;
    });
  } catch (error) {
    if (!isTooLarge(error) || ops.length < 2) throw error;
    const half = Math.ceil(ops.length / 2);
    const created = await writeOps(context, syncs, ops.slice(0, half), sheets, create);
    return writeOps(context, syncs, ops.slice(half), created, create);
  }
}

// ---------------------------------------------------------------------------------------------
// Full write

const ALL_ROWS: RowSpan = { from: 1, to: Number.MAX_SAFE_INTEGER };

/** The whole record in as few syncs as the 5 MB limit allows. */
export async function writePrepared(context: XlContext, syncs: ExcelSyncs, prepared: SheetsToWrite): Promise<void> {
  const ops = [...prepared.plans.flatMap((_, i) => contentOps(prepared, i, ALL_ROWS, true)), ...finishOps(prepared)];
  let sheets: XlWorksheet[] | null = null;
  for (const group of packSyncs(ops, SYNC_BYTES, creationBytes(prepared.plans))) {
    sheets = await writeOps(context, syncs, group, sheets, () => createSheetsFor(context, prepared.plans));
  }
  prepared.written = true;
}

/**
 * After a failure, while Excel still answers: removes the record's sheets that exist, in a new
 * context (the old one may be broken). A sheet is ours if it was not there before, bears one of
 * the record's names, and its A1 holds a mark or our title — never a co-author's sheet that took
 * the name meanwhile. Those that cannot be removed are marked INACHEVÉ, if Excel lets us.
 */
export async function removePartial(run: ExcelRunner, syncs: ExcelSyncs, prepared: SheetsToWrite): Promise<PartialRecord> {
  const before = new Set(prepared.sheetsBefore.map(nameKey));
  const titles = new Map(prepared.plans.map((p) => [nameKey(p.name), p.blocks[0]?.values[0]?.[0] ?? null]));
  const names = prepared.plans.map((p) => p.name);
  let found: string[] = names;
  try {
    return await syncs.rerunWhileEditing(run, async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await syncs.sync(context);
      const candidates = sheets.items.filter((s) => titles.has(nameKey(s.name)) && !before.has(nameKey(s.name)));
      const cells = candidates.map((s) => s.getRange('A1').load('values'));
      await syncs.sync(context);
      const ours = candidates.filter((s, i) => {
        const a1 = cells[i].values[0][0];
        return RECORD_MARKS.includes(String(a1)) || a1 === titles.get(nameKey(s.name));
      });
      found = ours.map((s) => s.name);
      if (ours.length === 0) return { kind: 'none' } as const;
      ours.forEach((s) => s.delete());
      await syncs.sync(context);
      return { kind: 'removed', sheets: found } as const;
    });
  } catch {
    return markUnfinished(run, syncs, found);
  }
}

/** The sheets begun that could not be removed: INACHEVÉ in A1 of those still marked as being written. */
async function markUnfinished(run: ExcelRunner, syncs: ExcelSyncs, names: string[]): Promise<PartialRecord> {
  if (!syncs.answering) return { kind: 'unfinished', sheets: names };
  try {
    await syncs.rerunWhileEditing(run, async (context) => {
      const cells = names.map((name) => context.workbook.worksheets.getItem(name).getRange('A1').load('values'));
      await syncs.sync(context);
      cells.forEach((cell) => {
        if (cell.values[0][0] === WRITING_MARK) cell.values = [[UNFINISHED_MARK]];
      });
      await syncs.sync(context);
    });
    return { kind: 'marked', sheets: names };
  } catch {
    return { kind: 'unfinished', sheets: names };
  }
}

/**
 * The record's sheets read back and verified, with the candidature sheet read again beside them,
 * as `verify` reads it from the saved file: a value Excel changed, or a co-author's edit made
 * during the write — in the record or in the candidatures —, shows at once.
 */
export async function readBackAndVerify(context: XlContext, syncs: ExcelSyncs, prepared: PreparedWrite): Promise<WorkbookCheck> {
  const expected = new Map(prepared.plans.map((p) => [p.name, { rows: p.rowCount, columns: p.columnCount }]));
  const { sheet, extent } = prepared.candidatures;
  expected.set(sheet.name, extent);
  // Every sheet's name, with the first cells: the record lists the sheets that were there before it (the journal, an earlier draw).
  const all = context.workbook.worksheets.load('items/name');
  const sheets = await readSheets(context, syncs, [sheet.name, ...prepared.plans.map((p) => p.name)], expected);
  return verifyWorkbook(sheets, { sheetNames: all.items.map((s) => s.name) });
}

/** Writes, verifies; on a failure removes or marks what was begun, and says so. */
export async function writeRecordWith(run: ExcelRunner, syncs: ExcelSyncs, order: DrawOrder): Promise<WriteOutcome> {
  let prepared: PreparedWrite | null = null;
  try {
    prepared = await syncs.rerunWhileEditing(run, (context) => prepareWrite(context, syncs, order));
    const ready = prepared;
    await run((context) => writePrepared(context, syncs, ready));
    const check = await syncs.rerunWhileEditing(run, (context) => readBackAndVerify(context, syncs, ready));
    return { result: ready.result, sheetNames: ready.plans.map((p) => p.name), check };
  } catch (error) {
    throw await failure(run, syncs, error, prepared);
  }
}

/**
 * The error to report: Excel's refusal in French, with what became of the sheets begun. An error
 * that is not Excel's (the engine refusing the table, a bug) passes unchanged, after the cleanup.
 * Nothing is asked of an Excel that stopped answering: the call would hang too (office-js #6678).
 */
export async function failure(run: ExcelRunner, syncs: ExcelSyncs, error: unknown, prepared: SheetsToWrite | null): Promise<unknown> {
  let problem: ExcelProblem | null;
  try {
    problem = problemOf(error, { name: prepared?.plans.map((p) => p.name).join(' », « ') });
  } catch {
    problem = null;
  }
  const partial = prepared === null ? null : await whatRemains(run, syncs, prepared);
  if (problem === null) return error;
  return new ExcelAdapterError(problem, partial);
}

async function whatRemains(run: ExcelRunner, syncs: ExcelSyncs, prepared: SheetsToWrite): Promise<PartialRecord> {
  const names = prepared.plans.map((p) => p.name);
  // Complete: removing it would destroy a record that is probably conforming; verifying says.
  if (prepared.written) return { kind: 'written', sheets: names };
  if (!syncs.answering) return { kind: 'unfinished', sheets: names };
  return removePartial(run, syncs, prepared);
}

// ---------------------------------------------------------------------------------------------
// Reveal

/**
 * The write in steps for the public session: first the structure of every sheet and all but the
 * draw sheet's lines, then the draw sheet's lines sector by sector (its first column), values and
 * colours together, then the titles and protection. Each step is one sync (more only if it
 * exceeds SYNC_BYTES: the structure step at thousands of lines); the final state is the full
 * write's (same operations, other grouping).
 */
export function revealSteps(prepared: PreparedWrite): WriteOp[][] {
  return stepsOf(prepared).filter((step) => step.length > 0);
}

function stepsOf(prepared: PreparedWrite): WriteOp[][] {
  const drawIndex = prepared.plans.findIndex((p) => p.role === 'draw');
  const draw = prepared.plans[drawIndex];
  const table = draw?.lists[0];
  if (!draw || !table) return [[...prepared.plans.flatMap((_, i) => contentOps(prepared, i, ALL_ROWS, true)), ...finishOps(prepared)]];
  const body = { from: table.range.fromRow + 1, to: table.range.toRow };
  const first: WriteOp[] = [];
  prepared.plans.forEach((_, i) => {
    if (i !== drawIndex) first.push(...contentOps(prepared, i, ALL_ROWS, true));
    else first.push(...contentOps(prepared, i, { from: 1, to: body.from - 1 }, true), ...contentOps(prepared, i, { from: body.to + 1, to: Number.MAX_SAFE_INTEGER }, false));
  });
  const steps: WriteOp[][] = [first];
  const values = draw.blocks[0].values;
  let start = body.from;
  for (let row = body.from; row <= body.to; row++) {
    const sector = values[row - 1]?.[0] ?? null;
    const next = row < body.to ? (values[row]?.[0] ?? null) : Symbol('end');
    if (next !== sector) {
      steps.push(contentOps(prepared, drawIndex, { from: start, to: row }, false));
      start = row + 1;
    }
  }
  steps.push(finishOps(prepared));
  return steps;
}
