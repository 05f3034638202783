/**
 * The reference implementation on its own, against the worked check of ALGORITHM.md §9, the
 * examples of the 13 June 2025 slides ("Exemple d'application des critères") and probabilities
 * worked out by hand.
 */
import { createHash, createHmac } from 'crypto';
import seedrandom from 'seedrandom';
import {
  Fraction,
  naiveDraw,
  naiveSealedDraw,
  REF_ROUBAIX_RULES,
  refAge,
  refFold,
  refLine0,
  refNorm,
  type RefCandidate,
  type RefResult,
  type RefRules,
  type RefSex,
} from './naiveDraw';

const REFERENCE_DATE = '2025-06-13';

/** A candidate born on 31 December, so that `age` is their age on 13 June 2025. */
function person(row: number, sector: string, sex: RefSex, age: number, name = `P${row}`): RefCandidate {
  return {
    row,
    id: String(row),
    lastName: name,
    firstName: sex === 'F' ? 'Anne' : 'Paul',
    sex,
    sector,
    birthDate: `${2025 - age - 1}-12-31`,
    age,
  };
}

/** Builds candidates from "sector: women ages / men ages". */
function table(groups: { sector: string; women?: number[]; men?: number[] }[]): RefCandidate[] {
  const out: RefCandidate[] = [];
  for (const g of groups) {
    for (const age of g.women ?? []) out.push(person(out.length + 2, g.sector, 'F', age));
    for (const age of g.men ?? []) out.push(person(out.length + 2, g.sector, 'H', age));
  }
  return out;
}

function selected(r: RefResult, cands: RefCandidate[], sector: string, sex: RefSex): RefCandidate[] {
  return cands.filter((c, i) => c.sector === sector && c.sex === sex && r.candidates[i]!.status === 'selected');
}

const SEEDS = ['4 2 6 1 5 3', 'dés : 1-1-1', 'x', 'Seed\u00a0with  spaces ', '6 6 6 6 6 6', 'é', '2025'];

describe('reference: building blocks', () => {
  it('line0 of the Roubaix preset is the literal text of §3', () => {
    expect(refLine0(REFERENCE_DATE, REF_ROUBAIX_RULES)).toBe(
      '["tirage-cln/1","2025-06-13",4,16,2,[[16,25],[65,null]],["Centre","Est","Ouest","Nord","Sud"]]',
    );
  });

  it('fingerprint and seed key are the SHA-256 of §3 and §4 (checked with Node crypto)', () => {
    const cands = table([{ sector: 'Est', women: [30], men: [70, 20] }]);
    const r = naiveDraw(cands, REFERENCE_DATE, '  1 2\u202f3 ');
    const lines = cands
      .map((c) => JSON.stringify([c.sector, c.sex, c.lastName, c.firstName, c.birthDate, c.age, c.id]))
      .sort();
    const sha = (t: string): string => createHash('sha256').update(Buffer.from(t, 'utf8')).digest('hex');
    const fp = sha(refLine0(REFERENCE_DATE, REF_ROUBAIX_RULES) + '\n' + lines.join('\n'));
    expect(r.fingerprint).toBe(fp);
    expect(r.seedKey).toBe(sha(fp + '\n' + '1 2 3'));
    // The allocation's u is the generator's first output.
    expect(r.allocationDraw.u).toBe(seedrandom(r.seedKey)());
  });

  it('norm, fold and age follow §2', () => {
    expect(refNorm('  Jean \u00a0\u202f Pierre\t')).toBe('Jean Pierre');
    expect(refNorm('E\u0301lise')).toBe('Élise');
    expect(refFold('  ÉLISE  ')).toBe('elise');
    expect(refFold('Mme')).toBe('mme');
    expect(refAge('2009-06-13', REFERENCE_DATE)).toBe(16);
    expect(refAge('2009-06-14', REFERENCE_DATE)).toBe(15);
    expect(refAge('2008-02-29', '2025-02-28')).toBe(16);
    expect(refAge('2008-02-29', '2025-03-01')).toBe(17);
  });

  it('refuses an empty public seed', () => {
    expect(() => naiveDraw([], REFERENCE_DATE, ' \u00a0 ')).toThrow();
  });

  it('with no candidate, keeps the single empty vector and still draws u once', () => {
    const r = naiveDraw([], REFERENCE_DATE, 'seed');
    expect(r.optimalAllocations).toBe(1);
    expect(r.seats).toBe(0);
    expect(r.allocationDraw.index).toBe(0);
  });
});

