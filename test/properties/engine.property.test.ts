/**
 * Property tests of the engine (src/core) against the independent reference (test/reference) and
 * against the invariants of ALGORITHM.md, on generated candidature tables.
 */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { drawFromTable, drawResultToJson, ROUBAIX_CLN_2025 } from '../../src/core';
import { plainSheet, type DrawJson, type Sheet, type Rules, type SealedCandidateJson } from '../../src/core';
import {
  Fraction,
  naiveDraw,
  naiveSealedDraw,
  refInPriorityBand,
  refLine,
  refLine0,
  type RefCandidate,
  type RefResult,
  type RefRules,
  type RefSex,
} from '../reference/naiveDraw';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { renderTable, scenarioArb, shuffled, type Rendered, type Scenario } from './tables';

const ROUBAIX: Rules = ROUBAIX_CLN_2025;

const TWELVE: Rules = {
  preset: 'test-12-secteurs',
  sectors: [
    'Alma', 'Épeule', 'Fresnoy', 'Mackellerie', 'Hommelet', 'Pile', 'Sainte-Élisabeth', 'Trois Ponts',
    'Cul de Four', 'Moulin', 'Potennerie', 'Nouveau Roubaix',
  ],
  seatsPerSector: 3,
  minimumAge: 18,
  priorityBands: [
    [18, 29],
    [60, null],
  ],
  ageRuleAbove: 3,
};

// ---------------------------------------------------------------------------------------------
// Running both sides

type EngineRun = { ok: true; json: DrawJson } | { ok: false; error: unknown };

function runEngine(table: Sheet, s: Scenario, rules: Rules, sealingKey?: string): EngineRun {
  try {
    const result = drawFromTable(table, {
      referenceDate: s.referenceDate,
      publicSeed: s.seed,
      excludeInvalid: true,
      rules,
      ...(sealingKey === undefined ? {} : { sealingKey }),
    });
    return { ok: true, json: drawResultToJson(result) };
  } catch (error) {
    return { ok: false, error };
  }
}

function engineJson(table: Sheet, s: Scenario, rules: Rules, sealingKey?: string): DrawJson {
  const run = runEngine(table, s, rules, sealingKey);
  if (!run.ok) throw run.error;
  return run.json;
}

/** With no eligible candidate the engine refuses the table; otherwise it returns its JSON. */
function engineOrRefusal(table: Sheet, s: Scenario, rules: Rules, sealingKey?: string): DrawJson | null {
  const run = runEngine(table, s, rules, sealingKey);
  if (s.candidates.length === 0) {
    expect(run.ok).toBe(false);
    if (!run.ok) expect(['no_candidatures', 'no_eligible', 'empty_table']).toContain((run.error as { code?: string }).code);
    return null;
  }
  if (!run.ok) throw run.error;
  return run.json;
}

const TOL = 1e-12;

/** Property (a): the engine computes what the reference computes. */
function expectSameAsReference(json: DrawJson, ref: RefResult, r: Rendered, algorithm = 'tirage-cln/1'): void {
  expect(json.algorithm).toBe(algorithm);
  expect(json.fingerprint).toBe(ref.fingerprint);
  expect(json.seedKey).toBe(ref.seedKey);
  expect(json.seats).toBe(ref.seats);
  expect(json.optimalAllocations).toBe(ref.optimalAllocations);
  expect(json.allocation).toEqual(ref.allocation);
  const byRow = new Map(json.candidates.map((c) => [c.row, c]));
  r.candidates.forEach((c, i) => {
    const got = byRow.get(c.row);
    const want = ref.candidates[i]!;
    expect({ row: c.row, ...pickOutcome(got) }).toEqual({
      row: c.row,
      // §2 normalisation
      id: c.id,
      lastName: c.lastName,
      firstName: c.firstName,
      sex: c.sex,
      sector: c.sector,
      birthDate: c.birthDate === '' ? null : c.birthDate,
      age: c.age,
      reason: null,
      // §6–§7
      drawNumber: want.drawNumber,
      status: want.status,
      reserveRank: want.reserveRank,
      priority: want.priority,
    });
    if (Math.abs(got!.probability - want.probability) > TOL) {
      throw new Error(`row ${c.row}: probability ${got!.probability}, reference ${want.fraction} = ${want.probability}`);
    }
  });
}

