/**
 * The draw from start to end, in two steps as in the public session: `prepareDraw` checks the
 * table and computes the fingerprint and the chances (shown before the seed is chosen);
 * `drawLots` then applies the public seed.
 */
import { hasPriority, selectionPlaces } from './agePriority';
import { isEligible, readCandidatures, type Candidature } from './candidatures';
import { refuseUnrecordableCandidatures } from './recordCapacity';
import { parseIsoDate } from './dates';
import type { ColumnMapping } from './columns';
import { describeRowProblem, ineligibleRowsSummary, InputError, type IneligibilityCode, type RowProblem } from './errors';
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
    throw new InputError(
      'bad_reference_date',
      `Date du tirage invalide « ${text} ». Indiquez-la au format AAAA-MM-JJ, par exemple 2025-06-13.`,
    );
  }
  return date;
}

export function prepareDraw(sheet: Sheet, options: PrepareOptions): PreparedDraw {
  const rules = options.rules ?? ROUBAIX_CLN_2025;
  const reference = referenceDateOf(options.referenceDate);
  const { columns, candidatures } = readCandidatures(sheet, options.bounds ?? WHOLE_SHEET, rules, reference, options.columns);
  // Before the fingerprint is shown: a name the record could not write is said now, not after the seed.
  refuseUnrecordableCandidatures(sheet.source, candidatures);
  if (candidatures.length === 0) {
    throw new InputError(
      'no_candidatures',
      `${sheet.source} : aucune candidature sous la ligne d’en-tête (ligne ${columns.headerRow}). Vérifiez le fichier ou la feuille choisie.`,
    );
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
    const rows = new Set(problems.map((p) => p.row)).size;
    throw new InputError(
      'ineligible_rows',
      ineligibleRowsSummary(rows),
      problems.map(describeRowProblem),
      { problems },
    );
  }
  const eligible = candidatures.filter(isEligible);
  if (eligible.length === 0) {
    throw new InputError('no_eligible', 'Aucune candidature recevable : il n’y a personne à tirer au sort.');
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

/**
 * What a draw's public sheets state, and the replacement rule needs: a `DrawResult` is one; a
 * public record (`tirage-cln/2`) rebuilds one from its sealed lines alone, whose candidatures then
 * hold only the public fields (sector, sex, and the names of members and reserves).
 */
export interface DrawFacts {
  prepared: Pick<PreparedDraw, 'algorithm' | 'rules' | 'referenceDate' | 'space'> & { canonical: Pick<Canonical, 'fingerprint' | 'headerLine'> };
  publicSeed: string;
  seedKey: string;
  allocation: SeatAllocation[];
  /** One per candidature, eligible or not. */
  outcomes: CandidateOutcome[];
}

/** §4–§7 over a canonical order: what the seed gives each canonical position. */
export interface PositionsDraw {
  seedKey: string;
  allocationDraw: number;
  allocationIndex: bigint;
  allocation: SeatAllocation[];
  /** By canonical position: draw number (1-based), status and reserve rank (null for a member). */
  drawNumbers: Uint32Array;
  status: Exclude<Status, 'ineligible'>[];
  reserveRank: (number | null)[];
}

/** The group of a (sector, sex) in `drawPositions`: sector index × 2, then 0 for women and 1 for men. */
export function groupOf(sectorIndex: number, sex: 'F' | 'H'): number {
  return sectorIndex * 2 + (sex === 'F' ? 0 : 1);
}

/**
 * §4–§7: the seed key, the allocation (§5), the draw numbers (§6) and the selection (§7) of the
 * candidates in canonical order, each known by its group (`groupOf`) and priority flag. The one
 * place where a draw is made: from the candidatures (`drawLots`) and from a public record's sealed
 * lines alike.
 */
export function drawPositions(
  rules: Rules,
  space: AllocationSpace,
  fingerprint: string,
  publicSeed: string,
  group: Int32Array,
  priority: ArrayLike<boolean>,
): PositionsDraw {
  const seedKey = seedKeyOf(fingerprint, publicSeed);
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

  const drawNumbers = shuffleDrawNumbers(group.length, rng);
  const places = selectionPlaces(drawNumbers, group, priority, rules.sectors.length * 2);
  const status: Exclude<Status, 'ineligible'>[] = new Array<Exclude<Status, 'ineligible'>>(group.length);
  const reserveRank: (number | null)[] = new Array<number | null>(group.length);
  for (let position = 0; position < group.length; position++) {
    const seats = allocation[group[position] >> 1];
    const quota = group[position] % 2 === 0 ? seats.women : seats.men;
    const place = places[position];
    status[position] = place < quota ? 'selected' : 'reserve';
    reserveRank[position] = place < quota ? null : place - quota + 1;
  }
  return { seedKey, allocationDraw, allocationIndex, allocation, drawNumbers, status, reserveRank };
}

export function drawLots(prepared: PreparedDraw, publicSeed: string): DrawResult {
  const { rules, canonical, space } = prepared;
  const seed = normalisePublicSeed(publicSeed);
  const positionOf = canonicalPositions(prepared);
  // Group and priority flag of each canonical position; the flag is the one prepareDraw decided,
  // so the age rule is applied in one place.
  const sectorIndex = sectorIndexes(rules);
  const count = canonical.order.length;
  const group = new Int32Array(count);
  const priority: boolean[] = new Array<boolean>(count);
  positionOf.forEach((position, i) => {
    if (position < 0) return;
    const c = canonical.order[position];
    group[position] = groupOf(sectorIndex.get(c.sector) as number, c.sex);
    priority[position] = prepared.priorities[i];
  });
  const drawn = drawPositions(rules, space, canonical.fingerprint, seed, group, priority);

  const outcomes = prepared.candidatures.map((candidature, i): CandidateOutcome => {
    const position = positionOf[i];
    const eligible = position >= 0;
    return {
      candidature,
      reason: candidature.problems[0]?.code ?? null,
      priority: prepared.priorities[i],
      drawNumber: eligible ? drawn.drawNumbers[position] : null,
      status: eligible ? drawn.status[position] : 'ineligible',
      reserveRank: eligible ? drawn.reserveRank[position] : null,
      probability: prepared.chances[i],
    };
  });
  const { seedKey, allocationDraw, allocationIndex, allocation } = drawn;
  return { prepared, publicSeed: seed, seedKey, allocationDraw, allocationIndex, allocation, outcomes };
}

export function sectorIndexes(rules: Rules): Map<string, number> {
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
