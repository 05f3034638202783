/**
 * The order in which people are called: within a sector, women then men; within a sex, the
 * reserve by its rank, members by their draw number (which is their rank too). One comparator,
 * so that the Tirage sheet, the procès-verbal and the terminal list people in the same order.
 */
import type { CandidateOutcome } from './draw';

const SEX_ORDER = { F: 0, H: 1 } as const;

export function compareCallOrder(a: CandidateOutcome, b: CandidateOutcome): number {
  const sex = (o: CandidateOutcome) => (o.candidature.sex === null ? 2 : SEX_ORDER[o.candidature.sex]);
  return (
    sex(a) - sex(b) ||
    (a.reserveRank ?? 0) - (b.reserveRank ?? 0) ||
    (a.drawNumber ?? 0) - (b.drawNumber ?? 0) ||
    a.candidature.row - b.candidature.row
  );
}

/** A copy of `outcomes` in call order. */
export function inCallOrder(outcomes: readonly CandidateOutcome[]): CandidateOutcome[] {
  return [...outcomes].sort(compareCallOrder);
}
