/**
 * Writing the record into the open workbook, then reading it back and verifying it.
 *
 * 1. Check (one or two syncs, shared with the table's read): the workbook is writable, the names
 *    taken, and the candidature table read again — a co-author may have changed it since its
 *    fingerprint was shown; then the draw is refused with the new fingerprint.
 * 2. The draw, the record model and its render plan (core), with new sheet names only.
 * 3. The plan as office.js operations (planOps.ts), packed into syncs of at most SYNC_BYTES.
 *    Until the last of them, each new sheet's cell A1 says INACHEVÉ instead of its title: the
 *    title and the protection come last, so a record cut short anywhere is marked as such. On a
 *    failure the sheets begun are removed again; if even that fails, they stay, marked.
 * 4. The record sheets read back and checked by `verifyWorkbook`, with the candidature table as
 *    just read: a value Excel changed, or a co-author's edit, shows at once.
 *
 * The reveal (`prepareReveal`) writes the same operations in steps, one sync each; its final
 * state is the full write's.
 */
import { parseAnnouncedFingerprint } from '../core/announcedFingerprint';
import { drawLots, prepareDraw, type DrawResult } from '../core/draw';
import { buildRecord } from '../core/record/buildRecord';
import { newRecordMeta } from '../core/record/meta';
import { freeTableName, nameKey } from '../core/record/names';
import { planRecord, type SheetPlan } from '../core/record/plan';
import { verifyWorkbook, type WorkbookCheck } from '../core/record/verify';
import type { ColumnMapping } from '../core/columns';
import type { ExcelRunner, XlContext, XlWorksheet } from './officeApi';
import { formatGrid, layoutOps, protectOp, styleOps, valueOps, type RowSpan, type WriteOp } from './planOps';
import { ExcelAdapterError, type ExcelProblem, type PartialRecord } from './problems';
import { readSheets } from './readRanges';
import { problemOf, type SyncCounter } from './syncs';
import { readTableIn, type TableRead, type TableRef } from './tableReader';

/** Bytes of operations per sync: under Excel on the web's 5 MB with room for the estimate's error. */
export const SYNC_BYTES = 4_000_000;
/** What cell A1 of a record sheet says until the record is complete. */
export const INCOMPLETE_MARK = 'INACHEVÉ — registre en cours d’écriture ; s’il reste ainsi, l’écriture a échoué : supprimez cette feuille.';

export interface DrawRequest {
  source: TableRef;
  /** The fingerprint shown to the room before the seed was chosen. */
  shownFingerprint: string;
  /** ISO date of the draw. */
  referenceDate: string;
  excludeInvalid: boolean;
  publicSeed: string;
  place: string;
  officials: string[];
  /** The workbook's file name, for the procès-verbal. */
  sourceFile: string;
  /** First day of the members' two-year mandate (ISO); the draw date when absent. */
  mandateStart?: string;
  /** Why a draw is made in a workbook that already holds one (into the procès-verbal). */
  laterDrawReason?: string;
  /** Columns the operator named because their headers were not recognised (kept in the record). */
  columns?: ColumnMapping;
}

export interface WriteOutcome {
  result: DrawResult;
  /** The record's sheets, as written. */
  sheetNames: string[];
  /** `verify` on what was read back. */
  check: WorkbookCheck;
}

/** The new sheets of a write, and the sheets there before (a Remplacement sheet is written the same way). */
export type SheetsToWrite = Pick<PreparedWrite, 'plans' | 'tableNames' | 'sheetsBefore'>;

/** Everything decided before the first write. */
export interface PreparedWrite {
  result: DrawResult;
  plans: SheetPlan[];
  tableNames: string[][];
  /** The sheets before the record, to tell ours from a co-author's when cleaning up. */
  sheetsBefore: string[];
  candidatures: TableRead;
}

/** Check, read the table again, compare fingerprints, draw, plan. Two syncs up to 10,000 rows. */
export async function prepareWrite(context: XlContext, syncs: SyncCounter, request: DrawRequest): Promise<PreparedWrite> {
  const { workbook } = context;
  workbook.load('readOnly');
  workbook.protection.load('protected');
  const sheets = workbook.worksheets.load('items/name');
  const tables = workbook.tables.load('items/name');
  // These loads ride on the table read's first sync.
  const candidatures = await readTableIn(context, syncs, request.source);
  if (workbook.readOnly) throw new ExcelAdapterError({ code: 'read_only' });
  if (workbook.protection.protected) throw new ExcelAdapterError({ code: 'workbook_protected' });
  const prepared = prepareDraw(candidatures.sheet, {
    referenceDate: request.referenceDate,
    excludeInvalid: request.excludeInvalid,
    bounds: candidatures.bounds,
    ...(request.columns && Object.keys(request.columns).length > 0 ? { columns: request.columns } : {}),
  });
  const current = prepared.canonical.fingerprint;
  if (current !== parseAnnouncedFingerprint(request.shownFingerprint)) {
    throw new ExcelAdapterError({ code: 'table_changed', shown: request.shownFingerprint, current });
  }
  const result = drawLots(prepared, request.publicSeed);
  const sheetsBefore = sheets.items.map((s) => s.name);
  const meta = newRecordMeta({
    place: request.place,
    officials: request.officials,
    candidatureSheet: candidatures.sheet.name,
    sourceFile: request.sourceFile,
    inputSheets: sheetsBefore,
    mandateStart: request.mandateStart ?? request.referenceDate,
    ...(request.laterDrawReason ? { laterDrawReason: request.laterDrawReason } : {}),
  });
  const plans = planRecord(buildRecord(result, meta));
  const taken = new Set(tables.items.map((t) => nameKey(t.name)));
  const tableNames = plans.map((plan) => plan.lists.map((list) => (list.kind === 'table' ? freeTableName(list.name, taken) : '')));
  return { result, plans, tableNames, sheetsBefore, candidatures };
}

