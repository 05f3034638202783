/**
 * The record of a sealed draw (`tirage-cln/2`, issue 16 §2): two more sheets, « Registre public »
 * (what may be published) and « Reçus » (each candidate's receipt), built from the record model,
 * listed in « Données du tirage » and checked by `verify` like the others; a `/1` record keeps its five.
 */
import { createHash } from 'node:crypto';
import {
  allDifferences,
  buildRecord,
  drawFromTable,
  formatReceipt,
  newRecordMeta,
  sealedLines,
  verifyWorkbook,
  type Sheet,
} from '../../../src/core';
import { displayName } from '../../../src/core/record/labels';
import { GOLDEN_SEALING_KEY } from '../../golden/cases';
import { edit, find, recordToGrids } from '../../support/records';
import { HEADER, JUNE_2025, rowsOf, tableOf } from '../../support/tables';

const table = tableOf([...rowsOf(JUNE_2025), ['17', 'Martin', 'Léa', 'F', '1990-01-01', 'Hem'], ['18', 'Petit', 'Jo', 'H', '2015-01-01', 'Sud']], HEADER, 'candidatures.csv');
const options = { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: true };
const sealed = drawFromTable(table, { ...options, sealingKey: GOLDEN_SEALING_KEY });
const plain = drawFromTable(table, options);
const meta = newRecordMeta({
  place: 'Hôtel de ville de Roubaix',
  officials: [],
  candidatureSheet: 'Candidatures',
  sourceFile: 'candidatures.csv',
  inputSheets: ['Candidatures'],
  mandateStart: '2025-06-13',
});
const grids = recordToGrids(buildRecord(sealed, meta), [table]);
const differences = (g: Sheet[]) => allDifferences(verifyWorkbook(g));
const grid = (name: string) => grids.find((g) => g.name === name) as Sheet;
const recordSheets = (g: Sheet) => g.rows.find((r) => r[0] === 'Feuilles du registre')?.[1];

describe('the record of a sealed draw', () => {
  it('has seven sheets, the last two « Registre public » and « Reçus », all listed in « Données du tirage »; a /1 record keeps its five', () => {
    const names = ['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication', 'Registre public', 'Reçus'];
    expect(buildRecord(sealed, meta).sheets.map((s) => s.name)).toEqual(names);
    expect(recordSheets(grid('Données du tirage'))).toBe(names.join('; '));
    const plainRecord = buildRecord(plain, meta);
    expect(plainRecord.sheets.map((s) => s.name)).toEqual(names.slice(0, 5));
    expect(recordSheets(recordToGrids(plainRecord).find((g) => g.name === 'Données du tirage') as Sheet)).toBe(names.slice(0, 5).join('; '));
  });

  it('verifies, and the published table is the fingerprint’s content: line0, then each public line in canonical order', () => {
    expect(differences(grids)).toEqual([]);
    const register = grid('Registre public');
    const headerRow = register.rows.findIndex((r) => r[0] === 'Sceau');
    const lines = register.rows.slice(headerRow + 1).map((r) => JSON.stringify([r[0], r[1], r[2], r[3] === 'oui']));
    expect(lines).toHaveLength(16);
    const line0 = register.rows.find((r) => r[0] === 'Ligne des règles (ligne 0 de l’empreinte)')?.[1];
    const fingerprint = createHash('sha256').update([line0, ...lines].join('\n'), 'utf8').digest('hex');
    expect(fingerprint).toBe(sealed.prepared.canonical.fingerprint);
    expect(register.rows.find((r) => r[0] === 'Empreinte')?.[1]).toBe(fingerprint);
    // Each line's draw number, status and the name declared beside its seal are those of its candidature.
    const bySeal = new Map(sealedLines(sealed.prepared).map((line) => [line.seal, line.candidate]));
    for (const r of register.rows.slice(headerRow + 1)) {
      const c = bySeal.get(r[0] as string);
      const outcome = sealed.outcomes.find((o) => o.candidature === c);
      expect(outcome).toBeDefined();
      expect([r[4], r[6] ?? null, r[7]]).toEqual([outcome?.drawNumber, outcome?.reserveRank, displayName(c?.lastName ?? '', c?.firstName ?? '')]);
    }
  });

  it('counts the rows set aside by reason, without naming them', () => {
    const register = grid('Registre public');
    const count = (code: string) => register.rows.find((r) => r[2] === code)?.[1];
    expect([count('unknown_sector'), count('under_age'), count('duplicate')]).toEqual([1, 1, 0]);
    const texts = register.rows.flat().filter((v): v is string => typeof v === 'string');
    for (const word of ['Martin', 'MARTIN', 'Petit', 'PETIT', 'Hem', '1990-01-01']) expect(texts.some((t) => t.includes(word))).toBe(false);
  });

  it('lists each eligible candidature’s row, name and receipt in groups of four in « Reçus »', () => {
    const receipts = grid('Reçus');
    const first = receipts.rows.findIndex((r) => r[0] === 'Ligne') + 1;
    expect(receipts.rows.slice(first)).toHaveLength(16);
    const row2 = receipts.rows.slice(first).find((r) => r[0] === 2);
    const receipt = sealedLines(sealed.prepared).find((line) => line.candidate.row === 2)?.receipt ?? '';
    expect(row2).toEqual([2, '1', 'Nom1', 'Prénom1', 'Centre', formatReceipt(receipt)]);
    expect(row2?.[5]).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){5}$/);
  });

  it('catches an edited status or name in « Registre public », an edited receipt, and a missing « Reçus »', () => {
    const status = find(grids, 'Registre public', (v) => v === 'Retenu·e');
    expect(differences(edit(grids, 'Registre public', status.row, status.column, 'Liste complémentaire n° 1'))).toEqual([
      `Registre public, cellule F${status.row} : attendu « Retenu·e », trouvé « Liste complémentaire n° 1 ».`,
    ]);
    expect(differences(edit(grids, 'Registre public', status.row, 8, 'DUPONT Jean'))).toHaveLength(1);
    const receipt = find(grids, 'Reçus', (v) => typeof v === 'string' && /^[0-9a-f]{4}-/.test(v));
    expect(differences(edit(grids, 'Reçus', receipt.row, receipt.column, '0000-0000-0000-0000-0000-0000'))).toHaveLength(1);
    expect(differences(grids.filter((g) => g.name !== 'Reçus'))).toEqual(['Feuille « Reçus » manquante.']);
  });

  it('refuses a sealed record whose data sheet lists only the five sheets of /1', () => {
    const data = grid('Données du tirage');
    const row = data.rows.findIndex((r) => r[0] === 'Feuilles du registre') + 1;
    const cut = edit(grids, 'Données du tirage', row, 2, 'Tirage; Synthèse; Procès-verbal; Données du tirage; Publication');
    expect(differences(cut)[0]).toBe('« Données du tirage » : liste des feuilles du registre illisible dans « Données du tirage ».');
  });
});
