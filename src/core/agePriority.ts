/**
 * Criterion 3 (ALGORITHM.md §7): priority to ages 16–25 and 65 and over, applied only inside a
 * (sector, sex) group of more than 2 candidatures.
 */
import { ageRuleApplies, inPriorityBand, type Rules } from './rules';

export function hasPriority(rules: Rules, groupSize: number, age: number): boolean {
  return ageRuleApplies(rules, groupSize) && inPriorityBand(rules, age);
}

/**
 * Each candidate's place in the selection order of its group (0 comes first): priority
 * candidates first, each part in draw-number order. Candidates are indexed 0…n−1; `drawNumbers`
 * holds their draw numbers (a permutation of 1…n), `group` their group (0…groupCount−1),
 * `priority` their flag. One walk in draw-number order, no sorting: the k-th priority candidate
 * met in a group has place k, the k-th other one has place (priority candidates of the group) + k.
 */
export function selectionPlaces(
  drawNumbers: ArrayLike<number>,
  group: ArrayLike<number>,
  priority: ArrayLike<boolean>,
  groupCount: number,
): Int32Array {
  const n = drawNumbers.length;
  const byDraw = new Int32Array(n);
  for (let c = 0; c < n; c++) byDraw[drawNumbers[c] - 1] = c;
  const nextPriority = new Int32Array(groupCount);
  const nextOther = new Int32Array(groupCount);
  for (let c = 0; c < n; c++) if (priority[c]) nextOther[group[c]]++;
  const places = new Int32Array(n);
  for (let d = 0; d < n; d++) {
    const c = byDraw[d];
    places[c] = priority[c] ? nextPriority[group[c]]++ : nextOther[group[c]]++;
  }
  return places;
}