function pickOutcome(c: DrawJson['candidates'][number] | undefined): Record<string, unknown> {
  if (c === undefined) return { missing: true };
  const { id, lastName, firstName, sex, sector, birthDate, age, reason, drawNumber, status, reserveRank, priority } = c;
  return { id, lastName, firstName, sex, sector, birthDate, age, reason, drawNumber, status, reserveRank, priority };
}

function render(s: Scenario, withInvalid = true): Rendered {
  return renderTable(s, { withInvalid, shuffle: s.shuffle, shuffleSeed: s.shuffleSeed });
}

function reference(s: Scenario, r: Rendered): RefResult {
  return naiveDraw(r.candidates, s.referenceDate, s.seed, s.rules);
}

/**
 * `tirage-cln/2` (§10): the engine and the reference, with the same key, give the same draw and the
 * same seal and receipt to every eligible candidate; ineligible rows have neither.
 */
function expectSealedSameAsReference(s: Scenario, r: Rendered, rules: Rules, key: string): DrawJson | null {
  const json = engineOrRefusal(r.table, s, rules, key);
  if (json === null) return null;
  const ref = naiveSealedDraw(r.candidates, s.referenceDate, s.seed, key, s.rules);
  expectSameAsReference(json, ref, r, 'tirage-cln/2');
  const byRow = new Map((json.candidates as SealedCandidateJson[]).map((c) => [c.row, c]));
  expect(r.candidates.map((c) => [byRow.get(c.row)?.seal, byRow.get(c.row)?.receipt])).toEqual(r.candidates.map((_, i) => [ref.seals[i], ref.receipts[i]]));
  for (const c of json.candidates as SealedCandidateJson[]) {
    if (c.status === 'ineligible') expect([c.seal, c.receipt]).toEqual([null, null]);
  }
  return json;
}

const keyArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex'));

// ---------------------------------------------------------------------------------------------
// Independent checks used by several properties

function countsOf(rules: RefRules, cands: readonly RefCandidate[]): { sector: string; women: number; men: number }[] {
  return rules.sectors.map((sector) => ({
    sector,
    women: cands.filter((c) => c.sector === sector && c.sex === 'F').length,
    men: cands.filter((c) => c.sector === sector && c.sex === 'H').length,
  }));
}

/** min |2Σf − S| over every feasible vector, by recursion over the sectors. */
function bestParity(rules: RefRules, cands: readonly RefCandidate[]): number {
  const counts = countsOf(rules, cands).map(({ women, men }) => {
    const seats = Math.min(rules.seatsPerSector, women + men);
    return { seats, lo: Math.max(0, seats - men), hi: Math.min(women, seats) };
  });
  const S = counts.reduce((t, c) => t + c.seats, 0);
  const reachable = new Set<number>([0]);
  for (const { lo, hi } of counts) {
    const next = new Set<number>();
    for (const t of reachable) for (let f = lo; f <= hi; f++) next.add(t + f);
    reachable.clear();
    next.forEach((x) => reachable.add(x));
  }
  return Math.min(...[...reachable].map((w) => Math.abs(2 * w - S)));
}

/** PROPERTY_RUNS_FACTOR=20 npx jest test/properties — a longer soak than the default ~5 s. */
const RUNS_FACTOR = Number(process.env['PROPERTY_RUNS_FACTOR'] ?? '1') || 1;
const runs = (n: number): fc.Parameters<unknown> => ({ numRuns: Math.ceil(n * RUNS_FACTOR) });

// ---------------------------------------------------------------------------------------------

