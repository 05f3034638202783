/**
 * The use case « draw and record », assembled once for every front end: the CLI's `draw`, the
 * add-in's adapter and `npm run simulate` only read a table, call these, and write the plans.
 *
 * 1. `checkDrawRequest` reads what the operator typed — seed, date, place, officials, announced
 *    fingerprint, mandate start, reason for a later draw — normalised once (the seed as
 *    ALGORITHM.md §4 keys it, so the journal and the record keep what the draw used), or the
 *    problems keyed by field, each a French InputError with its code (a front end shows them
 *    beside its fields, or stops at the first).
 * 2. `drawRequested`: the table prepared, the announced fingerprint compared (one code,
 *    `fingerprint_mismatch`, wherever the table changed), the lots drawn.
 * 3. `planDraw`: the same, then the record model and its render plan, with sheet and table names
 *    the workbook does not use yet.
 */
import type { ColumnMapping } from './columns';
import { checkAnnounced, parseAnnouncedFingerprint } from './announcedFingerprint';
import { drawLots, prepareDraw, referenceDateOf, type DrawResult } from './draw';
import { InputError } from './errors';
import { isFileProblem } from './problems';
import { refuseUnkeepableText } from './keepableText';
import { checkMandateStart } from './mandate';
import { buildRecord } from './record/buildRecord';
import { newRecordMeta, parseOfficials } from './record/meta';
import type { RecordModel } from './record/model';
import { freeTableName, nameKey } from './record/names';
import { planRecord, type SheetPlan } from './record/plan';
import { refuseRecordBeyondGrid } from './recordCapacity';
import { checkReferenceDateAhead } from './referenceDate';
import { normalisePublicSeed } from './seed';
import type { TableSource } from './sheet';
import { norm } from './text';

/** What the operator typed, as the front end received it. */
export interface DrawRequestInput {
  publicSeed: string;
  /** ISO `YYYY-MM-DD`: the day of the public draw. */
  referenceDate: string;
  /** Rows that cannot take part are set aside and recorded with their reason, rather than refusing the table. */
  excludeInvalid: boolean;
  place?: string;
  /** Names separated by semicolons or line breaks. */
  officials?: string;
  /** The fingerprint announced in the room, as typed (groups, hyphens, capitals allowed). */
  announcedFingerprint?: string;
  /** ISO first day of the two-year mandate; absent or empty: the draw date. */
  mandateStart?: string;
  /** Why a draw is made in a workbook that already holds one. */
  laterDrawReason?: string;
  /** Columns the operator named because their headers were not recognised. */
  columns?: ColumnMapping;
  /** A sealed draw's key (64 hex digits), read by the front end. */
  sealingKey?: string;
}

/** The request, checked and normalised: what the draw and the record use, and what the journal logs. */
export interface DrawRequest {
  /** `norm`al, as the seed key is made from it (ALGORITHM.md §4). */
  publicSeed: string;
  referenceDate: string;
  excludeInvalid: boolean;
  /** '' when not given (the procès-verbal leaves a line). */
  place: string;
  officials: string[];
  /** 64 lower-case hex digits, or null when none was announced (the CLI without --fingerprint). */
  announcedFingerprint: string | null;
  mandateStart: string;
  /** '' for a first draw. */
  laterDrawReason: string;
  columns: ColumnMapping;
  sealingKey?: string;
}

/** The fields a request's problems are keyed by, in the order a front end that stops at the first reports them. */
export const DRAW_REQUEST_FIELDS = ['seed', 'place', 'officials', 'reason', 'fingerprint', 'mandateStart', 'date'] as const;
export type DrawRequestField = (typeof DRAW_REQUEST_FIELDS)[number];

export type DrawRequestProblems = Partial<Record<DrawRequestField, InputError>>;

export type CheckedDrawRequest = { ok: true; request: DrawRequest } | { ok: false; problems: DrawRequestProblems };

export interface DrawRequestContext {
  /** ISO date of today, for the date's sanity check. */
  today: string;
  /** The workbook already holds a draw: a reason is then required (journal and procès-verbal). */
  laterDraw?: boolean;
}

/** Runs one field's check; its InputError becomes that field's problem. */
function field<T>(problems: DrawRequestProblems, name: DrawRequestField, check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems[name] = isFileProblem(error.problem) ? error : new InputError(error.problem, { field: name });
    return undefined;
  }
}

/** A text typed for the record, normalised as the record keeps it, refused if the record could not keep it. */
function keptText(what: string, text: string | undefined): string {
  const normal = norm(text ?? '');
  refuseUnkeepableText(what, normal);
  return normal;
}

