/**
 * The sealed draw's building blocks (ALGORITHM.md §10, core/seal.ts) and a sealed record: its data
 * sheet keeps the key and the algorithm, and `verify` seals the candidatures again from it.
 */
import { createHash, createHmac } from 'node:crypto';
import {
  buildRecord,
  candidateLine,
  drawFromTable,
  formatReceipt,
  newRecordMeta,
  parseReceipt,
  prepareDraw,
  publicLine,
  sealedLines,
  sealer,
  sealingKeyFromBytes,
  sealingKeyProblem,
  sealOfReceipt,
  sealsByCandidature,
  describeSealingKeyProblem,
  verifyWorkbook,
  type Sheet,
} from '../../src/core';
import { errorOf } from '../support/errors';
import { differenceLines, edit, find, recordToGrids } from '../support/records';
import { HEADER, JUNE_2025, rowsOf, tableOf } from '../support/tables';

const KEY = '9b1f3c07d2e54a6b8c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d';

describe('sealing key (§10)', () => {
  it('is 64 lower-case hex digits, nothing else', () => {
    expect(sealingKeyProblem(KEY)).toBeNull();
    expect(sealingKeyProblem(KEY.slice(1))).toEqual({ problem: 'digit_count', digits: 63 });
    expect(sealingKeyProblem(`${KEY}\n`)).toEqual({ problem: 'character', character: '\n', position: 65 });
    expect(sealingKeyProblem(KEY.toUpperCase())).toEqual({ problem: 'character', character: 'B', position: 2 });
    expect(describeSealingKeyProblem({ problem: 'character', character: 'B', position: 2 })).toBe('une majuscule (la clé s’écrit en minuscules), « B », en position 2');
    expect(describeSealingKeyProblem({ problem: 'character', character: '\u00a0', position: 9 })).toBe(
      'un caractère qui n’est pas un chiffre hexadécimal (0 à 9, a à f), « ⟨U+00A0⟩ », en position 9',
    );
    expect(describeSealingKeyProblem({ problem: 'digit_count', digits: 12 })).toBe('12 chiffres hexadécimaux au lieu de 64');
  });

  it('is written from 32 bytes, and only 32', () => {
    expect(sealingKeyFromBytes(new Uint8Array(32).fill(0xab))).toBe('ab'.repeat(32));
    expect(() => sealingKeyFromBytes(new Uint8Array(16))).toThrow(RangeError);
  });

  it('is checked by the engine before anything is drawn', () => {
    const table = tableOf(rowsOf(JUNE_2025));
    expect(errorOf(() => prepareDraw(table, { referenceDate: '2025-06-13', excludeInvalid: false, sealingKey: KEY.slice(2) })).code).toBe('bad_seal_key');
  });
});

describe('receipt, seal and public line (§10)', () => {
  it('are the HMAC cut to 24 hex digits, its SHA-256 after "tirage-cln/2\\n", and JSON of seal, sector, sex, priority', () => {
    const line = '["Est","F","Émile","Zoé","1990-01-01",35,"2"]';
    const receipt = createHmac('sha256', Buffer.from(KEY, 'hex')).update(line, 'utf8').digest('hex').slice(0, 24);
    const seal = createHash('sha256').update(`tirage-cln/2\n${receipt}`, 'utf8').digest('hex');
    expect(sealer(KEY)(line)).toEqual({ receipt, seal });
    expect(sealOfReceipt(receipt)).toBe(seal);
    expect(publicLine(seal, 'Est', 'F', true)).toBe(`["${seal}","Est","F",true]`);
  });

  it('one sealer seals many lines, short and long, each as Node’s crypto does it alone', () => {
    const seal = sealer(KEY);
    const lines = Array.from({ length: 300 }, (_, n) => `["Est","F","${'é😀a'.repeat(n % 97)}",${n}]`);
    for (const line of ['', ...lines, '']) {
      const receipt = createHmac('sha256', Buffer.from(KEY, 'hex')).update(line, 'utf8').digest('hex').slice(0, 24);
      expect(seal(line)).toEqual({ receipt, seal: createHash('sha256').update(`tirage-cln/2\n${receipt}`, 'utf8').digest('hex') });
    }
  });

  it('a receipt is shown in six groups of four and read back with hyphens, spaces and case ignored', () => {
    expect(formatReceipt('3f9a0c1e77b2d4e891aa5c03')).toBe('3f9a-0c1e-77b2-d4e8-91aa-5c03');
    expect(parseReceipt('3F9A-0C1E-77B2-D4E8-91AA-5C03')).toBe('3f9a0c1e77b2d4e891aa5c03');
    expect(parseReceipt(' 3f9a 0c1e 77b2\nd4e8 91aa 5c03 ')).toBe('3f9a0c1e77b2d4e891aa5c03');
    const short = errorOf(() => parseReceipt('3f9a-0c1e-77b2-d4e8-91aa'));
    expect([short.code, short.message]).toEqual(['bad_receipt', expect.stringMatching(/^Reçu illisible : 20 chiffres hexadécimaux trouvés, il en faut 24\. /)]);
    expect(errorOf(() => parseReceipt('3f9a-0c1e-77b2-d4e8-91aa-5c0z')).message).toContain('le caractère « z » (29e caractère)');
  });
});

