/** The draw journal as data: its cells, read back, and what verify says of it. */
import { journalDifferences, journalEntryCells, journalHeadCells, readJournal, JOURNAL_SHEET, type JournalEntry } from '../../../src/core/record/journal';
import { plainSheet, type Sheet } from '../../../src/core/sheet';
import { differenceLines } from '../../support/records';

const entry: JournalEntry = { time: '2025-06-13T18:04:05Z', fingerprint: 'f'.repeat(64), publicSeed: '4 2 6 1 5 3', outcome: 'recorded', dataSheet: 'Données du tirage', reason: '', detail: '' };

function gridOf(entries: JournalEntry[], extra: (string | null)[][] = []): Sheet {
  const rows: (string | number | null)[][] = [];
  const cells = [...journalHeadCells(), ...entries.flatMap((e, i) => journalEntryCells(e, 4 + i))];
  for (const c of cells) {
    while (rows.length < c.row) rows.push([]);
    rows[c.row - 1][c.column - 1] = c.value;
  }
  return plainSheet(JOURNAL_SHEET, JOURNAL_SHEET, [...rows, ...extra]);
}

describe('the draw journal as data', () => {
  it('reads back what it wrote, line by line', () => {
    const second: JournalEntry = { ...entry, outcome: 'refused', dataSheet: '', detail: 'Le tableau a changé.' };
    expect(readJournal(gridOf([entry, second]))).toEqual({ entries: [{ ...entry, row: 4 }, { ...second, row: 5 }], problems: [] });
  });

  it('reports a line the add-in did not write', () => {
    const { problems } = readJournal(gridOf([entry], [['2025-06-14T10:00:00Z', 'abc', '1', 'Tirage annulé']]));
    expect(differenceLines(problems)).toEqual(['« Journal des tirages », ligne 5 : issue « Tirage annulé » inconnue ; la ligne n’a pas été écrite par le complément.']);
  });

  it('says nothing of a logged draw whose data sheet is there, and names the one that is gone', () => {
    const present: Sheet = plainSheet('Données du tirage', 'Données du tirage', []);
    expect(journalDifferences([gridOf([entry]), present])).toEqual([]);
    expect(differenceLines(journalDifferences([gridOf([entry])]))).toEqual([expect.stringContaining('ligne 4 : le tirage du 2025-06-13T18:04:05Z')]);
    expect(journalDifferences([present])).toEqual([]);
  });
});
