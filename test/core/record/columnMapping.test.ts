/**
 * Columns named by the operator are data of the draw: the record keeps them, and `verify` finds
 * the candidatures again through them, and catches an edit of them.
 */
import { buildRecord, drawFromTable, newRecordMeta, verifyWorkbook, type Sheet } from '../../../src/core';
import { differenceLines, edit, find, recordToGrids } from '../../support/records';
import { tableOf } from '../../support/tables';

const HEADER = ['N°', 'Nom de famille', 'Prénom', 'Q8', 'Date de naissance', 'Q9'];
const table = tableOf(
  [
    ['1', 'Dupont', 'Marie', 'Une femme', '03/04/1990', 'Centre'],
    ['2', 'Benali', 'Karim', 'Un homme', '01/12/1998', 'Nord'],
    ['3', 'Petit', 'Léa', 'Une femme', '05/05/1960', 'Nord'],
  ],
  HEADER,
  'formulaire.csv',
);
const columns = { sex: 'Q8', sector: 'Q9' };
const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: 'x', excludeInvalid: false, columns });
const meta = newRecordMeta({ place: '', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'formulaire.csv', inputSheets: ['Candidatures'], mandateStart: '2025-06-13' });
const grids = recordToGrids(buildRecord(result, meta), [table]);
const differences = (g: Sheet[]) => differenceLines(verifyWorkbook(g));

describe('a record drawn with columns named explicitly', () => {
  it('keeps the mapping and verifies untouched, the candidature sheet re-read through it', () => {
    expect(result.prepared.columnMapping).toEqual(columns);
    expect(differences(grids)).toEqual([]);
  });

  it('reports an edited mapping in the data sheet', () => {
    const at = find(grids, 'Données du tirage', (v) => v === '{"sex":"Q8","sector":"Q9"}');
    const edited = differences(edit(grids, 'Données du tirage', at.row, at.column, '{"sex":"Q9","sector":"Q8"}'));
    expect(edited.length).toBeGreaterThan(0);
    expect(edited.join('\n')).toContain('Procès-verbal');
  });

  it('reports an edited mapping in the procès-verbal, naming the cell', () => {
    const at = find(grids, 'Procès-verbal', (v) => v === 'Sexe : colonne « Q8 » ; Secteur : colonne « Q9 »');
    expect(differences(edit(grids, 'Procès-verbal', at.row, at.column, 'Sexe : colonne « Q9 »'))).toEqual([
      `Procès-verbal, cellule B${at.row} : attendu « Sexe : colonne « Q8 » ; Secteur : colonne « Q9 » », trouvé « Sexe : colonne « Q9 » ».`,
    ]);
  });

  it('writes no mapping row when no column was named, so earlier records keep their layout', () => {
    const plain = drawFromTable(tableOf([['1', 'A', 'B', 'F', '1990-01-01', 'Est']]), { referenceDate: '2025-06-13', publicSeed: 'x', excludeInvalid: false });
    const sheets = buildRecord(plain, meta).sheets;
    const values = sheets.flatMap((s) => s.cells.map((c) => c.value));
    expect(values).not.toContain('Correspondance des colonnes');
    expect(values).not.toContain('Colonnes désignées');
  });
});
