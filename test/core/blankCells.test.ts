/**
 * Cells that read as empty for a reason the sheet does not show — a formula saved without its
 * result, a merged area — are reported with that reason and what to do, not as a missing value.
 */
import { describeRowProblem, prepareDraw, ROUBAIX_CLN_2025, WHOLE_SHEET, type Sheet } from '../../src/core';
import { sheetFrom } from '../support/sheets';
import { readCandidatures } from '../../src/core/candidatures';
import { HEADER } from '../support/tables';

const REFERENCE = { year: 2025, month: 6, day: 13 };

function messages(table: Sheet): string[] {
  return readCandidatures(table, WHOLE_SHEET, ROUBAIX_CLN_2025, REFERENCE)
    .candidatures.filter((c) => c.problems.length > 0)
    .map((c) => describeRowProblem(c.problems[0]));
}

describe('cells that read as empty for a reason', () => {
  it('says a name cell is a formula without a computed value, and what to do, instead of « nom ou prénom manquant »', () => {
    const table = sheetFrom({
      source: 'c.xlsx — feuille Liste',
      rows: [
        { rowNumber: 1, cells: HEADER },
        { rowNumber: 2, cells: ['1', 'Martin', 'Hélène', 'F', '14/03/1987', 'Centre'] },
        { rowNumber: 3, cells: ['2', null, 'Karim', 'H', '01/12/1998', 'Nord'], formulasWithoutValue: new Map([[1, 'UPPER(H3)']]) },
      ],
    });
    const [message] = messages(table);
    expect(message).toBe(
      'Ligne 3, cellule B3 : formule sans valeur calculée (=UPPER(H3)) : le classeur a été enregistré sans le résultat de ses formules. ' +
        'Ouvrez-le dans Excel et enregistrez-le, ou remplacez les formules par leurs valeurs (Copier, puis Collage spécial > Valeurs).',
    );
    expect(message).not.toContain('manquant');
  });

  it('reports a row of formulas without results, which would otherwise look blank', () => {
    const table = sheetFrom({
      source: 'c.xlsx',
      rows: [
        { rowNumber: 1, cells: HEADER },
        { rowNumber: 2, cells: [], formulasWithoutValue: new Map([[1, 'Feuil2!A2'], [2, 'Feuil2!B2']]) },
      ],
    });
    expect(messages(table)).toEqual([expect.stringMatching(/^Ligne 2, cellule B2 : formule sans valeur calculée \(=Feuil2!A2\)/)]);
  });

  it('names the merge when a cell is covered by a merged area over two rows', () => {
    const table = sheetFrom({
      source: 'c.xlsx — feuille Liste',
      rows: [
        { rowNumber: 1, cells: HEADER },
        { rowNumber: 2, cells: ['1', 'Martin', 'Hélène', 'F', '14/03/1987', 'Centre'] },
        { rowNumber: 3, cells: ['2', 'Benali', 'Karim', 'H', '01/12/1998', 'Nord'] },
        { rowNumber: 4, cells: ['3', 'Da Silva', 'Inès', 'F', '27/05/1975', 'Est'] },
        { rowNumber: 5, cells: ['4', 'Vanderbeken', 'Joël', 'H', '09/08/1952'] },
        { rowNumber: 6, cells: ['5', null, 'Léa', 'F', '02/02/1990', 'Sud'] },
      ],
      merges: [
        { top: 4, left: 5, bottom: 5, right: 5 },
        { top: 5, left: 1, bottom: 6, right: 1 },
      ],
    });
    expect(messages(table)).toEqual([
      'Ligne 5 : secteur non renseigné (cellule F5). La cellule F4:F5 est fusionnée : sa valeur ne compte que pour la ligne 4. ' +
        'Annulez la fusion (Accueil > Fusionner et centrer) et renseignez la cellule de chaque ligne.',
      'Ligne 6, cellule B6 : la cellule B5:B6 est fusionnée : sa valeur ne compte que pour la ligne 5. ' +
        'Annulez la fusion (Accueil > Fusionner et centrer) et renseignez la cellule de chaque ligne.',
    ]);
  });

  it('leaves the messages of plainly empty cells and the draw itself as they were', () => {
    const rows = [
      { rowNumber: 1, cells: HEADER },
      { rowNumber: 2, cells: ['1', 'Martin', 'Hélène', 'F', '14/03/1987', 'Centre'] },
      { rowNumber: 3, cells: ['2', '', 'Karim', 'H', '01/12/1998', ''] },
    ];
    expect(messages(sheetFrom({ source: 'c.csv', rows }))).toEqual(['Ligne 3 : nom ou prénom manquant (cellule B3). Complétez la candidature ou retirez la ligne.']);
    // A merge that covers no cell the engine reads changes nothing.
    const plain = prepareDraw(sheetFrom({ source: 'c.csv', rows: rows.slice(0, 2) }), { referenceDate: '2025-06-13', excludeInvalid: false });
    const merged = prepareDraw(sheetFrom({ source: 'c.xlsx', rows: rows.slice(0, 2), merges: [{ top: 1, left: 7, bottom: 2, right: 8 }] }), { referenceDate: '2025-06-13', excludeInvalid: false });
    expect(merged.canonical.fingerprint).toBe(plain.canonical.fingerprint);
  });
});
