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
