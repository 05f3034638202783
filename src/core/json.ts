/** The draw as the command line's `--json` prints it (one object, documented in the README). */
import type { Candidature } from './candidatures';
import type { CandidateOutcome, DrawResult, Status } from './draw';
import type { IneligibilityCode } from './errors';
import { drawFigures } from './figures';
import { toNumber } from './fraction';
import type { Sex } from './rules';

/** Who a candidature is, as read from its row (normalised). */
export interface CandidatureJson {
  row: number;
  id: string;
  lastName: string;
  firstName: string;
  sex: Sex | null;
  sector: string | null;
  birthDate: string | null;
  age: number | null;
}

export function candidatureJson(c: Candidature): CandidatureJson {
  return { row: c.row, id: c.id, lastName: c.lastName, firstName: c.firstName, sex: c.sex, sector: c.sector, birthDate: c.birthDate, age: c.age };
}

export interface CandidateJson extends CandidatureJson {
  priority: boolean;
  drawNumber: number | null;
  status: Status;
  reserveRank: number | null;
  probability: number;
  reason: IneligibilityCode | null;
}

/** One candidate as `draw --json` prints it (and `replace --json` its leaving and joining people). */
export function candidateJson(o: CandidateOutcome): CandidateJson {
  return {
    ...candidatureJson(o.candidature),
    priority: o.priority,
    drawNumber: o.drawNumber,
    status: o.status,
    reserveRank: o.reserveRank,
    probability: toNumber(o.probability),
    reason: o.reason,
  };
}

export interface DrawJson {
  algorithm: string;
  referenceDate: string;
  publicSeed: string;
  fingerprint: string;
  seedKey: string;
  seats: number;
  optimalAllocations: number | string;
  allocation: Record<string, { F: number; H: number }>;
  summary: { F: number; H: number };
  candidates: CandidateJson[];
}

/** A count as a JSON number while exact, as decimal text beyond 2^53. */
export function countJson(count: bigint): number | string {
  return count <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(count) : count.toString();
}

export function drawResultToJson(result: DrawResult): DrawJson {
  const { prepared } = result;
  const candidates = result.outcomes.map(candidateJson);
  return {
    algorithm: prepared.algorithm,
    referenceDate: prepared.referenceDate,
    publicSeed: result.publicSeed,
    fingerprint: prepared.canonical.fingerprint,
    seedKey: result.seedKey,
    seats: prepared.space.totalSeats,
    optimalAllocations: countJson(prepared.space.count),
    allocation: Object.fromEntries(result.allocation.map((a) => [a.sector, { F: a.women, H: a.men }])),
    summary: drawFigures(result).members,
    candidates,
  };
}