describe('engine against the reference (Roubaix rules)', () => {
  const arb = scenarioArb({ rules: ROUBAIX, maxCandidates: 60, withInvalid: true });

  it('(a) same fingerprint, seed key, allocation, draw numbers, statuses, ranks, priorities, probabilities', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const r = render(s);
        const json = engineOrRefusal(r.table, s, ROUBAIX);
        if (json === null) return;
        expectSameAsReference(json, reference(s, r), r);
      }),
      runs(300),
    );
  });

  it('(b) at most 4 selected per sector, and exactly min(4, candidates of the sector)', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const r = render(s);
        const json = engineOrRefusal(r.table, s, ROUBAIX);
        if (json === null) return;
        for (const { sector, women, men } of countsOf(ROUBAIX, s.candidates)) {
          const sel = json.candidates.filter((c) => c.sector === sector && c.status === 'selected').length;
          expect(sel).toBeLessThanOrEqual(4);
          expect(sel).toBe(Math.min(4, women + men));
          expect(json.allocation[sector]!.F + json.allocation[sector]!.H).toBe(sel);
        }
        expect(json.summary.F + json.summary.H).toBe(json.seats);
      }),
      runs(150),
    );
  });

  it('(c) city-wide parity is optimal over every feasible vector', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const r = render(s);
        const json = engineOrRefusal(r.table, s, ROUBAIX);
        if (json === null) return;
        const women = json.candidates.filter((c) => c.sex === 'F' && c.status === 'selected').length;
        expect(women).toBe(json.summary.F);
        expect(Math.abs(2 * women - json.seats)).toBe(bestParity(ROUBAIX, s.candidates));
        // Each sector's women count lies in its feasible range.
        for (const { sector, women: w, men } of countsOf(ROUBAIX, s.candidates)) {
          const seats = Math.min(4, w + men);
          const f = json.candidates.filter((c) => c.sector === sector && c.sex === 'F' && c.status === 'selected').length;
          expect(f).toBeGreaterThanOrEqual(Math.max(0, seats - men));
          expect(f).toBeLessThanOrEqual(Math.min(w, seats));
        }
      }),
      runs(150),
    );
  });

  it('(d) in a (sector, sex) group of more than 2, no non-priority candidate selected while a priority one waits', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const r = render(s);
        const json = engineOrRefusal(r.table, s, ROUBAIX);
        if (json === null) return;
        for (const sector of ROUBAIX.sectors) {
          for (const sex of ['F', 'H'] as RefSex[]) {
            const group = json.candidates.filter((c) => c.sector === sector && c.sex === sex && c.status !== 'ineligible');
            const prio = (age: number | null): boolean => group.length > 2 && refInPriorityBand(ROUBAIX, age!);
            group.forEach((c) => expect(c.priority).toBe(prio(c.age)));
            if (group.length <= 2) continue;
            const waitingPriority = group.some((c) => prio(c.age) && c.status === 'reserve');
            const selectedOther = group.some((c) => !prio(c.age) && c.status === 'selected');
            expect(waitingPriority && selectedOther).toBe(false);
            // Reserve ranks 1..m: priority first, then draw order.
            const reserve = group.filter((c) => c.status === 'reserve').sort((a, b) => a.reserveRank! - b.reserveRank!);
            expect(reserve.map((c) => c.reserveRank)).toEqual(reserve.map((_, i) => i + 1));
            for (let i = 1; i < reserve.length; i++) {
              const [a, b] = [reserve[i - 1]!, reserve[i]!];
              if (prio(a.age) === prio(b.age)) expect(a.drawNumber!).toBeLessThan(b.drawNumber!);
              else expect(prio(a.age)).toBe(true);
            }
          }
        }
      }),
      runs(150),
    );
  });

  it('(e) every non-blank row accounted for exactly once, in row order; invalid rows with their code', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const r = render(s);
        const json = engineOrRefusal(r.table, s, ROUBAIX);
        if (json === null) return;
        const nonBlank = r.rows.filter((x) => x.kind !== 'blank');
        expect(json.candidates.map((c) => c.row)).toEqual(nonBlank.map((x) => x.rowNumber));
        // Draw numbers are 1..N over the eligible rows.
        const numbers = json.candidates.filter((c) => c.drawNumber !== null).map((c) => c.drawNumber!);
        expect(numbers.sort((a, b) => a - b)).toEqual(s.candidates.map((_, i) => i + 1));
        nonBlank.forEach((x, i) => {
          const c = json.candidates[i]!;
          if (x.kind === 'invalid') {
            expect({ row: c.row, status: c.status, reason: c.reason }).toEqual({
              row: x.rowNumber,
              status: 'ineligible',
              reason: x.code,
            });
          } else {
            expect(c.status).not.toBe('ineligible');
          }
        });
      }),
      runs(150),
    );
  });

  it('(f) same input → same output', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const r = render(s);
        const first = runEngine(r.table, s, ROUBAIX);
        const second = runEngine(render(s).table, s, ROUBAIX);
        expect(second).toEqual(first);
      }),
      runs(80),
    );
  });

  it('(g) row order and cell spellings never change a draw number, status or probability', () => {
    fc.assert(
      fc.property(arb, fc.nat(), fc.nat(), (s, shuffleSeed, respellSeed) => {
        if (s.candidates.length === 0) return;
        const a = render(s);
        const b = renderTable(s, {
          withInvalid: true,
          shuffle: true,
          shuffleSeed,
          respell: (sp, i) => ({
            sexWord: sp.sexWord + respellSeed + i,
            sectorCase: sp.sectorCase + respellSeed,
            nameMess: sp.nameMess + respellSeed + 3 * i,
            birthFormat: (['iso', 'dmy', 'dmyShort', 'dash', 'dot', 'date', 'serial'] as const)[(respellSeed + i) % 7]!,
            ageAsText: !sp.ageAsText,
          }),
        });
        const ja = engineJson(a.table, s, ROUBAIX);
        const jb = engineJson(b.table, s, ROUBAIX);
        expect(jb.fingerprint).toBe(ja.fingerprint);
        expect(jb.allocation).toEqual(ja.allocation);
        const rowA = new Map(ja.candidates.map((c) => [c.row, c]));
        const rowB = new Map(jb.candidates.map((c) => [c.row, c]));
        s.candidates.forEach((_, i) => {
          const ca = rowA.get(a.candidates[i]!.row)!;
          const cb = rowB.get(b.candidates[i]!.row)!;
          expect([cb.id, cb.drawNumber, cb.status, cb.reserveRank, cb.probability]).toEqual([
            ca.id,
            ca.drawNumber,
            ca.status,
            ca.reserveRank,
            ca.probability,
          ]);
        });
      }),
      runs(120),
    );
  });

  it('(h) probabilities of a (sector, sex) group sum to its mean quota over the kept vectors', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const r = render(s);
        const ref = reference(s, r);
        const json = engineOrRefusal(r.table, s, ROUBAIX);
        const sectorIndex = (sector: string): number => ROUBAIX.sectors.indexOf(sector);
        for (const sector of ROUBAIX.sectors) {
          for (const sex of ['F', 'H'] as RefSex[]) {
            const members = r.candidates.map((c, i) => ({ c, i })).filter(({ c }) => c.sector === sector && c.sex === sex);
            // Exact, on the reference's fractions.
            const sum = members.reduce((t, { i }) => t.add(ref.candidates[i]!.exact), new Fraction(0));
            const quota = ref.keptVectors
              .reduce((t, f) => {
                const w = f[sectorIndex(sector)]!;
                return t.add(new Fraction(sex === 'F' ? w : ref.sectorSeats[sector]! - w));
              }, new Fraction(0))
              .divideBy(ref.keptVectors.length);
            expect(sum.toString()).toBe(quota.toString());
            // And within rounding, on the engine's numbers.
            if (json !== null) {
              const got = json.candidates
                .filter((c) => c.sector === sector && c.sex === sex && c.status !== 'ineligible')
                .reduce((t, c) => t + c.probability, 0);
              expect(Math.abs(got - quota.toNumber())).toBeLessThan(1e-9);
            }
          }
        }
      }),
      runs(150),
    );
  });

  it('(i) invalid and blank rows are ineligible with probability 0 and change nothing else', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const withBad = render(s, true);
        const clean = render(s, false);
        const a = engineOrRefusal(withBad.table, s, ROUBAIX);
        const b = engineOrRefusal(clean.table, s, ROUBAIX);
        if (a === null || b === null) return;
        for (const c of a.candidates.filter((x) => x.status === 'ineligible')) {
          expect({ drawNumber: c.drawNumber, probability: c.probability, reserveRank: c.reserveRank }).toEqual({
            drawNumber: null,
            probability: 0,
            reserveRank: null,
          });
          expect(c.reason).not.toBeNull();
        }
        expect(a.fingerprint).toBe(b.fingerprint);
        expect(a.seedKey).toBe(b.seedKey);
        expect(a.allocation).toEqual(b.allocation);
        const rowA = new Map(a.candidates.map((c) => [c.row, c]));
        const rowB = new Map(b.candidates.map((c) => [c.row, c]));
        s.candidates.forEach((_, i) => {
          const ca = rowA.get(withBad.candidates[i]!.row)!;
          const cb = rowB.get(clean.candidates[i]!.row)!;
          expect({ ...ca, row: 0 }).toEqual({ ...cb, row: 0 });
        });
      }),
      runs(150),
    );
  });
});

