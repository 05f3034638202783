import type { RawTable } from '../../src/core';
import { findColumns, headerKey } from '../../src/core/columns';
import { tableOf } from '../support/tables';
import { errorOf } from '../support/errors';

describe('header names', () => {
  it.each([
    ['Prénom', 'prenom'],
    ['  PRENOM ', 'prenom'],
    ['Sexe (F/H)', 'sexe'],
    ['N°', 'n°'],
    ['No.', 'no'],
    ['Date_de_naissance', 'date de naissance'],
    ['Né(e) le', 'ne e le'],
    ['Âge', 'age'],
  ])('%s reads as %s', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });
});

describe('finding the columns', () => {
  it('accepts any column order and French synonyms, and ignores extra columns', () => {
    const table = tableOf([], ['Mairie de quartier', 'Commentaire', 'Genre', 'NOM', 'Prénom', 'Né le', 'Numéro']);
    expect(findColumns(table)).toEqual({
      headerRow: 1,
      columns: { sector: 0, sex: 2, lastName: 3, firstName: 4, birthDate: 5, id: 6 },
    });
  });

  it('finds the header below a title and blank rows', () => {
    const table: RawTable = {
      source: 'c.xlsx',
      rows: [
        { rowNumber: 1, cells: ['Candidatures CLN — juin 2025'] },
        { rowNumber: 2, cells: [] },
        { rowNumber: 3, cells: ['Nom', 'Prénom', 'Civilité', 'Âge', 'Quartier'] },
      ],
    };
    expect(findColumns(table)).toEqual({ headerRow: 3, columns: { lastName: 0, firstName: 1, sex: 2, age: 3, sector: 4 } });
  });

  it('prefers Secteur over Quartier when both are present', () => {
    const table = tableOf([], ['Nom', 'Prénom', 'Sexe', 'Âge', 'Quartier', 'Secteur']);
    expect(findColumns(table).columns.sector).toBe(5);
  });

  it('refuses two columns with the same name, saying which', () => {
    const error = errorOf(() => findColumns(tableOf([], ['Nom', 'Prénom', 'Sexe', 'Âge', 'Secteur', 'secteur'])));
    expect(error.code).toBe('ambiguous_column');
    expect(error.message).toContain('« Secteur » et « secteur »');
  });

  it('names the missing columns and the row it looked at', () => {
    const error = errorOf(() => findColumns(tableOf([['Dupont', 'Marie']], ['Nom', 'Prénom', 'Secteur'])));
    expect(error.code).toBe('missing_columns');
    expect(error.message).toContain('test.csv, ligne 1');
    expect(error.message).toContain('introuvables : Sexe, Date de naissance (ou Âge)');
  });

  it('says when no header row is found at all', () => {
    const error = errorOf(() => findColumns(tableOf([['a', 'b']], ['x', 'y'])));
    expect(error.code).toBe('missing_columns');
    expect(error.message).toContain("aucune ligne d'en-tête");
  });
});
