/** `probabilities --json`: each candidature's chance before any seed, exact and rounded. */
import { countJson, toNumber, toText, type IneligibilityCode, type PreparedDraw, type Sex } from '../core';

export interface ProbabilitiesJson {
  algorithm: string;
  referenceDate: string;
  fingerprint: string;
  seats: number;
  optimalAllocations: number | string;
  candidates: {
    row: number;
    id: string;
    lastName: string;
    firstName: string;
    sex: Sex | null;
    sector: string | null;
    birthDate: string | null;
    age: number | null;
    priority: boolean;
    probability: number;
    /** The exact fraction, "num/den" (or "0", "1"). */
    probabilityExact: string;
    reason: IneligibilityCode | null;
  }[];
}

export function probabilitiesJson(prepared: PreparedDraw): ProbabilitiesJson {
  return {
    algorithm: prepared.algorithm,
    referenceDate: prepared.referenceDate,
    fingerprint: prepared.canonical.fingerprint,
    seats: prepared.space.totalSeats,
    optimalAllocations: countJson(prepared.space.count),
    candidates: prepared.candidatures.map((c, i) => ({
      row: c.row,
      id: c.id,
      lastName: c.lastName,
      firstName: c.firstName,
      sex: c.sex,
      sector: c.sector,
      birthDate: c.birthDate,
      age: c.age,
      priority: prepared.priorities[i],
      probability: toNumber(prepared.chances[i]),
      probabilityExact: toText(prepared.chances[i]),
      reason: c.problems[0]?.code ?? null,
    })),
  };
}
