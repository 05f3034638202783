import { describeRowProblem, buildRecord, newRecordMeta, drawFromTable, drawLots, prepareCandidatures, verifyWorkbook, plainSheet, cellKey, type CellValue, type Sheet } from '../../../src/core';
import { differenceLines, edit, find, recordToGrids } from '../../support/records';
import { HEADER, JUNE_2025, rowsOf, tableOf } from '../../support/tables';

const rows = rowsOf(JUNE_2025);
const table = tableOf([...rows, ['17', 'Martin', 'Léa', 'F', '1990-01-01', 'Hem']], HEADER, 'candidatures.csv');
const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: true });
const meta = newRecordMeta({
  place: 'Hôtel de ville de Roubaix, salle du conseil',
  officials: ['Mme A. Conseillère', 'M. B. Adjoint'],
  candidatureSheet: 'Candidatures',
  sourceFile: 'candidatures.csv',
  inputSheets: ['Candidatures'],
  mandateStart: '2025-06-13',
});
const candidatureGrid: Sheet = table;
const grids = recordToGrids(buildRecord(result, meta), [candidatureGrid]);

function differences(g: Sheet[], fingerprint?: string): string[] {
  return differenceLines(verifyWorkbook(g, fingerprint === undefined ? {} : { expectedFingerprint: fingerprint }));
}

describe('verify, in memory', () => {
  it('finds an untouched record conforming, and reports its fingerprint and seed', () => {
    const { records, differences: workbook } = verifyWorkbook(grids);
    expect(workbook).toEqual([]);
    const [check] = records;
    expect(check.differences).toEqual([]);
    expect(check.fingerprint).toBe(result.prepared.canonical.fingerprint);
    expect(check.publicSeed).toBe('4 2 6 1 5 3');
  });

  it('checks the fingerprint announced in the session', () => {
    expect(differences(grids, result.prepared.canonical.fingerprint.toUpperCase())).toEqual([]);
    expect(differences(grids, 'ab'.repeat(32))).toEqual([
      `L’empreinte annoncée en séance (${'ab'.repeat(32)}) n’est pas celle du tirage consigné (${result.prepared.canonical.fingerprint}) : ` +
        'ce registre n’est pas celui du tirage annoncé, ou l’empreinte a été mal recopiée.',
    ]);
  });

  const at = (sheet: string, value: CellValue) => find(grids, sheet, (v) => v === value);

  it('names the cell of an edited name in Tirage', () => {
    const { row, column } = at('Tirage', 'Nom5');
    const found = differences(edit(grids, 'Tirage', row, column, 'Nom99'));
    expect(found).toEqual([`Tirage, cellule E${row} : attendu « Nom5 », trouvé « Nom99 ».`]);
  });

  it('catches an edited status, draw number and count', () => {
    const status = find(grids, 'Tirage', (v) => typeof v === 'string' && v.startsWith('Liste complémentaire n°'));
    expect(differences(edit(grids, 'Tirage', status.row, status.column, 'Retenu·e'))).toHaveLength(1);
    expect(differences(edit(grids, 'Tirage', status.row, 4, 999))[0]).toMatch(/^Tirage, cellule D\d+ : attendu \d+, trouvé 999\.$/);
    const total = find(grids, 'Synthèse', (v) => v === 'Total');
    const totalRow = (grids.find((g) => g.name === 'Synthèse') as Sheet).rows.findIndex((r) => r[0] === 'Total') + 1;
    expect(total.column).toBe(4);
    expect(differences(edit(grids, 'Synthèse', totalRow, 7, 14))).toEqual([`Synthèse, cellule G${totalRow} : attendu 13, trouvé 14.`]);
  });

  it('catches an edited seed, in the procès-verbal or in the data', () => {
    const pv = at('Procès-verbal', '4 2 6 1 5 3');
    expect(differences(edit(grids, 'Procès-verbal', pv.row, pv.column, '4 2 6 1 5 4'))).toHaveLength(1);
    const data = at('Données du tirage', '4 2 6 1 5 3');
    const found = differences(edit(grids, 'Données du tirage', data.row, data.column, '4 2 6 1 5 4'));
    expect(found[0]).toContain('Clé de tirage recalculée');
    expect(found.length).toBeGreaterThan(3);
  });

  it('catches a candidate removed from the data sheet, through the candidature sheet', () => {
    const data = grids.find((g) => g.name === 'Données du tirage') as Sheet;
    const index = data.rows.findIndex((r) => r[4] === 'Nom3');
    const removed = grids.map((g) => (g.name === data.name ? { ...g, rows: data.rows.filter((_, i) => i !== index) } : g));
    const found = differences(removed);
    expect(found.some((d) => d.startsWith('Empreinte recalculée'))).toBe(true);
    expect(found).toContain('Feuille « Candidatures », ligne 4 : candidature absente de « Données du tirage » (recevable ["Est","F","Nom3","Prénom3","1980-01-01",45,"3"]).');
  });

  it('catches a line added to a record sheet', () => {
    expect(differences(edit(grids, 'Tirage', 60, 5, 'Intrus'))).toEqual(['Tirage, cellule E60 : attendu (vide), trouvé « Intrus ».']);
  });

  it('refuses a workbook that is not a record', () => {
    expect(() => verifyWorkbook([candidatureGrid])).toThrow(/n’est pas un registre/);
    // One sheet of its own called « Synthèse » does not make a workbook a record.
    expect(() => verifyWorkbook([candidatureGrid, plainSheet('Synthèse', 'Synthèse', [['Bilan']])])).toThrow(/n’est pas un registre/);
  });

  it('finds a record whose data sheet was deleted not conforming, rather than not a record', () => {
    const withoutData = grids.filter((g) => g.name !== 'Données du tirage');
    const check = verifyWorkbook(withoutData);
    expect(check.records).toEqual([]);
    expect(differenceLines(check)).toEqual([
      'Feuille « Données du tirage » manquante : le classeur contient les feuilles de registre « Tirage », « Synthèse », « Procès-verbal », « Publication », ' +
        'mais plus les données qui permettent de recalculer le tirage et de les vérifier.',
    ]);
  });
});