export function checkDrawRequest(input: DrawRequestInput, context: DrawRequestContext): CheckedDrawRequest {
  const problems: DrawRequestProblems = {};
  const publicSeed = field(problems, 'seed', () => normalisePublicSeed(input.publicSeed));
  const place = field(problems, 'place', () => keptText('Le lieu', input.place));
  const officials = field(problems, 'officials', () => {
    const names = parseOfficials(input.officials ?? '');
    // « Données du tirage » keeps them in one cell.
    refuseUnkeepableText('La liste des présents', names.join('; '));
    return names;
  });
  const laterDrawReason = field(problems, 'reason', () => {
    const reason = keptText('Le motif', input.laterDrawReason);
    if (context.laterDraw === true && reason === '') {
      throw new InputError({ code: 'missing_reason' });
    }
    return reason;
  });
  const announced = field(problems, 'fingerprint', () => (input.announcedFingerprint === undefined ? null : parseAnnouncedFingerprint(input.announcedFingerprint)));
  const referenceDate = field(problems, 'date', () => {
    referenceDateOf(input.referenceDate);
    checkReferenceDateAhead(input.referenceDate, context.today);
    return input.referenceDate;
  });
  const mandateStart = field(problems, 'mandateStart', () => {
    const start = (input.mandateStart ?? '').trim();
    if (start === '') return input.referenceDate;
    checkMandateStart(start, input.referenceDate);
    return start;
  });
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: {
      publicSeed: publicSeed as string,
      referenceDate: referenceDate as string,
      excludeInvalid: input.excludeInvalid,
      place: place as string,
      officials: officials as string[],
      announcedFingerprint: announced as string | null,
      mandateStart: mandateStart as string,
      laterDrawReason: laterDrawReason as string,
      columns: input.columns ?? {},
      ...(input.sealingKey === undefined ? {} : { sealingKey: input.sealingKey }),
    },
  };
}

/** The request, or its first problem thrown (in DRAW_REQUEST_FIELDS order): for a front end without fields to show them beside. */
export function requireDrawRequest(checked: CheckedDrawRequest): DrawRequest {
  if (checked.ok) return checked.request;
  const first = DRAW_REQUEST_FIELDS.map((name) => checked.problems[name]).find((problem) => problem !== undefined);
  throw first as InputError;
}

/** The draw of a table for a checked request: refused if the table no longer gives the announced fingerprint. */
export function drawRequested(table: TableSource, request: DrawRequest): DrawResult {
  const prepared = prepareDraw(table.sheet, {
    referenceDate: request.referenceDate,
    excludeInvalid: request.excludeInvalid,
    bounds: table.bounds,
    ...(Object.keys(request.columns).length > 0 ? { columns: request.columns } : {}),
    ...(request.sealingKey === undefined ? {} : { sealingKey: request.sealingKey }),
  });
  if (request.announcedFingerprint !== null) checkAnnounced(prepared.canonical.fingerprint, request.announcedFingerprint, prepared.algorithm);
  return drawLots(prepared, request.publicSeed);
}

/** What the record needs to know of the workbook it goes into. */
export interface WorkbookFacts {
  /** The file the candidatures came from (base name), for the procès-verbal. */
  sourceFile: string;
  /** The workbook's sheets before the record, in tab order (for a CSV: the sheet its table becomes). */
  sheetNames: readonly string[];
  /** Table names and defined names already in use: they share one namespace, and the record's tables take others. */
  namesInUse?: readonly string[];
}

export interface PlannedDraw {
  result: DrawResult;
  model: RecordModel;
  /** The render plan of each record sheet, in the order the sheets are added; table names free in the workbook. */
  plans: SheetPlan[];
}

export function planDraw(table: TableSource, request: DrawRequest, facts: WorkbookFacts): PlannedDraw {
  // Before the draw: a record that cannot fit Excel's sheets is refused, not found out of memory while written.
  refuseRecordBeyondGrid(table.sheet.source, table.sheet.rows.length, request.officials.length);
  const result = drawRequested(table, request);
  const meta = newRecordMeta({
    place: request.place,
    officials: request.officials,
    candidatureSheet: table.sheet.name,
    sourceFile: facts.sourceFile,
    inputSheets: [...facts.sheetNames],
    mandateStart: request.mandateStart,
    ...(request.laterDrawReason === '' ? {} : { laterDrawReason: request.laterDrawReason }),
  });
  const model = buildRecord(result, meta);
  const taken = new Set((facts.namesInUse ?? []).map(nameKey));
  const plans = planRecord(model).map((plan) => ({
    ...plan,
    lists: plan.lists.map((list) => (list.kind === 'table' ? { ...list, name: freeTableName(list.name, taken) } : list)),
  }));
  return { result, model, plans };
}
