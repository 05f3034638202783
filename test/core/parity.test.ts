import fc from 'fast-check';
import { ROUBAIX_CLN_2025, type Rules } from '../../src/core';
import { allocationSpace, chooseIndex, sectorSeats, type SectorCounts } from '../../src/core/parity';

/** Every feasible vector, listed: the definition of §5 without cleverness. */
function bruteForce(rules: Rules, counts: SectorCounts[]): number[][] {
  const sectors = counts.map((c) => sectorSeats(rules, c));
  const S = sectors.reduce((a, s) => a + s.seats, 0);
  let vectors: number[][] = [[]];
  for (const s of sectors) {
    const next: number[][] = [];
    for (const v of vectors) for (let x = s.minWomen; x <= s.maxWomen; x++) next.push([...v, x]);
    vectors = next;
  }
  const gap = (v: number[]) => Math.abs(2 * v.reduce((a, b) => a + b, 0) - S);
  const balance = (v: number[]) => v.reduce((a, x, i) => a + Math.abs(2 * x - sectors[i].seats), 0);
  const bestGap = Math.min(...vectors.map(gap));
  const kept1 = vectors.filter((v) => gap(v) === bestGap);
  const bestBalance = Math.min(...kept1.map(balance));
  // Vectors are built in ascending lexicographic order already.
  return kept1.filter((v) => balance(v) === bestBalance);
}

const countsArb = (sectors: number) =>
  fc.array(fc.record({ women: fc.nat(7), men: fc.nat(7) }), { minLength: sectors, maxLength: sectors });

describe('seats per sex (§5)', () => {
  it('keeps the single vector of 13 June 2025: f = (2, 2, 0, 2, 0)', () => {
    const space = allocationSpace(ROUBAIX_CLN_2025, [
      { women: 2, men: 0 },
      { women: 2, men: 3 },
      { women: 0, men: 1 },
      { women: 2, men: 4 },
      { women: 0, men: 2 },
    ]);
    expect(space.totalSeats).toBe(13);
    expect(space.count).toBe(1n);
    expect(space.unrank(0n)).toEqual([2, 2, 0, 2, 0]);
  });

  it('slide example A: a sector of 3 women and 5 men seats its 3 women and 1 man when the city lacks women', () => {
    const rules: Rules = { ...ROUBAIX_CLN_2025, sectors: ['A', 'Autre'] };
    const space = allocationSpace(rules, [
      { women: 3, men: 5 },
      { women: 0, men: 4 },
    ]);
    expect(space.count).toBe(1n);
    expect(space.unrank(0n)).toEqual([3, 0]);
    // Alone, the same sector is at parity with 2 and 2.
    expect(allocationSpace({ ...rules, sectors: ['A'] }, [{ women: 3, men: 5 }]).unrank(0n)).toEqual([2]);
  });

  it('slide example B: 1 woman and 6 men seat the woman by default and 3 men', () => {
    const alone: Rules = { ...ROUBAIX_CLN_2025, sectors: ['Secteur'] };
    expect(allocationSpace(alone, [{ women: 1, men: 6 }]).unrank(0n)).toEqual([1]);
  });

  it('agrees with brute-force enumeration, order included, on random sector counts', () => {
    fc.assert(
      fc.property(countsArb(5), (counts) => {
        const expected = bruteForce(ROUBAIX_CLN_2025, counts);
        const space = allocationSpace(ROUBAIX_CLN_2025, counts);
        expect(space.count).toBe(BigInt(expected.length));
        expected.forEach((v, i) => expect(space.unrank(BigInt(i))).toEqual(v));
      }),
      { numRuns: 300 },
    );
  });

  it('counts, for each sector, how many kept vectors give it each number of women', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }).chain(countsArb), (counts) => {
        const rules: Rules = { ...ROUBAIX_CLN_2025, sectors: counts.map((_, i) => `S${i}`) };
        const expected = bruteForce(rules, counts);
        const space = allocationSpace(rules, counts);
        space.womenMarginals().forEach((marginal, s) => {
          marginal.forEach((ways, k) => {
            const women = space.sectors[s].minWomen + k;
            expect(ways).toBe(BigInt(expected.filter((v) => v[s] === women).length));
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('stays fast and exact for many sectors, where vectors cannot be listed', () => {
    const sectors = Array.from({ length: 200 }, (_, i) => `S${i}`);
    const rules: Rules = { ...ROUBAIX_CLN_2025, sectors };
    // Every sector has 1 woman and 3 men: 4 seats, f in {0, 1}; parity needs 400 women... only 200 exist,
    // so every vector with all women seated is kept: exactly one.
    const lopsided = allocationSpace(rules, sectors.map(() => ({ women: 1, men: 3 })));
    expect(lopsided.count).toBe(1n);
    // 3 women and 3 men everywhere: f_s = 2 in every sector is the only perfect balance.
    const balanced = allocationSpace(rules, sectors.map(() => ({ women: 3, men: 3 })));
    expect(balanced.count).toBe(1n);
    // 1 seat (1 woman, 1 man) per sector: C(200, 100) vectors are kept, far beyond 2^53.
    const oneSeat: Rules = { ...rules, seatsPerSector: 1 };
    const huge = allocationSpace(oneSeat, sectors.map(() => ({ women: 1, men: 1 })));
    let binomial = 1n;
    for (let i = 1n; i <= 100n; i++) binomial = (binomial * (100n + i)) / i;
    expect(huge.count).toBe(binomial);
    const last = huge.unrank(huge.count - 1n);
    expect(last.slice(0, 100).every((x) => x === 1) && last.slice(100).every((x) => x === 0)).toBe(true);
    expect(huge.unrank(0n).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('choosing the index floor(u · count)', () => {
  it('multiplies in doubles below 2^53, as any implementation does', () => {
    expect(chooseIndex(0, 7n)).toBe(0n);
    expect(chooseIndex(0.999999, 7n)).toBe(6n);
    expect(chooseIndex(0.5, 3n)).toBe(1n);
    expect(chooseIndex(1 - 2 ** -53, 1n)).toBe(0n);
  });
  it('is exact beyond 2^53', () => {
    const count = 2n ** 80n + 7n;
    expect(chooseIndex(0.5, count)).toBe(count / 2n);
    expect(chooseIndex(0.75, count)).toBe((3n * count) / 4n);
    expect(chooseIndex(1 - 2 ** -53, count)).toBeLessThan(count);
  });
});
