/** `probabilities --json`: each candidature's chance before any seed, exact and rounded. */
import { candidatureJson, countJson, toNumber, toText, type CandidatureJson, type IneligibilityCode, type PreparedDraw } from '../core';

export interface ProbabilitiesJson {
  algorithm: string;
  referenceDate: string;
  fingerprint: string;
  seats: number;
  optimalAllocations: number | string;
  candidates: (CandidatureJson & {
    priority: boolean;
    probability: number;
    /** The exact fraction, "num/den" (or "0", "1"). */
    probabilityExact: string;
    reason: IneligibilityCode | null;
  })[];
}

export function probabilitiesJson(prepared: PreparedDraw): ProbabilitiesJson {
  return {
    algorithm: prepared.algorithm,
    referenceDate: prepared.referenceDate,
    fingerprint: prepared.canonical.fingerprint,
    seats: prepared.space.totalSeats,
    optimalAllocations: countJson(prepared.space.count),
    candidates: prepared.candidatures.map((c, i) => ({
      ...candidatureJson(c),
      priority: prepared.priorities[i],
      probability: toNumber(prepared.chances[i]),
      probabilityExact: toText(prepared.chances[i]),
      reason: c.problems[0]?.code ?? null,
    })),
  };
}
