/**
 * « Données du tirage » keeps the facts of an excluded row's cause, not the sentence a person
 * reads (issue 14): a rewording never turns a record into a difference. Records written before
 * (layout 1, a « Précision » column holding the sentence) stay readable and verify as they are:
 * the golden record as the previous version froze it, and records of every cause written by it
 * (test/fixtures/records-v2, checked from their files by test/cli/olderRecords.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildRecord,
  cellKey,
  describeRowProblem,
  drawFromTable,
  newRecordMeta,
  parseCellAddress,
  plainSheet,
  rowProblemDetail,
  verifyWorkbook,
  type CellValue,
  type RecordModel,
  type Sheet,
} from '../../../src/core';
import { parseDataSheet } from '../../../src/core/record/dataSheet';
import { decodeCsvBytes, parseCsvText } from '../../../src/file/csv';
import { differenceLines, edit, find, recordToGrids } from '../../support/records';

const REPO = join(__dirname, '..', '..', '..');
const exampleTable = parseCsvText(decodeCsvBytes(readFileSync(join(REPO, 'assets', 'exemple-candidatures.csv'))), 'exemple-candidatures.csv');

/** A record frozen as JSON (sheet → "A1" → value), read back as a spreadsheet would give it. */
function sheetsOfFrozen(file: string): Sheet[] {
  const frozen = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, CellValue>>;
  return Object.entries(frozen).map(([name, cells]) => {
    const rows: CellValue[][] = [];
    for (const [address, value] of Object.entries(cells)) {
      const { row, column } = parseCellAddress(address) as { row: number; column: number };
      while (rows.length < row) rows.push([]);
      rows[row - 1][column] = value;
    }
    return plainSheet(name, name, rows.map((r) => Array.from(r, (v) => v ?? null)));
  });
}

describe('the golden record of the example', () => {
  it('as the previous version wrote it (layout 1, « Précision »), still verifies', () => {
    const sheets = [exampleTable, ...sheetsOfFrozen(join(REPO, 'test', 'fixtures', 'records-v2', 'record-exemple.json'))];
    const data = sheets.find((s) => s.name === 'Données du tirage') as Sheet;
    expect(parseDataSheet(data.rows, data.name).data.meta.layout).toBe(1);
    expect(differenceLines(verifyWorkbook(sheets))).toEqual([]);
  });

  it('as this version writes it (layout 2, « Cause »), verifies', () => {
    const sheets = [exampleTable, ...sheetsOfFrozen(join(REPO, 'test', 'golden', 'record-exemple.json'))];
    const data = sheets.find((s) => s.name === 'Données du tirage') as Sheet;
    expect(parseDataSheet(data.rows, data.name).data.meta.layout).toBe(2);
    expect(differenceLines(verifyWorkbook(sheets))).toEqual([]);
  });
});

