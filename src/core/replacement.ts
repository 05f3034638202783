/**
 * Replacing a member during the mandate (article 7 keeps a reserve list for this). One rule, used
 * by the `replace` command to decide and by `verify` to check:
 *
 * - the person leaving must be a member on that date (drawn, or having joined by an earlier
 *   replacement, and not left since);
 * - the replacement is the first person, in call order, on the reserve list of the leaving
 *   person's sector and sex who has not been called yet (`same_group`);
 * - when that list is exhausted, the reserves of the same sex in the other sectors (sectors in
 *   the rules' order), then those of the other sex in the same sector, are offered in call order,
 *   and the city picks one (`chosen`): the offer and the choice are both recorded;
 * - when nobody is left to offer, the seat stays vacant (`vacant`).
 *
 * Replacements are applied in date order, each on the members left by the ones before; a date
 * before the draw, after the mandate's end, or before the previous replacement is refused.
 */
import { compareCallOrder } from './callOrder';
import { parseIsoDate, compareDates } from './dates';
import type { CandidateOutcome, DrawFacts } from './draw';
import { InputError } from './errors';
import type { MandatePeriod } from './mandate';
import { personText } from './messages';
import type { InputProblem, NotAMember, PersonFacts } from './problems';
import { SEXES, type Sex } from './rules';

export type ReplacementRule = 'same_group' | 'chosen' | 'vacant';

/** What the operator states: the facts a replacement sheet records and `verify` reads back. */
export interface ReplacementRequest {
  /** ISO `YYYY-MM-DD`. */
  date: string;
  reason: string;
  /** The leaving member's row in the candidature table (its identity in the record). */
  leavingRow: number;
  /** The row picked among those offered, when the same group's reserve is exhausted. */
  chosenRow: number | null;
}

export interface Replacement {
  request: ReplacementRequest;
  leaving: CandidateOutcome;
  /** Null when the seat stays vacant. */
  joining: CandidateOutcome | null;
  rule: ReplacementRule;
  /** Those offered for a choice, in call order (empty under `same_group`). */
  offered: CandidateOutcome[];
  /** The members once this replacement is made, by sector in rules order, then in call order. */
  membersAfter: CandidateOutcome[];
}

export const RULE_LABELS: Record<ReplacementRule, string> = {
  same_group: 'Première personne de la liste complémentaire du même secteur et du même sexe, pas encore appelée.',
  chosen: 'Liste complémentaire du même secteur et du même sexe épuisée : choix parmi les personnes proposées, dans l’ordre d’appel (même sexe dans les autres secteurs, puis autre sexe dans le même secteur).',
  vacant: 'Plus personne sur la liste complémentaire : le siège reste vacant.',
};

/** The stated fact a refusal is about, so that a form can say it beside its field. */
export type ReplacementField = 'date' | 'reason' | 'leavingRow' | 'chosenRow';

function refuse(field: ReplacementField, problem: Extract<InputProblem, { code: 'bad_replacement' }>): never {
  throw new InputError(problem, { field });
}

/** A person of the draw, as a message names them. */
function person(o: CandidateOutcome): PersonFacts {
  const { lastName, firstName, row, sector, sex } = o.candidature;
  return { lastName, firstName, row, sector, sex };
}

/**
 * A departure is recorded once it has happened: one dated after `today` would also block every
 * departure dated before it (replacements are recorded in date order). `verify` does not apply
 * this rule — a departure recorded on its day stays valid afterwards — `replace` and the task pane do.
 */
export function refuseDepartureAhead(date: string, today: string): void {
  const departure = parseIsoDate(date);
  const now = parseIsoDate(today);
  if (departure === null || now === null || compareDates(departure, now) <= 0) return;
  refuse('date', { code: 'bad_replacement', reason: 'after_today', date, today });
}

/** A row number as the operator types it (`which`: the member who leaves, or the person chosen): a positive integer. */
export function readRowNumber(which: 'leaving' | 'chosen', text: string): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) refuse(which === 'leaving' ? 'leavingRow' : 'chosenRow', { code: 'bad_replacement', reason: 'row_option', which, text });
  return Number(text);
}

