/**
 * The sealed draw from the command line (ALGORITHM.md §10, issue 16 §1): `--seal-key <file>` on
 * `probabilities` (creates the key, mode 0600, or reuses it) and `draw` (requires it); `draw --json`
 * against the independent reference on the golden tables; the record of a sealed draw verifies.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue } from '../../src/core';
import { GOLDEN_CASES, GOLDEN_SEALING_KEY, SEALED_GOLDEN_CASES, type GoldenCase } from '../golden/cases';
import { naiveSealedDraw, refAge, refFold, refNorm, refSex, REF_ROUBAIX_RULES, type RefCandidate } from '../reference/naiveDraw';
import { cliAt } from '../support/cli';
import { HEADER, JUNE_2025, rowsOf } from '../support/tables';

const dir = mkdtempSync(join(tmpdir(), 'tirage-sealed-'));
const cli = cliAt('2025-06-13');

function csvFile(name: string, rows: readonly (readonly CellValue[])[]): string {
  const path = join(dir, name);
  writeFileSync(path, '\ufeff' + rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join(';')).join('\r\n') + '\r\n');
  return path;
}

function keyFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const june = csvFile('juin.csv', [HEADER, ...rowsOf(JUNE_2025)]);
const SEED = '4 2 6 1 5 3';

describe('probabilities --seal-key', () => {
  it('creates the key when the file does not exist: 64 hex digits and a line break, readable by its owner only, said on stderr', async () => {
    const path = join(dir, 'nouvelle.cle');
    const first = await cli('probabilities', june, '--date', '2025-06-13', '--seal-key', path, '--json');
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(
      `Clé de scellement créée : « ${path} » (lisible par vous seul·e). Gardez-la secrète et intacte jusqu’au tirage : ` +
        `l’empreinte annoncée en dépend, et « tirage-cln draw … --seal-key ${path} » en aura besoin.\n`,
    );
    expect(readFileSync(path, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const json = JSON.parse(first.stdout);
    expect(json.algorithm).toBe('tirage-cln/2');
    // Reused when it exists: the same fingerprint, the same receipts, nothing said.
    const again = await cli('probabilities', june, '--date', '2025-06-13', '--seal-key', path, '--json');
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(JSON.parse(again.stdout)).toEqual(json);
    // Another new key, another fingerprint.
    const other = await cli('probabilities', june, '--date', '2025-06-13', '--seal-key', join(dir, 'autre.cle'), '--json');
    expect(JSON.parse(other.stdout).fingerprint).not.toBe(json.fingerprint);
  });

  it('gives each eligible candidature its seal and receipt, in the JSON and in the table, receipts in groups of four', async () => {
    const path = keyFile('golden.cle', `${GOLDEN_SEALING_KEY}\n`);
    const json = JSON.parse((await cli('probabilities', june, '--date', '2025-06-13', '--seal-key', path, '--json')).stdout);
    for (const c of json.candidates) {
      expect(c.seal).toMatch(/^[0-9a-f]{64}$/);
      expect(c.receipt).toMatch(/^[0-9a-f]{24}$/);
    }
    const text = await cli('probabilities', june, '--date', '2025-06-13', '--seal-key', path);
    expect(text.stdout).toContain('algorithme tirage-cln/2');
    expect(text.stdout).toMatch(/Fraction exacte\s+Reçu/);
    const first = json.candidates[0].receipt as string;
    expect(text.stdout).toContain((first.match(/.{4}/g) as string[]).join('-'));
  });

  it('writes no key when the table cannot be drawn from, and refuses a path it cannot write', async () => {
    const bad = csvFile('mauvais.csv', [HEADER, ['1', 'A', 'B', 'F', '1990-01-01', 'Hem']]);
    const path = join(dir, 'jamais.cle');
    expect((await cli('probabilities', bad, '--date', '2025-06-13', '--seal-key', path)).code).toBe(2);
    expect(existsSync(path)).toBe(false);
    const nowhere = await cli('probabilities', june, '--date', '2025-06-13', '--seal-key', join(dir, 'pas-de-dossier', 'cle'));
    expect([nowhere.code, nowhere.stdout]).toEqual([2, '']);
    expect(nowhere.stderr).toContain('son dossier n’existe pas');
  });
});

describe('draw --seal-key', () => {
  it('requires the key file: a missing file is exit 2, the key must be the one whose fingerprint was announced', async () => {
    const { code, stdout, stderr } = await cli('draw', june, '--seed', SEED, '--seal-key', join(dir, 'absente.cle'));
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain('Clé de scellement introuvable');
    expect(stderr).toContain('la clé dont l’empreinte a été annoncée en séance');
  });

  it.each([
    ['a key in capitals', GOLDEN_SEALING_KEY.toUpperCase(), 'une majuscule (la clé s’écrit en minuscules)'],
    ['a short key', GOLDEN_SEALING_KEY.slice(1), '63 chiffres hexadécimaux au lieu de 64'],
    ['two line breaks', `${GOLDEN_SEALING_KEY}\n\n`, '« ⟨U+000A⟩ », en position 65'],
    ['a key in groups', `${GOLDEN_SEALING_KEY.slice(0, 32)} ${GOLDEN_SEALING_KEY.slice(32)}`, 'en position 33'],
    ['an empty file', '', '0 chiffre hexadécimal au lieu de 64'],
  ])('refuses %s: exit 2, what a key file holds', async (_what, content, words) => {
    const path = keyFile('mauvaise.cle', content);
    const { code, stdout, stderr } = await cli('draw', june, '--seed', SEED, '--seal-key', path);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain(`Le fichier « ${path} » n’est pas une clé de scellement : `);
    expect(stderr).toContain(words);
    expect(stderr).toContain('64 chiffres hexadécimaux (0 à 9, a à f, en minuscules), suivis au plus d’un retour à la ligne');
  });

  it('accepts a key file with or without its final line break (LF or CR LF): the same draw', async () => {
    const outputs = await Promise.all(
      ['', '\n', '\r\n'].map(async (end, i) => (await cli('draw', june, '--seed', SEED, '--json', '--seal-key', keyFile(`cle-${i}`, `${GOLDEN_SEALING_KEY}${end}`))).stdout),
    );
    expect(new Set(outputs).size).toBe(1);
    expect(JSON.parse(outputs[0]).algorithm).toBe('tirage-cln/2');
  });

  it('a folder, or the table named by mistake, is no key file', async () => {
    const folder = join(dir, 'dossier');
    mkdirSync(folder, { recursive: true });
    const { code, stderr } = await cli('draw', june, '--seed', SEED, '--seal-key', folder);
    expect(code).toBe(2);
    expect(stderr).toContain('ne peut pas être lu (c’est un dossier)');
    const large = csvFile('grand.csv', [HEADER, ...rowsOf(JUNE_2025), ...rowsOf(JUNE_2025)]);
    const table = await cli('draw', june, '--seed', SEED, '--seal-key', large);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain('n’est pas un fichier de clé de scellement : il est bien trop grand');
  });

  it('draws from the fingerprint announced by probabilities, typed in groups; another key is refused as another fingerprint', async () => {
    const path = join(dir, 'seance.cle');
    const announced: string = JSON.parse((await cli('probabilities', june, '--date', '2025-06-13', '--seal-key', path, '--json')).stdout).fingerprint;
    const grouped = (announced.match(/.{8}/g) as string[]).join(' ');
    const drawn = await cli('draw', june, '--seed', SEED, '--date', '2025-06-13', '--seal-key', path, '--fingerprint', grouped, '--json');
    expect([drawn.code, drawn.stderr]).toEqual([0, '']);
    expect(JSON.parse(drawn.stdout).fingerprint).toBe(announced);
    const other = keyFile('autre-seance.cle', `${'0f'.repeat(32)}\n`);
    const refused = await cli('draw', june, '--seed', SEED, '--date', '2025-06-13', '--seal-key', other, '--fingerprint', grouped);
    expect([refused.code, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr).toContain('la même clé de scellement');
  });

  it('prints each member’s and reserve’s receipt in six groups of four', async () => {
    const path = keyFile('texte.cle', `${GOLDEN_SEALING_KEY}\n`);
    const { code, stdout } = await cli('draw', june, '--seed', SEED, '--date', '2025-06-13', '--seal-key', path);
    expect(code).toBe(0);
    expect(stdout).toContain('algorithme tirage-cln/2');
    const receipts = stdout.match(/reçu [0-9a-f]{4}(?:-[0-9a-f]{4}){5}\)/g) ?? [];
    expect(receipts).toHaveLength(16);
  });
});

/** The golden table's candidates as the reference takes them, read with the reference's own §2 functions. */
function refCandidates(c: GoldenCase): RefCandidate[] {
  const [header, ...rows] = c.sheet;
  const at = (row: readonly CellValue[], name: string) => refNorm(String(row[header.indexOf(name)] ?? ''));
  return rows.map((row, i) => {
    const birthDate = at(row, 'Date de naissance');
    expect(birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const sector = REF_ROUBAIX_RULES.sectors.find((s) => refFold(s) === refFold(at(row, 'Secteur'))) as string;
    return {
      row: i + 2,
      id: at(row, 'N°'),
      lastName: at(row, 'Nom'),
      firstName: at(row, 'Prénom'),
      sex: refSex(at(row, 'Sexe')) as 'F' | 'H',
      sector,
      birthDate,
      age: refAge(birthDate, c.referenceDate),
    };
  });
}

describe.each(SEALED_GOLDEN_CASES.filter((c) => c.name === 'scelle-juin-2025' || c.name === 'scelle-soixante'))('draw --json --seal-key on the golden table $name', (c) => {
  it('matches the independent reference of §10 (seals, receipts, fingerprint, seed key, draw numbers, statuses) and the frozen vector', async () => {
    const table = csvFile(`${c.name}.csv`, c.sheet);
    const key = keyFile(`${c.name}.cle`, `${c.sealingKey}\n`);
    const run = await cli('draw', table, '--seed', c.publicSeed, '--date', c.referenceDate, '--seal-key', key, '--json');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const json = JSON.parse(run.stdout);
    const candidates = refCandidates(c);
    const ref = naiveSealedDraw(candidates, c.referenceDate, c.publicSeed, c.sealingKey as string);
    expect([json.algorithm, json.fingerprint, json.seedKey, json.allocation]).toEqual(['tirage-cln/2', ref.fingerprint, ref.seedKey, ref.allocation]);
    const pick = (row: number, o: { seal: string; receipt: string; drawNumber: number; status: string; reserveRank: number | null; priority: boolean }) => ({
      row,
      seal: o.seal,
      receipt: o.receipt,
      drawNumber: o.drawNumber,
      status: o.status,
      reserveRank: o.reserveRank,
      priority: o.priority,
    });
    expect(json.candidates.map((o: Parameters<typeof pick>[1] & { row: number }) => pick(o.row, o))).toEqual(
      candidates.map((cand, i) => pick(cand.row, { ...ref.candidates[i]!, seal: ref.seals[i]!, receipt: ref.receipts[i]! })),
    );
    const frozen = JSON.parse(readFileSync(join(__dirname, '..', 'golden', `${c.name}.json`), 'utf8'));
    expect(frozen.sealingKey).toBe(c.sealingKey);
    expect(json).toEqual(frozen.expected);
  });
});

describe('without --seal-key', () => {
  it.each(GOLDEN_CASES.filter((c) => c.name === 'juin-2025' || c.name === 'soixante'))('draw --json is tirage-cln/1, byte for byte the frozen vector $name', async (c) => {
    const table = csvFile(`${c.name}-1.csv`, c.sheet);
    const run = await cli('draw', table, '--seed', c.publicSeed, '--date', c.referenceDate, '--json');
    const frozen = JSON.parse(readFileSync(join(__dirname, '..', 'golden', `${c.name}.json`), 'utf8'));
    expect(run.stdout).toBe(`${JSON.stringify(frozen.expected)}\n`);
  });
});

describe('the record of a sealed draw', () => {
  it('verifies, with the key kept in the record, and again after a member is replaced', async () => {
    const key = keyFile('registre.cle', `${GOLDEN_SEALING_KEY}\n`);
    const out = join(dir, 'registre-scelle.xlsx');
    const drawn = await cli('draw', june, '--seed', SEED, '--date', '2025-06-13', '--seal-key', key, '--out', out);
    expect([drawn.code, drawn.stderr]).toEqual([0, '']);
    const verified = await cli('verify', out);
    expect([verified.code, verified.stderr]).toEqual([0, '']);
    expect(verified.stdout).toContain('Registre conforme');
    const json = JSON.parse((await cli('draw', june, '--seed', SEED, '--date', '2025-06-13', '--seal-key', key, '--json')).stdout);
    expect(verified.stdout).toContain(`Empreinte des candidatures : ${json.fingerprint}`);
    // A member replaced during the mandate: the replacement recomputes the sealed draw, and the copy verifies.
    const replaced = join(dir, 'registre-scelle-remplacement.xlsx');
    type Row = { row: number; sector: string; sex: string; status: string };
    const member = (json.candidates as Row[]).find((c) => c.status === 'selected' && json.candidates.some((o: Row) => o.status === 'reserve' && o.sector === c.sector && o.sex === c.sex)) as Row;
    const replace = await cliAt('2026-01-31')('replace', out, '--row', String(member.row), '--date', '2026-01-15', '--reason', 'Démission', '--out', replaced);
    expect([replace.code, replace.stderr]).toEqual([0, '']);
    const again = await cli('verify', replaced);
    expect([again.code, again.stdout.trim().split('\n').pop()]).toEqual([0, 'Registre conforme : chaque chiffre, nom et statut correspond au tirage recalculé.']);
  });
});

describe('help', () => {
  it('names --seal-key on probabilities and draw', async () => {
    expect((await cli('probabilities', '--help')).stdout).toContain('--seal-key <fichier>');
    const draw = (await cli('draw', '--help')).stdout;
    expect(draw).toContain('--seal-key <fichier>');
    expect(draw).toContain('tirage-cln/2');
    expect((await cli('--help')).stdout).toContain('tirage-cln/2, scellé, avec --seal-key');
  });
});
