import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { readXlsx } from '../../src/file/xlsx';
import { numberedRows } from '../support/sheets';
import { rejectionOf } from '../support/errors';
import { partText, rezip } from '../support/zipWriter';

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A clerk's sheet: title, blank row, header in row 3, every kind of cell exceljs gives back. */
function candidatureWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const notes = workbook.addWorksheet('Notes');
  notes.getCell('A1').value = 'Liste reçue le 2 juin';

  const sheet = workbook.addWorksheet('Candidatures');
  sheet.getCell('A1').value = 'Candidatures CLN — juin 2025';
  sheet.mergeCells('A1:D1');
  sheet.getRow(3).values = ['N°', 'Nom', 'Prénom', 'Date de naissance'];
  // A real date cell: Excel stores the serial with a date format, here the built-in format 14
  // (exceljs's default for a Date, and what Excel uses for a date typed as 14/03/1987).
  sheet.getRow(4).values = [1, 'Martin', 'Hélène', utc(1987, 3, 14)];
  // A serial number without a date format stays a number: the engine reads it as a 1900 serial.
  sheet.getRow(5).values = [2, 'Durand', 'Loïc', 32216];
  // A date typed as text stays text.
  sheet.getRow(6).values = [3, 'Petit', 'Léa', '05/12/1968'];
  // Row 7 left blank.
  sheet.getRow(8).values = [
    { formula: 'A6+1', result: 4 },
    { formula: 'UPPER("Lefèvre")', result: 'LEFÈVRE' },
    { richText: [{ text: 'Jean-', font: { bold: true } }, { text: 'Baptiste' }] },
    { formula: 'D4+1', result: utc(1987, 3, 15) },
  ];
  sheet.getCell('D8').numFmt = 'dd/mm/yyyy';
  sheet.getRow(9).values = [
    { formula: 'A8+1' }, // never calculated: no cached result
    { text: 'Nguyen', hyperlink: 'mailto:nguyen@example.org' },
    { error: '#N/A' },
    { formula: '1/0', result: { error: '#DIV/0!' } },
  ];
  // Gaps inside a row keep cells in their columns; booleans stay booleans.
  sheet.getCell('A10').value = true;
  sheet.getCell('C10').value = 'Sud';
  // Formatting alone, or an empty text, below the data does not extend the table.
  sheet.getCell('B12').font = { bold: true };
  sheet.getCell('C13').value = '';
  sheet.getCell('E12').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  return workbook;
}

const EXPECTED_CANDIDATURE_ROWS = [
  { rowNumber: 1, cells: ['Candidatures CLN — juin 2025'] },
  { rowNumber: 2, cells: [] },
  { rowNumber: 3, cells: ['N°', 'Nom', 'Prénom', 'Date de naissance'] },
  { rowNumber: 4, cells: [1, 'Martin', 'Hélène', utc(1987, 3, 14)] },
  { rowNumber: 5, cells: [2, 'Durand', 'Loïc', 32216] },
  { rowNumber: 6, cells: [3, 'Petit', 'Léa', '05/12/1968'] },
  { rowNumber: 7, cells: [] },
  { rowNumber: 8, cells: [4, 'LEFÈVRE', 'Jean-Baptiste', utc(1987, 3, 15)] },
  // A9's formula was never calculated: it reads as empty, and the row says why.
  { rowNumber: 9, cells: [null, 'Nguyen', '#N/A', '#DIV/0!'], formulasWithoutValue: new Map([[0, 'A8+1']]) },
  { rowNumber: 10, cells: [true, null, 'Sud'] },
];