/** What the rule gives for a member leaving now, before anything is recorded. */
export type Proposal =
  | { rule: 'same_group'; joining: CandidateOutcome }
  /** The same group's reserve is exhausted: the city chooses one of these, in call order. */
  | { rule: 'chosen'; offered: CandidateOutcome[] }
  | { rule: 'vacant' };

/**
 * « DUPONT Marie (ligne 7, Est, femme) » (messages.ts's personText). A row set aside may lack its
 * sector or its sex (that is often why it was set aside): what is missing is left out, never guessed.
 */
export function personLabel(o: CandidateOutcome): string {
  return personText(person(o));
}

/** Members ordered as the record lists them: sector in rules order, then call order. */
function byRecordOrder(result: DrawFacts, people: readonly CandidateOutcome[]): CandidateOutcome[] {
  const sectorIndex = new Map(result.prepared.rules.sectors.map((name, i) => [name, i]));
  const at = (o: CandidateOutcome) => sectorIndex.get(o.candidature.sector ?? '') ?? 0;
  return [...people].sort((a, b) => at(a) - at(b) || compareCallOrder(a, b));
}

/** The reserves of one sector and sex not called yet, in call order. */
function reservesOf(result: DrawFacts, sector: string, sex: Sex, called: ReadonlySet<number>): CandidateOutcome[] {
  return result.outcomes
    .filter((o) => o.status === 'reserve' && o.candidature.sector === sector && o.candidature.sex === sex && !called.has(o.candidature.row))
    .sort(compareCallOrder);
}

/** Who may be chosen when the leaving person's own reserve list is exhausted, in the order they are offered. */
function offerOf(result: DrawFacts, sector: string, sex: Sex, called: ReadonlySet<number>): CandidateOutcome[] {
  const otherSex = SEXES.find((s) => s !== sex) as Sex;
  const otherSectors = result.prepared.rules.sectors.filter((s) => s !== sector);
  return [...otherSectors.flatMap((s) => reservesOf(result, s, sex, called)), ...reservesOf(result, sector, otherSex, called)];
}

/**
 * The members during the mandate, replacement after replacement: each request is checked against
 * the members left by the ones before. A refused request (a French InputError) changes nothing,
 * so `verify` can report it and go on with the next one.
 */
export class MandateMembers {
  private members: CandidateOutcome[];
  private readonly called = new Set<number>();
  /** Row → date (ISO) of each member who has left, to say so when a later request names them. */
  private readonly departed = new Map<number, string>();
  private previousDate: string | null = null;

  constructor(
    private readonly result: DrawFacts,
    private readonly mandate: MandatePeriod,
  ) {
    this.members = byRecordOrder(result, result.outcomes.filter((o) => o.status === 'selected'));
  }

  /** The members now, by sector in rules order, then in call order. */
  current(): CandidateOutcome[] {
    return this.members;
  }

  replace(request: ReplacementRequest): Replacement {
    const { result, mandate } = this;
    const date = parseIsoDate(request.date);
    if (date === null) refuse('date', { code: 'bad_replacement', reason: 'unreadable_date', date: request.date });
    const drawDate = parseIsoDate(result.prepared.referenceDate);
    if (drawDate !== null && compareDates(date, drawDate) < 0) {
      refuse('date', { code: 'bad_replacement', reason: 'before_draw', date: request.date, drawDate: result.prepared.referenceDate });
    }
    const end = parseIsoDate(mandate.end);
    if (end !== null && compareDates(date, end) > 0) {
      refuse('date', { code: 'bad_replacement', reason: 'after_mandate', date: request.date, mandateEnd: mandate.end });
    }
    if (this.previousDate !== null && request.date < this.previousDate) {
      refuse('date', { code: 'bad_replacement', reason: 'before_previous', date: request.date, previous: this.previousDate });
    }
    if (request.reason.trim() === '') refuse('reason', { code: 'bad_replacement', reason: 'no_reason' });

    const leaving = this.members.find((o) => o.candidature.row === request.leavingRow);
    if (leaving === undefined) {
      refuse('leavingRow', { code: 'bad_replacement', reason: 'not_a_member', row: request.leavingRow, why: this.whyNotMember(request.leavingRow) });
    }
    const { joining, rule, offered } = this.successor(leaving, request.chosenRow);

    this.previousDate = request.date;
    this.departed.set(leaving.candidature.row, request.date);
    this.members = this.members.filter((o) => o !== leaving);
    if (joining !== null) {
      this.called.add(joining.candidature.row);
      this.members = byRecordOrder(result, [...this.members, joining]);
    }
    return { request, leaving, joining, rule, offered, membersAfter: this.members };
  }

