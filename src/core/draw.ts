/**
 * The draw from start to end, in two steps as in the public session: `prepareDraw` checks the
 * table and computes the fingerprint and the chances (shown before the seed is chosen);
 * `drawLots` then applies the public seed.
 */
import { hasPriority, selectionPlaces } from './agePriority';
import { isEligible, readCandidatures, type Candidature } from './candidatures';
import { parseIsoDate } from './dates';
import type { ColumnMapping } from './columns';
import { InputError, type IneligibilityCode, type RowProblem } from './errors';
import { canonicalise, PLAIN, type Canonical, type Sealing } from './fingerprint';
import { ZERO, type Fraction } from './fraction';
import { groupBySectorAndSex, sectorCounts } from './groups';
import { allocationSpace, chooseIndex, type AllocationSpace } from './parity';
import { groupChances, groupShape } from './probabilities';
import { ROUBAIX_CLN_2025, SEALED_ALGORITHM, type AlgorithmId, type Rules } from './rules';
import { checkSealingKey } from './seal';
import { generatorFor, normalisePublicSeed, seedKeyOf } from './seed';
import { WHOLE_SHEET, type CellArea, type Sheet } from './sheet';
import { shuffleDrawNumbers } from './drawNumbers';

export interface PrepareOptions {
  /** ISO `YYYY-MM-DD`: the day of the public draw. */
  referenceDate: string;
  /** Record ineligible rows with their reason instead of refusing the whole table. */
  excludeInvalid: boolean;
  rules?: Rules;
  /** Columns named explicitly by the operator (`--columns`); the record keeps them. */
  columns?: ColumnMapping;
  /** The candidature table's range when it is an Excel table; the whole sheet when absent. The record keeps it. */
  bounds?: CellArea | null;
  /**
   * The sealing key (64 lower-case hex digits), for a sealed draw, `tirage-cln/2` (ALGORITHM.md §10);
   * without it, `tirage-cln/1`. Drawn by the front end from a secure generator, never here.
   */
  sealingKey?: string;
}

export interface PreparedDraw {
  /** The version of the draw, as the canonical order and fingerprint were made (`canonical.algorithm`). */
  algorithm: AlgorithmId;
  rules: Rules;
  referenceDate: string;
  /** The header's row number in the candidature sheet, when the draw was read from one. */
  headerRow: number | null;
  /** Columns named explicitly by the operator, empty when all were recognised by their names. */
  columnMapping: ColumnMapping;
  /** The range of the Excel table the candidatures were read from; null when they were read from the whole sheet. */
  bounds: CellArea | null;
  /** Every non-blank row, in row order. */
  candidatures: Candidature[];
  canonical: Canonical;
  space: AllocationSpace;
  /** Chance of each candidature (row order), before any seed; zero for ineligible rows. */
  chances: Fraction[];
  /** Priority flag of each candidature (row order). */
  priorities: boolean[];
}

export function referenceDateOf(text: string) {
  const date = parseIsoDate(text);
  if (date === null) {
    throw new InputError({ code: 'bad_reference_date', reason: 'unreadable', date: text });
  }
  return date;
}

export function prepareDraw(sheet: Sheet, options: PrepareOptions): PreparedDraw {
  const rules = options.rules ?? ROUBAIX_CLN_2025;
  const reference = referenceDateOf(options.referenceDate);
  const { columns, candidatures } = readCandidatures(sheet, options.bounds ?? WHOLE_SHEET, rules, reference, options.columns);
  if (candidatures.length === 0) {
    throw new InputError({ code: 'no_candidatures', source: sheet.source, headerRow: columns.headerRow });
  }
  return prepareCandidatures(candidatures, { ...options, rules }, columns.headerRow);
}

/**
 * The same, from candidatures already read: `verify` rebuilds them from the record's data sheet,
 * without any table to parse.
 */
export function prepareCandidatures(candidatures: Candidature[], options: PrepareOptions, headerRow: number | null): PreparedDraw {
  const rules = options.rules ?? ROUBAIX_CLN_2025;
  referenceDateOf(options.referenceDate);
  if (options.sealingKey !== undefined) checkSealingKey(options.sealingKey);
  const problems: RowProblem[] = [];
  for (const c of candidatures) for (const problem of c.problems) problems.push(problem);
  if (problems.length > 0 && !options.excludeInvalid) {
    throw new InputError({ code: 'ineligible_rows', problems });
  }
  const eligible = candidatures.filter(isEligible);
  if (eligible.length === 0) {
    throw new InputError({ code: 'no_eligible' });
  }

  const groups = groupBySectorAndSex(rules, eligible);
  const space = allocationSpace(rules, sectorCounts(groups));
  const shapes = groups.map((g) => ({ F: groupShape(rules, g.F.map((c) => c.age)), H: groupShape(rules, g.H.map((c) => c.age)) }));
  const chancesByGroup = groupChances(rules, space, shapes);
  const sectorIndex = sectorIndexes(rules);
  const priorities: boolean[] = new Array<boolean>(candidatures.length);
  const chances: Fraction[] = new Array<Fraction>(candidatures.length);
  const eligiblePriorities: boolean[] = [];
  candidatures.forEach((c, i) => {
    if (!isEligible(c)) {
      priorities[i] = false;
      chances[i] = ZERO;
      return;
    }
    const s = sectorIndex.get(c.sector) as number;
    const priority = hasPriority(rules, groups[s][c.sex].length, c.age);
    priorities[i] = priority;
    eligiblePriorities.push(priority);
    chances[i] = priority ? chancesByGroup[s][c.sex].priority : chancesByGroup[s][c.sex].other;
  });
  // §10 seals the priority flag with each line: the age rule is decided above, once, for both versions.
  const sealing: Sealing = options.sealingKey === undefined ? PLAIN : { algorithm: SEALED_ALGORITHM, key: options.sealingKey, priorities: eligiblePriorities };
  const canonical = canonicalise(rules, options.referenceDate, eligible, sealing);
  const columnMapping = options.columns ?? {};
  const bounds = options.bounds ?? null;
  return { algorithm: canonical.algorithm, rules, referenceDate: options.referenceDate, headerRow, columnMapping, bounds, candidatures, canonical, space, chances, priorities };
}

