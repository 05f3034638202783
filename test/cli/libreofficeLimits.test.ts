/**
 * The limits of what the record keeps (issue 6 §6), checked against another program: text at the
 * very edge of what is accepted — a 32,767-character cell, tabs and line breaks in a quoted cell, a
 * 1,000-character seed with a zero-width space — survives a LibreOffice re-save, and the record
 * still verifies. What is refused at input is what would not.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliAt } from '../support/cli';
import { readWorkbookSheets } from '../../src/file/recordReader';
import { requireLibreOffice, resaveXlsx, testOutputDir } from '../support/libreoffice';

const withLibreOffice = requireLibreOffice() ? describe : describe.skip;

const cli = cliAt('2025-06-13');

withLibreOffice('text at the limits, re-saved by LibreOffice', () => {
  const OUT = testOutputDir('libreoffice-limites');
  const table = join(OUT, 'limites.csv');
  const record = join(OUT, 'registre-limites.xlsx');
  const seed = `4\u200b2 ${'6'.repeat(996)}`;

  beforeAll(async () => {
    writeFileSync(
      table,
      '\ufeffN°;Nom;Prénom;Sexe;Date de naissance;Secteur;Commentaire\r\n' +
        `1;Lefèvre;Amandine;Une femme;14/03/1987;Centre;${'é'.repeat(32_767)}\r\n` +
        '2;Benali;Karim;Un homme;01/12/1998;Nord;"deux\tcolonnes\r\net deux lignes"\n' +
        '3;Da Silva;Inès;F;27/05/1975;Est;\r\n',
    );
    const drawn = await cli('draw', table, '--seed', seed, '--date', '2025-06-13', '--out', record, '--replace');
    expect([drawn.code, drawn.stderr]).toEqual([0, '']);
  });

  it('still verifies after the re-save', async () => {
    expect(seed).toHaveLength(1000);
    const resaved = resaveXlsx(record, join(OUT, 'reenregistre'));
    const { code, stdout } = await cli('verify', resaved);
    expect(stdout).toContain('Registre conforme');
    expect(code).toBe(0);
    // verify ignores the columns the draw does not use: check the longest cell and the line breaks directly.
    const candidatures = (await readWorkbookSheets(resaved)).find((g) => g.name === 'Candidatures');
    expect(candidatures?.rows[1][6]).toBe('é'.repeat(32_767));
    expect(String(candidatures?.rows[2][6]).replace(/\r\n/g, '\n')).toBe('deux\tcolonnes\net deux lignes');
  });
});
