/**
 * A record opened and saved again by other programs — Python's openpyxl (absolute relationship
 * targets, its own styles and strings) and LibreOffice Calc — still verifies when nothing was
 * changed, and one edited name, status or seed is caught, naming the cell.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cliAt } from '../support/cli';
import { requireLibreOffice, resaveXlsx } from '../support/libreoffice';
import { editWithOpenpyxl, requireOpenpyxl, resaveWithOpenpyxl } from '../support/openpyxl';

const REPO = join(__dirname, '..', '..');
const OUT = join(REPO, 'test-output', 'cli-resaved-records');
const EXAMPLE_CSV = join(REPO, 'assets', 'exemple-candidatures.csv');
const SEED = '4 2 6 1 5 3';

const cli = cliAt('2025-06-13');

const record = join(OUT, 'registre.xlsx');

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const { code, stderr } = await cli('draw', EXAMPLE_CSV, '--seed', SEED, '--date', '2025-06-13', '--out', record);
  expect([code, stderr]).toEqual([0, '']);
});

const EDITS: [what: string, sheet: string, from: string | number, to: string | number][] = [
  ['a name', 'Tirage', 'Lefèvre', 'Lefebvre'],
  ['a status', 'Tirage', 'Liste complémentaire n° 1', 'Retenu·e'],
  ['the seed', 'Procès-verbal', SEED, '4 2 6 1 5 4'],
];

const withOpenpyxl = requireOpenpyxl() ? describe : describe.skip;
const withBoth = requireOpenpyxl() && requireLibreOffice() ? describe : describe.skip;

withOpenpyxl('a record re-saved by openpyxl', () => {
  it('still verifies when nothing was changed', async () => {
    const resaved = join(OUT, 'openpyxl-intact.xlsx');
    resaveWithOpenpyxl(record, resaved);
    const { code, stdout } = await cli('verify', resaved);
    expect(stdout).toContain('Registre conforme');
    expect(code).toBe(0);
  });

  it.each(EDITS)('exits 3 naming the cell when %s is edited', async (what, sheet, from, to) => {
    const edited = join(OUT, `openpyxl-${what.replace(/\W+/g, '-')}.xlsx`);
    const address = editWithOpenpyxl(record, edited, sheet, from, to);
    const { code, stdout } = await cli('verify', edited);
    expect(code).toBe(3);
    expect(stdout).toContain(`${sheet}, cellule ${address} :`);
  });
});

withBoth('a record re-saved by LibreOffice Calc', () => {
  it('still verifies when nothing was changed, after openpyxl too', async () => {
    const afterOpenpyxl = join(OUT, 'openpyxl-puis-libreoffice.xlsx');
    resaveWithOpenpyxl(record, afterOpenpyxl);
    for (const file of [record, afterOpenpyxl]) {
      const resaved = resaveXlsx(file, join(OUT, 'libreoffice-intact'));
      const { code, stdout } = await cli('verify', resaved);
      expect(stdout).toContain('Registre conforme');
      expect(code).toBe(0);
    }
  });

  it.each(EDITS)('exits 3 naming the cell when %s is edited', async (what, sheet, from, to) => {
    const edited = join(OUT, `a-modifier-${what.replace(/\W+/g, '-')}.xlsx`);
    const address = editWithOpenpyxl(record, edited, sheet, from, to);
    const resaved = resaveXlsx(edited, join(OUT, 'libreoffice-modifie'));
    const { code, stdout } = await cli('verify', resaved);
    expect(code).toBe(3);
    expect(stdout).toContain(`${sheet}, cellule ${address} :`);
  });
});