describe('engine against the reference on lopsided tables (several allocations tie)', () => {
  const arb = scenarioArb({ rules: ROUBAIX, maxCandidates: 60, withInvalid: true, lopsided: true });

  it('(a) and (h) when the allocation is drawn among several kept vectors', () => {
    let severalKept = 0;
    fc.assert(
      fc.property(arb, (s) => {
        const r = render(s);
        const json = engineOrRefusal(r.table, s, ROUBAIX);
        if (json === null) return;
        const ref = reference(s, r);
        if (ref.optimalAllocations > 1) severalKept++;
        expectSameAsReference(json, ref, r);
        for (const sector of ROUBAIX.sectors) {
          for (const sex of ['F', 'H'] as RefSex[]) {
            const got = json.candidates
              .filter((c) => c.sector === sector && c.sex === sex && c.status !== 'ineligible')
              .reduce((t, c) => t + c.probability, 0);
            const s0 = ROUBAIX.sectors.indexOf(sector);
            const mean =
              ref.keptVectors.reduce((t, f) => t + (sex === 'F' ? f[s0]! : ref.sectorSeats[sector]! - f[s0]!), 0) /
              ref.keptVectors.length;
            expect(Math.abs(got - mean)).toBeLessThan(1e-9);
          }
        }
      }),
      runs(300),
    );
    expect(severalKept).toBeGreaterThan(30);
  });
});

