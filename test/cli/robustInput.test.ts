/**
 * The command line on files as careless or hostile hands make them (issue 6): nothing lost,
 * nothing accepted that the record could not keep, every refusal in French with exit 2.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type Io } from '../../src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'tirage-robust-'));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), today: () => '2025-06-13' };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

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