describe('reference: the sealed draw, tirage-cln/2 (§10)', () => {
  const KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
  const cands = table([{ sector: 'Est', women: [30], men: [70, 20, 45] }]);

  it('line0 names tirage-cln/2', () => {
    expect(refLine0(REFERENCE_DATE, REF_ROUBAIX_RULES, 'tirage-cln/2')).toBe(
      '["tirage-cln/2","2025-06-13",4,16,2,[[16,25],[65,null]],["Centre","Est","Ouest","Nord","Sud"]]',
    );
  });

  it('receipts, seals, public lines and fingerprint are those of §10, written out step by step', () => {
    const r = naiveSealedDraw(cands, REFERENCE_DATE, 'graine', KEY);
    const sha = (t: string): string => createHash('sha256').update(t, 'utf8').digest('hex');
    // The first candidate: Est, F, age 30 — her line, its HMAC under the 32 key bytes, cut to 24 digits.
    const line = '["Est","F","P2","Anne","1994-12-31",30,"2"]';
    const receipt = createHmac('sha256', Buffer.from(KEY, 'hex')).update(line, 'utf8').digest('hex').slice(0, 24);
    expect(r.receipts[0]).toBe(receipt);
    expect(r.receipts[0]).toMatch(/^[0-9a-f]{24}$/);
    expect(r.seals[0]).toBe(sha(`tirage-cln/2\n${receipt}`));
    // Men: a group of 3 > 2, so 70 and 20 have priority and 45 has not; the lone woman never has.
    const publics = cands.map((c, i) => JSON.stringify([r.seals[i], c.sector, c.sex, c.age === 70 || c.age === 20]));
    expect(r.lines).toEqual([...publics].sort());
    expect(r.lines).toContain(`["${r.seals[0]}","Est","F",false]`);
    const line0 = refLine0(REFERENCE_DATE, REF_ROUBAIX_RULES, 'tirage-cln/2');
    expect(r.fingerprint).toBe(sha(`${line0}\n${[...publics].sort().join('\n')}`));
    expect(r.seedKey).toBe(sha(`${r.fingerprint}\ngraine`));
  });

  it('§4–§8 run as for /1: Fisher–Yates over the sorted public lines', () => {
    const r = naiveSealedDraw(cands, REFERENCE_DATE, 'graine', KEY);
    const rng = seedrandom(r.seedKey);
    expect(r.allocationDraw.u).toBe(rng());
    const publics = cands.map((c, i) => JSON.stringify([r.seals[i], c.sector, c.sex, c.age === 70 || c.age === 20]));
    const order = cands.map((_, i) => i).sort((a, b) => (publics[a]! < publics[b]! ? -1 : 1));
    for (let i = order.length - 1; i >= 1; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    order.forEach((input, p) => expect(r.candidates[input]!.drawNumber).toBe(p + 1));
  });

  it('depends on the key, and refuses a key that is not 64 lower-case hex digits', () => {
    const other = naiveSealedDraw(cands, REFERENCE_DATE, 'graine', 'ff'.repeat(32));
    expect(other.fingerprint).not.toBe(naiveSealedDraw(cands, REFERENCE_DATE, 'graine', KEY).fingerprint);
    expect(() => naiveSealedDraw(cands, REFERENCE_DATE, 'graine', KEY.toUpperCase())).toThrow();
    expect(() => naiveSealedDraw(cands, REFERENCE_DATE, 'graine', KEY.slice(2))).toThrow();
  });
});

describe('reference: the 13 June 2025 session (ALGORITHM.md §9)', () => {
  // Centre 2 F; Est 2 F, 3 H; Ouest 1 H; Nord 2 F, 4 H; Sud 2 H.
  const cands = table([
    { sector: 'Centre', women: [34, 52] },
    { sector: 'Est', women: [19, 47], men: [30, 40, 70] },
    { sector: 'Ouest', men: [58] },
    { sector: 'Nord', women: [66, 28], men: [20, 45, 50, 66] },
    { sector: 'Sud', men: [23, 81] },
  ]);

  it.each(SEEDS)('keeps one vector, f = (2, 2, 0, 2, 0), 13 members, 6 women (seed %j)', (seed) => {
    const r = naiveDraw(cands, REFERENCE_DATE, seed);
    expect(cands).toHaveLength(16);
    expect(r.keptVectors).toEqual([[2, 2, 0, 2, 0]]);
    expect(r.optimalAllocations).toBe(1);
    expect(r.seats).toBe(13);
    expect(r.allocation).toEqual({
      Centre: { F: 2, H: 0 },
      Est: { F: 2, H: 2 },
      Ouest: { F: 0, H: 1 },
      Nord: { F: 2, H: 2 },
      Sud: { F: 0, H: 2 },
    });
    const women = r.candidates.filter((_, i) => cands[i]!.sex === 'F');
    expect(women).toHaveLength(6);
    expect(women.every((o) => o.status === 'selected')).toBe(true);
    expect(r.candidates.filter((o) => o.status === 'selected')).toHaveLength(13);
    expect(r.candidates.filter((o, i) => o.status === 'selected' && cands[i]!.sex === 'H')).toHaveLength(7);
    // Draw numbers are a permutation of 1..16.
    expect(r.candidates.map((o) => o.drawNumber).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
    // Nord men: 20 and 66 are in priority bands and the quota is 2 → both selected.
    expect(selected(r, cands, 'Nord', 'H').map((c) => c.age).sort()).toEqual([20, 66]);
    // Est men: 70 is the only priority one → always selected, plus one of 30 and 40.
    expect(selected(r, cands, 'Est', 'H').map((c) => c.age)).toContain(70);
  });

  it('probabilities by hand', () => {
    const r = naiveDraw(cands, REFERENCE_DATE, 'seed');
    const byAge = (sector: string, sex: RefSex, age: number): string =>
      r.candidates[cands.findIndex((c) => c.sector === sector && c.sex === sex && c.age === age)]!.fraction;
    for (let i = 0; i < cands.length; i++) if (cands[i]!.sex === 'F') expect(r.candidates[i]!.fraction).toBe('1/1');
    // Est men: n = 3 > 2, k = 2, p = 1 (age 70): priority 1, others (2 − 1)/(3 − 1) = 1/2.
    expect(byAge('Est', 'H', 70)).toBe('1/1');
    expect(byAge('Est', 'H', 30)).toBe('1/2');
    expect(byAge('Est', 'H', 40)).toBe('1/2');
    // Nord men: n = 4, k = 2, p = 2 (20, 66): priority 1, others 0.
    expect(byAge('Nord', 'H', 20)).toBe('1/1');
    expect(byAge('Nord', 'H', 66)).toBe('1/1');
    expect(byAge('Nord', 'H', 45)).toBe('0/1');
    expect(byAge('Nord', 'H', 50)).toBe('0/1');
    expect(byAge('Ouest', 'H', 58)).toBe('1/1');
    expect(byAge('Sud', 'H', 81)).toBe('1/1');
    // The Nord women are in a group of 2: no age rule, no priority flag even at 66.
    expect(r.candidates[cands.findIndex((c) => c.sector === 'Nord' && c.age === 66 && c.sex === 'F')]!.priority).toBe(
      false,
    );
  });
});

describe("reference: the slides' examples (Exemple d'application des critères)", () => {
  it('Ex. A alone in its sector list: §5 gives 2 women + 2 men (city-wide parity)', () => {
    const rules: RefRules = { ...REF_ROUBAIX_RULES, sectors: ['Centre'] };
    const cands = table([{ sector: 'Centre', women: [30, 40, 50], men: [30, 40, 50, 60, 35] }]);
    for (const seed of SEEDS) {
      const r = naiveDraw(cands, REFERENCE_DATE, seed, rules);
      expect(r.keptVectors).toEqual([[2]]);
      expect(r.allocation).toEqual({ Centre: { F: 2, H: 2 } });
    }
  });

  it('Ex. A: 3 women, 5 men → 3 women + 1 man when the rest of the city has more men', () => {
    const cands = table([
      { sector: 'Centre', women: [30, 40, 50], men: [30, 40, 20, 60, 35] },
      { sector: 'Est', men: [30, 40, 50, 60] },
    ]);
    for (const seed of SEEDS) {
      const r = naiveDraw(cands, REFERENCE_DATE, seed);
      expect(r.keptVectors).toEqual([[3, 0, 0, 0, 0]]);
      expect(r.allocation['Centre']).toEqual({ F: 3, H: 1 });
      expect(selected(r, cands, 'Centre', 'F')).toHaveLength(3);
      // "âge à vérifier": the one man is the only one in a priority band (20).
      expect(selected(r, cands, 'Centre', 'H').map((c) => c.age)).toEqual([20]);
    }
  });

  it('Ex. B: 1 woman, 6 men → 1 woman + 3 men', () => {
    const cands = table([{ sector: 'Sud', women: [44], men: [30, 31, 32, 33, 34, 35] }]);
    for (const seed of SEEDS) {
      const r = naiveDraw(cands, REFERENCE_DATE, seed);
      expect(r.allocation['Sud']).toEqual({ F: 1, H: 3 });
      expect(selected(r, cands, 'Sud', 'F')).toHaveLength(1);
      expect(selected(r, cands, 'Sud', 'H')).toHaveLength(3);
      // No priority man: every man has probability 3/6.
      r.candidates.forEach((o, i) => expect(o.fraction).toBe(cands[i]!.sex === 'F' ? '1/1' : '1/2'));
      // Reserve ranks 1..3 in draw-number order.
      const reserve = r.candidates.filter((o) => o.status === 'reserve').sort((a, b) => a.drawNumber - b.drawNumber);
      expect(reserve.map((o) => o.reserveRank)).toEqual([1, 2, 3]);
    }
  });

  it('Ex. C: 2 women, 3 men of whom 2 seniors → 2 women + 2 men, both seniors', () => {
    const cands = table([{ sector: 'Nord', women: [35, 45], men: [40, 67, 80] }]);
    for (const seed of SEEDS) {
      const r = naiveDraw(cands, REFERENCE_DATE, seed);
      expect(r.allocation['Nord']).toEqual({ F: 2, H: 2 });
      expect(selected(r, cands, 'Nord', 'F')).toHaveLength(2);
      expect(selected(r, cands, 'Nord', 'H').map((c) => c.age).sort()).toEqual([67, 80]);
      const junior = r.candidates[cands.findIndex((c) => c.age === 40)]!;
      expect(junior).toMatchObject({ status: 'reserve', reserveRank: 1, priority: false, fraction: '0/1' });
    }
  });
});

describe('reference: probabilities by hand with two kept vectors', () => {
  // Centre 1 F + 5 H, Est 1 F + 5 H, Ouest 4 F, Nord 2 F: S = 14, forced women 6, so exactly one
  // of the Centre and Est women makes Σf = 7; both vectors have the same balance 4+2+0+0 = 6.
  const cands = table([
    { sector: 'Centre', women: [40], men: [20, 70, 30, 40, 50] },
    { sector: 'Est', women: [41], men: [21, 71, 31, 41, 51] },
    { sector: 'Ouest', women: [30, 31, 32, 33] },
    { sector: 'Nord', women: [30, 31] },
  ]);

  it('keeps (0,1,4,2,0) and (1,0,4,2,0), in that order', () => {
    const r = naiveDraw(cands, REFERENCE_DATE, 'seed');
    expect(r.keptVectors).toEqual([
      [0, 1, 4, 2, 0],
      [1, 0, 4, 2, 0],
    ]);
    expect(r.allocation).toEqual(
      r.allocationDraw.index === 0
        ? { Centre: { F: 0, H: 4 }, Est: { F: 1, H: 3 }, Ouest: { F: 4, H: 0 }, Nord: { F: 2, H: 0 }, Sud: { F: 0, H: 0 } }
        : { Centre: { F: 1, H: 3 }, Est: { F: 0, H: 4 }, Ouest: { F: 4, H: 0 }, Nord: { F: 2, H: 0 }, Sud: { F: 0, H: 0 } },
    );
    expect(r.allocationDraw.index).toBe(Math.floor(r.allocationDraw.u * 2));
  });

  it('gives the hand-computed fractions', () => {
    const r = naiveDraw(cands, REFERENCE_DATE, 'seed');
    const expected = (c: RefCandidate): string => {
      if (c.sector === 'Ouest' || c.sector === 'Nord') return '1/1';
      if (c.sex === 'F') return '1/2'; // 0 in one vector, 1 in the other
      // Men: n = 5, p = 2 (20–21 and 70–71); k = 4 or 3.
      if (c.age <= 25 || c.age >= 65) return '1/1'; // min(k, 2)/2 = 1 in both
      return '1/2'; // ((4 − 2)/3 + (3 − 2)/3) / 2 = 1/2
    };
    cands.forEach((c, i) => expect(r.candidates[i]!.fraction).toBe(expected(c)));
    cands.forEach((c, i) => expect(r.candidates[i]!.probability).toBe(expected(c) === '1/1' ? 1 : 0.5));
  });

  it('all-priority group: min(k, p)/p', () => {
    const c = table([{ sector: 'Sud', women: [30, 31], men: [18, 19, 70] }]);
    const r = naiveDraw(c, REFERENCE_DATE, 'seed');
    expect(r.allocation['Sud']).toEqual({ F: 2, H: 2 });
    expect(r.candidates.map((o) => o.fraction)).toEqual(['1/1', '1/1', '2/3', '2/3', '2/3']);
    expect(r.candidates.map((o) => o.priority)).toEqual([false, false, true, true, true]);
  });

  it('the exact fractions of a group sum to its mean quota', () => {
    const r = naiveDraw(cands, REFERENCE_DATE, 'seed');
    const sum = (sector: string, sex: RefSex): Fraction =>
      r.candidates
        .filter((_, i) => cands[i]!.sector === sector && cands[i]!.sex === sex)
        .reduce((t, o) => t.add(o.exact), new Fraction(0));
    expect(sum('Centre', 'H').toString()).toBe('7/2');
    expect(sum('Centre', 'F').toString()).toBe('1/2');
    expect(sum('Ouest', 'F').toString()).toBe('4/1');
  });
});