describe('engine against the reference (12 sectors, 3 seats, other bands)', () => {
  const arb = scenarioArb({ rules: TWELVE, maxCandidates: 60, withInvalid: true, maxVectors: 100_000 });

  it('(a) on tables over 12 sectors', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const r = render(s);
        const json = engineOrRefusal(r.table, s, TWELVE);
        if (json === null) return;
        expect(refLine0(s.referenceDate, TWELVE)).toContain('"Sainte-Élisabeth"');
        expectSameAsReference(json, reference(s, r), r);
        for (const { sector, women, men } of countsOf(TWELVE, s.candidates)) {
          const sel = json.candidates.filter((c) => c.sector === sector && c.status === 'selected').length;
          expect(sel).toBe(Math.min(3, women + men));
        }
      }),
      runs(120),
    );
  });
});

describe('the sealed draw (tirage-cln/2, ALGORITHM.md §10) against the reference, with random keys', () => {
  it('(a) Roubaix rules: same fingerprint, seed key, draw, and every seal and receipt', () => {
    const arb = scenarioArb({ rules: ROUBAIX, maxCandidates: 60, withInvalid: true });
    fc.assert(fc.property(arb, keyArb, (s, key) => void expectSealedSameAsReference(s, render(s), ROUBAIX, key)), runs(1000));
  });

  it('(a) lopsided tables, where the allocation is drawn among several kept vectors', () => {
    const arb = scenarioArb({ rules: ROUBAIX, maxCandidates: 60, withInvalid: true, lopsided: true });
    fc.assert(fc.property(arb, keyArb, (s, key) => void expectSealedSameAsReference(s, render(s), ROUBAIX, key)), runs(400));
  });

  it('(a) 12 sectors, 3 seats, other bands', () => {
    const arb = scenarioArb({ rules: TWELVE, maxCandidates: 60, withInvalid: true, maxVectors: 100_000 });
    fc.assert(fc.property(arb, keyArb, (s, key) => void expectSealedSameAsReference(s, render(s), TWELVE, key)), runs(300));
  });

  it('(g) row order and cell spellings change no seal, receipt, fingerprint or draw number', () => {
    const arb = scenarioArb({ rules: ROUBAIX, maxCandidates: 40, withInvalid: true });
    fc.assert(
      fc.property(arb, keyArb, fc.nat(), (s, key, shuffleSeed) => {
        if (s.candidates.length === 0) return;
        const a = render(s);
        const b = renderTable(s, { withInvalid: true, shuffle: true, shuffleSeed });
        const ja = engineJson(a.table, s, ROUBAIX, key);
        const jb = engineJson(b.table, s, ROUBAIX, key);
        expect(jb.fingerprint).toBe(ja.fingerprint);
        const pick = (json: DrawJson, rendered: Rendered) => {
          const byRow = new Map((json.candidates as SealedCandidateJson[]).map((c) => [c.row, c]));
          return rendered.candidates.map((c) => byRow.get(c.row)).map((c) => [c?.seal, c?.receipt, c?.drawNumber, c?.status]);
        };
        expect(pick(jb, b)).toEqual(pick(ja, a));
      }),
      runs(150),
    );
  });

  it('another key gives other seals and another fingerprint', () => {
    const arb = scenarioArb({ rules: ROUBAIX, maxCandidates: 30, withInvalid: false });
    fc.assert(
      fc.property(arb, keyArb, keyArb, (s, k1, k2) => {
        if (s.candidates.length === 0 || k1 === k2) return;
        const r = render(s, false);
        const [a, b] = [engineJson(r.table, s, ROUBAIX, k1), engineJson(r.table, s, ROUBAIX, k2)];
        expect(a.fingerprint).not.toBe(b.fingerprint);
        const seals = (json: DrawJson) => new Set((json.candidates as SealedCandidateJson[]).map((c) => c.seal));
        const shared = [...seals(a)].filter((seal) => seals(b).has(seal));
        expect(shared).toEqual([]);
      }),
      runs(100),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Fixed cases

function fixedScenario(rules: RefRules, candidates: RefCandidate[], seed: string, referenceDate = '2025-06-13'): Scenario {
  return {
    rules,
    referenceDate,
    seed,
    ageOnly: false,
    hasIdColumn: true,
    hasAgeColumn: false,
    hasExtraColumn: false,
    columnOrder: [0, 1, 2, 3, 4, 5, 6, 7, 8],
    candidates,
    spellings: candidates.map((_, i) => ({ sexWord: i, sectorCase: i, nameMess: i, birthFormat: 'dmy', ageAsText: false })),
    births: candidates.map((c) => {
      const [y, m, d] = c.birthDate.split('-').map(Number) as [number, number, number];
      return { y, m, d };
    }),
    invalid: [],
    blanks: [],
    shuffleSeed: 0,
    shuffle: false,
  };
}

let nextRow = 2;
function who(sector: string, sex: RefSex, age: number): RefCandidate {
  const n = nextRow++;
  return {
    row: 0,
    id: String(n),
    lastName: `Nom${n}`,
    firstName: sex === 'F' ? 'Anne' : 'Paul',
    sex,
    sector,
    birthDate: `${2025 - age - 1}-12-31`,
    age,
  };
}

describe('fixed cases', () => {
  it('the 13 June 2025 session: one kept vector, 13 members, 6 women all selected', () => {
    const cands = [
      who('Centre', 'F', 34), who('Centre', 'F', 52),
      who('Est', 'F', 19), who('Est', 'F', 47), who('Est', 'H', 30), who('Est', 'H', 40), who('Est', 'H', 70),
      who('Ouest', 'H', 58),
      who('Nord', 'F', 66), who('Nord', 'F', 28), who('Nord', 'H', 20), who('Nord', 'H', 45), who('Nord', 'H', 50), who('Nord', 'H', 66),
      who('Sud', 'H', 23), who('Sud', 'H', 81),
    ];
    for (const seed of ['4 2 6 1 5 3', 'x', '1']) {
      const s = fixedScenario(ROUBAIX, cands, seed);
      const r = render(s);
      const json = engineJson(r.table, s, ROUBAIX);
      expectSameAsReference(json, reference(s, r), r);
      expect(json.optimalAllocations).toBe(1);
      expect(json.summary).toEqual({ F: 6, H: 7 });
      expect(json.seats).toBe(13);
    }
  });

  it('slide examples A, B, C', () => {
    const a = [
      ...[30, 40, 50].map((age) => who('Centre', 'F', age)),
      ...[30, 40, 20, 60, 35].map((age) => who('Centre', 'H', age)),
      ...[30, 40, 50, 60].map((age) => who('Est', 'H', age)),
    ];
    const b = [who('Sud', 'F', 44), ...[30, 31, 32, 33, 34, 35].map((age) => who('Sud', 'H', age))];
    const c = [who('Nord', 'F', 35), who('Nord', 'F', 45), ...[40, 67, 80].map((age) => who('Nord', 'H', age))];
    for (const [cands, sector, F, H] of [
      [a, 'Centre', 3, 1],
      [b, 'Sud', 1, 3],
      [c, 'Nord', 2, 2],
    ] as const) {
      const s = fixedScenario(ROUBAIX, [...cands], 'dés 5 5 2');
      const r = render(s);
      const json = engineJson(r.table, s, ROUBAIX);
      expectSameAsReference(json, reference(s, r), r);
      expect(json.allocation[sector]).toEqual({ F, H });
    }
  });

  it('12 sectors × (3 women, 3 men), 3 seats: 924 kept vectors, every probability 1/2', () => {
    const cands = TWELVE.sectors.flatMap((sector) => [
      who(sector, 'F', 40), who(sector, 'F', 41), who(sector, 'F', 42),
      who(sector, 'H', 40), who(sector, 'H', 41), who(sector, 'H', 42),
    ]);
    const s = fixedScenario(TWELVE, cands, 'douze');
    const r = render(s);
    const json = engineJson(r.table, s, TWELVE);
    expect(json.optimalAllocations).toBe(924); // C(12, 6)
    expect(json.candidates.every((c) => Math.abs(c.probability - 0.5) < TOL)).toBe(true);
    expect(json.summary).toEqual({ F: 18, H: 18 });
    // Reference on a subset small enough to enumerate: the first 8 sectors only.
    const eight: Rules = { ...TWELVE, sectors: TWELVE.sectors.slice(0, 8) };
    const s8 = fixedScenario(eight, cands.filter((c) => eight.sectors.includes(c.sector)), 'huit');
    const r8 = render(s8);
    const j8 = engineJson(r8.table, s8, eight);
    const ref8 = reference(s8, r8);
    expect(ref8.optimalAllocations).toBe(70); // C(8, 4)
    expectSameAsReference(j8, ref8, r8);
  });

  it('30 sectors × (3 women, 3 men): C(30,15) kept vectors, allocation by lexicographic unranking', () => {
    const sectors = Array.from({ length: 30 }, (_, i) => `Secteur ${String(i + 1).padStart(2, '0')}`);
    const rules: Rules = { ...TWELVE, preset: 'test-30', sectors, ageRuleAbove: 2, minimumAge: 16 };
    const cands = sectors.flatMap((sector) => [
      who(sector, 'F', 40), who(sector, 'F', 41), who(sector, 'F', 42),
      who(sector, 'H', 40), who(sector, 'H', 41), who(sector, 'H', 42),
    ]);
    const s = fixedScenario(rules, cands, 'trente');
    const r = render(s);
    const json = engineJson(r.table, s, rules);
    const count = 155_117_520; // C(30, 15)
    expect(json.optimalAllocations).toBe(count);

    // Fingerprint and seed key, as in the reference.
    const hex = (t: string): string => bytesToHex(sha256(utf8ToBytes(t)));
    const lines = r.candidates.map(refLine).sort();
    const fingerprint = hex(refLine0(s.referenceDate, rules) + '\n' + lines.join('\n'));
    expect(json.fingerprint).toBe(fingerprint);
    const seedKey = hex(fingerprint + '\n' + 'trente');
    expect(json.seedKey).toBe(seedKey);

    // Kept vectors: f_s ∈ {1, 2} with exactly fifteen 2s, in ascending lexicographic order.
    const rng = seedrandom(seedKey);
    let index = Math.floor(rng() * count);
    const binom = (n: number, k: number): number => {
      if (k < 0 || k > n) return 0;
      let x = 1;
      for (let i = 1; i <= k; i++) x = (x * (n - k + i)) / i;
      return Math.round(x);
    };
    let twos = 15;
    const f: number[] = [];
    for (let i = 0; i < 30; i++) {
      const withOne = binom(30 - i - 1, twos);
      if (index < withOne) f.push(1);
      else {
        index -= withOne;
        f.push(2);
        twos--;
      }
    }
    sectors.forEach((sector, i) => expect(json.allocation[sector]).toEqual({ F: f[i], H: 3 - f[i]! }));

    // Draw numbers: Fisher–Yates over the canonical order, after the allocation's draw.
    const canonical = r.candidates
      .map((c, i) => ({ line: refLine(c), i }))
      .sort((x, y) => (x.line < y.line ? -1 : 1))
      .map((x) => x.i);
    for (let i = canonical.length - 1; i >= 1; i--) {
      const j = Math.floor(rng() * (i + 1));
      [canonical[i], canonical[j]] = [canonical[j]!, canonical[i]!];
    }
    const byRow = new Map(json.candidates.map((c) => [c.row, c]));
    canonical.forEach((ci, p) => expect(byRow.get(r.candidates[ci]!.row)!.drawNumber).toBe(p + 1));
    expect(json.candidates.every((c) => Math.abs(c.probability - 0.5) < TOL)).toBe(true);
  });

  it('a duplicate (same folded names and birth date) is ineligible only after the first eligible row', () => {
    const original = who('Est', 'F', 30);
    const twin = { ...original, id: 'X', lastName: original.lastName.toUpperCase() };
    const s = fixedScenario(ROUBAIX, [original], 'dup');
    const r = render(s);
    const table = plainSheet(r.table.name, r.table.source, [
      ...r.table.rows,
      [twin.lastName, 'ANNE', 'Femme', 'est', 'X', '31/12/1994'],
      // Same names, another birth date: not a duplicate.
      [twin.lastName, 'Anne', 'F', 'Est', 'Y', '30/12/1994'],
    ]);
    const json = engineJson(table, s, ROUBAIX);
    expect(json.candidates.map((c) => [c.row, c.status === 'ineligible' ? c.reason : 'eligible'])).toEqual([
      [2, 'eligible'],
      [3, 'duplicate'],
      [4, 'eligible'],
    ]);
  });

  it('§2 edges: Excel serials around 60, the reference date itself, the day after, an earlier ineligible twin', () => {
    const rows: (string | number | Date | null)[][] = [
      ['A', 'a', 'F', 'Est', 1], // 1900-01-01 (serials 1–59 count from 1899-12-31)
      ['B', 'b', 'F', 'Est', 59], // 1900-02-28
      ['C', 'c', 'F', 'Est', 60], // the 29 February 1900 that never was: an error
      ['D', 'd', 'F', 'Est', 61], // 1900-03-01 (from 1899-12-30)
      ['E', 'e', 'F', 'Est', 45821], // 2025-06-13, the reference date: age 0
      ['F', 'f', 'F', 'Est', '14/06/2025'], // after the reference date
      ['G', 'g', 'F', 'Est', '29/02/2009'], // impossible date
      ['H', 'h', 'F', 'Est', '13.6.2009'], // sixteen today
      ['I', 'i', 'F', 'Est', '14-6-2009'], // sixteen tomorrow
      ['Twin', 'x', 'H', 'Lille', '01/01/1990'], // ineligible (sector)…
      ['TWIN', 'X', 'Monsieur', 'est', '1990-01-01'], // …so this one is not a duplicate
      ['twin', 'x', 'M.', 'Est', new Date(Date.UTC(1990, 0, 1))], // but this one is
      ['Jean\u00a0 Pierre', '\u202fMarie   Claire ', 'Mme', 'Est', '02/03/1950'],
    ];
    const table: Sheet = plainSheet('Feuil1', 'edges', [['Nom', 'Prénom', 'Sexe', 'Secteur', 'Date de naissance'], ...rows]);
    const json = drawResultToJson(
      drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: 'bords', excludeInvalid: true }),
    );
    expect(json.candidates.map((c) => [c.lastName, c.firstName, c.birthDate, c.age, c.reason])).toEqual([
      // 125 years old: above 120, a typing mistake (§2 since 2026-11-28; see below for the dates).
      ['A', 'a', null, null, 'invalid_birth_date'],
      ['B', 'b', null, null, 'invalid_birth_date'],
      ['C', 'c', null, null, 'invalid_birth_date'],
      ['D', 'd', null, null, 'invalid_birth_date'],
      ['E', 'e', '2025-06-13', 0, 'under_age'],
      ['F', 'f', null, null, 'invalid_birth_date'],
      ['G', 'g', null, null, 'invalid_birth_date'],
      ['H', 'h', '2009-06-13', 16, null],
      ['I', 'i', '2009-06-14', 15, 'under_age'],
      ['Twin', 'x', '1990-01-01', 35, 'unknown_sector'],
      ['TWIN', 'X', '1990-01-01', 35, null],
      ['twin', 'x', '1990-01-01', 35, 'duplicate'],
      ['Jean Pierre', 'Marie Claire', '1950-03-02', 75, null],
    ]);
    // The same serials, read when they give 119 years.
    const early = drawResultToJson(drawFromTable(table, { referenceDate: '2019-06-13', publicSeed: 'bords', excludeInvalid: true }));
    expect(early.candidates.slice(0, 4).map((c) => [c.birthDate, c.age, c.reason])).toEqual([
      ['1900-01-01', 119, null],
      ['1900-02-28', 119, null],
      [null, null, 'invalid_birth_date'],
      ['1900-03-01', 119, null],
    ]);
  });

  it('the harness shuffle is a permutation', () => {
    expect(shuffled([1, 2, 3, 4, 5], 7).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