/** Rows giving every cause a row can be set aside for, with birth dates or with ages. */
const WITH_DATES = [
  ['N°', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Secteur'],
  ['1', 'Lefèvre', 'Amandine', 'F', '14/03/1987', 'Centre'],
  ['2', 'Benali', 'Karim', 'H', '01/12/1998', 'Nord'],
  ['3', '', 'Sansnom', 'F', '01/01/1980', 'Sud'],
  ['4', 'Martin', 'Paul', 'H', '01/01/1980', 'Lune'],
  ['5', 'Durand', 'Alex', 'X', '01/01/1980', 'Ouest'],
  ['6', 'Petit', 'Léa', 'F', '31/02/1990', 'Nord'],
  ['7', 'Roux', 'Jean', 'H', '', 'Nord'],
  ['8', 'Vieux', 'Henri', 'H', '01/01/1850', 'Sud'],
  ['9', 'Futur', 'Zoé', 'F', '01/01/2030', 'Ouest'],
  ['10', 'Jeune', 'Tom', 'H', '01/02/2012', 'Centre'],
  ['11', 'Lefèvre', 'Amandine', 'F', '14/03/1987', 'Centre'],
  ['12', 'Blanc', 'Marie', 'F', '05/05/1985', ''],
  ['13', 'Formule', 'Marie', 'F', '05/05/1985', 'Sud'],
  ['14', 'Morel', 'Hugo', 'H', '04/04/1970', 'Ouest'],
  ['15', 'Fusion', 'Luc', 'H', '04/04/1971', null],
];
const WITH_AGES = [
  ['N°', 'Nom', 'Prénom', 'Sexe', 'Âge', 'Secteur'],
  ['1', 'Lefèvre', 'Amandine', 'F', '38', 'Centre'],
  ['2', 'Benali', 'Karim', 'H', '26', 'Nord'],
  ['3', 'Da Silva', 'Inès', 'F', 'quarante', 'Est'],
  ['4', 'Vanderbeken', 'Joël', 'H', '150', 'Est'],
  ['5', 'Martin', 'Paul', 'H', '', 'Sud'],
  ['6', 'Jeune', 'Tom', 'H', '12', 'Ouest'],
  ['7', 'Lefèvre', 'Amandine', 'F', '38', 'Centre'],
];
// A formula saved without its result in row 14's sector, row 16's sector merged with row 15's.
const dates: Sheet = { ...plainSheet('Candidatures', 'Candidatures', WITH_DATES), formulasWithoutValue: new Map([[cellKey(14, 5), 'A1']]), merges: [{ top: 15, left: 5, bottom: 16, right: 5 }] };
const datesRows = dates.rows.map((r, i) => (i === 13 ? [...r.slice(0, 5), null] : r));
const datesSheet: Sheet = { ...dates, rows: datesRows };
const ages = plainSheet('Candidatures', 'Candidatures', WITH_AGES);

function recordOf(table: Sheet): { model: RecordModel; grids: Sheet[]; previousGrids: Sheet[]; result: ReturnType<typeof drawFromTable> } {
  const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: true });
  const meta = newRecordMeta({ place: '', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'c.xlsx', inputSheets: ['Candidatures'], mandateStart: '2025-06-13' });
  const model = buildRecord(result, meta);
  // The same draw as the previous version wrote it (layout 1).
  const previousGrids = recordToGrids(buildRecord(result, { ...meta, layout: 1 }), [table]);
  return { model, grids: recordToGrids(model, [table]), previousGrids, result };
}

describe.each([
  ['birth dates', datesSheet],
  ['ages', ages],
])('a record of rows set aside for every cause (%s)', (_, table) => {
  const { grids, previousGrids, result } = recordOf(table);
  const excluded = result.prepared.candidatures.filter((c) => c.problems.length > 0);
  const dataSheet = () => grids.find((g) => g.name === 'Données du tirage') as Sheet;

  it('keeps each cause as facts, never as a sentence, and verifies', () => {
    const { rows } = dataSheet();
    const header = rows.findIndex((r) => r[12] === 'Cause');
    expect(header).toBeGreaterThan(0);
    const causes = rows.slice(header + 1).filter((r) => r[1] === 'non').map((r) => r[12] as string | null);
    expect(causes).toHaveLength(excluded.length);
    for (const cause of causes) if (cause !== null && cause !== '') expect(() => JSON.parse(cause)).not.toThrow();
    expect(differenceLines(verifyWorkbook(grids))).toEqual([]);
  });

  it('reads every cause back as it was, so the procès-verbal words it the same', () => {
    const { data } = parseDataSheet(dataSheet().rows, 'Données du tirage');
    const read = new Map(data.candidatures.map((c) => [c.row, c.problems[0]]));
    for (const c of excluded) {
      expect(read.get(c.row)).toEqual(c.problems[0]);
      expect(describeRowProblem(read.get(c.row) as never)).toBe(describeRowProblem(c.problems[0]));
    }
  });

  it('written as the previous version did (layout 1, sentences in « Précision »), reads the same causes back and verifies', () => {
    // The previous layout: the same sheet, its cause column titled « Précision » and holding each cause's sentence.
    const { rows } = dataSheet();
    const header = rows.findIndex((r) => r[12] === 'Cause');
    const previous = rows.map((r, i) => {
      if (i === header) return [...r.slice(0, 12), 'Précision', ...r.slice(13)];
      if (i <= header || r[1] !== 'non') return r;
      const c = excluded.find((e) => e.row === r[0]);
      return [...r.slice(0, 12), rowProblemDetail(c!.problems[0]) ?? '', ...r.slice(13)];
    });
    const { data, problems } = parseDataSheet(previous, 'Données du tirage');
    expect(problems).toEqual([]);
    expect(data.meta.layout).toBe(1);
    for (const c of excluded) expect(data.candidatures.find((r) => r.row === c.row)?.problems[0]).toEqual(c.problems[0]);
    const old = previousGrids;
    expect(old.find((g) => g.name === 'Données du tirage')?.rows).toEqual(previous);
    expect(differenceLines(verifyWorkbook(old))).toEqual([]);
    // A sentence the tool never wrote is reported, naming the cell.
    const at = find(old, 'Données du tirage', (v) => typeof v === 'string' && v.startsWith('Mêmes nom'));
    const found = differenceLines(verifyWorkbook(edit(old, 'Données du tirage', at.row, at.column, 'Mêmes nom, prénom : supprimez la ligne.')));
    expect(found).toContainEqual(`Données du tirage, ligne ${at.row} : cause illisible « Mêmes nom, prénom : supprimez la ligne. ».`);
  });

  it('reports edited facts, naming the cell', () => {
    const { rows } = dataSheet();
    const header = rows.findIndex((r) => r[12] === 'Cause');
    const row = rows.findIndex((r, i) => i > header && typeof r[12] === 'string' && r[12] !== '') + 1;
    const found = verifyWorkbook(edit(grids, 'Données du tirage', row, 13, '{"cause":"inventée"}'));
    expect(found.records[0].differences).toContainEqual(expect.objectContaining({ code: 'data_row', sheet: 'Données du tirage', cell: `M${row}`, fault: { kind: 'cause', found: '{"cause":"inventée"}' } }));
  });
});

