/**
 * `replace` end to end, on the example table (seed « 4 2 6 1 5 3 »): Est's men are LEMAIRE (row
 * 12) and VANDERBEKEN (row 5), its reserve ROUSSEL (row 16); Nord's reserve is PETIT (row 9) then
 * CARPENTIER (row 15); Centre has 2 women and no reserve. Then `verify` on the copies, untouched
 * and edited, and `draw --mandate-start`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { cliAt } from '../support/cli';
import { requireLibreOffice, resaveXlsx } from '../support/libreoffice';

const REPO = join(__dirname, '..', '..');
const OUT = join(REPO, 'test-output', 'cli-replace');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const EXAMPLE_CSV = join(REPO, 'assets', 'exemple-candidatures.csv');
const at = (name: string) => join(OUT, name);

/** « Today » for these runs: after every departure they record (a departure dated after today is refused). */
const cli = cliAt('2026-06-30');

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function replace(record: string, out: string, row: number, date: string, ...extra: string[]) {
  return cli('replace', record, '--row', String(row), '--date', date, '--reason', 'Démission', '--out', out, ...extra);
}

/** A copy of `source` with one cell changed, as a person would do it in a spreadsheet program. */
async function tampered(source: string, sheet: string, label: string, value: ExcelJS.CellValue, name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`no sheet ${sheet}`);
  let done = false;
  worksheet.eachRow((row) => {
    if (!done && row.getCell(1).value === label) {
      row.getCell(2).value = value;
      done = true;
    }
  });
  if (!done) throw new Error(`no « ${label} » in ${sheet}`);
  await workbook.xlsx.writeFile(at(name));
  return at(name);
}

const record = at('registre.xlsx');
beforeAll(async () => {
  const { code, stderr } = await cli('draw', EXAMPLE_CSV, '--seed', '4 2 6 1 5 3', '--date', '2025-06-13', '--out', record);
  expect([code, stderr]).toEqual([0, '']);
});

