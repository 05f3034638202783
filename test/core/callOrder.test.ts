/** One call order for members and reserves: the Tirage sheet, the procès-verbal and the terminal agree. */
import { compareCallOrder, inCallOrder, type CandidateOutcome } from '../../src/core';

function outcome(row: number, sex: 'F' | 'H' | null, status: CandidateOutcome['status'], drawNumber: number | null, reserveRank: number | null): CandidateOutcome {
  return {
    candidature: { row, id: '', lastName: `N${row}`, firstName: 'P', sex, sector: 'Centre', birthDate: null, age: 30, problems: [] },
    reason: null,
    priority: false,
    drawNumber,
    status,
    reserveRank,
    probability: { num: 1n, den: 2n },
  };
}

describe('call order', () => {
  it('lists women then men, the reserve by rank, members by draw number, then by row', () => {
    const list = [
      outcome(1, 'H', 'reserve', 3, 2),
      outcome(2, 'H', 'reserve', 9, 1),
      outcome(3, 'F', 'selected', 7, null),
      outcome(4, 'F', 'selected', 2, null),
      outcome(5, null, 'ineligible', null, null),
      outcome(6, null, 'ineligible', null, null),
    ];
    expect(inCallOrder(list).map((o) => o.candidature.row)).toEqual([4, 3, 2, 1, 5, 6]);
    expect(compareCallOrder(list[0], list[0])).toBe(0);
  });
});
