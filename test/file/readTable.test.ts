import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { readTableFile } from '../../src/file/readTable';
import { cliRemedy } from '../../src/cli/remedies';
import { rejectionOf } from '../support/errors';

let tempDir: string;
beforeAll(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tirage-cln-read-'));
});
afterAll(() => {
  fs.rmSync(tempDir, { recursive: true, force: true });
});

function writeFile(name: string, content: string | Uint8Array): string {
  const file = path.join(tempDir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function writeWorkbook(name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Feuil1').getCell('A1').value = 'Brouillon';
  const sheet = workbook.addWorksheet('Candidatures');
  sheet.getRow(1).values = ['Nom', 'Date de naissance'];
  sheet.getRow(2).values = ['Martin', new Date(Date.UTC(1987, 2, 14))];
  const file = path.join(tempDir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** "Nom;Prénom\r\nMartin;Hélène\r\n" as French Excel saves it: Windows-1252, é = 0xE9, è = 0xE8. */
const WINDOWS_1252_CSV = Uint8Array.from([
  ...Buffer.from('Nom;Pr', 'ascii'), 0xe9, ...Buffer.from('nom\r\nMartin;H', 'ascii'), 0xe9, 0x6c, 0xe8,
  ...Buffer.from('ne\r\n', 'ascii'),
]);

describe('readTableFile', () => {
  it('reads a Windows-1252 CSV file, named by its base name', async () => {
    const file = writeFile('candidatures.csv', WINDOWS_1252_CSV);
    await expect(readTableFile(file)).resolves.toMatchObject({
      sheet: { name: 'Candidatures', source: 'candidatures.csv', rows: [['Nom', 'Prénom'], ['Martin', 'Hélène']] },
      bounds: null,
    });
  });

  it('reads a UTF-8 CSV with BOM saved as .txt, and an upper-case extension', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Nom,Prénom\nMartin,Hélène\n', 'utf8')]);
    const expected = [
      ['Nom', 'Prénom'],
      ['Martin', 'Hélène'],
    ];
    expect((await readTableFile(writeFile('liste.txt', bytes))).sheet.rows).toEqual(expected);
    expect((await readTableFile(writeFile('LISTE.CSV', bytes))).sheet.rows).toEqual(expected);
  });

  it('reads the named sheet of an .xlsx, naming the sheet in the source', async () => {
    const file = await writeWorkbook('classeur.xlsx');
    await expect(readTableFile(file, { sheet: 'Candidatures' })).resolves.toMatchObject({
      sheet: {
        source: 'classeur.xlsx — feuille Candidatures',
        name: 'Candidatures',
        rows: [
          ['Nom', 'Date de naissance'],
          ['Martin', new Date(Date.UTC(1987, 2, 14))],
        ],
      },
      bounds: null,
    });
  });

  it('reads an .xlsm as a workbook (first sheet by default)', async () => {
    const file = await writeWorkbook('avec-macros.xlsm');
    await expect(readTableFile(file)).resolves.toMatchObject({
      sheet: { source: 'avec-macros.xlsm — feuille Feuil1', name: 'Feuil1', rows: [['Brouillon']] },
    });
  });

  it('refuses a missing file, giving its path', async () => {
    const missing = path.join(tempDir, 'absent', 'candidatures.xlsx');
    const error = await rejectionOf(readTableFile(missing));
    expect(error.code).toBe('file_not_found');
    expect(error.message).toContain(`« ${missing} »`);
  });

  it('refuses a folder given as the file', async () => {
    const folder = path.join(tempDir, 'dossier.csv');
    fs.mkdirSync(folder);
    const error = await rejectionOf(readTableFile(folder));
    expect(error.code).toBe('file_unreadable');
    expect(error.message).toContain('est un dossier');
  });

  it.each([
    ['ancien.xls', 'ancien format d’Excel (.xls)'],
    ['binaire.xlsb', 'ancien format d’Excel (.xlsb)'],
    ['calc.ods', 'OpenDocument (.ods)'],
    ['scan.pdf', 'a l’extension « .pdf »'],
    ['candidatures', 'n’a pas d’extension'],
  ])('refuses %s as an unsupported format, saying how to save it', async (name, what) => {
    // The format is judged by the name, before reading: the file need not even exist.
    const error = await rejectionOf(readTableFile(path.join(tempDir, name)));
    expect(error.code).toBe('unsupported_format');
    expect(error.message).toContain(`« ${name} »`);
    expect(error.message).toContain(what);
    expect(error.message).toMatch(/\.xlsx/);
  });

  it('refuses a text file renamed .xlsx as unreadable', async () => {
    const file = writeFile('renommé.xlsx', 'Nom;Prénom\r\nMartin;Hélène\r\n');
    const error = await rejectionOf(readTableFile(file));
    expect(error.code).toBe('file_unreadable');
    expect(error.message).toContain('« renommé.xlsx »');
  });

  it('refuses a sheet name for a CSV file', async () => {
    const file = writeFile('simple.csv', 'Nom;Prénom\nMartin;Hélène\n');
    const error = await rejectionOf(readTableFile(file, { sheet: 'Feuil1' }));
    expect(error.code).toBe('unsupported_format');
    expect(error.message).toContain('(« Feuil1 »)');
    expect(error.message).toContain('« simple.csv »');
    // The option is named by the command line's remedy, never in the shared sentence.
    expect(error.message).not.toContain('--sheet');
    expect(cliRemedy(error.problem)?.text).toContain('--sheet');
  });

  it('refuses a table name for a CSV file, and a sheet and a table together', async () => {
    const csv = await rejectionOf(readTableFile(writeFile('simple.csv', 'Nom;Prénom\nMartin;Hélène\n'), { table: 'Inscrits' }));
    expect([csv.code, csv.message, cliRemedy(csv.problem)?.text]).toEqual(['unsupported_format', expect.stringContaining('(« Inscrits »)'), expect.stringContaining('--table')]);
    const both = await rejectionOf(readTableFile(await writeWorkbook('les-deux.xlsx'), { sheet: 'Feuil1', table: 'Inscrits' }));
    expect([both.code, both.message]).toEqual(['unsupported_format', expect.stringContaining('ne se choisissent pas ensemble')]);
  });

  it('refuses an unknown sheet of a workbook, listing the sheets', async () => {
    const file = await writeWorkbook('deux-feuilles.xlsx');
    const error = await rejectionOf(readTableFile(file, { sheet: 'Inscrits' }));
    expect(error.code).toBe('sheet_not_found');
    expect(error.message).toContain('« Feuil1 », « Candidatures »');
  });
});
