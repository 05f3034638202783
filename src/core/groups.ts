/** Candidates by (sector, sex): the unit in which quotas, age priority and reserves apply. */
import type { EligibleCandidate } from './candidatures';
import type { SectorCounts } from './parity';
import type { Rules, Sex } from './rules';

export type SectorGroups<T> = Record<Sex, T[]>;

/** Groups in rules order of sectors, each keeping the order of `candidates`. */
export function groupBySectorAndSex<T extends Pick<EligibleCandidate, 'sector' | 'sex'>>(
  rules: Rules,
  candidates: readonly T[],
): SectorGroups<T>[] {
  const groups = rules.sectors.map((): SectorGroups<T> => ({ F: [], H: [] }));
  const index = new Map(rules.sectors.map((name, i) => [name, i]));
  for (const c of candidates) {
    const sector = index.get(c.sector);
    if (sector === undefined) throw new Error(`sector outside the rules: ${c.sector}`);
    groups[sector][c.sex].push(c);
  }
  return groups;
}

export function sectorCounts<T>(groups: readonly SectorGroups<T>[]): SectorCounts[] {
  return groups.map((g) => ({ women: g.F.length, men: g.H.length }));
}