// ---------------------------------------------------------------------------------------------
// The operations of a write, in phases

/** Adds the record's sheets, each with its INACHEVÉ mark, and returns them. */
export function createSheetsFor(context: XlContext, plans: readonly SheetPlan[]): XlWorksheet[] {
  return plans.map((plan) => {
    const sheet = context.workbook.worksheets.add(plan.name);
    sheet.getRange('A1').values = [[INCOMPLETE_MARK]];
    return sheet;
  });
}

/** What `createSheetsFor` adds to a request. */
export function creationBytes(plans: readonly SheetPlan[]): number {
  return plans.length * (300 + INCOMPLETE_MARK.length * 2);
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
  return [...valueOps(plan, index, rows, formats), ...styleOps(plan, index, rows), ...(layout ? layoutOps(plan, index, prepared.tableNames[index]) : [])];
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

// ---------------------------------------------------------------------------------------------
// Full write

const ALL_ROWS: RowSpan = { from: 1, to: Number.MAX_SAFE_INTEGER };

/** The whole record in as few syncs as the 5 MB limit allows. */
export async function writePrepared(context: XlContext, syncs: SyncCounter, prepared: SheetsToWrite): Promise<void> {
  const sheets = createSheetsFor(context, prepared.plans);
  const ops = [...prepared.plans.flatMap((_, i) => contentOps(prepared, i, ALL_ROWS, true)), ...finishOps(prepared)];
  for (const group of packSyncs(ops, SYNC_BYTES, creationBytes(prepared.plans))) {
    group.forEach((op) => op.queue(sheets));
    await syncs.sync(context);
  }
}

/**
 * After a failure: removes the record's sheets that exist, in a new context (the old one may hang).
 * A sheet is ours if it was not there before, bears one of the record's names, and its A1 holds
 * our mark or our title — never a co-author's sheet that took the name meanwhile.
 */
export async function removePartial(run: ExcelRunner, syncs: SyncCounter, prepared: SheetsToWrite): Promise<PartialRecord> {
  const before = new Set(prepared.sheetsBefore.map(nameKey));
  const titles = new Map(prepared.plans.map((p) => [nameKey(p.name), p.blocks[0]?.values[0]?.[0] ?? null]));
  let found: string[] = [];
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await syncs.sync(context);
      const candidates = sheets.items.filter((s) => titles.has(nameKey(s.name)) && !before.has(nameKey(s.name)));
      const cells = candidates.map((s) => s.getRange('A1').load('values'));
      await syncs.sync(context);
      const ours = candidates.filter((s, i) => {
        const a1 = cells[i].values[0][0];
        return a1 === INCOMPLETE_MARK || a1 === titles.get(nameKey(s.name));
      });
      found = ours.map((s) => s.name);
      if (ours.length === 0) return { kind: 'none' } as const;
      ours.forEach((s) => s.delete());
      await syncs.sync(context);
      return { kind: 'removed', sheets: found } as const;
    });
  } catch {
    const names = found.length > 0 ? found : prepared.plans.map((p) => p.name);
    return { kind: 'marked', sheets: names };
  }
}

/** The record's sheets read back and verified, with the candidature table as it was read before the write. */
export async function readBackAndVerify(context: XlContext, syncs: SyncCounter, prepared: PreparedWrite): Promise<WorkbookCheck> {
  const expected = new Map(prepared.plans.map((p) => [p.name, { rows: p.rowCount, columns: p.columnCount }]));
  const sheets = await readSheets(context, syncs, prepared.plans.map((p) => p.name), expected);
  return verifyWorkbook([prepared.candidatures.sheet, ...sheets]);
}

/** Writes, verifies; on a failure removes or marks what was begun, and says so. */
export async function writeRecordWith(run: ExcelRunner, syncs: SyncCounter, request: DrawRequest): Promise<WriteOutcome> {
  let prepared: PreparedWrite | null = null;
  try {
    return await run(async (context) => {
      prepared = await prepareWrite(context, syncs, request);
      await writePrepared(context, syncs, prepared);
      const check = await readBackAndVerify(context, syncs, prepared);
      return { result: prepared.result, sheetNames: prepared.plans.map((p) => p.name), check };
    });
  } catch (error) {
    throw await failure(run, syncs, error, prepared);
  }
}

/**
 * The error to report: Excel's refusal in French, with what became of the sheets begun. An error
 * that is not Excel's (the engine refusing the table, a bug) passes unchanged, after the cleanup.
 */
export async function failure(run: ExcelRunner, syncs: SyncCounter, error: unknown, prepared: SheetsToWrite | null): Promise<unknown> {
  let problem: ExcelProblem | null;
  try {
    problem = problemOf(error, { name: prepared?.plans.map((p) => p.name).join(' », « ') });
  } catch {
    problem = null;
  }
  const partial = prepared === null ? null : await removePartial(run, syncs, prepared);
  if (problem === null) return error;
  return new ExcelAdapterError(problem, partial);
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