  /** Why the person at `row` cannot leave the council now: what their row says they are. */
  private whyNotMember(row: number): NotAMember {
    const found = this.result.outcomes.find((o) => o.candidature.row === row);
    if (found === undefined) return { kind: 'no_candidature' };
    const left = this.departed.get(row);
    if (left !== undefined) return { kind: 'departed', person: person(found), date: left };
    switch (found.status) {
      case 'ineligible':
        return { kind: 'ineligible', person: person(found), reason: found.reason };
      case 'reserve':
        return { kind: 'reserve', person: person(found), reserveRank: found.reserveRank as number };
      case 'selected':
        return { kind: 'not_member_now', person: person(found) };
    }
  }

  /**
   * What the rule gives if the member at `leavingRow` leaves now, without recording anything:
   * who joins, or whom the city may choose, or a vacant seat. Null when that person is not a member.
   */
  proposal(leavingRow: number): Proposal | null {
    const leaving = this.members.find((o) => o.candidature.row === leavingRow);
    if (leaving === undefined) return null;
    const { next, offered } = this.candidatesFor(leaving);
    if (next !== undefined) return { rule: 'same_group', joining: next };
    return offered.length === 0 ? { rule: 'vacant' } : { rule: 'chosen', offered };
  }

  /** The first of the same group's reserve not called yet, and whom the city would be offered without one. */
  private candidatesFor(leaving: CandidateOutcome): { next: CandidateOutcome | undefined; offered: CandidateOutcome[] } {
    // A member was drawn, so their candidature was eligible: it has a sector and a sex.
    const sector = leaving.candidature.sector as string;
    const sex = leaving.candidature.sex as Sex;
    const next = reservesOf(this.result, sector, sex, this.called)[0];
    return { next, offered: next === undefined ? offerOf(this.result, sector, sex, this.called) : [] };
  }

  /** Who takes the seat `leaving` leaves, by the rule. */
  private successor(leaving: CandidateOutcome, chosenRow: number | null): Pick<Replacement, 'joining' | 'rule' | 'offered'> {
    const sector = leaving.candidature.sector as string;
    const sex = leaving.candidature.sex as Sex;
    const { next, offered } = this.candidatesFor(leaving);
    if (next !== undefined) {
      if (chosenRow !== null) {
        refuse('chosenRow', { code: 'bad_replacement', reason: 'choice_not_allowed', chosenRow, next: person(next) });
      }
      return { joining: next, rule: 'same_group', offered: [] };
    }
    if (offered.length === 0) {
      if (chosenRow !== null) refuse('chosenRow', { code: 'bad_replacement', reason: 'nobody_to_choose', chosenRow });
      return { joining: null, rule: 'vacant', offered };
    }
    if (chosenRow === null) {
      // One line per person offered, then what to do: the CLI prints the lines before the message.
      throw new InputError({ code: 'choice_needed', sector, sex, offered: offered.map((o) => ({ ...person(o), reserveRank: o.reserveRank as number })) }, { field: 'chosenRow' });
    }
    const chosen = offered.find((o) => o.candidature.row === chosenRow);
    if (chosen === undefined) {
      refuse('chosenRow', { code: 'bad_replacement', reason: 'not_offered', chosenRow, offered: offered.map((o) => o.candidature.row) });
    }
    return { joining: chosen, rule: 'chosen', offered };
  }
}

/** Every replacement, in the order given (date order); throws at the first one the rule refuses. */
export function applyReplacements(result: DrawFacts, mandate: MandatePeriod, requests: readonly ReplacementRequest[]): Replacement[] {
  const members = new MandateMembers(result, mandate);
  return requests.map((request) => members.replace(request));
}
