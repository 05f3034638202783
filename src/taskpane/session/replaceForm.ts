/**
 * The replacement form (issue 17 §1): who leaves, when, why, and — when the rule asks — whom the
 * city chooses. Every check is core's (MandateMembers, the same rule as `tirage-cln replace` and
 * `verify`), run on the record as read: the pane only keys each refusal by the field it is about,
 * and arranges the members and the rule's proposal for display. Pure: no DOM, no Excel.
 */
import type { CandidateOutcome } from '../../core/draw';
import { InputError } from '../../core/errors';
import { drawnOutcomes, groupBySectorAndSex } from '../../core/outcome';
import { mandateMembers, type MandateRecord } from '../../core/record/replace';
import { personLabel, refuseDepartureAhead, type Proposal, type ReplacementField, type ReplacementRequest } from '../../core/replacement';

/** What the operator has chosen and typed so far. */
export interface ReplaceForm {
  /** The leaving member's row; null until one is chosen. */
  leavingRow: number | null;
  /** ISO, as the date field gives it ('' while incomplete). */
  date: string;
  reason: string;
  /** The person chosen among those offered, when the same group's reserve is exhausted. */
  chosenRow: number | null;
}

/** The form's controls, by the fact each states (their ids in the page). */
export const REPLACE_FIELD_IDS = {
  leavingRow: 'replace-leaving',
  date: 'replace-date',
  reason: 'replace-reason',
  chosenRow: 'replace-chosen',
} as const satisfies Record<ReplacementField, string>;

export type ReplaceErrors = Partial<Record<ReplacementField, string>>;

export function emptyReplaceForm(today: string): ReplaceForm {
  return { leavingRow: null, date: today, reason: '', chosenRow: null };
}

/** The members at today's date: the draw's, as the departures already recorded left them. */
export function currentMembers(record: MandateRecord): CandidateOutcome[] {
  return mandateMembers(record).current();
}

/** The members for the list to choose from: by sector (rules' order), then women and men, in call order. */
export interface MemberGroup {
  sector: string;
  women: CandidateOutcome[];
  men: CandidateOutcome[];
}

export function membersBySector(record: MandateRecord, members: readonly CandidateOutcome[]): MemberGroup[] {
  const typed = drawnOutcomes(members);
  const byRow = new Map(members.map((m) => [m.candidature.row, m]));
  const back = (list: readonly { candidature: { row: number } }[]) => list.map((p) => byRow.get(p.candidature.row) as CandidateOutcome);
  return groupBySectorAndSex(record.result.prepared.rules.sectors, typed).map((g) => ({ sector: g.sector, women: back(g.bySex.F), men: back(g.bySex.H) }));
}

/** What the rule gives if the chosen member leaves now; null before a member is chosen. */
export function proposalFor(record: MandateRecord, form: ReplaceForm): Proposal | null {
  return form.leavingRow === null ? null : mandateMembers(record).proposal(form.leavingRow);
}

/** What the rule gives, in one sentence: shown above the rule and announced when a member is chosen. */
export function proposalSentence(proposal: Proposal): string {
  switch (proposal.rule) {
    case 'same_group':
      return `Rejoint le conseil : ${personLabel(proposal.joining)}, liste complémentaire n° ${proposal.joining.reserveRank}.`;
    case 'chosen':
      return `Liste complémentaire épuisée : choisissez parmi ${proposal.offered.length === 1 ? 'la personne proposée' : `les ${proposal.offered.length} personnes proposées`}.`;
    case 'vacant':
      return 'Personne ne peut rejoindre le conseil : le siège reste vacant.';
  }
}

/** The request core is asked to record, once a member is chosen. */
export function requestOf(form: ReplaceForm): ReplacementRequest | null {
  if (form.leavingRow === null) return null;
  return { leavingRow: form.leavingRow, date: form.date.trim(), reason: form.reason.replace(/\s+/g, ' ').trim(), chosenRow: form.chosenRow };
}

/** The field a refusal of core is about (a refusal that names none is about the date). */
export function fieldOf(error: InputError): ReplacementField {
  const field = error.details.field;
  return field !== undefined && field in REPLACE_FIELD_IDS ? (field as ReplacementField) : 'date';
}

/**
 * Every problem of the form as `tirage-cln replace` would refuse it, by field: the rule's own
 * checks on the members as recorded, then a departure dated after today. Core stops at its first
 * refusal: the fields before it in the form are checked on their own.
 */
export function replaceFormErrors(record: MandateRecord, form: ReplaceForm, today: string): ReplaceErrors {
  const request = requestOf(form);
  if (request === null) return { leavingRow: 'Choisissez le membre qui quitte le conseil.' };
  if (request.date === '') return { date: 'Indiquez la date du départ (jour, mois, année).' };
  try {
    mandateMembers(record).replace(request);
    refuseDepartureAhead(request.date, today);
    return {};
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // « Choose one of these »: the form lists them already; its own words say what to do.
    const message = error.code === 'choice_needed' ? 'Choisissez la personne qui rejoint le conseil parmi celles proposées ci-dessus.' : error.message;
    return { [fieldOf(error)]: message };
  }
}

/** Errors shown once a field changed: each stays only while its cause does, with its present wording. */
export function replaceErrorsStillStanding(shown: ReplaceErrors, now: ReplaceErrors): ReplaceErrors {
  const kept: ReplaceErrors = {};
  for (const field of Object.keys(shown) as ReplacementField[]) {
    const message = now[field];
    if (message !== undefined) kept[field] = message;
  }
  return kept;
}
