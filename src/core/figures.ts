/** The figures of the summary and the procès-verbal, counted once from the outcomes. */
import type { DrawFacts } from './draw';
import type { Sex } from './rules';

export interface SectorFigures {
  sector: string;
  candidates: Record<Sex, number>;
  members: Record<Sex, number>;
}

export interface DrawFigures {
  sectors: SectorFigures[];
  candidates: Record<Sex, number>;
  members: Record<Sex, number>;
  /** Non-blank rows of the candidature table. */
  received: number;
  eligible: number;
  excluded: number;
}

export function drawFigures(result: DrawFacts): DrawFigures {
  const sectors = result.prepared.rules.sectors.map((sector) => ({ sector, candidates: { F: 0, H: 0 }, members: { F: 0, H: 0 } }));
  const index = new Map(sectors.map((s, i) => [s.sector, i]));
  for (const o of result.outcomes) {
    const { sector, sex } = o.candidature;
    if (o.status === 'ineligible' || sector === null || sex === null) continue;
    const figures = sectors[index.get(sector) as number];
    figures.candidates[sex]++;
    if (o.status === 'selected') figures.members[sex]++;
  }
  const sum = (pick: (s: SectorFigures) => Record<Sex, number>) => ({
    F: sectors.reduce((a, s) => a + pick(s).F, 0),
    H: sectors.reduce((a, s) => a + pick(s).H, 0),
  });
  const eligible = result.outcomes.filter((o) => o.status !== 'ineligible').length;
  return {
    sectors,
    candidates: sum((s) => s.candidates),
    members: sum((s) => s.members),
    received: result.outcomes.length,
    eligible,
    excluded: result.outcomes.length - eligible,
  };
}
