import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type Io } from '../../src/cli/main';
import { cliAt } from '../support/cli';
import { JUNE_2025, rowsOf, HEADER } from '../support/tables';

const dir = mkdtempSync(join(tmpdir(), 'tirage-cli-'));
const REPO = join(__dirname, '..', '..');

function csvFile(name: string, rows: (string | number | null)[][]): string {
  const path = join(dir, name);
  writeFileSync(path, '\ufeff' + rows.map((r) => r.map((c) => c ?? '').join(';')).join('\r\n') + '\r\n');
  return path;
}

const cli = cliAt('2025-06-13');

const june = csvFile('juin.csv', [HEADER, ...(rowsOf(JUNE_2025) as (string | number)[][])]);

describe('tirage-cln draw', () => {
  it('prints exactly one JSON object with --json', async () => {
    const { code, stdout, stderr } = await cli('draw', june, '--seed', '4 2 6 1 5 3', '--date', '2025-06-13', '--json');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(stdout);
    expect(json.summary).toEqual({ F: 6, H: 7 });
    expect(json.candidates).toHaveLength(16);
    expect(json.publicSeed).toBe('4 2 6 1 5 3');
  });

  it('prints a French summary by default', async () => {
    const { code, stdout } = await cli('draw', june, '--seed', '4 2 6 1 5 3');
    expect(code).toBe(0);
    expect(stdout).toContain('Date du tirage : 13/06/2025');
    expect(stdout).toMatch(/Empreinte des candidatures : [0-9a-f]{64}/);
    expect(stdout).toContain('Graine publique : « 4 2 6 1 5 3 »');
    expect(stdout).toMatch(/Total\s+6\s+7\s+13\s+16/);
    expect(stdout).toContain('Membres retenus (13, dont 6 femmes et 7 hommes)');
    expect(stdout).toContain('Liste complémentaire');
  });

  it('shows each member’s and reserve’s row, the number replace --row asks for', async () => {
    const { stdout } = await cli('draw', june, '--seed', '4 2 6 1 5 3');
    // Centre's two women (rows 2 and 3, numbers 1 and 2) are both members.
    expect(stdout).toMatch(/^ {4}F {2}NOM1 Prénom1 \(ligne 2, n° 1, tirage n° \d+\)$/m);
    expect(stdout).toMatch(/^ {4}F {2}NOM2 Prénom2 \(ligne 3, n° 2, tirage n° \d+\)$/m);
    const people = stdout.split('\n').filter((line) => /^ {4}[FH] {2}/.test(line));
    expect(people).toHaveLength(16);
    for (const line of people) expect(line).toMatch(/\(ligne \d+, n° \d+, tirage n° \d+/);
  });

  it('takes today as the reference date by default', async () => {
    const json = JSON.parse((await cli('draw', june, '--seed', 's', '--json')).stdout);
    expect(json.referenceDate).toBe('2025-06-13');
  });

  it('stops with exit 2 and one French line per problem when rows are ineligible', async () => {
    const file = csvFile('bad.csv', [HEADER, ['1', 'A', 'B', 'F', '1990-01-01', 'Hem'], ['2', 'C', 'D', 'H', '1990-01-01', 'Est'], ['3', 'E', 'F', 'Z', '1990-01-01', 'Est']]);
    const { code, stdout, stderr } = await cli('draw', file, '--seed', 'x', '--date', '2025-06-13');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toBe('Ligne 2 : secteur inconnu « Hem » (cellule F2). Secteurs possibles : Centre, Est, Ouest, Nord, Sud.');
    expect(lines[1]).toBe('Ligne 4 : sexe non reconnu « Z » (cellule D4). Indiquez F (femme) ou H (homme).');
    expect(lines[2]).toBe('2 lignes ne peuvent pas participer au tirage. Corrigez le tableau, ou écartez ces lignes du tirage : elles seront consignées au registre avec leur motif.');
    // Core says what is wrong; the command line adds its own remedy.
    expect(lines[3]).toContain('relancez avec --exclude-invalid');

    const excluded = await cli('draw', file, '--seed', 'x', '--date', '2025-06-13', '--exclude-invalid', '--json');
    expect(excluded.code).toBe(0);
    expect(JSON.parse(excluded.stdout).candidates.map((c: { status: string }) => c.status)).toEqual(['ineligible', 'selected', 'ineligible']);
  });

  it.each([
    [['draw', june, '--seed', '   '], /graine publique est vide/],
    [['draw', june], /Option obligatoire manquante : --seed/],
    [['draw', join(dir, 'absent.csv'), '--seed', 'x'], /absent\.csv/],
    [['draw', june, '--seed', 'x', '--date', '13/06/2025'], /Date du tirage invalide « 13\/06\/2025 »/],
    [['draw', june, '--seed', 'x', '--frobnicate'], /Option inconnue : --frobnicate/],
    [['tirer', june], /Commande inconnue/],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const { code, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('refuses to draw when the table no longer gives the fingerprint announced in the session', async () => {
    const json = JSON.parse((await cli('probabilities', june, '--date', '2025-06-13', '--json')).stdout);
    const announced: string = json.fingerprint;
    const same = await cli('draw', june, '--seed', 'x', '--date', '2025-06-13', '--fingerprint', announced.toUpperCase(), '--json');
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).fingerprint).toBe(announced);
    const changed = csvFile('modifie.csv', [HEADER, ...(rowsOf(JUNE_2025.slice(1)) as (string | number)[][])]);
    const refused = await cli('draw', changed, '--seed', 'x', '--date', '2025-06-13', '--fingerprint', announced);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('n’est pas celle annoncée en séance');
    expect((await cli('draw', june, '--seed', 'x', '--fingerprint', 'abc')).stderr).toContain('Empreinte annoncée illisible : 3 chiffres hexadécimaux trouvés, il en faut 64.');
  });

  it('takes the announced fingerprint as the pane shows it, in groups of 8 (issue 13 §1)', async () => {
    const announced: string = JSON.parse((await cli('probabilities', june, '--date', '2025-06-13', '--json')).stdout).fingerprint;
    const grouped = (announced.match(/.{8}/g) as string[]).join(' ');
    const drawn = await cli('draw', june, '--seed', 'x', '--date', '2025-06-13', '--fingerprint', grouped, '--json');
    expect([drawn.code, drawn.stderr]).toEqual([0, '']);
    expect(JSON.parse(drawn.stdout).fingerprint).toBe(announced);
  });

  it('says which column is missing', async () => {
    const file = csvFile('cols.csv', [['Nom', 'Prénom', 'Secteur'], ['A', 'B', 'Est']]);
    const { code, stderr } = await cli('draw', file, '--seed', 'x');
    expect(code).toBe(2);
    expect(stderr).toContain('Sexe, Date de naissance (ou Âge)');
  });
});

describe('an unexpected failure', () => {
  it('exits 1 with a French message saying the draw was not made', async () => {
    let stderr = '';
    const io: Io = {
      stdout: () => {
        throw new Error('disque plein');
      },
      stderr: (t) => (stderr += t),
      today: () => '2025-06-13',
    };
    expect(await run(['draw', june, '--seed', 'x'], io)).toBe(1);
    expect(stderr).toContain('Erreur inattendue');
    expect(stderr).toContain('disque plein');
  });
});

describe('the terminal', () => {
  it('never receives control characters from a candidature', async () => {
    const file = csvFile('controle.csv', [HEADER, ['1', 'A', 'B', 'F', '1990-01-01', '\u001b[2JNord']]);
    const { code, stderr } = await cli('draw', file, '--seed', 'x', '--date', '2025-06-13');
    expect(code).toBe(2);
    expect(stderr).not.toContain('\u001b');
    // Refused at input: the record could not keep it either (issue 6 §6).
    expect(stderr).toContain('Ligne 2, cellule F2 : caractère de contrôle invisible U+001B en position 1');
  });
});

describe('help', () => {
  it('shows the help in French, exit 0 when asked, exit 2 when no command is given', async () => {
    const asked = await cli('--help');
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('Utilisation : tirage-cln');
    expect(asked.stdout).toContain('Commandes :');
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('verify [options] <registre>');
  });
});

describe('tirage-cln probabilities', () => {
  it('gives each candidate’s chance, exact and rounded, before any seed', async () => {
    const { code, stdout } = await cli('probabilities', june, '--date', '2025-06-13', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const nordMen = json.candidates.filter((c: { sector: string; sex: string }) => c.sector === 'Nord' && c.sex === 'H');
    expect(nordMen.map((c: { probabilityExact: string }) => c.probabilityExact)).toEqual(['1/2', '1/2', '1/2', '1/2']);
    expect(nordMen[0].probability).toBe(0.5);
  });

  it('prints a readable table', async () => {
    const { stdout } = await cli('probabilities', june);
    expect(stdout).toContain('Chances d’être retenu·e');
    expect(stdout).toMatch(/Est\s+H\s+45\s+66,7 %\s+2\/3/);
  });
});

describe('the installed command', () => {
  it('runs from the repository root as node bin/tirage-cln.js, with exit codes', () => {
    const out = execFileSync('node', ['bin/tirage-cln.js', 'draw', june, '--seed', 'abc', '--date', '2025-06-13', '--json'], { cwd: REPO, encoding: 'utf8' });
    expect(JSON.parse(out).algorithm).toBe('tirage-cln/1');
    const failed = spawnSync('node', ['bin/tirage-cln.js', 'draw', june, '--seed', ''], { cwd: REPO, encoding: 'utf8' });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('graine publique est vide');
  });
});