describe('verify, workbooks with several draws and forged records', () => {
  const second = drawFromTable(table, { referenceDate: '2025-06-20', publicSeed: 'seconde séance', excludeInvalid: true });
  const secondMeta = newRecordMeta({ ...meta, mandateStart: '2025-06-20', inputSheets: grids.map((g) => g.name) });
  const twice = recordToGrids(buildRecord(second, secondMeta), grids);
  const dataOf = (g: Sheet[], name: string) => g.find((s) => s.name === name) as Sheet;

  it('checks each draw, and the announced fingerprint against the draw that has it', () => {
    expect(secondMeta.sheetNames.data).toBe('Données du tirage (2)');
    expect(differences(twice)).toEqual([]);
    expect(differences(twice, second.prepared.canonical.fingerprint)).toEqual([]);
    expect(differences(twice, result.prepared.canonical.fingerprint)).toEqual([]);
  });

  it('does not lose a draw whose data sheet was retitled, nor an edit in its sheets', () => {
    const retitled = edit(edit(twice, 'Données du tirage (2)', 1, 1, 'Données du tirage '), 'Tirage (2)', 6, 3, 'Liste complémentaire n° 1');
    const found = differences(retitled);
    expect(found).toContain('« Données du tirage (2) » : la feuille ne commence pas par son titre « Données du tirage ».');
  });

  it('reports a sheet named like a record sheet that no draw accounts for, but not the workbook’s own sheets', () => {
    const orphan = [...grids, plainSheet('Tirage (3)', 'Tirage (3)', [['Faux tirage']])];
    expect(differences(orphan)).toEqual([
      'Feuille « Tirage (3) » : nommée comme une feuille de registre, elle n’appartient à aucun tirage consigné dans ce classeur.',
    ]);
    const own = plainSheet('Tirage', 'Tirage', [['Notes de la secrétaire']]);
    const ownMeta = newRecordMeta({ ...meta, inputSheets: ['Candidatures', 'Tirage'] });
    expect(ownMeta.sheetNames.draw).toBe('Tirage (2)');
    expect(differences(recordToGrids(buildRecord(result, ownMeta), [candidatureGrid, own]))).toEqual([]);
  });

  it('refuses a data sheet where one candidature row appears twice', () => {
    const data = dataOf(grids, 'Données du tirage');
    const index = data.rows.findIndex((r) => r[4] === 'Nom3');
    const forged = grids.map((g) => (g === data ? { ...g, rows: [...data.rows.slice(0, index + 1), [...data.rows[index]], ...data.rows.slice(index + 1)] } : g));
    expect(differences(forged).some((d) => d.endsWith(`la ligne ${data.rows[index][0]} des candidatures apparaît deux fois.`))).toBe(true);
  });

  it('reports rules that make no sense instead of failing', () => {
    const data = dataOf(grids, 'Données du tirage');
    const row = data.rows.findIndex((r) => typeof r[1] === 'string' && r[1].startsWith('["tirage-cln/1"')) + 1;
    const forged = edit(grids, 'Données du tirage', row, 2, '["tirage-cln/1","2025-06-13",-1,16,2,[[16,25],[65,null]],["Centre","Est","Ouest","Nord","Sud"]]');
    expect(differences(forged)).toEqual([expect.stringContaining('la ligne des règles n’a pas la forme attendue')]);
  });

  it('reports a number format that shows something else than the value', () => {
    const disguised = grids.map((g) => (g.name === 'Tirage' ? { ...g, numberFormats: new Map([[cellKey(12, 2), ';;;"Retenu·e"'], [cellKey(6, 10), '0.0%']]) } : g));
    expect(differences(disguised)).toEqual(['Tirage, cellule C12 : format d’affichage « ;;;"Retenu·e" », qui peut montrer autre chose que la valeur.']);
  });
});

