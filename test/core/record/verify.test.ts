import { buildRecord, chooseSheetNames, drawFromTable, verifyWorkbook, type CellValue, type SheetGrid } from '../../../src/core';
import { edit, find, recordToGrids } from '../../support/records';
import { HEADER, JUNE_2025, rowsOf, tableOf } from '../../support/tables';

const rows = rowsOf(JUNE_2025);
const table = tableOf([...rows, ['17', 'Martin', 'Léa', 'F', '1990-01-01', 'Hem']], HEADER, 'candidatures.csv');
const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: true });
const meta = {
  place: 'Hôtel de ville de Roubaix, salle du conseil',
  officials: ['Mme A. Conseillère', 'M. B. Adjoint'],
  candidatureSheet: 'Candidatures',
  sourceFile: 'candidatures.csv',
  sheetNames: chooseSheetNames(['Candidatures']),
};
const candidatureGrid: SheetGrid = { name: 'Candidatures', rows: table.rows.map((r) => r.cells) };
const grids = recordToGrids(buildRecord(result, meta), [candidatureGrid]);

function differences(g: SheetGrid[], fingerprint?: string): string[] {
  return verifyWorkbook(g, fingerprint === undefined ? {} : { expectedFingerprint: fingerprint }).flatMap((c) => c.differences);
}

describe('verify, in memory', () => {
  it('finds an untouched record conforming, and reports its fingerprint and seed', () => {
    const [check] = verifyWorkbook(grids);
    expect(check.differences).toEqual([]);
    expect(check.fingerprint).toBe(result.prepared.canonical.fingerprint);
    expect(check.publicSeed).toBe('4 2 6 1 5 3');
  });

  it('checks the fingerprint announced in the session', () => {
    expect(differences(grids, result.prepared.canonical.fingerprint.toUpperCase())).toEqual([]);
    expect(differences(grids, 'ab'.repeat(32))[0]).toContain('différente de l’empreinte annoncée');
  });

  const at = (sheet: string, value: CellValue) => find(grids, sheet, (v) => v === value);

  it('names the cell of an edited name in Tirage', () => {
    const { row, column } = at('Tirage', 'Nom5');
    const found = differences(edit(grids, 'Tirage', row, column, 'Nom99'));
    expect(found).toEqual([`Tirage, cellule E${row} : attendu « Nom5 », trouvé « Nom99 ».`]);
  });

  it('catches an edited status, draw number and count', () => {
    const status = find(grids, 'Tirage', (v) => typeof v === 'string' && v.startsWith('Liste complémentaire n°'));
    expect(differences(edit(grids, 'Tirage', status.row, status.column, 'Retenu·e'))).toHaveLength(1);
    expect(differences(edit(grids, 'Tirage', status.row, 4, 999))[0]).toMatch(/^Tirage, cellule D\d+ : attendu \d+, trouvé 999\.$/);
    const total = find(grids, 'Synthèse', (v) => v === 'Total');
    const totalRow = (grids.find((g) => g.name === 'Synthèse') as SheetGrid).rows.findIndex((r) => r[0] === 'Total') + 1;
    expect(total.column).toBe(4);
    expect(differences(edit(grids, 'Synthèse', totalRow, 7, 14))).toEqual([`Synthèse, cellule G${totalRow} : attendu 13, trouvé 14.`]);
  });

  it('catches an edited seed, in the procès-verbal or in the data', () => {
    const pv = at('Procès-verbal', '4 2 6 1 5 3');
    expect(differences(edit(grids, 'Procès-verbal', pv.row, pv.column, '4 2 6 1 5 4'))).toHaveLength(1);
    const data = at('Données du tirage', '4 2 6 1 5 3');
    const found = differences(edit(grids, 'Données du tirage', data.row, data.column, '4 2 6 1 5 4'));
    expect(found[0]).toContain('Clé de tirage recalculée');
    expect(found.length).toBeGreaterThan(3);
  });

  it('catches a candidate removed from the data sheet, through the candidature sheet', () => {
    const data = grids.find((g) => g.name === 'Données du tirage') as SheetGrid;
    const index = data.rows.findIndex((r) => r[4] === 'Nom3');
    const removed = grids.map((g) => (g.name === data.name ? { ...g, rows: data.rows.filter((_, i) => i !== index) } : g));
    const found = differences(removed);
    expect(found.some((d) => d.startsWith('Empreinte recalculée'))).toBe(true);
    expect(found).toContain('Feuille « Candidatures », ligne 4 : candidature absente de « Données du tirage » (recevable ["Est","F","Nom3","Prénom3","1980-01-01",45,"3"]).');
  });

  it('catches a line added to a record sheet', () => {
    expect(differences(edit(grids, 'Tirage', 60, 5, 'Intrus'))).toEqual(['Tirage, cellule E60 : attendu (vide), trouvé « Intrus ».']);
  });

  it('refuses a workbook that is not a record', () => {
    expect(() => verifyWorkbook([candidatureGrid])).toThrow(/n’est pas un registre/);
  });
});
