/**
 * A candidature's outcome, one type per status: a member and a reserve have a sector, a sex and a
 * draw number (a reserve has its rank too); an ineligible row has its reason, and may have no sex
 * or sector at all. `CandidateOutcome` keeps these as parallel nullable fields for the record's
 * sheets; a front end that shows people reads them through `outcomeOf`, so that an unknown sex is
 * never shown as one or the other.
 */
import { isEligible, type Candidature, type EligibleCandidate } from './candidatures';
import type { CandidateOutcome } from './draw';
import type { IneligibilityCode } from './errors';
import type { Sex } from './rules';

export interface SelectedOutcome {
  status: 'selected';
  candidature: EligibleCandidate;
  drawNumber: number;
}

export interface ReserveOutcome {
  status: 'reserve';
  candidature: EligibleCandidate;
  drawNumber: number;
  /** 1 for the first person called in this sector and sex. */
  reserveRank: number;
}

export interface IneligibleOutcome {
  status: 'ineligible';
  candidature: Candidature;
  reason: IneligibilityCode;
}

export type Outcome = SelectedOutcome | ReserveOutcome | IneligibleOutcome;

/** The outcome of someone drawn: a member or a reserve. */
export type DrawnOutcome = SelectedOutcome | ReserveOutcome;

/** The engine's outcome as the type of its status; throws on an outcome the engine never makes. */
export function outcomeOf(o: CandidateOutcome): Outcome {
  const c = o.candidature;
  if (o.status === 'ineligible') {
    if (o.reason === null) throw new Error(`ligne ${c.row} : écartée sans motif`);
    return { status: 'ineligible', candidature: c, reason: o.reason };
  }
  if (!isEligible(c) || o.drawNumber === null) throw new Error(`ligne ${c.row} : tirée sans être recevable`);
  if (o.status === 'selected') return { status: 'selected', candidature: c, drawNumber: o.drawNumber };
  if (o.reserveRank === null) throw new Error(`ligne ${c.row} : liste complémentaire sans rang`);
  return { status: 'reserve', candidature: c, drawNumber: o.drawNumber, reserveRank: o.reserveRank };
}

/** The people drawn (members and reserves) among `outcomes`, in the order given. */
export function drawnOutcomes(outcomes: readonly CandidateOutcome[]): DrawnOutcome[] {
  return outcomes.flatMap((o) => {
    const typed = outcomeOf(o);
    return typed.status === 'ineligible' ? [] : [typed];
  });
}

/** One sector's people of one status, women and men apart, each in the order given. */
export interface SectorGroup<T extends DrawnOutcome> {
  sector: string;
  bySex: Record<Sex, T[]>;
}

/**
 * People grouped by sector (in the rules' order), then by sex, as the Publication sheet lays them
 * out; each sector of `sectors` appears, empty or not.
 */
export function groupBySectorAndSex<T extends DrawnOutcome>(sectors: readonly string[], people: readonly T[]): SectorGroup<T>[] {
  return sectors.map((sector) => {
    const here = people.filter((p) => p.candidature.sector === sector);
    return { sector, bySex: { F: here.filter((p) => p.candidature.sex === 'F'), H: here.filter((p) => p.candidature.sex === 'H') } };
  });
}
