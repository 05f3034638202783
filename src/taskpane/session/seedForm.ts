/**
 * The fields the operator types, checked by the engine's own rules (seed, texts the record must
 * keep, mandate start, date of the draw): each problem keyed by the field it belongs to, in French.
 * Pure: the transition decides when to show them.
 */
import { referenceDateOf } from '../../core/draw';
import { InputError } from '../../core/errors';
import { refuseUnkeepableText } from '../../core/keepableText';
import { checkMandateStart } from '../../core/mandate';
import { checkReferenceDateAhead } from '../../core/referenceDate';
import { normalisePublicSeed } from '../../core/seed';
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

export const LATER_DRAW_REASON_MISSING =
  'Ce classeur contient déjà un tirage : indiquez pourquoi un nouveau tirage est fait. Le motif est inscrit au journal des tirages et au nouveau procès-verbal ; le premier registre reste intact.';

/** Every problem of step 4's fields. */
export function seedFormErrors(form: SeedForm, setup: Setup, laterDraw: boolean): FieldErrors {
  const errors: FieldErrors = {};
  const add = (id: FieldId, message: string | null) => {
    if (message !== null) errors[id] = message;
  };
  add('field-seed', messageOf(() => normalisePublicSeed(form.seed)));
  add('field-place', messageOf(() => refuseUnkeepableText('Le lieu', setup.place)));
  add('field-officials', messageOf(() => refuseUnkeepableText('La liste des élus et personnes présents', setup.officials)));
  add('field-reason', messageOf(() => refuseUnkeepableText('Le motif', form.reason)));
  if (laterDraw && errors['field-reason'] === undefined && form.reason.trim() === '') errors['field-reason'] = LATER_DRAW_REASON_MISSING;
  add(
    'field-mandate-start',
    form.mandateStart.trim() === ''
      ? 'Indiquez le premier jour du mandat des membres (par défaut, la date du tirage).'
      : messageOf(() => checkMandateStart(form.mandateStart, setup.referenceDate)),
  );
  return errors;
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
