/**
 * What the record must hold is checked when the table is read, before the fingerprint is shown and
 * the seed chosen (issue 15 §4): a table whose record would pass Excel's rows, a name the
 * procès-verbal could not write in one cell.
 */
import { checkDrawRequest, largestRecordableTable, MAX_CELL_LENGTH, planDraw, prepareDraw, RECORD_ROWS_BEYOND_TABLE, requireDrawRequest, type CellValue } from '../../src/core';
import { plainSheet } from '../../src/core/sheet';
import { errorOf } from '../support/errors';
import { HEADER, JUNE_2025, onlineFormExport, rowsOf, tableOf } from '../support/tables';

const DATE = '2025-06-13';
const requestWith = (officials: string) =>
  requireDrawRequest(checkDrawRequest({ publicSeed: '4 2 6 1 5 3', referenceDate: DATE, excludeInvalid: true, officials, place: 'Hôtel de ville' }, { today: DATE }));

describe('rows: a record that cannot fit Excel’s sheets', () => {
  it('never has a sheet longer than the table plus RECORD_ROWS_BEYOND_TABLE and one line per official', () => {
    const officials = Array.from({ length: 30 }, (_, i) => `Élu ${i + 1}`).join(';');
    const tables = [
      tableOf(rowsOf(JUNE_2025)),
      onlineFormExport({ Centre: [2, 2], Est: [0, 1], Ouest: [0, 0], Nord: [0, 0], Sud: [0, 0] }),
      onlineFormExport({ Centre: [70, 70], Est: [70, 7], Ouest: [7, 70], Nord: [7, 7], Sud: [7, 7] }),
      onlineFormExport({ Centre: [700, 300], Est: [300, 70], Ouest: [70, 300], Nord: [7, 7], Sud: [7, 7] }),
    ];
    for (const sheet of tables) {
      for (const names of ['', officials]) {
        const request = requestWith(names);
        const { plans } = planDraw({ sheet, bounds: null }, request, { sourceFile: 'c.csv', sheetNames: ['Candidatures'] });
        const tallest = Math.max(...plans.map((p) => p.rowCount));
        expect({ rows: sheet.rows.length, tallest: tallest <= sheet.rows.length + RECORD_ROWS_BEYOND_TABLE + request.officials.length }).toEqual({ rows: sheet.rows.length, tallest: true });
      }
    }
  });

  it('is refused before the draw, in French, with the largest table that fits', () => {
    const empty: CellValue[] = [];
    const rows = largestRecordableTable(2) + 1;
    const sheet = plainSheet('Candidatures', 'un-million.csv', [HEADER, ...new Array<CellValue[]>(rows - 1).fill(empty)]);
    const error = errorOf(() => planDraw({ sheet, bounds: null }, requestWith('Mme A; M. B'), { sourceFile: 'un-million.csv', sheetNames: ['Candidatures'] }));
    expect(error.code).toBe('record_too_large');
    expect(error.message).toBe(
      'un-million.csv : 1 048 375 lignes, trop pour le registre du tirage. Ses feuilles (Tirage, Procès-verbal, Données du tirage) ont une ligne par candidature ' +
        'et leurs titres, et une feuille Excel s’arrête à la ligne 1 048 576 : le plus grand tableau dont le registre tient compte 1 048 374 lignes, en-tête compris ' +
        '(avec 2 personnes présentes au procès-verbal). Rien n’a été tiré. Retirez du tableau les lignes qui ne sont pas des candidatures, puis recommencez.',
    );
  });
});

describe('cells: a name the procès-verbal could not write', () => {
  const person = (lastName: string, firstName: string, sector = 'Est'): CellValue[] => ['1', lastName, firstName, 'F', '1980-01-01', sector];
  const others = rowsOf(JUNE_2025).slice(1);

  it('a 32,767-character name is refused when the table is read, with its row, before any fingerprint', () => {
    const error = errorOf(() => prepareDraw(tableOf([person('X'.repeat(MAX_CELL_LENGTH), 'Léa'), ...others], HEADER, 'longs.csv'), { referenceDate: DATE, excludeInvalid: true }));
    expect(error.code).toBe('unkeepable_cells');
    expect(error.message).toBe('longs.csv : 1 candidature que le registre ne pourrait pas écrire. Raccourcissez ces textes dans le tableau, puis recommencez.');
    expect(error.lines).toEqual([
      'Ligne 2 : le nom et le prénom, avec le numéro de tirage feraient 32 835 caractères dans une cellule du procès-verbal, au-delà des 32 767, la limite d’une cellule d’Excel.',
    ]);
  });

  it('keeps a name that fits with its number, and refuses one character more', () => {
    const fits = MAX_CELL_LENGTH - 64 - ' Léa'.length;
    expect(prepareDraw(tableOf([person('x'.repeat(fits), 'Léa'), ...others]), { referenceDate: DATE, excludeInvalid: true }).candidatures).toHaveLength(16);
    expect(errorOf(() => prepareDraw(tableOf([person('x'.repeat(fits + 1), 'Léa'), ...others]), { referenceDate: DATE, excludeInvalid: true })).code).toBe('unkeepable_cells');
  });

  it('counts the reason beside the name of a candidature set aside', () => {
    const sector = 'y'.repeat(32_700);
    const error = errorOf(() => prepareDraw(tableOf([person('Durand', 'Léa', sector), ...others]), { referenceDate: DATE, excludeInvalid: true }));
    expect(error.lines).toEqual([expect.stringMatching(/^Ligne 2 : le nom et le prénom, avec le motif qui écarte la candidature et la valeur en cause, feraient \d\d \d{3} caractères/)]);
  });
});