describe('a record of rows set aside, wording', () => {
  it('gives the sentences the previous version gave (the procès-verbal and the terminal read them)', () => {
    const { result } = recordOf(datesSheet);
    const lines = result.prepared.candidatures.filter((c) => c.problems.length > 0).map((c) => describeRowProblem(c.problems[0]));
    expect(lines).toEqual([
      'Ligne 4 : nom ou prénom manquant (cellule B4). Complétez la candidature ou retirez la ligne.',
      'Ligne 5 : secteur inconnu « Lune » (cellule F5). Secteurs possibles : Centre, Est, Ouest, Nord, Sud.',
      'Ligne 6 : sexe non reconnu « X » (cellule D6). Indiquez F (femme) ou H (homme).',
      'Ligne 7 : date de naissance invalide « 31/02/1990 » (cellule E7). Format attendu : JJ/MM/AAAA (par exemple 05/03/1990), pour une date qui existe.',
      'Ligne 8 : date de naissance non renseignée (cellule E8).',
      'Ligne 9 : date de naissance invalide « 01/01/1850 » (cellule E9). Cette date donne 175 ans au 13/06/2025 : plus de 120 ans, c’est une erreur de saisie (l’année ?).',
      'Ligne 10 : date de naissance invalide « 01/01/2030 » (cellule E10). Cette date est postérieure à la date du tirage (13/06/2025).',
      'Ligne 11 : candidature irrecevable (cellule E11) : 13 ans au 13/06/2025, date du tirage ; l’âge minimum est 16 ans.',
      'Ligne 12 : doublon. Mêmes nom, prénom et même date de naissance (cellules B12, C12, E12) que la ligne 2 (cellules B2, C2, E2) : une seule candidature par personne, seule la ligne 2 participe au tirage. Supprimez la ligne en double.',
      'Ligne 13 : secteur non renseigné (cellule F13). Secteurs possibles : Centre, Est, Ouest, Nord, Sud.',
      'Ligne 14 : secteur non renseigné (cellule F14). Formule sans valeur calculée (=A1) : le classeur a été enregistré sans le résultat de ses formules. Ouvrez-le dans Excel et enregistrez-le, ou remplacez les formules par leurs valeurs (Copier, puis Collage spécial > Valeurs).',
      'Ligne 16 : secteur non renseigné (cellule F16). La cellule F15:F16 est fusionnée : sa valeur ne compte que pour la ligne 15. Annulez la fusion (Accueil > Fusionner et centrer) et renseignez la cellule de chaque ligne.',
    ]);
  });
});