describe('readXlsx', () => {
  let tempDir: string;
  beforeAll(() => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tirage-cln-xlsx-'));
  });
  afterAll(() => {
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('reads the named sheet with its own row numbers and every kind of cell value', async () => {
    const bytes = await bytesOf(candidatureWorkbook());
    const table = await readXlsx(bytes, { sheet: 'Candidatures' }, 'classeur.xlsx');
    expect(table.sheet.source).toBe('classeur.xlsx — feuille Candidatures');
    expect(numberedRows(table.sheet)).toEqual(EXPECTED_CANDIDATURE_ROWS);
  });

  it('gives date cells as dates at midnight UTC, and formula dates too', async () => {
    const table = await readXlsx(await bytesOf(candidatureWorkbook()), { sheet: 'Candidatures' }, 'classeur.xlsx');
    const birth = table.sheet.rows[3][3];
    const formulaDate = table.sheet.rows[7][3];
    expect(birth).toBeInstanceOf(Date);
    expect((birth as Date).toISOString()).toBe('1987-03-14T00:00:00.000Z');
    expect(formulaDate).toBeInstanceOf(Date);
    expect((formulaDate as Date).toISOString()).toBe('1987-03-15T00:00:00.000Z');
  });

  it('keeps the merged title in its first cell only, as Excel reports a merged area', async () => {
    const table = await readXlsx(await bytesOf(candidatureWorkbook()), { sheet: 'Candidatures' }, 'classeur.xlsx');
    expect(table.sheet.rows[0]).toEqual(['Candidatures CLN — juin 2025']);
  });

  it('reads the first sheet when no sheet is named', async () => {
    const table = await readXlsx(await bytesOf(candidatureWorkbook()), {}, 'classeur.xlsx');
    expect(table.bounds).toBeNull();
    expect(table.sheet).toMatchObject({ source: 'classeur.xlsx — feuille Notes', name: 'Notes', rows: [['Liste reçue le 2 juin']] });
  });

  it('finds a sheet named with other capitals or spaces around it', async () => {
    const table = await readXlsx(await bytesOf(candidatureWorkbook()), { sheet: ' candidatures ' }, 'classeur.xlsx');
    expect(table.sheet.source).toBe('classeur.xlsx — feuille Candidatures');
  });

  it('skips a hidden first sheet when no sheet is named', async () => {
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('Paramètres');
    hidden.state = 'hidden';
    hidden.getCell('A1').value = 'caché';
    workbook.addWorksheet('Liste').getCell('B2').value = 'Nom';
    const table = await readXlsx(await bytesOf(workbook), {}, 'c.xlsx');
    expect(table.sheet).toMatchObject({ source: 'c.xlsx — feuille Liste', name: 'Liste', rows: [[], [null, 'Nom']] });
  });

  it('reads from a path as well as from bytes', async () => {
    const file = path.join(tempDir, 'sur-disque.xlsx');
    await candidatureWorkbook().xlsx.writeFile(file);
    const table = await readXlsx(file, { sheet: 'Candidatures' }, 'sur-disque.xlsx');
    expect(numberedRows(table.sheet)).toEqual(EXPECTED_CANDIDATURE_ROWS);
  });

  it('reads dates of a 1904-date-system workbook (old Mac Excel) as the dates Excel shows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('Mac');
    // Serial 31484 in the 1904 system is 14 March 1990 (it would be 13 March 1986 in the 1900 system).
    sheet.getCell('A1').value = 31484;
    sheet.getCell('A1').numFmt = 'dd/mm/yyyy';
    sheet.getCell('B1').value = { formula: 'A1', result: 31485 };
    sheet.getCell('B1').numFmt = 'dd/mm/yyyy';
    // A serial without a date format stays the number the cell holds.
    sheet.getCell('C1').value = 31484;
    const table = await readXlsx(await bytesOf(workbook), {}, 'mac.xlsx');
    expect(table.sheet.rows).toEqual([[utc(1990, 3, 14), utc(1990, 3, 15), 31484]]);
  });

  it('reads an Excel table by its name (ignoring case): its sheet, and its range as the bounds', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').getCell('A1').value = 'Liste reçue le 2 juin';
    const sheet = workbook.addWorksheet('Liste');
    sheet.getCell('A1').value = 'Inscriptions';
    sheet.addTable({ name: 'Inscrits', ref: 'B3', headerRow: true, columns: [{ name: 'Nom' }, { name: 'Âge' }], rows: [['A', 30], ['B', 40]] });
    const table = await readXlsx(await bytesOf(workbook), { table: 'inscrits' }, 'c.xlsx');
    expect(table.bounds).toEqual({ top: 3, left: 1, bottom: 5, right: 2 });
    expect(table.sheet).toMatchObject({ name: 'Liste', source: 'c.xlsx — tableau Inscrits (feuille Liste)', rows: [['Inscriptions'], [], [null, 'Nom', 'Âge'], [null, 'A', 30], [null, 'B', 40]] });
  });

  it('refuses an unknown table, listing the tables, and a table with cells filled below it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Liste');
    sheet.addTable({ name: 'Inscrits', ref: 'A1', headerRow: true, columns: [{ name: 'Nom' }, { name: 'Âge' }], rows: [['A', 30], ['B', 40]] });
    sheet.getCell('A5').value = 'Remarque : liste close le 1er juin';
    const bytes = await bytesOf(workbook);
    const unknown = await rejectionOf(readXlsx(bytes, { table: 'Tableau1' }, 'c.xlsx'));
    expect([unknown.code, unknown.message]).toEqual(['table_not_found', expect.stringContaining('tableaux présents : « Inscrits » (feuille « Liste »)')]);
    const below = await rejectionOf(readXlsx(bytes, { table: 'Inscrits' }, 'c.xlsx'));
    expect(below.code).toBe('content_below_table');
    expect(below.message).toContain('La feuille « Liste » contient d’autres cellules remplies sous le tableau « Inscrits » (à partir de la ligne 4)');
  });

  it('refuses an unknown sheet name, listing the sheets that exist', async () => {
    const error = await rejectionOf(readXlsx(await bytesOf(candidatureWorkbook()), { sheet: 'Feuil3' }, 'classeur.xlsx'));
    expect(error.code).toBe('sheet_not_found');
    expect(error.message).toContain('« classeur.xlsx »');
    expect(error.message).toContain('« Feuil3 »');
    expect(error.message).toContain('Feuilles présentes : « Notes », « Candidatures »');
  });

  it('refuses an empty sheet, pointing to the other sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Feuil1').getCell('C3').font = { italic: true };
    workbook.addWorksheet('Candidatures').getCell('A1').value = 'Nom';
    const error = await rejectionOf(readXlsx(await bytesOf(workbook), {}, 'c.xlsx'));
    expect(error.code).toBe('empty_table');
    expect(error.message).toBe(
      'La feuille « Feuil1 » du classeur « c.xlsx » est vide. Autres feuilles du classeur : « Candidatures ». ' +
        'Indiquez celle qui contient les candidatures (option --sheet).',
    );
  });

  it('refuses a workbook without worksheets', async () => {
    const error = await rejectionOf(readXlsx(await bytesOf(new ExcelJS.Workbook()), {}, 'rien.xlsx'));
    expect(error.code).toBe('file_unreadable');
    expect(error.message).toContain('aucune feuille');
  });

  it('refuses bytes that are not a zip archive', async () => {
    const error = await rejectionOf(readXlsx(new TextEncoder().encode('Nom;Prénom\nMartin;Hélène\n'), {}, 'faux.xlsx'));
    expect(error.code).toBe('file_unreadable');
    expect(error.message).toContain('« faux.xlsx » n’est pas un classeur Excel lisible');
  });

  it('says a cell past Excel\'s grid is one, not a damaged download (issue 15 §4)', async () => {
    const workbook = candidatureWorkbook();
    const bytes = await bytesOf(workbook);
    // Another program's workbook: a value in row 1,048,577 of « Candidatures » (exceljs refuses to write it).
    const part = partText(bytes, 'xl/worksheets/sheet2.xml').replace('</sheetData>', '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>');
    const error = await rejectionOf(readXlsx(rezip(bytes, { 'xl/worksheets/sheet2.xml': part }), { sheet: 'Candidatures' }, 'long.xlsx'));
    expect(error.code).toBe('file_unreadable');
    expect(error.message).toBe(
      'Le classeur « long.xlsx » a une cellule au-delà des limites d’une feuille Excel (dans la feuille « Candidatures », ligne 1048577 ; ' +
        'Excel s’arrête à la ligne 1 048 576 et à la colonne XFD) : il a été écrit par un autre programme qu’Excel, qui ne l’ouvrirait pas en entier. ' +
        'Faites écrire le tableau dans les limites d’Excel (ou enregistrez-le en CSV), puis recommencez.',
    );
    expect(error.message).not.toContain('endommagé');
  });

  it('refuses a truncated workbook', async () => {
    const bytes = await bytesOf(candidatureWorkbook());
    const error = await rejectionOf(readXlsx(bytes.subarray(0, bytes.length - 100), {}, 'coupé.xlsx'));
    expect(error.code).toBe('file_unreadable');
  });

  it('explains a password-protected workbook or a renamed .xls (Compound File)', async () => {
    const compound = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const error = await rejectionOf(readXlsx(compound, {}, 'protégé.xlsx'));
    expect(error.code).toBe('file_unreadable');
    expect(error.message).toContain('mot de passe');
    expect(error.message).toContain('.xls');
  });
});
