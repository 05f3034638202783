/** `probabilities --json`: each candidature's chance before any seed, exact and rounded. */
import { countJson, fractionNumbers, jsonPieces, sealsByCandidature, toText, type CandidatureJson, type Fraction, type IneligibilityCode, type PreparedDraw } from '../core';

type CandidateProbabilityJson = CandidatureJson & {
  priority: boolean;
  probability: number;
  /** The exact fraction, "num/den" (or "0", "1"). */
  probabilityExact: string;
  reason: IneligibilityCode | null;
};

/** A candidature of a sealed draw (`tirage-cln/2`): also its seal and receipt, null when ineligible. */
type SealedCandidateProbabilityJson = CandidateProbabilityJson & { seal: string | null; receipt: string | null };

export interface ProbabilitiesJson {
  algorithm: string;
  referenceDate: string;
  fingerprint: string;
  seats: number;
  optimalAllocations: number | string;
  candidates: CandidateProbabilityJson[] | SealedCandidateProbabilityJson[];
}

function head(prepared: PreparedDraw): Omit<ProbabilitiesJson, 'candidates'> {
  return {
    algorithm: prepared.algorithm,
    referenceDate: prepared.referenceDate,
    fingerprint: prepared.canonical.fingerprint,
    seats: prepared.space.totalSeats,
    optimalAllocations: countJson(prepared.space.count),
  };
}

/** One candidature, every key in one literal (an object spread per candidate was the slow part). */
function candidate(prepared: PreparedDraw, i: number, probability: (f: Fraction) => number, exact: (f: Fraction) => string): CandidateProbabilityJson {
  const c = prepared.candidatures[i];
  const chance = prepared.chances[i];
  return {
    row: c.row,
    id: c.id,
    lastName: c.lastName,
    firstName: c.firstName,
    sex: c.sex,
    sector: c.sector,
    birthDate: c.birthDate,
    age: c.age,
    priority: prepared.priorities[i],
    probability: probability(chance),
    probabilityExact: exact(chance),
    reason: c.problems[0]?.code ?? null,
  };
}

/** Candidates share a few fractions: each one's text is made once. */
function fractionTexts(): (f: Fraction) => string {
  const known = new Map<Fraction, string>();
  return (f) => {
    let text = known.get(f);
    if (text === undefined) {
      text = toText(f);
      known.set(f, text);
    }
    return text;
  };
}

/** The candidature of row index `i`; in a sealed draw with its seal and receipt (a `/1` JSON is unchanged). */
function candidateAt(prepared: PreparedDraw): (i: number) => CandidateProbabilityJson | SealedCandidateProbabilityJson {
  const probability = fractionNumbers();
  const exact = fractionTexts();
  const seals = sealsByCandidature(prepared);
  if (seals === null) return (i) => candidate(prepared, i, probability, exact);
  return (i) => {
    const sealed = candidate(prepared, i, probability, exact) as SealedCandidateProbabilityJson;
    sealed.seal = seals[i]?.seal ?? null;
    sealed.receipt = seals[i]?.receipt ?? null;
    return sealed;
  };
}

export function probabilitiesJson(prepared: PreparedDraw): ProbabilitiesJson {
  const at = candidateAt(prepared);
  return { ...head(prepared), candidates: prepared.candidatures.map((_, i) => at(i)) as ProbabilitiesJson['candidates'] };
}

/** `JSON.stringify(probabilitiesJson(prepared))`, in pieces. */
export function probabilitiesJsonPieces(prepared: PreparedDraw): Iterable<string> {
  return jsonPieces(head(prepared), 'candidates', prepared.candidatures.length, candidateAt(prepared));
}
