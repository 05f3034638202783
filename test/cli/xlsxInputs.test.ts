/**
 * Candidature workbooks as they come, end to end through the command line: written by openpyxl
 * (absolute relationship targets, an Excel table), with formulas never calculated, with merged
 * cells — and the records drawn from them, which must verify.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { cliAt } from '../support/cli';
import { python, requireOpenpyxl } from '../support/openpyxl';

const REPO = join(__dirname, '..', '..');
const OUT = join(REPO, 'test-output', 'cli-xlsx-inputs');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const cli = cliAt('2025-06-13');

const PEOPLE = [
  ['N°', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Secteur'],
  [1, 'Lefèvre', 'Amandine', 'F', '14/03/1987', 'Centre'],
  [2, 'Benali', 'Karim', 'H', '01/12/1998', 'Nord'],
  [3, 'Da Silva', 'Inès', 'F', '27/05/1975', 'Est'],
  [4, 'Vanderbeken', 'Joël', 'H', '09/08/1952', 'Est'],
  [5, 'Haddad', 'Samia', 'F', '30/01/2001', 'Sud'],
];

describe('a workbook with formulas never calculated and merged cells', () => {
  const file = join(OUT, 'formules-fusions.xlsx');

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Candidatures');
    PEOPLE.forEach((row, i) => (sheet.getRow(i + 1).values = row));
    // exceljs writes a formula without a cached result, as a script that does not calculate does.
    sheet.getCell('B3').value = { formula: 'UPPER("Benali")' } as ExcelJS.CellFormulaValue;
    sheet.getCell('F5').value = null;
    sheet.mergeCells('F4:F5');
    await workbook.xlsx.writeFile(file);
  });

  it('refuses the draw, naming the formula and the merge', async () => {
    const { code, stderr } = await cli('draw', file, '--seed', 'x', '--date', '2025-06-13');
    expect(code).toBe(2);
    expect(stderr).toContain('Ligne 3, cellule B3 : formule sans valeur calculée (=UPPER("Benali"))');
    expect(stderr).toContain('Ligne 5 : secteur non renseigné (cellule F5). La cellule F4:F5 est fusionnée : sa valeur ne compte que pour la ligne 4.');
    expect(stderr).not.toContain('nom ou prénom manquant');
  });

  it('with --exclude-invalid, writes a record of those exclusions that verifies', async () => {
    const record = join(OUT, 'registre-formules-fusions.xlsx');
    const drawn = await cli('draw', file, '--seed', 'x', '--date', '2025-06-13', '--exclude-invalid', '--out', record);
    expect([drawn.code, drawn.stderr]).toEqual([0, '']);
    const verified = await cli('verify', record);
    expect(verified.stdout).toContain('Registre conforme');
    expect(verified.code).toBe(0);
  });
});

(requireOpenpyxl() ? describe : describe.skip)('an input workbook saved by openpyxl, with an Excel table', () => {
  const file = join(OUT, 'openpyxl-tableau.xlsx');

  beforeAll(() => {
    const script = [
      'import json, sys, openpyxl',
      'from openpyxl.worksheet.table import Table',
      'wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Candidatures"',
      'rows = json.loads(sys.argv[2])',
      'for r in rows: ws.append(r)',
      'ws.add_table(Table(displayName="Candidatures", ref="A1:F%d" % len(rows)))',
      'wb.save(sys.argv[1])',
    ].join('\n');
    python(script, file, JSON.stringify(PEOPLE));
  });

  it('is read for the draw, and the record written from it verifies', async () => {
    const record = join(OUT, 'registre-openpyxl.xlsx');
    const drawn = await cli('draw', file, '--seed', '4 2 6 1 5 3', '--date', '2025-06-13', '--out', record);
    expect([drawn.code, drawn.stderr]).toEqual([0, '']);
    expect(drawn.stdout).toContain('5 candidatures');
    const verified = await cli('verify', record);
    expect([verified.code, verified.stdout]).toEqual([0, expect.stringContaining('Registre conforme')]);
  });
});
