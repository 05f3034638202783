/**
 * ALGORITHM.md §8: each candidate's chance of being selected, before any seed, as an exact
 * fraction: the mean over the kept allocations (all equally likely) of the chance inside the
 * candidate's (sector, sex) group.
 */
import { hasPriority } from './agePriority';
import { add, fraction, multiply, ONE, ZERO, type Fraction } from './fraction';
import type { AllocationSpace } from './parity';
import { ageRuleApplies, type Rules, type Sex } from './rules';

export interface GroupShape {
  size: number;
  /** Candidates in a priority band, counted only when the age rule applies. */
  priorityCount: number;
}

/** Chance inside a group of quota `quota`, for a priority candidate or another one. */
export function chanceInGroup(rules: Rules, group: GroupShape, quota: number, priority: boolean): Fraction {
  const { size: n, priorityCount: p } = group;
  if (quota >= n) return ONE;
  if (!ageRuleApplies(rules, n)) return fraction(quota, n);
  return priority ? fraction(Math.min(quota, p), p) : fraction(Math.max(0, quota - p), n - p);
}

export function groupShape(rules: Rules, ages: readonly number[]): GroupShape {
  return { size: ages.length, priorityCount: ages.filter((age) => hasPriority(rules, ages.length, age)).length };
}

/** Chances of (priority, other) candidates of one group, over the kept allocations. */
export type GroupChances = { priority: Fraction; other: Fraction };

/** Per sector (rules order) and sex. */
export function groupChances(
  rules: Rules,
  space: AllocationSpace,
  shapes: readonly Record<Sex, GroupShape>[],
): Record<Sex, GroupChances>[] {
  const marginals = space.womenMarginals();
  return space.sectors.map((sector, s) => {
    const mean = (sex: Sex, priority: boolean): Fraction => {
      const shape = shapes[s][sex];
      if (shape.size === 0 || (priority && shape.priorityCount === 0) || (!priority && shape.priorityCount === shape.size)) {
        return ZERO;
      }
      let total = ZERO;
      marginals[s].forEach((ways, k) => {
        const women = sector.minWomen + k;
        const quota = sex === 'F' ? women : sector.seats - women;
        total = add(total, multiply(fraction(ways, space.count), chanceInGroup(rules, shape, quota, priority)));
      });
      return total;
    };
    return {
      F: { priority: mean('F', true), other: mean('F', false) },
      H: { priority: mean('H', true), other: mean('H', false) },
    };
  });
}