describe('replace', () => {
  it('calls the first reserve of the same sector and sex, in a copy that verifies', async () => {
    const before = hash(record);
    const { code, stdout, stderr } = await replace(record, at('un.xlsx'), 12, '2026-01-15');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain('Départ : LEMAIRE Jean-Baptiste (ligne 12, Est, homme), le 15/01/2026 (motif : Démission)');
    expect(stdout).toContain('Remplaçant·e : ROUSSEL Benoît (ligne 16, Est, homme), liste complémentaire n° 1');
    expect(stdout).toContain('feuille ajoutée : Remplacement');
    expect(hash(record)).toBe(before);
    const verified = await cli('verify', at('un.xlsx'));
    expect(verified.stdout).toContain('Registre conforme');
    expect(verified.code).toBe(0);
  });

  it('prints the people with the fields of draw --json', async () => {
    const { code, stdout } = await replace(record, at('json.xlsx'), 12, '2026-01-15', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { leaving: Record<string, unknown>; joining: Record<string, unknown>; rule: string };
    expect(json.rule).toBe('same_group');
    expect(json.leaving).toMatchObject({ row: 12, lastName: 'Lemaire', status: 'selected', sector: 'Est', sex: 'H', birthDate: '1984-07-25' });
    expect(json.joining).toMatchObject({ row: 16, lastName: 'Roussel', status: 'reserve', reserveRank: 1 });
    const drawn = JSON.parse((await cli('draw', EXAMPLE_CSV, '--seed', '4 2 6 1 5 3', '--date', '2025-06-13', '--json')).stdout) as { candidates: Record<string, unknown>[] };
    expect(Object.keys(json.leaving).sort()).toEqual(Object.keys(drawn.candidates[0]).sort());
  });

  it('lists those it can offer when the list is exhausted, records a choice, and leaves a seat vacant when nobody is left', async () => {
    const needed = await replace(at('un.xlsx'), at('deux.xlsx'), 5, '2026-03-01');
    expect(needed.code).toBe(2);
    expect(needed.stderr).toContain('La liste complémentaire Est, hommes est épuisée');
    expect(needed.stderr).toMatch(/^  1\. PETIT Loïc \(ligne 9, Nord, homme\), liste complémentaire n° 1\n  2\. CARPENTIER Maël \(ligne 15, Nord, homme\), liste complémentaire n° 2\nLa liste complémentaire Est/);
    expect(needed.stderr).toContain('--choose');
    expect(existsSync(at('deux.xlsx'))).toBe(false);

    const chosen = await replace(at('un.xlsx'), at('deux.xlsx'), 5, '2026-03-01', '--choose', '15', '--json');
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ rule: 'chosen', joining: { row: 15 } });

    const vacant = await replace(at('deux.xlsx'), at('trois.xlsx'), 8, '2026-04-01', '--json');
    expect(vacant.code).toBe(0);
    expect(JSON.parse(vacant.stdout)).toMatchObject({ rule: 'vacant', joining: null, leaving: { row: 8 } });

    const verified = await cli('verify', at('trois.xlsx'));
    expect([verified.code, verified.stdout]).toEqual([0, expect.stringContaining('Registre conforme')]);
    expect(verified.stdout).toContain('Remplacements refaits dans l’ordre des dates : « Remplacement », « Remplacement (2) », « Remplacement (3) »');
  });

  (requireLibreOffice() ? it : it.skip)('still verifies, replacements included, after LibreOffice re-saves the record', async () => {
    const resaved = resaveXlsx(at('trois.xlsx'), at('libreoffice'));
    const { code, stdout } = await cli('verify', resaved);
    expect(stdout).toContain('Remplacements refaits dans l’ordre des dates : « Remplacement », « Remplacement (2) », « Remplacement (3) »');
    expect([code, stdout]).toEqual([0, expect.stringContaining('Registre conforme')]);
  });

  it.each([
    ['before the draw', '2025-06-12', 'avant le tirage'],
    ['after the mandate', '2027-06-13', 'après la fin du mandat'],
  ])('refuses a date %s', async (_, date, message) => {
    const { code, stderr } = await replace(record, at(`refus-${date}.xlsx`), 12, date);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(existsSync(at(`refus-${date}.xlsx`))).toBe(false);
  });

  it('refuses a departure dated after today: recorded early, it would block every departure dated before it', async () => {
    const ahead = await replace(record, at('en-avance.xlsx'), 12, '2026-07-15');
    expect(ahead.code).toBe(2);
    expect(ahead.stderr).toContain('Départ daté du mercredi 15 juillet 2026, après aujourd’hui (mardi 30 juin 2026) : un départ se consigne une fois survenu.');
    expect(existsSync(at('en-avance.xlsx'))).toBe(false);
    // Today itself is a departure that has happened.
    expect((await replace(record, at('ce-jour.xlsx'), 12, '2026-06-30')).code).toBe(0);
  });

  it('refuses to overwrite a file, and a row that is not a member, saying what that row is', async () => {
    expect((await replace(record, at('un.xlsx'), 12, '2026-01-15')).stderr).toContain('existe déjà');
    expect((await replace(record, at('pas-membre.xlsx'), 16, '2026-01-15')).stderr).toContain(
      'Ligne 16 : ROUSSEL Benoît (ligne 16, Est, homme) est sur la liste complémentaire (n° 1) et n’est pas membre à cette date.',
    );
    expect((await replace(at('un.xlsx'), at('parti.xlsx'), 12, '2026-02-01')).stderr).toContain(
      'Ligne 12 : LEMAIRE Jean-Baptiste (ligne 12, Est, homme) a déjà quitté le conseil le jeudi 15 janvier 2026.',
    );
    expect((await replace(record, at('personne.xlsx'), 40, '2026-01-15')).stderr).toContain('Ligne 40 : aucune candidature n’est à la ligne 40.');
  });

  it('says that a row set aside from the draw was never a member, and why', async () => {
    // Row 6 of the example (MOREL-DUHAMEL Claire) without its sector, set aside with --exclude-invalid.
    const lines = readFileSync(EXAMPLE_CSV, 'utf8').split('\n');
    lines[5] = lines[5].replace(/;Nord(\r?)$/, ';$1');
    writeFileSync(at('sans-secteur.csv'), lines.join('\n'));
    const drawn = await cli('draw', at('sans-secteur.csv'), '--seed', '4 2 6 1 5 3', '--date', '2025-06-13', '--exclude-invalid', '--out', at('ecartee.xlsx'));
    expect([drawn.code, drawn.stderr]).toEqual([0, '']);
    const { code, stderr } = await replace(at('ecartee.xlsx'), at('ecartee-remplacee.xlsx'), 6, '2026-01-15');
    expect(code).toBe(2);
    expect(stderr).toContain(
      'Ligne 6 : la candidature de MOREL-DUHAMEL Claire (ligne 6, femme) a été écartée du tirage (motif : secteur inconnu) : elle n’a jamais été membre. Indiquez la ligne d’origine d’un membre',
    );
    expect(existsSync(at('ecartee-remplacee.xlsx'))).toBe(false);
  });

  it('verify reports an edited replacement, and replace refuses an edited record (exit 3)', async () => {
    const choice = await tampered(at('deux.xlsx'), 'Remplacement (2)', 'Ligne choisie (si la liste du même secteur et du même sexe est épuisée)', 9, 'choix-modifie.xlsx');
    const verified = await cli('verify', choice);
    expect(verified.code).toBe(3);
    expect(verified.stdout).toContain('Remplacement (2)');

    const joining = await tampered(at('un.xlsx'), 'Remplacement', 'Remplaçant·e', 'PETIT Loïc (ligne 9, Nord, homme), liste complémentaire n° 1', 'entrant-modifie.xlsx');
    const edited = await cli('verify', joining);
    expect(edited.code).toBe(3);
    expect(edited.stdout).toContain('Remplacement, cellule B');

    const refused = await replace(joining, at('sur-modifie.xlsx'), 5, '2026-03-01');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('n’est pas conforme');
  });
});

describe('draw --mandate-start', () => {
  it('states the mandate from that day in the procès-verbal and the Publication sheet', async () => {
    const out = at('mandat.xlsx');
    const { code, stderr } = await cli('draw', EXAMPLE_CSV, '--seed', '4 2 6 1 5 3', '--date', '2025-06-13', '--mandate-start', '2025-07-01', '--out', out);
    expect([code, stderr]).toEqual([0, '']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const mandate = 'du mardi 1er juillet 2025 au mercredi 30 juin 2027 (2 ans, renouvelable)';
    for (const sheet of ['Procès-verbal', 'Publication']) {
      const values: unknown[] = [];
      workbook.getWorksheet(sheet)?.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
      expect(values).toContain(mandate);
    }
    expect((await cli('verify', out)).code).toBe(0);
    // The mandate's last day, recorded on that day.
    const lastDay = await cliAt('2027-06-30')('replace', out, '--row', '12', '--date', '2027-06-30', '--reason', 'Démission', '--out', at('mandat-fini.xlsx'));
    expect([lastDay.code, lastDay.stderr]).toEqual([0, '']);
  });
  it('is refused before the draw', async () => {
    const { code, stderr } = await cli('draw', EXAMPLE_CSV, '--seed', 'x', '--date', '2025-06-13', '--mandate-start', '2025-06-01');
    expect(code).toBe(2);
    expect(stderr).toContain('avant la date du tirage');
  });
});
