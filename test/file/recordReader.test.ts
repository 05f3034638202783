import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { gridToRawTable, readWorkbookGrids } from '../../src/file/recordReader';
import { testOutputDir } from '../support/libreoffice';
import { rejectionOf } from '../support/errors';

const OUT = testOutputDir('record-reader');
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

describe('readWorkbookGrids', () => {
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
    const grids = await readWorkbookGrids(file);
    expect(grids).toEqual([
      {
        name: 'Première',
        rows: [['Titre fusionné'], [], [1, '=1+1', true, utc(1987, 3, 14)], [null, 2, null, 'gras et non']],
        numberFormats: new Map([['3:4', 'mm-dd-yy']]),
        merges: [{ top: 1, left: 0, bottom: 1, right: 2 }],
        formulasWithoutValue: new Map(),
      },
      { name: 'Vide', rows: [], numberFormats: new Map(), merges: [], formulasWithoutValue: new Map() },
      { name: 'Troisième', rows: [[], [null, null, 0.5]], numberFormats: new Map([['2:3', '0.0%']]), merges: [], formulasWithoutValue: new Map() },
    ]);
  });

  it('turns a grid into the engine’s table, row n of the grid at row n of the sheet', async () => {
    const [grid] = await readWorkbookGrids(file);
    const table = gridToRawTable(grid, 'grilles.xlsx — feuille Première');
    expect(table.source).toBe('grilles.xlsx — feuille Première');
    expect(table.sheet).toBe('Première');
    expect(table.rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4]);
    expect(table.rows[2].cells).toEqual([1, '=1+1', true, utc(1987, 3, 14)]);
  });

  it('says in French when the file is missing or is not a workbook', async () => {
    const missing = await rejectionOf(readWorkbookGrids(path.join(OUT, 'absent.xlsx')));
    expect([missing.code, missing.message]).toEqual(['file_not_found', expect.stringMatching(/Fichier introuvable/)]);
    const text = path.join(OUT, 'texte.xlsx');
    fs.writeFileSync(text, 'Nom;Prénom\nMartin;Hélène\n');
    const unreadable = await rejectionOf(readWorkbookGrids(text));
    expect([unreadable.code, unreadable.message]).toEqual(['file_unreadable', expect.stringMatching(/n’est pas un classeur Excel \(\.xlsx\)/)]);
    // Converting a record would not make it verifiable: no advice to save it as CSV.
    expect(unreadable.message).not.toMatch(/CSV/);
  });
});
