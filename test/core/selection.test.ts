import { drawFromTable, prepareDraw, ROUBAIX_CLN_2025, toText, type Rules } from '../../src/core';
import { hasPriority, selectionPlaces } from '../../src/core/agePriority';
import { chanceInGroup } from '../../src/core/probabilities';
import { group, JUNE_2025, rowsOf, tableOf, type PersonSpec } from '../support/tables';

const REF = '2025-06-13';
const born = (age: number) => `${2025 - age - 1}-12-31`;

describe('age priority (criterion 3)', () => {
  it('applies only to groups of more than 2', () => {
    expect(hasPriority(ROUBAIX_CLN_2025, 2, 70)).toBe(false);
    expect(hasPriority(ROUBAIX_CLN_2025, 3, 70)).toBe(true);
  });
  it.each([
    [15, false],
    [16, true],
    [25, true],
    [26, false],
    [64, false],
    [65, true],
    [99, true],
  ])('age %d in a group of 3: priority %s', (age, expected) => {
    expect(hasPriority(ROUBAIX_CLN_2025, 3, age)).toBe(expected);
  });
  it('puts priority candidates first, each part in draw-number order', () => {
    // Two groups interleaved in draw order; ages 40, 70, 20, 50 in group 0 (drawn 1, 9, 5, 3).
    const drawNumbers = [1, 9, 5, 3, 2, 4, 6, 7, 8];
    const group = [0, 0, 0, 0, 1, 1, 1, 1, 1];
    const ages = [40, 70, 20, 50, 30, 80, 30, 18, 30];
    const priority = ages.map((age, i) => hasPriority(ROUBAIX_CLN_2025, group[i] === 0 ? 4 : 5, age));
    const places = Array.from(selectionPlaces(drawNumbers, group, priority, 2));
    const order = (g: number) => places.map((place, i) => ({ place, i })).filter(({ i }) => group[i] === g).sort((a, b) => a.place - b.place);
    expect(order(0).map(({ i }) => drawNumbers[i])).toEqual([5, 9, 1, 3]);
    expect(order(1).map(({ i }) => drawNumbers[i])).toEqual([4, 7, 2, 6, 8]);
    expect(order(0).map(({ place }) => place)).toEqual([0, 1, 2, 3]);
  });
});

describe('chances inside a group (§8)', () => {
  const rules: Rules = ROUBAIX_CLN_2025;
  it('is k/n without the age rule, 1 when the quota covers the group', () => {
    expect(toText(chanceInGroup(rules, { size: 2, priorityCount: 0 }, 1, false))).toBe('1/2');
    expect(toText(chanceInGroup(rules, { size: 3, priorityCount: 1 }, 3, false))).toBe('1');
  });
  it('favours priority candidates when the rule applies', () => {
    const shape = { size: 5, priorityCount: 2 };
    expect(toText(chanceInGroup(rules, shape, 1, true))).toBe('1/2');
    expect(toText(chanceInGroup(rules, shape, 1, false))).toBe('0');
    expect(toText(chanceInGroup(rules, shape, 3, true))).toBe('1');
    expect(toText(chanceInGroup(rules, shape, 3, false))).toBe('1/3');
  });
});

function draw(people: PersonSpec[], publicSeed = 'graine', rules?: Rules) {
  return drawFromTable(tableOf(rowsOf(people)), { referenceDate: REF, publicSeed, excludeInvalid: false, ...(rules ? { rules } : {}) });
}

describe('the draw of 13 June 2025 (§9)', () => {
  it.each(['4 2 6 1 5 3', 'séance du 13 juin', '1'])('selects 13 members, the 6 women and 7 men (seed %s)', (seed) => {
    const result = draw(JUNE_2025, seed);
    const selected = result.outcomes.filter((o) => o.status === 'selected');
    expect(selected).toHaveLength(13);
    expect(selected.filter((o) => o.candidature.sex === 'F')).toHaveLength(6);
    expect(result.allocation.map((a) => [a.sector, a.women, a.men])).toEqual([
      ['Centre', 2, 0],
      ['Est', 2, 2],
      ['Ouest', 0, 1],
      ['Nord', 2, 2],
      ['Sud', 0, 2],
    ]);
    const reserve = result.outcomes.filter((o) => o.status === 'reserve');
    expect(reserve.map((o) => [o.candidature.sector, o.candidature.sex]).sort()).toEqual([
      ['Est', 'H'],
      ['Nord', 'H'],
      ['Nord', 'H'],
    ]);
    expect(reserve.map((o) => o.reserveRank).sort()).toEqual([1, 1, 2]);
  });

  it('gives every woman probability 1, Est men 2/3 and Nord men 1/2 (no age priority in this table)', () => {
    const prepared = prepareDraw(tableOf(rowsOf(JUNE_2025)), { referenceDate: REF, excludeInvalid: false });
    const chance = (sector: string, sex: string) =>
      new Set(prepared.candidatures.filter((c) => c.sector === sector && c.sex === sex).map((c, _, all) => toText(prepared.chances[prepared.candidatures.indexOf(c)]) + `×${all.length}`));
    expect(chance('Centre', 'F')).toEqual(new Set(['1×2']));
    expect(chance('Est', 'H')).toEqual(new Set(['2/3×3']));
    expect(chance('Nord', 'H')).toEqual(new Set(['1/2×4']));
  });
});

describe('slide example C: 2 women, 3 men of whom 2 seniors', () => {
  const people: PersonSpec[] = [
    { sector: 'Est', sex: 'F', birthDate: born(40) },
    { sector: 'Est', sex: 'F', birthDate: born(41) },
    { sector: 'Est', sex: 'H', birthDate: born(70) },
    { sector: 'Est', sex: 'H', birthDate: born(45) },
    { sector: 'Est', sex: 'H', birthDate: born(66) },
  ];
  it.each(['a', 'b', 'c', 'd', 'e', 'f'])('selects the 2 women and the 2 seniors, whatever the seed (%s)', (seed) => {
    const result = draw(people, seed);
    expect(result.outcomes.map((o) => o.status)).toEqual(['selected', 'selected', 'selected', 'reserve', 'selected']);
    expect(result.outcomes.map((o) => o.priority)).toEqual([false, false, true, false, true]);
    expect(result.outcomes[3].reserveRank).toBe(1);
  });
  it('gives the seniors probability 1 and the other man 0', () => {
    const prepared = prepareDraw(tableOf(rowsOf(people)), { referenceDate: REF, excludeInvalid: false });
    expect(prepared.chances.map(toText)).toEqual(['1', '1', '1', '0', '1']);
  });
});

describe('reserve lists', () => {
  it('rank the group’s unselected candidates 1, 2, … in selection order', () => {
    const result = draw(group('Sud', 'H', 9));
    const reserve = result.outcomes.filter((o) => o.status === 'reserve').sort((a, b) => (a.reserveRank ?? 0) - (b.reserveRank ?? 0));
    expect(reserve.map((o) => o.reserveRank)).toEqual([1, 2, 3, 4, 5]);
    // No age priority here (everyone is 45): reserve follows draw numbers, after those of the selected.
    const drawNumbers = reserve.map((o) => o.drawNumber as number);
    expect([...drawNumbers].sort((a, b) => a - b)).toEqual(drawNumbers);
    const lastSelected = Math.max(...result.outcomes.filter((o) => o.status === 'selected').map((o) => o.drawNumber as number));
    expect(drawNumbers[0]).toBeGreaterThan(lastSelected);
  });
});
