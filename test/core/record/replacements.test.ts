/**
 * Replacements in a record, in memory: `recordReplacement` adds them one after the other, and
 * `verify` applies the rule again to each in date order — a deleted, moved or edited replacement
 * shows as a difference.
 */
import { buildRecord, drawFromTable, InputError, mandateMembers, newRecordMeta, readMandateRecord, recordReplacement, refuseDepartureAhead, verifyWorkbook, type Sheet } from '../../../src/core';
import { differenceLines, edit, find, recordToGrids, sheetToGrid } from '../../support/records';
import { JUNE_2025, rowsOf, tableOf } from '../../support/tables';

/** The day these replacements are recorded: after every departure they state. */
const TODAY = '2026-12-01';
const table = tableOf(rowsOf(JUNE_2025));
const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: false });
const meta = newRecordMeta({ place: '', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'c.csv', inputSheets: ['Candidatures'], mandateStart: '2025-06-13' });
const record = recordToGrids(buildRecord(result, meta), [table]);
const member = (sector: string, sex: 'F' | 'H', i = 0) =>
  result.outcomes.filter((o) => o.status === 'selected' && o.candidature.sector === sector && o.candidature.sex === sex)[i].candidature.row;

function replaced(grids: Sheet[], leavingRow: number, date: string, chosenRow: number | null = null): Sheet[] {
  const { sheet } = recordReplacement(grids, { date, reason: 'Démission', leavingRow, chosenRow }, 'registre.xlsx', TODAY);
  return [...grids, sheetToGrid(sheet)];
}

const twice = replaced(replaced(record, member('Est', 'H', 0), '2026-01-15'), member('Nord', 'H', 0), '2026-02-01');
const label = (grids: Sheet[], sheet: string, text: string) => find(grids, sheet, (v) => v === text);

describe('replacements in a record', () => {
  it('are added under the next free name and verify, in date order', () => {
    expect(twice.map((g) => g.name).slice(-2)).toEqual(['Remplacement', 'Remplacement (2)']);
    const check = verifyWorkbook(twice);
    expect(differenceLines(check)).toEqual([]);
    expect(check.records[0].replacements).toEqual(['Remplacement', 'Remplacement (2)']);
  });

  it('are refused on a record that no longer verifies', () => {
    const at = label(twice, 'Tirage', 'Retenu·e');
    const edited = edit(twice, 'Tirage', at.row, at.column, 'Liste complémentaire n° 1');
    expect(() => recordReplacement(edited, { date: '2026-03-01', reason: 'Démission', leavingRow: member('Nord', 'H', 1), chosenRow: null }, 'r.xlsx', TODAY)).toThrow(
      expect.objectContaining({ code: 'record_not_conforming' }) as InputError,
    );
  });

  it('report an earlier replacement deleted: the members listed later no longer follow', () => {
    const differences = differenceLines(verifyWorkbook(twice.filter((g) => g.name !== 'Remplacement')));
    expect(differences.length).toBeGreaterThan(0);
    expect(differences.every((d) => d.startsWith('Remplacement (2), cellule'))).toBe(true);
  });

  it('report a stated fact the rule refuses, and a sheet tied to no draw of the workbook', () => {
    const dateAt = label(twice, 'Remplacement (2)', 'Date du départ (AAAA-MM-JJ)');
    const beforeDraw = edit(twice, 'Remplacement (2)', dateAt.row, 2, '2025-06-01');
    expect(differenceLines(verifyWorkbook(beforeDraw))).toEqual([
      expect.stringContaining('Feuille « Remplacement (2) » : ce remplacement ne suit pas la règle. Remplacement daté du dimanche 1er juin 2025, avant le tirage'),
    ]);
    // Moved before the other one, it is applied first, and both sheets then list other members.
    const moved = differenceLines(verifyWorkbook(edit(twice, 'Remplacement (2)', dateAt.row, 2, '2026-01-01')));
    expect(moved).toContainEqual(expect.stringMatching(/^Remplacement, cellule/));
    expect(moved).toContainEqual(expect.stringMatching(/^Remplacement \(2\), cellule/));

    const drawAt = label(twice, 'Remplacement', 'Feuille des données du tirage');
    const orphan = edit(twice, 'Remplacement', drawAt.row, 2, 'Données du tirage (7)');
    expect(differenceLines(verifyWorkbook(orphan).differences)).toEqual([
      'Feuille « Remplacement » : remplacement rattaché à « Données du tirage (7) », qui n’est pas un tirage lisible de ce classeur.',
    ]);
  });

  it('report the person joining edited, cell by cell', () => {
    const at = label(twice, 'Remplacement', 'Remplaçant·e');
    const differences = differenceLines(verifyWorkbook(edit(twice, 'Remplacement', at.row, 2, 'DUPONT Jean (ligne 2, Est, homme), liste complémentaire n° 1')));
    expect(differences).toEqual([expect.stringMatching(/^Remplacement, cellule B\d+ : attendu « .+ », trouvé « DUPONT Jean/)]);
  });
});

