/**
 * An independent, deliberately naive re-implementation of ALGORITHM.md (`tirage-cln/1`) §3–§8,
 * and of `tirage-cln/2` (§10),
 * written from the specification alone (without reading the engine in src/core) so that the
 * property tests can compare the engine against it. It favours plainness over speed: the seat
 * allocation is found by enumerating every feasible vector, and probabilities are exact fractions.
 *
 * Input: candidates that are already normalised and eligible (§2 has been applied by the caller).
 *
 * How this file reads the places where ALGORITHM.md leaves room for interpretation:
 *
 *  R1. line0 (§3) is written with the literal values of the Roubaix preset. For other rules it is
 *      read as JSON([algorithm, referenceDate, seatsPerSector, minimumAge, ageRuleAbove,
 *      priorityBands, sectors]) — the same positions, filled from the rules in use.
 *  R2. `norm` (§2): NFC first, then every run of characters matching JavaScript's `\s` (with the
 *      `u` flag; this includes U+00A0, U+202F, U+FEFF, line breaks, and the other Unicode `Zs`
 *      characters, but not U+200B) becomes one U+0020, then trim. `fold`: `norm`, NFD, remove
 *      every `\p{M}` (all combining marks: Mn, Mc, Me), then `toLowerCase()` (locale-independent).
 *  R3. The candidate's age in line(c) is the integer age at the reference date (computed from the
 *      birth date, or the age column when the table has no birth-date column); birthDateISO is
 *      `YYYY-MM-DD`, or "" when there is none. `id` is the text id ("" when no id column).
 *  R4. Two eligible candidates can never have identical lines (identical lines would mean identical
 *      folded names and birth date/age, i.e. a `duplicate`), so the canonical order is total.
 *  R5. §5 with no candidate at all: every seats_s is 0, the only vector is (0,…,0), count = 1, and
 *      `rng()` is still drawn once (the text says "always exactly once").
 *  R6. §5 "index floor(u · count)" is computed in IEEE doubles: `Math.floor(u * count)`.
 *  R7. §6 with N ≤ 1 draws no number from rng (the loop runs for i from N−1 down to 1).
 *  R8. §7: the quota of women in sector s is f_s, of men seats_s − f_s. "More than 2" is
 *      `groupSize > ageRuleAbove`. The priority flag is true for a candidate in a priority band of
 *      a group where the age rule applies, whatever the quota (even when everyone is selected).
 *      Candidates not selected are all 'reserve' (no other status for eligible candidates); a
 *      selected candidate has reserveRank null.
 *  R9. §8: the cases are tried in the order written: k ≥ n → 1; else if the age rule applies →
 *      priority min(k,p)/p, others max(0,k−p)/(n−p) (p = 0 or p = n make one branch vacuous: no
 *      candidate falls in it); otherwise k/n. The probability is the plain arithmetic mean of
 *      these fractions over the kept vectors (every kept vector weighted 1/count).
 *  R10. Bands are inclusive at both ends, `max` null meaning no upper bound (65 and over).
 *  R11. Example A of the slides (one sector, 3 women, 5 men → 3 women + 1 man) cannot come from
 *      §5 for a lone sector: the city-wide objective |2Σf − S| alone gives f = 2 (2 women, 2 men).
 *      It comes out as 3 + 1 only when the rest of the city has more men than women (criterion 2's
 *      "ajustements selon candidatures par secteur"); the tests show both.
 *
 *
 * `tirage-cln/2` (§10), `naiveSealedDraw`, written from §10 alone:
 *
 *  R12. The key K is given as 64 hex digits; the HMAC key is the 32 bytes they spell. line(c) is the
 *      §3 line exactly as R3 reads it; its UTF-8 bytes are the HMAC message. "hex" is lower case, so
 *      the receipt is the first 24 characters of the lower-case hex HMAC, and the seal hashes the
 *      text "tirage-cln/2\n" followed by those 24 characters.
 *  R13. priority(c) in public(c) is the §7 flag (R8), written as a JSON boolean; sector and sex as
 *      in line(c). line0 is R1's line with "tirage-cln/2" in first position.
 *  R14. "Then §4–§8 apply as written": the same code as `/1` runs from the fingerprint on, with the
 *      canonical order being the sorted publics. HMAC and SHA-256 here come from Node's crypto, not
 *      from the library the engine uses, so that the two sides share no hashing code.
 *
 * Number value of a probability: the exact reduced fraction num/den (BigInt) is converted as
 * Number(num) / Number(den) (both are far below 2^53 on the tables used here; the division is a
 * single correctly rounded IEEE operation).
 */
import { createHash, createHmac } from 'node:crypto';
import seedrandom from 'seedrandom';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

export type RefSex = 'F' | 'H';

