/**
 * An input sheet that merely bears the name of a record's data sheet or replacement sheet makes
 * every record written beside it fail `verify` (issue 15 §4): refused when the table is read. An
 * earlier record's real sheets pass: a later draw in the same workbook is allowed.
 */
import { buildRecord, drawFromTable, newRecordMeta, recordLikeNames, recordReplacement, refuseRecordLookalikes, type Sheet } from '../../../src/core';
import { WRITING_MARK } from '../../../src/core/record/marks';
import { errorOf } from '../../support/errors';
import { recordToGrids, sheetToGrid } from '../../support/records';
import { JUNE_2025, rowsOf, tableOf } from '../../support/tables';

const notes = (name: string): Sheet => ({ ...tableOf([['mes notes']], ['Notes du service'], 'c.xlsx'), name });

describe('sheets named like a record’s', () => {
  it('are the record sheets’ and the replacement sheets’ names, numbered or not', () => {
    expect(recordLikeNames(['Candidatures', 'Données du tirage', 'Remplacement', 'Remplacement (3)', 'Données du tirage (2)', 'Tirage', 'Synthèse', 'Remplacements', 'Journal des tirages'])).toEqual([
      'Données du tirage',
      'Remplacement',
      'Remplacement (3)',
      'Données du tirage (2)',
      'Tirage',
      'Synthèse',
    ]);
  });

  it('pass when another record sheet’s name is the clerk’s own sheet (verify tells it apart by the record’s list of input sheets)', () => {
    expect(() => refuseRecordLookalikes([notes('Tirage'), notes('Publication (3)')], null)).not.toThrow();
  });

  it('refuse an unfinished record, whose sheets verify refuses, and say to delete them', () => {
    const marked = (name: string): Sheet => ({ ...notes(name), rows: [[WRITING_MARK]] });
    const error = errorOf(() => refuseRecordLookalikes([marked('Tirage'), marked('Données du tirage'), notes('Remplacement (2)')], null));
    expect(error.code).toBe('unfinished_record');
    expect(error.message).toBe(
      'Ce classeur garde un registre inachevé : les feuilles « Tirage », « Données du tirage » portent en cellule A1 « Registre en cours d’écriture » ou « INACHEVÉ », ' +
        'et la vérification refuserait tout registre écrit à côté. Rien n’a été tiré. Supprimez les feuilles de ce registre inachevé (celles dont la cellule A1 porte cette mention), puis recommencez.',
    );
  });

  it('are refused when they are not what their names say, with the way out', () => {
    const error = errorOf(() => refuseRecordLookalikes([notes('Remplacement')], 'c.xlsx'));
    expect(error.code).toBe('reserved_sheet_name');
    expect(error.message).toBe(
      'Le classeur « c.xlsx » a une feuille « Remplacement » qui porte le nom d’une feuille de registre de tirage (données du tirage, remplacement) sans en être une : ' +
        'la vérification la lirait comme telle et refuserait tout registre écrit dans ce classeur. Rien n’a été tiré. Renommez cette feuille (par exemple « Notes »), puis recommencez.',
    );
    expect(errorOf(() => refuseRecordLookalikes([notes('Données du tirage'), notes('Remplacement (2)')], null)).message).toMatch(
      /^Ce classeur a des feuilles « Données du tirage », « Remplacement \(2\) » qui portent le nom .* la vérification les lirait comme telles .* Renommez ces feuilles/,
    );
  });

  it('pass when they are an earlier record’s data and replacement sheets', () => {
    const table = tableOf(rowsOf(JUNE_2025));
    const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: false });
    const meta = newRecordMeta({ place: '', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'c.csv', inputSheets: ['Candidatures'], mandateStart: '2025-06-13' });
    const record = recordToGrids(buildRecord(result, meta), [table]);
    const leaving = result.outcomes.find((o) => o.status === 'selected')!.candidature.row;
    const { sheet } = recordReplacement(record, { date: '2026-01-15', reason: 'Démission', leavingRow: leaving, chosenRow: null }, 'registre.xlsx', '2026-06-30');
    const grids = [...record, sheetToGrid(sheet)];
    const named = grids.filter((g) => recordLikeNames([g.name]).length > 0);
    expect(named.map((g) => g.name)).toEqual(['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication', 'Remplacement']);
    expect(() => refuseRecordLookalikes(named.map((g) => ({ name: g.name, rows: g.rows.slice(0, 2) })), null)).not.toThrow();
  });
});
