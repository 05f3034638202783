/** What the session's steps show, from the engine's data. */
import { prepareDraw } from '../../src/core/draw';
import { sheetFrom } from '../support/sheets';
import { chanceLines, countsBySectorAndSex, differenceTarget, journalTime, problemLines, recognisedColumns, sourceChoices } from '../../src/taskpane/session/sessionModel';

const table = sheetFrom({
  source: 'test',
  name: 'Candidatures',
  rows: [
    { rowNumber: 1, cells: ['Nom', 'Prénom', 'Vous êtes', 'Âge', 'Secteur'] },
    { rowNumber: 2, cells: ['A', 'Anne', 'F', 30, 'Centre'] },
    { rowNumber: 3, cells: ['B', 'Bruno', 'H', 40, 'Centre'] },
    { rowNumber: 4, cells: ['C', 'Chloé', 'F', 50, 'Nord'] },
    { rowNumber: 5, cells: ['D', '', 'H', 50, 'Nord'] },
  ],
});

describe('session model', () => {
  const prepared = prepareDraw(table, { referenceDate: '2025-06-13', excludeInvalid: true });

  it('counts eligible candidatures by sector and sex, with the total row, like the slide', () => {
    const rows = countsBySectorAndSex(prepared);
    expect(rows.find((r) => r.sector === 'Centre')).toEqual({ sector: 'Centre', F: 1, H: 1, total: 2 });
    expect(rows.find((r) => r.sector === 'Nord')).toEqual({ sector: 'Nord', F: 1, H: 0, total: 1 });
    expect(rows[rows.length - 1]).toEqual({ sector: 'Total', F: 2, H: 1, total: 3 });
  });

  it('lists each problem row with the cell to select', () => {
    expect(problemLines(prepared).map((p) => [p.cell, p.text])).toEqual([['B5', expect.stringMatching(/^Ligne 5 : nom ou prénom manquant/)]]);
  });

  it('names the recognised columns as the sheet shows them', () => {
    expect(recognisedColumns({ sheet: table, bounds: null })).toEqual(expect.arrayContaining([{ field: 'Sexe', column: 'C', header: 'Vous êtes' }]));
  });

  it('gives every eligible candidate a chance in French percent', () => {
    expect(chanceLines(prepared).map((c) => c.chance)).toEqual(['100,0 %', '100,0 %', '100,0 %']);
  });

  it('finds the cell a difference of verify points to', () => {
    expect(differenceTarget({ code: 'cell_value', sheet: 'Tirage (2)', cell: 'B7', expected: 'X', found: 'Y' })).toEqual({ sheet: 'Tirage (2)', cell: 'B7' });
    const line = { eligible: true as const, line: '[]' };
    expect(differenceTarget({ code: 'candidature_differs', sheet: 'Candidatures', cell: 'A12', row: 12, dataSheet: 'Données du tirage', found: line, recorded: line })).toEqual({
      sheet: 'Candidatures',
      cell: 'A12',
    });
    expect(differenceTarget({ code: 'sheet_missing', sheet: 'Synthèse' })).toBeNull();
  });

  it('offers tables first, and never a record sheet or the journal, as the candidature source', () => {
    const choices = sourceChoices({ sheets: ['Candidatures', 'Tirage', 'Données du tirage', 'Journal des tirages'], tables: [{ kind: 'table', name: 'T', sheet: 'Candidatures' }] });
    expect(choices).toEqual([{ kind: 'table', name: 'T', sheet: 'Candidatures' }, { kind: 'sheet', sheet: 'Candidatures' }]);
  });

  it('writes the journal time to the second, in UTC', () => {
    expect(journalTime(new Date(Date.UTC(2025, 5, 13, 18, 4, 5, 678)))).toBe('2025-06-13T18:04:05Z');
  });
});
