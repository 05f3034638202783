/**
 * The fields the operator types, checked by core's one draw request (core/drawRequest.ts: seed,
 * texts the record must keep, mandate start, date of the draw): each problem keyed by the field
 * that shows it, in French.
 * Pure: the transition decides when to show them.
 */
import { referenceDateOf } from '../../core/draw';
import { checkDrawRequest, DRAW_REQUEST_FIELDS, type DrawRequest, type DrawRequestField, type DrawRequestInput } from '../../core/drawRequest';
import { InputError } from '../../core/errors';
import { checkReferenceDateAhead } from '../../core/referenceDate';
import type { FieldErrors, FieldId, SeedForm, Setup } from './state';

function messageOf(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}

/** Why the date of the draw cannot be used (empty, unreadable, more than a year ahead), or null. */
export function referenceDateProblem(referenceDate: string, today: string): string | null {
  if (referenceDate.trim() === '') return 'Indiquez la date du tirage : le jour de la séance publique.';
  return messageOf(() => {
    referenceDateOf(referenceDate);
    checkReferenceDateAhead(referenceDate, today);
  });
}

/** Step 4's field of each problem core's draw request can have; the date is step 1's. */
const FIELD_OF: Record<DrawRequestField, FieldId> = {
  seed: 'field-seed',
  place: 'field-place',
  officials: 'field-officials',
  reason: 'field-reason',
  mandateStart: 'field-mandate-start',
  fingerprint: 'field-seed',
  date: 'reference-date',
};

/** The draw request as typed up to step 4, for core to check (core/drawRequest.ts). */
export function drawRequestInput(form: SeedForm, setup: Setup, excludeInvalid: boolean, laterDraw: boolean): DrawRequestInput {
  return {
    publicSeed: form.seed,
    referenceDate: setup.referenceDate,
    excludeInvalid,
    place: setup.place,
    officials: setup.officials,
    mandateStart: form.mandateStart,
    laterDrawReason: laterDraw ? form.reason : '',
    ...(Object.keys(setup.columnMapping).length > 0 ? { columns: setup.columnMapping } : {}),
  };
}

export interface DrawContextFacts {
  /** The operator confirmed that the rows with problems are set aside. */
  excludeInvalid: boolean;
  /** The workbook already holds a draw: a reason is required. */
  laterDraw: boolean;
  /** ISO, for the date's limits. */
  today: string;
}

/** Step 4 checked by core (core/drawRequest.ts): the request, or every problem keyed by the field that shows it. */
export function checkSeedForm(form: SeedForm, setup: Setup, facts: DrawContextFacts): { request: DrawRequest | null; errors: FieldErrors } {
  const checked = checkDrawRequest(drawRequestInput(form, setup, facts.excludeInvalid, facts.laterDraw), { today: facts.today, laterDraw: facts.laterDraw });
  const errors: FieldErrors = {};
  if (!checked.ok) {
    for (const name of DRAW_REQUEST_FIELDS) {
      const problem = checked.problems[name];
      const id = FIELD_OF[name];
      if (problem !== undefined && errors[id] === undefined) errors[id] = problem.message;
    }
  }
  // Core takes an empty mandate start for the draw date; the pane's field shows a date, so it asks for one.
  if (form.mandateStart.trim() === '' && errors['field-mandate-start'] === undefined) {
    errors['field-mandate-start'] = 'Indiquez le premier jour du mandat des membres (par défaut, la date du tirage).';
  }
  return { request: checked.ok && Object.keys(errors).length === 0 ? checked.request : null, errors };
}

/**
 * The errors still shown once a field changed: each error stays only while its cause does (with
 * its present wording); no new error appears while the operator is typing.
 */
export function errorsStillStanding(shown: FieldErrors, now: FieldErrors): FieldErrors {
  const kept: FieldErrors = {};
  for (const id of Object.keys(shown) as FieldId[]) {
    const message = now[id];
    if (message !== undefined) kept[id] = message;
  }
  return kept;
}

export function sameErrors(a: FieldErrors, b: FieldErrors): boolean {
  const keys = Object.keys(a) as FieldId[];
  return keys.length === Object.keys(b).length && keys.every((id) => a[id] === b[id]);
}