describe('verify, a record forged consistently with the tool’s own builders', () => {
  it('is caught by the candidature sheet when a candidate was slipped into the data', () => {
    const fake = { row: 40, id: '99', lastName: 'Aaa', firstName: 'Fausse', sex: 'F' as const, sector: 'Ouest', birthDate: '1990-01-01', age: 35, problems: [] };
    const forgedDraw = drawLots(
      prepareCandidatures([...result.prepared.candidatures, fake], { referenceDate: '2025-06-13', excludeInvalid: true }, 1),
      '4 2 6 1 5 3',
    );
    const forged = recordToGrids(buildRecord(forgedDraw, meta), [candidatureGrid]);
    expect(differences(forged)).toEqual([
      '« Données du tirage » : la ligne 40 ne correspond à aucune candidature de la feuille « Candidatures ».',
    ]);
    // The fingerprint announced in the session exposes it even without the candidature sheet.
    const withoutSheet = forged.filter((g) => g.name !== 'Candidatures');
    expect(differences(withoutSheet, result.prepared.canonical.fingerprint)).toContain(
      `L’empreinte annoncée en séance (${result.prepared.canonical.fingerprint}) n’est pas celle du tirage consigné (${forgedDraw.prepared.canonical.fingerprint}) : ` +
        'ce registre n’est pas celui du tirage annoncé, ou l’empreinte a été mal recopiée.',
    );
  });
});