describe('a sealed draw (tirage-cln/2)', () => {
  const table = tableOf([...rowsOf(JUNE_2025), ['17', 'Martin', 'Léa', 'F', '1990-01-01', 'Hem']], HEADER, 'candidatures.csv');
  const options = { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: true };
  const plain = drawFromTable(table, options);
  const sealed = drawFromTable(table, { ...options, sealingKey: KEY });

  it('is a value of the prepared draw, with its own fingerprint; the rest of the rules as for /1', () => {
    expect([plain.prepared.algorithm, sealed.prepared.algorithm]).toEqual(['tirage-cln/1', 'tirage-cln/2']);
    expect(sealed.prepared.canonical.headerLine).toBe(plain.prepared.canonical.headerLine.replace('tirage-cln/1', 'tirage-cln/2'));
    expect(sealed.prepared.canonical.fingerprint).not.toBe(plain.prepared.canonical.fingerprint);
    expect(sealed.prepared.chances).toEqual(plain.prepared.chances);
    expect(sealed.prepared.priorities).toEqual(plain.prepared.priorities);
  });

  it('gives each eligible candidature its receipt, seal and public line, in canonical order, and none to the others', () => {
    const lines = sealedLines(sealed.prepared);
    expect(lines).toHaveLength(16);
    const seal = sealer(KEY);
    lines.forEach((l, position) => {
      expect(l.position).toBe(position);
      expect(seal(candidateLine(l.candidate))).toEqual({ receipt: l.receipt, seal: l.seal });
      const row = sealed.prepared.candidatures.indexOf(l.candidate);
      expect(l.publicLine).toBe(publicLine(l.seal, l.candidate.sector, l.candidate.sex, sealed.prepared.priorities[row]));
    });
    expect(lines.map((l) => l.publicLine)).toEqual(sealed.prepared.canonical.lines);
    const byRow = sealsByCandidature(sealed.prepared) as NonNullable<ReturnType<typeof sealsByCandidature>>;
    expect(byRow).toHaveLength(17);
    expect(byRow[16]).toBeNull();
    expect(sealedLines(plain.prepared)).toEqual([]);
    expect(sealsByCandidature(plain.prepared)).toBeNull();
  });

  const meta = newRecordMeta({
    place: 'Hôtel de ville',
    officials: [],
    candidatureSheet: 'Candidatures',
    sourceFile: 'candidatures.csv',
    inputSheets: ['Candidatures'],
    mandateStart: '2025-06-13',
  });
  const candidatures: Sheet = { ...table, name: 'Candidatures' };
  const grids = recordToGrids(buildRecord(sealed, meta), [candidatures]);
  const differences = (g: Sheet[]) => differenceLines(verifyWorkbook(g));
  const data = 'Données du tirage';

  it('its record keeps the algorithm and the key, states the version in the procès-verbal, and verifies', () => {
    const dataGrid = grids.find((g) => g.name === data) as Sheet;
    const value = (label: string) => dataGrid.rows.find((r) => r[0] === label)?.[1];
    expect(value('Algorithme')).toBe('tirage-cln/2');
    expect(value('Clé de scellement (secrète, à ne pas publier)')).toBe(KEY);
    expect(value('Empreinte')).toBe(sealed.prepared.canonical.fingerprint);
    const minutes = (grids.find((g) => g.name === 'Procès-verbal') as Sheet).rows.flat();
    expect(minutes.some((v) => typeof v === 'string' && v.includes('Algorithme tirage-cln/2'))).toBe(true);
    expect(differences(grids)).toEqual([]);
    // A plain record has no key row at all (its layout is that of records written before /2).
    const plainData = recordToGrids(buildRecord(plain, meta)).find((g) => g.name === data) as Sheet;
    expect(plainData.rows.some((r) => String(r[0]).startsWith('Clé de scellement'))).toBe(false);
  });

  it('verify seals the candidatures again: another key is another fingerprint', () => {
    const at = find(grids, data, (v) => v === KEY);
    const found = differences(edit(grids, data, at.row, at.column, 'ab'.repeat(32)));
    expect(found[0]).toMatch(/^Empreinte recalculée à partir de « Données du tirage » : [0-9a-f]{64} ; empreinte consignée : /);
  });

  it('a data sheet with an unreadable key, without its key, or naming another algorithm is no record to recompute', () => {
    const at = find(grids, data, (v) => v === KEY);
    const algorithm = find(grids, data, (v) => v === 'tirage-cln/2');
    expect(differences(edit(grids, data, at.row, at.column, KEY.toUpperCase()))).toContain(
      '« Données du tirage » : clé de scellement illisible dans « Données du tirage » (une majuscule (la clé s’écrit en minuscules), « B », en position 2).',
    );
    const withoutKey = grids.map((g) => (g.name !== data ? g : { ...g, rows: g.rows.filter((r) => r[1] !== KEY) }));
    expect(differences(withoutKey)[0]).toContain('clé de scellement introuvable dans « Données du tirage »');
    expect(differences(edit(grids, data, algorithm.row, algorithm.column, 'tirage-cln/1'))[0]).toContain('autre que celui de la ligne des règles (tirage-cln/2)');
    const plainGrids = recordToGrids(buildRecord(plain, meta), [candidatures]);
    const plainKey = edit(plainGrids, data, at.row, 1, 'Clé de scellement (secrète, à ne pas publier)');
    const withKey = edit(plainKey, data, at.row, 2, KEY);
    expect(differences(withKey).join('\n')).toContain('consigne une clé de scellement pour un tirage tirage-cln/1');
  });
});