export interface RefCandidate {
  row: number;
  id: string;
  lastName: string;
  firstName: string;
  sex: RefSex;
  sector: string;
  /** ISO `YYYY-MM-DD`, or "" when the table gives only an age. */
  birthDate: string;
  age: number;
}

/** The parts of the rules that the draw reads (structurally compatible with src/core's Rules). */
export interface RefRules {
  sectors: readonly string[];
  seatsPerSector: number;
  minimumAge: number;
  priorityBands: readonly (readonly [number, number | null])[];
  ageRuleAbove: number;
}

export const REF_ROUBAIX_RULES: RefRules = {
  sectors: ['Centre', 'Est', 'Ouest', 'Nord', 'Sud'],
  seatsPerSector: 4,
  minimumAge: 16,
  priorityBands: [
    [16, 25],
    [65, null],
  ],
  ageRuleAbove: 2,
};

export type RefStatus = 'selected' | 'reserve';

export interface RefOutcome {
  row: number;
  id: string;
  drawNumber: number;
  status: RefStatus;
  reserveRank: number | null;
  priority: boolean;
  /** Number(num) / Number(den) of the exact fraction. */
  probability: number;
  /** The exact probability, reduced, as "num/den". */
  fraction: string;
  exact: Fraction;
}

export interface RefResult {
  line0: string;
  /** The canonical lines, sorted. */
  lines: string[];
  fingerprint: string;
  seedKey: string;
  seats: number;
  /** seats_s per sector. */
  sectorSeats: Record<string, number>;
  /** Every kept vector (women per sector, rules order), sorted ascending lexicographically. */
  keptVectors: number[][];
  optimalAllocations: number;
  /** The u drawn for the allocation and the index it picked. */
  allocationDraw: { u: number; index: number };
  allocation: Record<string, { F: number; H: number }>;
  /** One outcome per input candidate, in the input order. */
  candidates: RefOutcome[];
}

// ---------------------------------------------------------------------------------------------
// Text (§2) — used here for the seed, and by the table generator; candidates arrive already normalised.

