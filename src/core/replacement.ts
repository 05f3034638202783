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
import { INELIGIBILITY_LABELS, InputError } from './errors';
import type { MandatePeriod } from './mandate';
import { displayName, longFrenchDate, SEX_PLURAL } from './record/labels';
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

function refuse(field: ReplacementField, message: string): never {
  throw new InputError('bad_replacement', message, [message], { field });
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
  refuse(
    'date',
    `Départ daté du ${longFrenchDate(date)}, après aujourd’hui (${longFrenchDate(today)}) : un départ se consigne une fois survenu. ` +
      'Daté à l’avance, il bloquerait tout départ daté avant lui ; consignez-le le jour venu.',
  );
}

/** A row number as the operator types it for `option` (« --row »): a positive integer. */
export function readRowNumber(option: string, text: string, field: 'leavingRow' | 'chosenRow'): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) {
    refuse(field, `${option} « ${text} » : indiquez un numéro de ligne du tableau des candidatures (colonne « Ligne » de la feuille Tirage), par exemple ${option} 7.`);
  }
  return Number(text);
}

/** What the rule gives for a member leaving now, before anything is recorded. */
export type Proposal =
  | { rule: 'same_group'; joining: CandidateOutcome }
  /** The same group's reserve is exhausted: the city chooses one of these, in call order. */
  | { rule: 'chosen'; offered: CandidateOutcome[] }
  | { rule: 'vacant' };

/**
 * « DUPONT Marie (ligne 7, Est, femme) ». A row set aside may lack its sector or its sex (that is
 * often why it was set aside): what is missing is left out, never guessed.
 */
export function personLabel(o: CandidateOutcome): string {
  const c = o.candidature;
  const sex = c.sex === 'F' ? 'femme' : c.sex === 'H' ? 'homme' : '';
  const facts = [`ligne ${c.row}`, c.sector ?? '', sex].filter((fact) => fact !== '');
  return `${displayName(c.lastName, c.firstName)} (${facts.join(', ')})`;
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
    if (date === null) refuse('date', `Date du remplacement invalide « ${request.date} ». Indiquez-la au format AAAA-MM-JJ, par exemple 2026-01-15.`);
    const drawDate = parseIsoDate(result.prepared.referenceDate);
    if (drawDate !== null && compareDates(date, drawDate) < 0) {
      refuse('date', `Remplacement daté du ${longFrenchDate(request.date)}, avant le tirage du ${longFrenchDate(result.prepared.referenceDate)} : indiquez la date du départ, pendant le mandat.`);
    }
    const end = parseIsoDate(mandate.end);
    if (end !== null && compareDates(date, end) > 0) {
      refuse('date', `Remplacement daté du ${longFrenchDate(request.date)}, après la fin du mandat (${longFrenchDate(mandate.end)}) : un nouveau mandat demande un nouveau tirage.`);
    }
    if (this.previousDate !== null && request.date < this.previousDate) {
      refuse('date', `Remplacement daté du ${longFrenchDate(request.date)}, avant le remplacement précédent (${longFrenchDate(this.previousDate)}) : les remplacements s’enregistrent dans l’ordre des dates.`);
    }
    if (request.reason.trim() === '') refuse('reason', 'Motif du remplacement manquant : indiquez-le (par exemple « Démission »).');

    const leaving = this.members.find((o) => o.candidature.row === request.leavingRow);
    if (leaving === undefined) {
      refuse('leavingRow', `Ligne ${request.leavingRow} : ${this.whyNotMember(request.leavingRow)}. Indiquez la ligne d’origine d’un membre (colonne « Ligne » de la feuille Tirage).`);
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
  private whyNotMember(row: number): string {
    const person = this.result.outcomes.find((o) => o.candidature.row === row);
    if (person === undefined) return `aucune candidature n’est à la ligne ${row}`;
    const who = personLabel(person);
    const left = this.departed.get(row);
    if (left !== undefined) return `${who} a déjà quitté le conseil le ${longFrenchDate(left)}`;
    switch (person.status) {
      case 'ineligible':
        return `la candidature de ${who} a été écartée du tirage${person.reason === null ? '' : ` (motif : ${INELIGIBILITY_LABELS[person.reason]})`} : elle n’a jamais été membre`;
      case 'reserve':
        return `${who} est sur la liste complémentaire (n° ${person.reserveRank}) et n’est pas membre à cette date`;
      case 'selected':
        return `${who} n’est pas membre à cette date`;
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
        refuse('chosenRow', `Un choix (ligne ${chosenRow}) n’est possible que si la liste complémentaire du même secteur et du même sexe est épuisée ; ici, c’est ${personLabel(next)} qui remplace.`);
      }
      return { joining: next, rule: 'same_group', offered: [] };
    }
    if (offered.length === 0) {
      if (chosenRow !== null) refuse('chosenRow', `Ligne ${chosenRow} : personne ne peut être choisi, la liste complémentaire est épuisée ; le siège reste vacant.`);
      return { joining: null, rule: 'vacant', offered };
    }
    if (chosenRow === null) {
      // One line per person offered, then what to do: the CLI prints the lines before the message.
      throw new InputError(
        'choice_needed',
        `La liste complémentaire ${sector}, ${SEX_PLURAL[sex]} est épuisée : choisissez une des ${offered.length === 1 ? 'personne proposée' : `${offered.length} personnes proposées`}, dans l’ordre d’appel (même sexe dans les autres secteurs, puis autre sexe dans ce secteur).`,
        offered.map((o, i) => `  ${i + 1}. ${personLabel(o)}, liste complémentaire n° ${o.reserveRank}`),
        { offered: offered.map((o) => o.candidature.row), field: 'chosenRow' },
      );
    }
    const chosen = offered.find((o) => o.candidature.row === chosenRow);
    if (chosen === undefined) {
      refuse('chosenRow', `Ligne ${chosenRow} : cette personne ne fait pas partie des personnes proposées (lignes ${offered.map((o) => o.candidature.row).join(', ')}).`);
    }
    return { joining: chosen, rule: 'chosen', offered };
  }
}

/** Every replacement, in the order given (date order); throws at the first one the rule refuses. */
export function applyReplacements(result: DrawFacts, mandate: MandatePeriod, requests: readonly ReplacementRequest[]): Replacement[] {
  const members = new MandateMembers(result, mandate);
  return requests.map((request) => members.replace(request));
}
