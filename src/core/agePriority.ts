/**
 * Criterion 3 (ALGORITHM.md §7): priority to ages 16–25 and 65 and over, applied only inside a
 * (sector, sex) group of more than 2 candidatures.
 */
import { ageRuleApplies, inPriorityBand, type Rules } from './rules';

export function hasPriority(rules: Rules, groupSize: number, age: number): boolean {
  return ageRuleApplies(rules, groupSize) && inPriorityBand(rules, age);
}

/** The group in selection order: priority candidates first, each part in draw-number order. */
export function selectionOrder<T extends { age: number; drawNumber: number }>(rules: Rules, group: readonly T[]): T[] {
  const first: T[] = [];
  const then: T[] = [];
  for (const c of [...group].sort((a, b) => a.drawNumber - b.drawNumber)) {
    (hasPriority(rules, group.length, c.age) ? first : then).push(c);
  }
  return first.concat(then);
}
