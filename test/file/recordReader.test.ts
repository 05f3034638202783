import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { cellKey } from '../../src/core/sheet';
import { readWorkbookSheets } from '../../src/file/recordReader';
import { testOutputDir } from '../support/libreoffice';
import { rejectionOf } from '../support/errors';

const OUT = testOutputDir('record-reader');
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

describe('readWorkbookSheets', () => {
  const file = path.join(OUT, 'grilles.xlsx');

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('Première');
    first.getCell('A1').value = 'Titre fusionné';
    first.mergeCells('A1:C1');
    first.getRow(3).values = [1, '=1+1', true, utc(1987, 3, 14)];
    first.getCell('B4').value = { formula: 'A3*2', result: 2 };
    first.getCell('D4').value = { richText: [{ text: 'gras', font: { bold: true } }, { text: ' et non' }] };
    first.getCell('A6').value = '';
    first.getCell('B7').font = { bold: true }; // formatting only: not a used row
    workbook.addWorksheet('Vide');
    const third = workbook.addWorksheet('Troisième');
    third.getCell('C2').value = 0.5;
    third.getCell('C2').numFmt = '0.0%';
    await workbook.xlsx.writeFile(file);
  });

  it('gives every worksheet in tab order, rows from row 1 to the last used one, cells from column A', async () => {
    const read = await readWorkbookSheets(file);
    const sheets = read.map(({ display, ...grid }) => grid);
    expect(sheets).toEqual([
      {
        name: 'Première',
        source: 'Première',
        rows: [['Titre fusionné'], [], [1, '=1+1', true, utc(1987, 3, 14)], [null, 2, null, 'gras et non']],
        numberFormats: new Map([[cellKey(3, 3), 'mm-dd-yy']]),
        merges: [{ top: 1, left: 0, bottom: 1, right: 2 }],
        formulasWithoutValue: new Map(),
      },
      { name: 'Vide', source: 'Vide', rows: [], numberFormats: new Map(), merges: [], formulasWithoutValue: new Map() },
      { name: 'Troisième', source: 'Troisième', rows: [[], [null, null, 0.5]], numberFormats: new Map([[cellKey(2, 2), '0.0%']]), merges: [], formulasWithoutValue: new Map() },
    ]);
    // What `verify` compares beyond the values: every formula (the one with a saved result too), each value's look.
    expect(read[0].display).toMatchObject({ visibility: 'visible', formulas: new Map([[cellKey(4, 1), 'A3*2']]), hiddenRows: [], hiddenColumns: [], printArea: '' });
    expect(read[0].display?.looks?.[read[0].display.lookOf?.[3]?.[3] ?? -1]).toEqual({ fontSize: 11, fontColor: '000000', fill: null });
  });

  it('says in French when the file is missing or is not a workbook', async () => {
    const missing = await rejectionOf(readWorkbookSheets(path.join(OUT, 'absent.xlsx')));
    expect([missing.code, missing.message]).toEqual(['file_not_found', expect.stringMatching(/Fichier introuvable/)]);
    const text = path.join(OUT, 'texte.xlsx');
    fs.writeFileSync(text, 'Nom;Prénom\nMartin;Hélène\n');
    const unreadable = await rejectionOf(readWorkbookSheets(text));
    expect([unreadable.code, unreadable.message]).toEqual(['file_unreadable', expect.stringMatching(/n’est pas un classeur Excel \(\.xlsx\)/)]);
    // Converting a record would not make it verifiable: no advice to save it as CSV.
    expect(unreadable.message).not.toMatch(/CSV/);
  });
});