describe('the mandate as the pane reads it', () => {
  it('replays the departures recorded: the members now, and what the rule gives for the next one', () => {
    const mandate = readMandateRecord(twice, 'registre.xlsx');
    expect(mandate.dataSheet).toBe('Données du tirage');
    expect(mandate.recorded.map((r) => [r.date, r.leavingRow])).toEqual([
      ['2026-01-15', member('Est', 'H', 0)],
      ['2026-02-01', member('Nord', 'H', 0)],
    ]);
    const members = mandateMembers(mandate);
    const rows = members.current().map((o) => o.candidature.row);
    expect(rows).not.toContain(member('Est', 'H', 0));
    expect(rows).not.toContain(member('Nord', 'H', 0));
    // What the pane shows is what recording gives: the same person, by the same rule.
    const leaving = member('Nord', 'H', 1);
    const proposal = members.proposal(leaving);
    const recorded = recordReplacement(twice, { date: '2026-03-01', reason: 'Démission', leavingRow: leaving, chosenRow: null }, 'registre.xlsx', TODAY).replacement;
    expect(proposal).toEqual({ rule: 'same_group', joining: recorded.joining });
    // Nobody who is not a member now.
    expect(members.proposal(member('Est', 'H', 0))).toBeNull();
  });

  it('offers a choice in call order once the same group’s reserve is exhausted', () => {
    const members = mandateMembers(readMandateRecord(twice, 'registre.xlsx'));
    const estMan = members.current().find((o) => o.candidature.sector === 'Est' && o.candidature.sex === 'H' && o.status === 'selected');
    if (estMan === undefined) throw new Error('no Est man left from the draw');
    const proposal = members.proposal(estMan.candidature.row);
    expect(proposal?.rule).toBe('chosen');
    const offered = proposal?.rule === 'chosen' ? proposal.offered : [];
    let message = '';
    try {
      recordReplacement(twice, { date: '2026-03-01', reason: 'Démission', leavingRow: estMan.candidature.row, chosenRow: null }, 'registre.xlsx', TODAY);
    } catch (error) {
      expect(error).toMatchObject({ code: 'choice_needed', details: { offered: offered.map((o) => o.candidature.row), field: 'chosenRow' } });
      message = (error as Error).message;
    }
    expect(message).toMatch(/^La liste complémentaire Est, hommes est épuisée/);
  });

  it('says which stated fact a refusal is about, and refuses a departure dated after today', () => {
    const ask = (date: string, reason = 'Démission') => () => recordReplacement(twice, { date, reason, leavingRow: member('Nord', 'H', 1), chosenRow: null }, 'registre.xlsx', TODAY);
    expect(ask('2025-06-01')).toThrow(expect.objectContaining({ code: 'bad_replacement', details: { field: 'date' } }) as InputError);
    expect(ask('2026-03-01', ' ')).toThrow(expect.objectContaining({ details: { field: 'reason' } }) as InputError);
    expect(ask('2026-12-02')).toThrow(expect.objectContaining({ message: expect.stringMatching(/^Départ daté du mercredi 2 décembre 2026, après aujourd’hui \(mardi 1er décembre 2026\)/), details: { field: 'date' } }) as InputError);
    expect(() => refuseDepartureAhead('2026-12-01', TODAY)).not.toThrow();
  });
});