export function refNorm(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export function refFold(text: string): string {
  return refNorm(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Full years at the reference date (§2). Both dates ISO `YYYY-MM-DD`. */
export function refAge(birthISO: string, referenceISO: string): number {
  const [by, bm, bd] = birthISO.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = referenceISO.split('-').map(Number) as [number, number, number];
  const birthdayNotYetReached = rm < bm || (rm === bm && rd < bd);
  return ry - by - (birthdayNotYetReached ? 1 : 0);
}

/**
 * §2: an age above 120 at the reference date is `invalid_birth_date` (a change made before the
 * first public use). The reference takes eligible candidates; the table generator uses this to
 * know which ages it may give them.
 */
export const REF_MAXIMUM_AGE = 120;

export function refAgeIsPossible(age: number): boolean {
  return age <= REF_MAXIMUM_AGE;
}

/** §2's sex words, with the leading article of online forms (« Une femme ») dropped. */
export function refSex(text: string): RefSex | null {
  const word = refFold(text).replace(/^(une|un) /, '');
  if (['f', 'femme', 'feminin', 'mme', 'madame', 'mlle', 'mademoiselle'].includes(word)) return 'F';
  if (['h', 'homme', 'masculin', 'm', 'm.', 'mr', 'monsieur'].includes(word)) return 'H';
  return null;
}

export function refInPriorityBand(rules: RefRules, age: number): boolean {
  for (const [min, max] of rules.priorityBands) {
    if (age >= min && (max === null || age <= max)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Exact fractions

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export class Fraction {
  readonly num: bigint;
  readonly den: bigint;
  constructor(num: bigint | number, den: bigint | number = 1n) {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new Error('fraction with zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    this.num = g === 0n ? 0n : n / g;
    this.den = g === 0n ? 1n : d / g;
  }
  add(o: Fraction): Fraction {
    return new Fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  divideBy(k: bigint | number): Fraction {
    return new Fraction(this.num, this.den * BigInt(k));
  }
  equals(o: Fraction): boolean {
    return this.num === o.num && this.den === o.den;
  }
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }
  toString(): string {
    return `${this.num}/${this.den}`;
  }
}

// ---------------------------------------------------------------------------------------------
// §3 Fingerprint

export function refLine0(referenceDate: string, rules: RefRules, algorithm: 'tirage-cln/1' | 'tirage-cln/2' = 'tirage-cln/1'): string {
  return JSON.stringify([
    algorithm,
    referenceDate,
    rules.seatsPerSector,
    rules.minimumAge,
    rules.ageRuleAbove,
    rules.priorityBands,
    rules.sectors,
  ]);
}

export function refLine(c: RefCandidate): string {
  return JSON.stringify([c.sector, c.sex, c.lastName, c.firstName, c.birthDate, c.age, c.id]);
}

function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

// ---------------------------------------------------------------------------------------------
// §5 Seat allocation, by enumerating every feasible vector

interface SectorCounts {
  women: number;
  men: number;
  seats: number;
  lo: number;
  hi: number;
}

function sectorCounts(candidates: readonly RefCandidate[], rules: RefRules): SectorCounts[] {
  return rules.sectors.map((sector) => {
    const women = candidates.filter((c) => c.sector === sector && c.sex === 'F').length;
    const men = candidates.filter((c) => c.sector === sector && c.sex === 'H').length;
    const seats = Math.min(rules.seatsPerSector, women + men);
    return { women, men, seats, lo: Math.max(0, seats - men), hi: Math.min(women, seats) };
  });
}

/** Every vector f with lo_s ≤ f_s ≤ hi_s, in ascending lexicographic order. */
export function allFeasibleVectors(counts: readonly { lo: number; hi: number }[]): number[][] {
  let vectors: number[][] = [[]];
  for (const { lo, hi } of counts) {
    const next: number[][] = [];
    for (const prefix of vectors) {
      for (let f = lo; f <= hi; f++) next.push([...prefix, f]);
    }
    vectors = next;
  }
  return vectors;
}

function compareLex(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! - b[i]!;
  }
  return 0;
}

export function keptVectorsFor(counts: readonly SectorCounts[]): number[][] {
  const S = counts.reduce((t, c) => t + c.seats, 0);
  const all = allFeasibleVectors(counts);
  const parity = (f: number[]): number => Math.abs(2 * f.reduce((t, x) => t + x, 0) - S);
  const balance = (f: number[]): number =>
    f.reduce((t, x, s) => t + Math.abs(2 * x - counts[s]!.seats), 0);
  const bestParity = Math.min(...all.map(parity));
  const step1 = all.filter((f) => parity(f) === bestParity);
  const bestBalance = Math.min(...step1.map(balance));
  const step2 = step1.filter((f) => balance(f) === bestBalance);
  return step2.sort(compareLex);
}

// ---------------------------------------------------------------------------------------------
// §8 probability of one candidate for one vector

function groupProbability(
  n: number,
  k: number,
  ageRuleApplies: boolean,
  p: number,
  isPriority: boolean,
): Fraction {
  if (k >= n) return new Fraction(1);
  if (ageRuleApplies) {
    if (isPriority) return new Fraction(Math.min(k, p), p);
    return new Fraction(Math.max(0, k - p), n - p);
  }
  return new Fraction(k, n);
}

// ---------------------------------------------------------------------------------------------
// The draw

export function naiveDraw(
  candidates: readonly RefCandidate[],
  referenceDate: string,
  publicSeed: string,
  rules: RefRules = REF_ROUBAIX_RULES,
): RefResult {
  // §3
  return drawFromLines(candidates.map(refLine), refLine0(referenceDate, rules), candidates, publicSeed, rules);
}

/** The §7 priority flag of each candidate (R8): in a priority band, in a group where the age rule applies. */
export function refPriorities(candidates: readonly RefCandidate[], rules: RefRules = REF_ROUBAIX_RULES): boolean[] {
  return candidates.map((c) => {
    const groupSize = candidates.filter((d) => d.sector === c.sector && d.sex === c.sex).length;
    return groupSize > rules.ageRuleAbove && refInPriorityBand(rules, c.age);
  });
}

export interface RefSealedResult extends RefResult {
  /** Receipt and seal of each input candidate, in the input order. */
  receipts: string[];
  seals: string[];
}

/** §10: the sealed draw, with the sealing key K as 64 hex digits. */
export function naiveSealedDraw(
  candidates: readonly RefCandidate[],
  referenceDate: string,
  publicSeed: string,
  key: string,
  rules: RefRules = REF_ROUBAIX_RULES,
): RefSealedResult {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('the sealing key is 64 lower-case hex digits');
  const keyBytes = Buffer.from(key, 'hex');
  const receipts = candidates.map((c) => createHmac('sha256', keyBytes).update(Buffer.from(refLine(c), 'utf8')).digest('hex').slice(0, 24));
  const seals = receipts.map((receipt) => nodeSha256Hex('tirage-cln/2\n' + receipt));
  const priorities = refPriorities(candidates, rules);
  const publics = candidates.map((c, i) => JSON.stringify([seals[i], c.sector, c.sex, priorities[i]]));
  const result = drawFromLines(publics, refLine0(referenceDate, rules, 'tirage-cln/2'), candidates, publicSeed, rules);
  return { ...result, receipts, seals };
}

function nodeSha256Hex(text: string): string {
  return createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
}

/**
 * §3 (or §10) from the lines on, then §4–§8: `candidateLines[i]` is the fingerprinted line of
 * `candidates[i]`; sorted, they are the canonical order.
 */
function drawFromLines(
  candidateLines: readonly string[],
  line0: string,
  candidates: readonly RefCandidate[],
  publicSeed: string,
  rules: RefRules,
): RefResult {
  const withLines = candidates.map((c, inputIndex) => ({ c, inputIndex, line: candidateLines[inputIndex]! }));
  const canonical = [...withLines].sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
  for (let i = 1; i < canonical.length; i++) {
    if (canonical[i]!.line === canonical[i - 1]!.line) throw new Error('two identical lines');
  }
  const lines = canonical.map((x) => x.line);
  const fingerprint = sha256Hex(line0 + '\n' + lines.join('\n'));

  // §4
  const seed = refNorm(publicSeed);
  if (seed === '') throw new Error('empty public seed');
  const seedKey = sha256Hex(fingerprint + '\n' + seed);
  const rng = seedrandom(seedKey);

  // §5 — the allocation's single rng() call comes first
  const counts = sectorCounts(candidates, rules);
  const S = counts.reduce((t, c) => t + c.seats, 0);
  const kept = keptVectorsFor(counts);
  const u = rng();
  const index = Math.floor(u * kept.length);
  const chosen = kept[index]!;
  const allocation: Record<string, { F: number; H: number }> = {};
  const sectorSeats: Record<string, number> = {};
  rules.sectors.forEach((sector, s) => {
    allocation[sector] = { F: chosen[s]!, H: counts[s]!.seats - chosen[s]! };
    sectorSeats[sector] = counts[s]!.seats;
  });

  // §6 — Fisher–Yates over the canonical order
  const a = canonical.map((x) => x.inputIndex);
  for (let i = a.length - 1; i >= 1; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  const drawNumber: number[] = new Array<number>(candidates.length);
  a.forEach((inputIndex, p) => {
    drawNumber[inputIndex] = p + 1;
  });

  // §7 — selection per (sector, sex)
  const status: RefStatus[] = new Array<RefStatus>(candidates.length);
  const reserveRank: (number | null)[] = new Array<number | null>(candidates.length);
  const priority: boolean[] = new Array<boolean>(candidates.length);
  for (const sector of rules.sectors) {
    for (const sex of ['F', 'H'] as const) {
      const group = candidates
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => c.sector === sector && c.sex === sex)
        .sort((x, y) => drawNumber[x.i]! - drawNumber[y.i]!);
      const ageRule = group.length > rules.ageRuleAbove;
      for (const { c, i } of group) priority[i] = ageRule && refInPriorityBand(rules, c.age);
      const ordered = ageRule
        ? [...group.filter(({ i }) => priority[i]), ...group.filter(({ i }) => !priority[i])]
        : group;
      const k = sex === 'F' ? allocation[sector]!.F : allocation[sector]!.H;
      ordered.forEach(({ i }, position) => {
        if (position < k) {
          status[i] = 'selected';
          reserveRank[i] = null;
        } else {
          status[i] = 'reserve';
          reserveRank[i] = position - k + 1;
        }
      });
    }
  }
  candidates.forEach((c, i) => {
    if (status[i] === undefined) throw new Error(`candidate in unknown sector ${c.sector}`);
  });

  // §8 — probabilities, mean over the kept vectors
  const probability: Fraction[] = candidates.map((c) => {
    const s = rules.sectors.indexOf(c.sector);
    const group = candidates.filter((d) => d.sector === c.sector && d.sex === c.sex);
    const n = group.length;
    const ageRule = n > rules.ageRuleAbove;
    const p = group.filter((d) => refInPriorityBand(rules, d.age)).length;
    const isPriority = refInPriorityBand(rules, c.age);
    let total = new Fraction(0);
    for (const f of kept) {
      const k = c.sex === 'F' ? f[s]! : counts[s]!.seats - f[s]!;
      total = total.add(groupProbability(n, k, ageRule, p, isPriority));
    }
    return total.divideBy(kept.length);
  });

  return {
    line0,
    lines,
    fingerprint,
    seedKey,
    seats: S,
    sectorSeats,
    keptVectors: kept,
    optimalAllocations: kept.length,
    allocationDraw: { u, index },
    allocation,
    candidates: candidates.map((c, i) => ({
      row: c.row,
      id: c.id,
      drawNumber: drawNumber[i]!,
      status: status[i]!,
      reserveRank: reserveRank[i] ?? null,
      priority: priority[i]!,
      probability: probability[i]!.toNumber(),
      fraction: probability[i]!.toString(),
      exact: probability[i]!,
    })),
  };
}
