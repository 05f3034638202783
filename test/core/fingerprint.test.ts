import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { drawFromTable, prepareDraw, ROUBAIX_CLN_2025, seedKeyOf, InputError } from '../../src/core';
import { candidateLine, headerLine } from '../../src/core/fingerprint';
import { generatorFor } from '../../src/core/seed';
import { shuffleDrawNumbers } from '../../src/core/drawNumbers';
import { tableOf } from '../support/tables';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('fingerprint (§3)', () => {
  it('starts with the rules line, written exactly as specified', () => {
    expect(headerLine(ROUBAIX_CLN_2025, '2025-06-13', 'tirage-cln/1')).toBe(
      '["tirage-cln/1","2025-06-13",4,16,2,[[16,25],[65,null]],["Centre","Est","Ouest","Nord","Sud"]]',
    );
  });

  it('is the SHA-256 of the rules line and the sorted candidate lines', () => {
    const table = tableOf([
      ['2', 'Émile', 'Zoé', 'F', '1990-01-01', 'Est'],
      ['1', 'Durand', 'Ana', 'H', '1950-12-31', 'Centre'],
      ['', 'Ëlo', 'Ana', 'F', '2000-05-05', 'Est'],
    ]);
    const prepared = prepareDraw(table, { referenceDate: '2025-06-13', excludeInvalid: false });
    const lines = [
      '["Centre","H","Durand","Ana","1950-12-31",74,"1"]',
      '["Est","F","Émile","Zoé","1990-01-01",35,"2"]',
      '["Est","F","Ëlo","Ana","2000-05-05",25,""]',
    ];
    expect(prepared.canonical.lines).toEqual(lines);
    expect(prepared.canonical.order.map((c) => c.row)).toEqual([3, 2, 4]);
    const text = `${headerLine(ROUBAIX_CLN_2025, '2025-06-13', 'tirage-cln/1')}\n${lines.join('\n')}`;
    expect(prepared.canonical.fingerprint).toBe(sha256(text));
  });

  it('sorts by UTF-16 code units, not by locale', () => {
    const line = (lastName: string) =>
      candidateLine({ row: 1, id: '', lastName, firstName: 'A', sex: 'F', sector: 'Est', birthDate: '', age: 30, problems: [] });
    // 'Z' (U+005A) < 'a' (U+0061) < 'É' (U+00C9) in code units; a French collation would say otherwise.
    const lines = ['Émile', 'albert', 'Zoé'].map(line).sort();
    expect(lines.map((l) => JSON.parse(l)[2])).toEqual(['Zoé', 'albert', 'Émile']);
  });

  it('does not depend on the order of rows, nor on ineligible rows', () => {
    const rows = [
      ['1', 'A', 'B', 'F', '1990-01-01', 'Est'],
      ['2', 'C', 'D', 'H', '1980-01-01', 'Nord'],
    ];
    const fp = (r: typeof rows) => prepareDraw(tableOf(r), { referenceDate: '2025-06-13', excludeInvalid: true }).canonical.fingerprint;
    expect(fp([rows[1], rows[0]])).toBe(fp(rows));
    expect(fp([...rows, ['3', 'E', 'F', 'X', '1990-01-01', 'Est']])).toBe(fp(rows));
  });
});

describe('seed (§4)', () => {
  it('hashes the fingerprint and the normalised public seed', () => {
    const fingerprint = 'ab'.repeat(32);
    expect(seedKeyOf(fingerprint, '  4 2\u00a0 6 ')).toBe(sha256(`${fingerprint}\n4 2 6`));
  });

  it('refuses an empty public seed, in French', () => {
    expect(() => seedKeyOf('00', ' \u00a0 ')).toThrow(InputError);
    expect(() => seedKeyOf('00', '')).toThrow(/graine publique est vide/);
  });

  it('uses seedrandom’s ARC4 generator (the package’s documented example)', () => {
    expect(generatorFor('hello.')()).toBe(0.9282578795792454);
    expect(generatorFor('key')()).toBe(seedrandom('key')());
  });
});

describe('draw numbers (§6)', () => {
  it('runs Fisher–Yates from the last position down, with j = floor(u·(i+1))', () => {
    const values = [0.9, 0.1, 0.5];
    const rng = () => values.shift() as number;
    // a = [0,1,2,3]; i=3: j=3 → same; i=2: j=0 → [2,1,0,3]; i=1: j=1 → same.
    // Position p holds candidate a[p]; its draw number is p+1.
    expect(Array.from(shuffleDrawNumbers(4, rng))).toEqual([3, 2, 1, 4]);
    expect(values).toEqual([]);
  });

  it('gives a permutation of 1..N', () => {
    const numbers = Array.from(shuffleDrawNumbers(1000, generatorFor('x'))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('draws the allocation first (exactly once), then shuffles', () => {
    const table = tableOf([
      ['1', 'A', 'B', 'F', '1990-01-01', 'Est'],
      ['2', 'C', 'D', 'H', '1980-01-01', 'Est'],
      ['3', 'E', 'F', 'H', '1970-01-01', 'Nord'],
    ]);
    const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: 'graine', excludeInvalid: false });
    const rng = seedrandom(result.seedKey);
    expect(result.allocationDraw).toBe(rng());
    const expected = shuffleDrawNumbers(3, rng);
    const byRow = new Map(result.outcomes.map((o) => [o.candidature.row, o.drawNumber]));
    expect(result.prepared.canonical.order.map((c) => byRow.get(c.row))).toEqual(Array.from(expected));
  });
});
