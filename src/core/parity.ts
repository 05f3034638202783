/**
 * ALGORITHM.md §5, criterion 2 (parity): how many women and men each sector seats.
 *
 * The kept vectors f = (women per sector) are those that minimise, in this order, the city-wide
 * gap |2·Σf − S| and then the sum of the sectors' gaps Σ|2·f_s − seats_s|. Their number grows
 * exponentially with the number of sectors, so they are never listed: a dynamic programme over
 * "women seated so far" counts them (prefix and suffix tables of minimal cost and number of ways),
 * which is enough to unrank the chosen one and to count, for probabilities, how many kept vectors
 * give each sector each number of women.
 */
import type { Rules } from './rules';

export interface SectorCounts {
  women: number;
  men: number;
}

export interface SectorSeats {
  seats: number;
  /** Least and greatest number of women the sector can seat. */
  minWomen: number;
  maxWomen: number;
}

interface Cell {
  cost: number;
  ways: bigint;
}
const UNREACHABLE: Cell = { cost: Infinity, ways: 0n };

/** Layer[t]: the cheapest way(s) to seat exactly t women over a run of sectors. */
type Layer = Cell[];

export interface AllocationSpace {
  sectors: SectorSeats[];
  /** S, the number of seats to fill. */
  totalSeats: number;
  /** How many vectors are kept. */
  count: bigint;
  /** The index-th kept vector in ascending lexicographic order (0-based). */
  unrank(index: bigint): number[];
  /** For each sector, the number of kept vectors giving it `minWomen + k` women, by k. */
  womenMarginals(): bigint[][];
}

export function sectorSeats(rules: Rules, counts: SectorCounts): SectorSeats {
  const seats = Math.min(rules.seatsPerSector, counts.women + counts.men);
  return { seats, minWomen: Math.max(0, seats - counts.men), maxWomen: Math.min(counts.women, seats) };
}

function sectorCost(sector: SectorSeats, women: number): number {
  return Math.abs(2 * women - sector.seats);
}

function extend(layer: Layer, sector: SectorSeats, size: number): Layer {
  const next: Layer = new Array<Cell>(size).fill(UNREACHABLE);
  layer.forEach((cell, t) => {
    if (cell.ways === 0n) return;
    for (let x = sector.minWomen; x <= sector.maxWomen; x++) {
      const cost = cell.cost + sectorCost(sector, x);
      const current = next[t + x];
      if (cost < current.cost) next[t + x] = { cost, ways: cell.ways };
      else if (cost === current.cost) next[t + x] = { cost, ways: current.ways + cell.ways };
    }
  });
  return next;
}

export function allocationSpace(rules: Rules, counts: readonly SectorCounts[]): AllocationSpace {
  const sectors = counts.map((c) => sectorSeats(rules, c));
  const totalSeats = sectors.reduce((sum, s) => sum + s.seats, 0);
  const size = totalSeats + 1;
  const start = (): Layer => {
    const layer: Layer = new Array<Cell>(size).fill(UNREACHABLE);
    layer[0] = { cost: 0, ways: 1n };
    return layer;
  };

  // suffix[s]: sectors s..end; prefix[s]: sectors 0..s−1.
  const suffix: Layer[] = new Array<Layer>(sectors.length + 1);
  suffix[sectors.length] = start();
  for (let s = sectors.length - 1; s >= 0; s--) suffix[s] = extend(suffix[s + 1], sectors[s], size);

  // Criterion 2 first asks for city-wide parity, then for balance inside each sector.
  const reachable = suffix[0].map((cell, t) => (cell.ways > 0n ? t : -1)).filter((t) => t >= 0);
  const bestGap = Math.min(...reachable.map((t) => Math.abs(2 * t - totalSeats)));
  const nearParity = reachable.filter((t) => Math.abs(2 * t - totalSeats) === bestGap);
  const minCost = Math.min(...nearParity.map((t) => suffix[0][t].cost));
  const keptTotals = nearParity.filter((t) => suffix[0][t].cost === minCost);
  const count = keptTotals.reduce((sum, t) => sum + suffix[0][t].ways, 0n);

  /** Kept vectors completing a prefix that seated `women` at `cost`, from sector s on. */
  const completions = (s: number, women: number, cost: number): bigint => {
    let ways = 0n;
    for (const total of keptTotals) {
      const rest = total - women;
      if (rest < 0 || rest >= size) continue;
      const cell = suffix[s][rest];
      if (cell.cost + cost === minCost) ways += cell.ways;
    }
    return ways;
  };

  return {
    sectors,
    totalSeats,
    count,
    unrank(index: bigint): number[] {
      if (index < 0n || index >= count) throw new RangeError(`no kept vector at index ${index}`);
      const vector: number[] = [];
      let women = 0;
      let cost = 0;
      let rest = index;
      sectors.forEach((sector, s) => {
        for (let x = sector.minWomen; x <= sector.maxWomen; x++) {
          const ways = completions(s + 1, women + x, cost + sectorCost(sector, x));
          if (rest < ways) {
            vector.push(x);
            women += x;
            cost += sectorCost(sector, x);
            return;
          }
          rest -= ways;
        }
      });
      return vector;
    },
    womenMarginals(): bigint[][] {
      let prefix = start();
      return sectors.map((sector, s) => {
        const marginal: bigint[] = [];
        for (let x = sector.minWomen; x <= sector.maxWomen; x++) {
          let ways = 0n;
          prefix.forEach((cell, t) => {
            if (cell.ways > 0n) ways += cell.ways * completions(s + 1, t + x, cell.cost + sectorCost(sector, x));
          });
          marginal.push(ways);
        }
        prefix = extend(prefix, sector, size);
        return marginal;
      });
    },
  };
}

/**
 * §5: index floor(u · count). Computed in IEEE doubles, as `Math.floor(rng() * count)` is in any
 * language, while count is below 2^53 (always so with the preset: at most 5^5 vectors); beyond,
 * the product is taken exactly, u being a dyadic rational. Clamped below count, which rounding
 * could otherwise reach.
 */
export function chooseIndex(u: number, count: bigint): bigint {
  let index: bigint;
  if (count <= BigInt(Number.MAX_SAFE_INTEGER)) {
    index = BigInt(Math.floor(u * Number(count)));
  } else {
    let scaled = u;
    let shift = 0n;
    while (scaled !== Math.floor(scaled)) {
      scaled *= 2;
      shift += 1n;
    }
    index = (BigInt(scaled) * count) >> shift;
  }
  return index < count ? index : count - 1n;
}