export type Status = 'selected' | 'reserve' | 'ineligible';

export interface CandidateOutcome {
  candidature: Candidature;
  reason: IneligibilityCode | null;
  priority: boolean;
  drawNumber: number | null;
  status: Status;
  reserveRank: number | null;
  probability: Fraction;
}

export interface SeatAllocation {
  sector: string;
  seats: number;
  women: number;
  men: number;
}

export interface DrawResult {
  prepared: PreparedDraw;
  publicSeed: string;
  seedKey: string;
  /** The generator's first output, which chose the allocation. */
  allocationDraw: number;
  allocationIndex: bigint;
  allocation: SeatAllocation[];
  /** One per non-blank row, in row order. */
  outcomes: CandidateOutcome[];
}

export function drawLots(prepared: PreparedDraw, publicSeed: string): DrawResult {
  const { rules, canonical, space } = prepared;
  const seed = normalisePublicSeed(publicSeed);
  const seedKey = seedKeyOf(canonical.fingerprint, seed);
  const rng = generatorFor(seedKey);

  // The allocation's draw comes first, and always happens, so every implementation stays in step.
  const allocationDraw = rng();
  const allocationIndex = chooseIndex(allocationDraw, space.count);
  const women = space.unrank(allocationIndex);
  const allocation = space.sectors.map((sector, s) => ({
    sector: rules.sectors[s],
    seats: sector.seats,
    women: women[s],
    men: sector.seats - women[s],
  }));

  const numbers = shuffleDrawNumbers(canonical.order.length, rng);
  const positionOf = canonicalPositions(prepared);
  // Group (sector × 2 + sex) and priority flag of each canonical position; the flag is the one
  // prepareDraw decided, so the age rule is applied in one place.
  const sectorIndex = sectorIndexes(rules);
  const group = new Int32Array(numbers.length);
  const priority: boolean[] = new Array<boolean>(numbers.length);
  positionOf.forEach((position, i) => {
    if (position < 0) return;
    const c = canonical.order[position];
    group[position] = (sectorIndex.get(c.sector) as number) * 2 + (c.sex === 'F' ? 0 : 1);
    priority[position] = prepared.priorities[i];
  });
  const places = selectionPlaces(numbers, group, priority, rules.sectors.length * 2);
  const status: Status[] = new Array<Status>(numbers.length);
  const reserveRank: (number | null)[] = new Array<number | null>(numbers.length);
  for (let position = 0; position < numbers.length; position++) {
    const seats = allocation[group[position] >> 1];
    const quota = group[position] % 2 === 0 ? seats.women : seats.men;
    const place = places[position];
    status[position] = place < quota ? 'selected' : 'reserve';
    reserveRank[position] = place < quota ? null : place - quota + 1;
  }

  const outcomes = prepared.candidatures.map((candidature, i): CandidateOutcome => {
    const position = positionOf[i];
    const drawn = position >= 0;
    return {
      candidature,
      reason: candidature.problems[0]?.code ?? null,
      priority: prepared.priorities[i],
      drawNumber: drawn ? numbers[position] : null,
      status: drawn ? status[position] : 'ineligible',
      reserveRank: drawn ? reserveRank[position] : null,
      probability: prepared.chances[i],
    };
  });
  return { prepared, publicSeed: seed, seedKey, allocationDraw, allocationIndex, allocation, outcomes };
}

function sectorIndexes(rules: Rules): Map<string, number> {
  return new Map(rules.sectors.map((name, i) => [name, i]));
}

/** For each candidature (row order), its canonical position, or −1 when it is ineligible. */
export function canonicalPositions(prepared: PreparedDraw): Int32Array {
  const eligibleIndexes: number[] = [];
  prepared.candidatures.forEach((c, i) => {
    if (isEligible(c)) eligibleIndexes.push(i);
  });
  const positions = new Int32Array(prepared.candidatures.length).fill(-1);
  prepared.canonical.sourceIndex.forEach((source, position) => (positions[eligibleIndexes[source]] = position));
  return positions;
}

export function drawFromTable(sheet: Sheet, options: PrepareOptions & { publicSeed: string }): DrawResult {
  // The seed is checked before anything else: an empty seed is an operator's slip, not a table problem.
  normalisePublicSeed(options.publicSeed);
  return drawLots(prepareDraw(sheet, options), options.publicSeed);
}
