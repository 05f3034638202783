/** The draw as the command line's `--json` prints it (one object, documented in the README). */
import type { Candidature } from './candidatures';
import type { CandidateOutcome, DrawResult, Status } from './draw';
import type { IneligibilityCode } from './errors';
import { drawFigures } from './figures';
import { toNumber, type Fraction } from './fraction';
import type { Sex } from './rules';
import { sealsByCandidature } from './sealedLines';

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

/** A candidate of a sealed draw (`tirage-cln/2`): also its seal and receipt, null when ineligible. */
export interface SealedCandidateJson extends CandidateJson {
  seal: string | null;
  receipt: string | null;
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
  candidates: CandidateJson[] | SealedCandidateJson[];
}

/** A count as a JSON number while exact, as decimal text beyond 2^53. */
export function countJson(count: bigint): number | string {
  return count <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(count) : count.toString();
}

/**
 * `toNumber` for many candidates sharing a few fractions (one per group and priority): each
 * distinct fraction is converted once.
 */
export function fractionNumbers(): (f: Fraction) => number {
  const known = new Map<Fraction, number>();
  return (f) => {
    let value = known.get(f);
    if (value === undefined) {
      value = toNumber(f);
      known.set(f, value);
    }
    return value;
  };
}

/**
 * One candidate of the JSON. Every key is written in one literal, in the documented order (a
 * spread of `candidatureJson` here cost a second of the 100,000-row `draw --json`).
 */
export function candidateJson(o: CandidateOutcome, probability: (f: Fraction) => number): CandidateJson {
  const c = o.candidature;
  return {
    row: c.row,
    id: c.id,
    lastName: c.lastName,
    firstName: c.firstName,
    sex: c.sex,
    sector: c.sector,
    birthDate: c.birthDate,
    age: c.age,
    priority: o.priority,
    drawNumber: o.drawNumber,
    status: o.status,
    reserveRank: o.reserveRank,
    probability: probability(o.probability),
    reason: o.reason,
  };
}

function drawJsonHead(result: DrawResult): Omit<DrawJson, 'candidates'> {
  const { prepared } = result;
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
  };
}

/**
 * The candidate of row index `i`, with its seal and receipt in a sealed draw: a `/1` draw's JSON
 * is unchanged, byte for byte.
 */
function candidateAt(result: DrawResult): (i: number) => CandidateJson | SealedCandidateJson {
  const probability = fractionNumbers();
  const seals = sealsByCandidature(result.prepared);
  if (seals === null) return (i) => candidateJson(result.outcomes[i], probability);
  return (i) => {
    // Two keys added to the literal, after the others (a spread per candidate costs a second at 100,000 rows).
    const candidate = candidateJson(result.outcomes[i], probability) as SealedCandidateJson;
    candidate.seal = seals[i]?.seal ?? null;
    candidate.receipt = seals[i]?.receipt ?? null;
    return candidate;
  };
}

export function drawResultToJson(result: DrawResult): DrawJson {
  const candidate = candidateAt(result);
  return { ...drawJsonHead(result), candidates: result.outcomes.map((_, i) => candidate(i)) as DrawJson['candidates'] };
}

/** `JSON.stringify(drawResultToJson(result))`, in pieces (see `jsonPieces`). */
export function drawJsonPieces(result: DrawResult): Iterable<string> {
  return jsonPieces(drawJsonHead(result), 'candidates', result.outcomes.length, candidateAt(result));
}

/** Items per piece: large enough for few writes, small enough that no piece weighs much. */
const ITEMS_PER_PIECE = 2_000;

/**
 * The text of `JSON.stringify({ ...head, [key]: items })`, byte for byte, as a sequence of pieces,
 * each item's object built only when its piece is written: a table of a million rows is printed
 * without holding a million objects and their whole text at once.
 */
export function* jsonPieces(head: object, key: string, count: number, item: (index: number) => unknown): Generator<string> {
  // The last key holds an empty array: its text up to that array's "[" is the opening piece.
  const open = JSON.stringify({ ...head, [key]: [] });
  yield open.slice(0, -2);
  for (let start = 0; start < count; start += ITEMS_PER_PIECE) {
    const items: unknown[] = [];
    for (let i = start; i < Math.min(count, start + ITEMS_PER_PIECE); i++) items.push(item(i));
    // An array's text without its brackets is its items joined by commas.
    yield (start === 0 ? '' : ',') + JSON.stringify(items).slice(1, -1);
  }
  yield ']}';
}