describe('verify, the candidature table as an Excel table or a sheet with merged cells', () => {
  const header = ['N°', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Secteur'];

  it('reads again the range an Excel table’s record keeps, whatever lies beside it', () => {
    // A second list beside the table, with its own « N° » column: the whole sheet is ambiguous.
    const beside = [header, ...rowsOf(JUNE_2025)].map((row, i) => [...row, null, ...(i === 0 ? header : [`B${i}`, 'Autre', 'Personne', 'F', '01/01/1990', 'Nord'])]);
    const sheet = plainSheet('Candidatures', 'Candidatures', beside);
    const bounds = { top: 1, left: 0, bottom: beside.length, right: 5 };
    expect(() => drawFromTable(sheet, { referenceDate: '2025-06-13', publicSeed: 's', excludeInvalid: true })).toThrow('plusieurs colonnes peuvent être « N° »');
    const drawn = drawFromTable(sheet, { referenceDate: '2025-06-13', publicSeed: 's', excludeInvalid: true, bounds });
    const alone = drawFromTable(tableOf(rowsOf(JUNE_2025)), { referenceDate: '2025-06-13', publicSeed: 's', excludeInvalid: true });
    expect(drawn.prepared.canonical.fingerprint).toBe(alone.prepared.canonical.fingerprint);
    const record = recordToGrids(buildRecord(drawn, meta), [sheet]);
    const data = record.find((g) => g.name === 'Données du tirage') as Sheet;
    expect(data.rows.find((r) => r[0] === 'Plage du tableau des candidatures')?.[1]).toBe('A1:F17');
    expect(differences(record)).toEqual([]);
    // An edit inside the table is caught; the list beside it is not the record's business.
    expect(differences(edit(record, 'Candidatures', 5, 2, 'Autrement'))).toEqual([expect.stringMatching(/^Feuille « Candidatures », ligne 5 : la feuille donne/)]);
    expect(differences(edit(record, 'Candidatures', 5, 9, 'Autrement'))).toEqual([]);
    // A range that is no range is not what the tool wrote.
    const at = find(record, 'Données du tirage', (v) => v === 'A1:F17');
    expect(differences(edit(record, 'Données du tirage', at.row, at.column, 'A1:F'))).toEqual([expect.stringContaining('plage du tableau des candidatures illisible')]);
  });

  it('accepts a record explained with or without the sheet’s merged areas (office.js below ExcelApi 1.13 has none), and no other change', () => {
    const withSector = [header, ...rowsOf(JUNE_2025)];
    // F2:F3 merged: the sector of row 3 reads as empty (its value was row 2's).
    const cells = withSector.map((row, i) => (i === 2 ? [...row.slice(0, 5), null] : row));
    const merged: Sheet = { ...plainSheet('Candidatures', 'Candidatures', cells), merges: [{ top: 2, left: 5, bottom: 3, right: 5 }] };
    const unmerged: Sheet = { ...merged, merges: [] };
    const options = { referenceDate: '2025-06-13', publicSeed: 's', excludeInvalid: true } as const;
    const explained = drawFromTable(merged, options);
    const plain = drawFromTable(unmerged, options);
    expect(describeRowProblem(explained.prepared.candidatures[1].problems[0])).toContain('F2:F3 est fusionnée');
    expect(describeRowProblem(plain.prepared.candidatures[1].problems[0])).not.toContain('fusionnée');
    // Either record verifies against the sheet with its merged area, and against the sheet read
    // by office.js, which cannot see merged areas (merges: null).
    const inExcel: Sheet = { ...merged, merges: null };
    for (const sheet of [merged, inExcel]) {
      expect(differences(recordToGrids(buildRecord(explained, meta), [sheet]))).toEqual([]);
      expect(differences(recordToGrids(buildRecord(plain, meta), [sheet]))).toEqual([]);
    }
    // Any other change of the row is still a difference.
    for (const sheet of [merged, inExcel]) {
      const record = recordToGrids(buildRecord(explained, meta), [sheet]);
      expect(differences(edit(record, 'Candidatures', 3, 2, 'Autre nom'))).toEqual([expect.stringMatching(/^Feuille « Candidatures », ligne 3 : la feuille donne/)]);
    }
  });
});
