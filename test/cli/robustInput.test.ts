/**
 * The command line on files as careless or hostile hands make them (issue 6): nothing lost,
 * nothing accepted that the record could not keep, every refusal in French with exit 2.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliAt } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'tirage-robust-'));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const cli = cliAt('2025-06-13');

describe('a CSV saved with CR LF, then appended to with LF (issue 6 §1)', () => {
  // The exact bytes of the reproduction.
  const mixed = file(
    'm.csv',
    '\ufeffN°;Nom;Prénom;Sexe;Date de naissance;Secteur;Commentaire\r\n1;Lefèvre;Amandine;F;14/03/1987;Centre;\r\n' +
      '2;Benali;Karim;H;01/12/1998;Nord;ok\n3;Da Silva;Inès;F;27/05/1975;Est;ok\n4;Vanderbeken;Joël;H;09/08/1952;Est;\r\n',
  );

  it('draws among the 4 people, not 2', async () => {
    const { code, stdout } = await cli('draw', mixed, '--seed', 'x', '--date', '2025-06-13', '--json');
    expect(code).toBe(0);
    const candidates: { row: number; lastName: string; status: string }[] = JSON.parse(stdout).candidates;
    expect(candidates.map((c) => [c.row, c.lastName, c.status])).toEqual([
      [2, 'Lefèvre', 'selected'],
      [3, 'Benali', 'selected'],
      [4, 'Da Silva', 'selected'],
      [5, 'Vanderbeken', 'selected'],
    ]);
    expect((await cli('draw', mixed, '--seed', 'x', '--date', '2025-06-13')).stdout).toContain('4 candidatures, 4 recevables');
  });

  it('loses nobody with --exclude-invalid either', async () => {
    const { code, stdout } = await cli('draw', mixed, '--seed', 'x', '--date', '2025-06-13', '--exclude-invalid', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).candidates.map((c: { lastName: string }) => c.lastName)).toEqual(['Lefèvre', 'Benali', 'Da Silva', 'Vanderbeken']);
  });
});

const TABLE =
  '\ufeffN°;Nom;Prénom;Sexe;Date de naissance;Secteur\r\n1;Lefèvre;Amandine;F;14/03/1987;Centre\r\n2;Benali;Karim;H;01/12/1998;Nord\r\n';

describe('absurd values (issue 6 §5)', () => {
  const table = file('table.csv', TABLE);

  it('refuses a reference date more than a year ahead of today', async () => {
    for (const command of [['draw', table, '--seed', 'x'], ['probabilities', table]]) {
      const { code, stdout, stderr } = await cli(...command, '--date', '9999-12-31');
      expect([code, stdout]).toEqual([2, '']);
      expect(stderr).toContain('Date du tirage « 9999-12-31 » à plus d’un an d’aujourd’hui (2025-06-13)');
    }
    expect((await cli('draw', table, '--seed', 'x', '--date', '2026-06-13')).code).toBe(0);
  });

  it('excludes a birth date of year 0090 instead of giving it the 65+ priority', async () => {
    const typo = file('typo.csv', TABLE + '3;Petit;Léa;F;01/02/0090;Centre\r\n');
    const refused = await cli('draw', typo, '--seed', 'x', '--date', '2025-06-13');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Ligne 4 : date de naissance invalide « 01/02/0090 » (cellule E4). Cette date donne 1935 ans');
    const excluded = await cli('draw', typo, '--seed', 'x', '--date', '2025-06-13', '--exclude-invalid', '--json');
    const petit = JSON.parse(excluded.stdout).candidates[2];
    expect(petit).toMatchObject({ lastName: 'Petit', status: 'ineligible', reason: 'invalid_birth_date', priority: false, age: null });
  });
});

describe('seeds and cells the record cannot keep (issue 6 §6)', () => {
  const table = file('graines.csv', TABLE);

  it.each([['--json'], ['--exclude-invalid'], ['--out'], ['-h'], ['--date=2025-06-13']])(
    'refuses the seed %s, an option of the command typed where the seed was forgotten',
    async (option) => {
      const { code, stdout, stderr } = await cli('draw', table, '--date', '2025-06-13', '--seed', option, '--json');
      expect([code, stdout]).toEqual([2, '']);
      expect(stderr).toContain(`La graine publique « ${option} » est une option de la commande`);
    },
  );

  it('still accepts a seed that starts with a dash but is no option', async () => {
    expect((await cli('draw', table, '--date', '2025-06-13', '--seed', '-4 2 6')).code).toBe(0);
  });

  it('refuses a seed with a control character, of 100 KB, or of invisible characters only', async () => {
    const control = await cli('draw', table, '--date', '2025-06-13', '--seed', '4 2\u0007 6');
    expect(control.code).toBe(2);
    expect(control.stderr).toContain('caractère de contrôle invisible U+0007');
    const huge = await cli('draw', table, '--date', '2025-06-13', '--seed', '6'.repeat(100_000));
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('100 000 caractères, au-delà des 1 000 permis');
    const invisible = await cli('draw', table, '--date', '2025-06-13', '--seed', '\u200b\u200b');
    expect(invisible.code).toBe(2);
    expect(invisible.stderr).toContain('La graine publique est vide');
  });

  it('refuses a candidature cell over 32,767 characters, naming the cell, even with --exclude-invalid', async () => {
    const long = file('long.csv', TABLE + `3;Petit;${'L'.repeat(40_000)};F;01/02/1990;Centre\r\n`);
    const { code, stdout, stderr } = await cli('draw', long, '--date', '2025-06-13', '--seed', 'x', '--exclude-invalid');
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain('Ligne 4, cellule C4 : 40 000 caractères, au-delà des 32 767, la limite d’une cellule d’Excel.');
  });
});

describe('tables as online forms export them (issue 6 §9)', () => {
  const FORM_HEADER =
    'ID;Heure de début;Heure de fin;Adresse de messagerie;Nom de famille;Prénom;Date de naissance (JJ/MM/AAAA);Vous êtes :;' +
    'Dans quel secteur habitez-vous ?;Pourquoi souhaitez-vous rejoindre le CLN ?\n';
  const ANSWERS =
    '1;09/05/2025 10:02;09/05/2025 10:09;anonymous;Dupont;Marie;03/04/1990;Une femme;Centre;Pour aider\n' +
    '2;09/05/2025 11:15;09/05/2025 11:20;anonymous;Benali;Karim;01/12/1998;Un homme;Nord;Pour apprendre\n';

  it('draws from the form’s export as it is: questions recognised, « Une femme » / « Un homme » read as F / H', async () => {
    const form = file('formulaire.csv', FORM_HEADER + ANSWERS);
    const { code, stdout, stderr } = await cli('draw', form, '--seed', 'x', '--date', '2025-06-13', '--json');
    expect([code, stderr]).toEqual([0, '']);
    expect(JSON.parse(stdout).candidates.map((c: { id: string; lastName: string; sex: string; sector: string }) => [c.id, c.lastName, c.sex, c.sector])).toEqual([
      ['1', 'Dupont', 'F', 'Centre'],
      ['2', 'Benali', 'H', 'Nord'],
    ]);
  });

  it('lists the actual headers when a field is missing, and says how to name it', async () => {
    const form = file('q8.csv', FORM_HEADER.replace('Vous êtes :', 'Q8') + ANSWERS);
    const { code, stderr } = await cli('probabilities', form, '--date', '2025-06-13');
    expect(code).toBe(2);
    expect(stderr).toContain('colonne obligatoire introuvable : Sexe.');
    expect(stderr).toContain('« Q8 » (H1), « Dans quel secteur habitez-vous ? » (I1)');
    expect(stderr).toContain('désignez-la avec --columns');
  });

  it('maps a header with --columns, writes the mapping in the procès-verbal, and verify checks it', async () => {
    const form = file('q8b.csv', FORM_HEADER.replace('Vous êtes :', 'Q8').replace('Dans quel secteur habitez-vous ?', 'Q9') + ANSWERS);
    const columns = ['--columns', 'Sexe=Q8;Secteur=q9'];
    const probabilities = await cli('probabilities', form, '--date', '2025-06-13', '--json', ...columns);
    expect(probabilities.code).toBe(0);
    const out = join(dir, 'registre-formulaire.xlsx');
    const drawn = await cli('draw', form, '--seed', 'x', '--date', '2025-06-13', '--out', out, ...columns);
    expect([drawn.code, drawn.stderr]).toEqual([0, '']);
    const verified = await cli('verify', out);
    expect([verified.code, verified.stdout]).toEqual([0, expect.stringContaining('Registre conforme')]);

    const { readWorkbookSheets } = await import('../../src/file/recordReader');
    const grids = await readWorkbookSheets(out);
    const texts = (name: string) => grids.find((g) => g.name === name)?.rows.flat().map(String) ?? [];
    expect(texts('Procès-verbal')).toContain('Sexe : colonne « Q8 » ; Secteur : colonne « q9 »');
    expect(texts('Données du tirage')).toContain('{"sex":"Q8","sector":"q9"}');
  });

  it('refuses a mapping it cannot read', async () => {
    const form = file('q8c.csv', FORM_HEADER + ANSWERS);
    const { code, stderr } = await cli('draw', form, '--seed', 'x', '--date', '2025-06-13', '--columns', 'Genre=Q8');
    expect(code).toBe(2);
    expect(stderr).toContain('Correspondance des colonnes illisible, « Genre=Q8 » : « Genre » n’est pas un champ du tirage');
  });
});

describe('text typed for the record', () => {
  it('refuses a place or officials the record could not keep', async () => {
    const table = file('lieu.csv', TABLE);
    const out = join(dir, 'lieu.xlsx');
    const place = await cli('draw', table, '--seed', 'x', '--date', '2025-06-13', '--out', out, '--place', 'Mairie\u001b');
    expect(place.code).toBe(2);
    expect(place.stderr).toContain('Le lieu ne peut pas être consigné au registre : caractère de contrôle invisible U+001B');
    expect(place.stderr).toContain('Corrigez la valeur de l’option --place.');
    const officials = await cli('draw', table, '--seed', 'x', '--date', '2025-06-13', '--out', out, '--officials', 'A'.repeat(40_000));
    expect(officials.code).toBe(2);
    expect(officials.stderr).toContain('40 000 caractères');
  });

  it('reads a CSV saved as UTF-16 without its byte-order mark', async () => {
    const text = TABLE.slice(1).replace(/;/g, '\t');
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 * i);
    const { code, stdout } = await cli('draw', file('unicode.txt', bytes), '--seed', 'x', '--date', '2025-06-13', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).candidates.map((c: { lastName: string }) => c.lastName)).toEqual(['Lefèvre', 'Benali']);
  });
});
