/** Sheet and table names of the record: one module decides them for every renderer and for `verify`. */
import {
  chooseReplacementSheetName,
  chooseSheetNames,
  freeTableName,
  isRecordSheetName,
  nameKey,
  replacementNumberOf,
  recordTableName,
  sameName,
  sheetNameProblem,
  sheetNamesLike,
} from '../../../src/core/record/names';
import { buildRecord, drawFromTable, newRecordMeta } from '../../../src/core';
import { parseCsvText } from '../../../src/file/csv';

describe('sheet names', () => {
  it('give a second draw "(2)" names, comparing names as Excel does (without case)', () => {
    expect(chooseSheetNames(['Feuil1'])).toEqual({
      draw: 'Tirage',
      summary: 'Synthèse',
      minutes: 'Procès-verbal',
      data: 'Données du tirage',
      publication: 'Publication',
      publicRegister: 'Registre public',
      receipts: 'Reçus',
    });
    expect(chooseSheetNames(['SYNTHÈSE'])).toEqual({
      draw: 'Tirage (2)',
      summary: 'Synthèse (2)',
      minutes: 'Procès-verbal (2)',
      data: 'Données du tirage (2)',
      publication: 'Publication (2)',
      publicRegister: 'Registre public (2)',
      receipts: 'Reçus (2)',
    });
    expect(chooseSheetNames(['publication']).draw).toBe('Tirage (2)');
    // A sealed draw's own sheets are record sheets too: their names are never reused.
    expect(chooseSheetNames(['reçus']).draw).toBe('Tirage (2)');
    expect(chooseSheetNames(['Tirage', 'tirage (2)']).draw).toBe('Tirage (3)');
    expect(sameName('Synthe\u0300se', 'SYNTHÈSE')).toBe(true);
    expect(nameKey('Tirage')).toBe(nameKey('TIRAGE'));
  });

  it('recognise record sheets by their names, and presume the sheets of a numbered draw', () => {
    for (const name of ['Tirage', 'Synthèse (2)', 'Procès-verbal (12)', 'Données du tirage']) expect([name, isRecordSheetName(name)]).toEqual([name, true]);
    for (const name of ['Tirage 2', 'Tirage (x)', 'Candidatures', 'Tirage(2)']) expect([name, isRecordSheetName(name)]).toEqual([name, false]);
    expect(isRecordSheetName('Données du tirage (3)', 'data')).toBe(true);
    expect(isRecordSheetName('Tirage (3)', 'data')).toBe(false);
    expect(sheetNamesLike('Données du tirage (3)').draw).toBe('Tirage (3)');
  });

  it('number replacement sheets on their own, whatever draw they belong to', () => {
    expect(chooseReplacementSheetName(['Tirage', 'Publication'])).toBe('Remplacement');
    expect(chooseReplacementSheetName(['Tirage', 'REMPLACEMENT', 'Remplacement (2)'])).toBe('Remplacement (3)');
    expect(replacementNumberOf('Remplacement')).toBe(1);
    expect(replacementNumberOf('Remplacement (12)')).toBe(12);
    expect(replacementNumberOf('Remplacements')).toBeNull();
    expect(isRecordSheetName('Remplacement')).toBe(false);
  });
  it('say why Excel would refuse a name', () => {
    expect(sheetNameProblem('Tirage (2)')).toBeNull();
    for (const name of ['', 'a'.repeat(32), 'a/b', 'a[1]', "'x", 'history']) expect([name, sheetNameProblem(name)]).toEqual([name, expect.any(String)]);
  });
});

describe('table names', () => {
  it('number the tables of a second draw the same way on every sheet: "Tirage_2" and "Donnees_2"', () => {
    expect(recordTableName('Tirage', 'Tirage (2)')).toBe('Tirage_2');
    expect(recordTableName('Donnees', 'Données du tirage (2)')).toBe('Donnees_2');
    expect(recordTableName('Donnees', 'Données du tirage')).toBe('Donnees');
    const csv = 'Nom;Prénom;Sexe;Date de naissance;Secteur\nA;B;F;01/01/1980;Centre\nC;D;H;01/01/1970;Nord\n';
    const result = drawFromTable(parseCsvText(csv, 't.csv'), { referenceDate: '2025-06-13', publicSeed: 's', excludeInvalid: false });
    const model = buildRecord(result, newRecordMeta({ place: '', officials: [], candidatureSheet: 'Tirage', sourceFile: 'x.xlsx', inputSheets: ['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage'], mandateStart: '2025-06-13' }));
    expect(model.sheets.flatMap((s) => s.tables.map((t) => t.name))).toEqual(['Tirage_2', 'Donnees_2']);
  });

  it('take the next free name when the workbook uses one, without case', () => {
    const taken = new Set(['tirage', 'tirage_2'].map(nameKey));
    expect(freeTableName('Tirage', taken)).toBe('Tirage_3');
    expect(taken.has(nameKey('TIRAGE_3'))).toBe(true);
    expect(freeTableName('Donnees', taken)).toBe('Donnees');
  });
});
