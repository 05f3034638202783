/**
 * The public record from the command line (issue 16 §2–§4): `probabilities --seal-key --public-out`
 * writes the sealed table before the seed, `draw --public-out` the public record, `replace
 * --public-out` the same with every replacement; `verify` checks a public record alone, finds a
 * candidature from its receipt, compares a public record with the private one (`--public`), and
 * holds the last replacement to its published fingerprint.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOLDEN_SEALING_KEY } from '../golden/cases';
import { cliAt } from '../support/cli';
import { editSharedStringCell } from '../support/recordEdits';
import { HEADER, JUNE_2025, rowsOf } from '../support/tables';

const dir = mkdtempSync(join(tmpdir(), 'tirage-public-'));
const cli = cliAt('2025-06-13');
const SEED = '4 2 6 1 5 3';
const at = (name: string) => join(dir, name);

const table = at('juin.csv');
writeFileSync(table, '\ufeff' + [HEADER, ...rowsOf(JUNE_2025)].map((r) => r.map((c) => (c === null ? '' : String(c))).join(';')).join('\r\n') + '\r\n');
const key = at('cle.txt');
writeFileSync(key, `${GOLDEN_SEALING_KEY}\n`);

interface Candidate {
  row: number;
  sector: string;
  sex: string;
  status: string;
  drawNumber: number;
  reserveRank: number | null;
  priority: boolean;
  seal: string;
  receipt: string;
}
let candidates: Candidate[] = [];
let fingerprint = '';

beforeAll(async () => {
  const sealed = await cli('probabilities', table, '--date', '2025-06-13', '--seal-key', key, '--public-out', at('table-scellee.xlsx'));
  expect([sealed.code, sealed.stderr]).toEqual([0, '']);
  const drawn = await cli('draw', table, '--seed', SEED, '--date', '2025-06-13', '--seal-key', key, '--out', at('registre.xlsx'), '--public-out', at('public.xlsx'), '--place', 'Hôtel de ville');
  expect([drawn.code, drawn.stderr]).toEqual([0, '']);
  expect(drawn.stdout).toContain(`Registre public écrit : ${at('public.xlsx')} (feuilles : Registre public, Publication) — à publier`);
  const json = JSON.parse((await cli('draw', table, '--seed', SEED, '--date', '2025-06-13', '--seal-key', key, '--json')).stdout);
  candidates = json.candidates;
  fingerprint = json.fingerprint;
});

const verdict = (stdout: string) => stdout.trim().split('\n');

describe('the sealed table, published before the seed', () => {
  it('verifies alone, against the announced fingerprint, and a candidate finds their line in it with their receipt', async () => {
    const { code, stdout } = await cli('verify', at('table-scellee.xlsx'), '--fingerprint', fingerprint);
    expect([code, verdict(stdout)]).toEqual([
      0,
      [
        'Registre : table-scellee.xlsx',
        `Empreinte des candidatures : ${fingerprint}`,
        'Empreinte identique à celle annoncée en séance.',
        'Table scellée conforme : son empreinte est celle de ses lignes scellées ; le tirage n’est pas encore fait.',
      ],
    ]);
    const c = candidates[0];
    const found = await cli('verify', at('table-scellee.xlsx'), '--receipt', c.receipt.toUpperCase());
    expect(found.code).toBe(0);
    expect(found.stdout).toContain(`votre candidature est dans la table scellée.\nSceau : ${c.seal}\nSecteur : ${c.sector}\nSexe : ${c.sex === 'F' ? 'femme' : 'homme'}`);
    expect(found.stdout).toContain('Statut : tirage pas encore fait.');
  });
});

describe('the public record written by draw --public-out', () => {
  it('verifies alone, with the lines verify prints for a record', async () => {
    const { code, stdout } = await cli('verify', at('public.xlsx'), '--fingerprint', fingerprint);
    expect([code, verdict(stdout)]).toEqual([
      0,
      [
        'Registre : public.xlsx',
        `Empreinte des candidatures : ${fingerprint}`,
        `Graine publique : « ${SEED} »`,
        'Empreinte identique à celle annoncée en séance.',
        'Registre conforme : chaque chiffre, nom et statut correspond au tirage recalculé.',
      ],
    ]);
  });

  it('catches one changed status: exit 3, the sheet and the cell', async () => {
    const edited = at('public-statut.xlsx');
    const cell = await editSharedStringCell(at('public.xlsx'), edited, 'Registre public', 'Retenu·e', 'Liste complémentaire n° 3');
    const { code, stdout } = await cli('verify', edited);
    expect(code).toBe(3);
    expect(verdict(stdout).slice(-2)).toEqual([
      `Registre public, cellule ${cell} : attendu « Retenu·e », trouvé « Liste complémentaire n° 3 ».`,
      'Registre NON conforme : 1 différence avec le tirage recalculé.',
    ]);
  });

  it('finds a member from their receipt, typed with spaces; a receipt found nowhere is exit 3; a misspelt one exit 2', async () => {
    const member = candidates.find((c) => c.status === 'reserve') as Candidate;
    const typed = (member.receipt.match(/.{4}/g) as string[]).join(' ');
    const found = await cli('verify', at('public.xlsx'), '--receipt', typed);
    expect(found.code).toBe(0);
    const lines = verdict(found.stdout);
    expect(lines.slice(lines.indexOf(`Reçu ${(member.receipt.match(/.{4}/g) as string[]).join('-')} : votre candidature est dans ce registre public.`))).toEqual([
      `Reçu ${(member.receipt.match(/.{4}/g) as string[]).join('-')} : votre candidature est dans ce registre public.`,
      `Sceau : ${member.seal}`,
      `Secteur : ${member.sector}`,
      `Sexe : ${member.sex === 'F' ? 'femme' : 'homme'}`,
      `Priorité d’âge : ${member.priority ? 'oui' : 'non'}`,
      `N° de tirage : ${member.drawNumber}`,
      `Statut : Liste complémentaire n° ${member.reserveRank}`,
      expect.stringMatching(/^Nom déclaré : \S/),
    ]);
    const nowhere = await cli('verify', at('public.xlsx'), '--receipt', 'abcd-abcd-abcd-abcd-abcd-abcd');
    expect(nowhere.code).toBe(3);
    expect(nowhere.stdout).toContain('Reçu abcd-abcd-abcd-abcd-abcd-abcd : ce reçu ne figure pas dans ce tirage');
    // In the private record too.
    expect((await cli('verify', at('registre.xlsx'), '--receipt', member.receipt)).stdout).toContain('votre candidature est dans ce registre.');
    const misspelt = await cli('verify', at('public.xlsx'), '--receipt', 'abcd-abcd');
    expect([misspelt.code, misspelt.stdout]).toEqual([2, '']);
    expect(misspelt.stderr).toContain('Reçu illisible : 8 chiffres hexadécimaux trouvés, il en faut 24.');
  });

  it('confirms the seed announced in the room, read as the draw reads it, and refuses another or a sealed table’s', async () => {
    const announced = await cli('verify', at('public.xlsx'), '--seed', '  4 2  6 1 5 3 ');
    expect(announced.code).toBe(0);
    expect(announced.stdout).toContain('Graine identique à celle annoncée en séance.');
    const other = await cli('verify', at('public.xlsx'), '--seed', '1 1 1');
    expect(other.code).toBe(3);
    expect(other.stdout).toContain('la graine annoncée en séance n’est pas celle du registre.');
    expect((await cli('verify', at('table-scellee.xlsx'), '--seed', SEED)).code).toBe(3);
  });

  it('is exactly what the private record gives (the auditor’s check), and a public record of another draw is not', async () => {
    const audit = await cli('verify', at('registre.xlsx'), '--public', at('public.xlsx'));
    expect(audit.code).toBe(0);
    expect(verdict(audit.stdout).slice(-2)).toEqual([
      'Registre public comparé au registre : public.xlsx',
      'Registre public conforme : exactement ce que donne le registre privé, chacun de ses 16 sceaux recalculé à partir de sa candidature et de la clé de scellement du registre.',
    ]);
    expect((await cli('verify', at('registre.xlsx'), '--public', at('table-scellee.xlsx'))).code).toBe(0);
    const other = await cli('draw', table, '--seed', '1 1 1', '--date', '2025-06-13', '--seal-key', key, '--public-out', at('autre.xlsx'));
    expect(other.code).toBe(0);
    const mismatch = await cli('verify', at('registre.xlsx'), '--public', at('autre.xlsx'));
    expect(mismatch.code).toBe(3);
    expect(mismatch.stdout).toContain('Registre public NON conforme');
    const reversed = await cli('verify', at('public.xlsx'), '--public', at('registre.xlsx'));
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('« public.xlsx » est un registre public : la comparaison porte sur un registre public et le registre complet de la Ville.');
    expect(reversed.stderr).toContain('tirage-cln verify registre.xlsx --public public.xlsx');
  });

  it('holds no birth date, row or candidature number, receipt, or the key', async () => {
    const { stdout } = await cli('verify', at('public.xlsx'));
    expect(stdout).toContain('Registre conforme');
    const { readWorkbookSheets } = await import('../../src/file/recordReader');
    const texts = (await readWorkbookSheets(at('public.xlsx'))).flatMap((s) => s.rows.flat().map((v) => String(v ?? ''))).join('\n');
    // The table's birth dates are all in the 1980s; the record's own dates (draw, mandate) are 2025.
    expect(texts).not.toMatch(/19\d\d-\d\d-\d\d|\d\d\/\d\d\/19\d\d/);
    expect(texts).not.toContain(GOLDEN_SEALING_KEY);
    for (const c of candidates) expect(texts).not.toContain(c.receipt);
  });
});

describe('--public-out is refused', () => {
  it('without a sealing key, before anything is written', async () => {
    const { code, stdout, stderr } = await cli('draw', table, '--seed', SEED, '--out', at('jamais.xlsx'), '--public-out', at('jamais-public.xlsx'));
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain('Le registre public est celui d’un tirage scellé (tirage-cln/2)');
    expect(stderr).toContain('Ajoutez --seal-key <fichier>');
    expect([existsSync(at('jamais.xlsx')), existsSync(at('jamais-public.xlsx'))]).toEqual([false, false]);
    expect((await cli('probabilities', table, '--public-out', at('jamais-table.xlsx'))).code).toBe(2);
  });

  it('over an existing file unless --replace, and over the record’s own file', async () => {
    const before = readFileSync(at('public.xlsx'));
    const again = await cli('draw', table, '--seed', SEED, '--seal-key', key, '--public-out', at('public.xlsx'));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`Le fichier « ${at('public.xlsx')} » existe déjà : le registre public n’a pas été écrit. Choisissez un autre nom de fichier (option --public-out)`);
    expect(readFileSync(at('public.xlsx')).equals(before)).toBe(true);
    expect((await cli('draw', table, '--seed', SEED, '--seal-key', key, '--public-out', at('public.xlsx'), '--replace')).code).toBe(0);
    const same = await cli('draw', table, '--seed', SEED, '--seal-key', key, '--out', at('meme.xlsx'), '--public-out', at('meme.xlsx'));
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('le fichier du registre complet. Indiquez un autre nom de fichier pour --public-out.');
  });
});

describe('replacements, published with their fingerprints', () => {
  /** « Today » after the departure recorded (a departure dated after today is refused). */
  const later = cliAt('2026-06-30');

  it('replace --public-out lists the replacement with its fingerprint; verify holds the last one to its published value', async () => {
    const member = candidates.find((c) => c.status === 'selected' && candidates.some((o) => o.status === 'reserve' && o.sector === c.sector && o.sex === c.sex)) as Candidate;
    const replaced = await later('replace', at('registre.xlsx'), '--row', String(member.row), '--date', '2026-01-15', '--reason', 'Démission', '--out', at('registre-1.xlsx'), '--public-out', at('public-1.xlsx'), '--json');
    expect([replaced.code, replaced.stderr]).toEqual([0, '']);
    const notice: string = JSON.parse(replaced.stdout).replacementFingerprint;
    expect(notice).toMatch(/^[0-9a-f]{64}$/);
    for (const file of ['registre-1.xlsx', 'public-1.xlsx']) {
      const checked = await cli('verify', at(file), '--replacement-fingerprint', notice.toUpperCase());
      expect([file, checked.code]).toEqual([file, 0]);
    }
    expect((await cli('verify', at('registre-1.xlsx'), '--public', at('public-1.xlsx'))).code).toBe(0);
    // The record before the replacement: the published replacement is missing.
    const deleted = await cli('verify', at('registre.xlsx'), '--replacement-fingerprint', notice);
    expect(deleted.code).toBe(3);
    expect(deleted.stdout).toContain('aucun remplacement n’est consigné');
    // The reason rewritten in the public record: its own fingerprint cell no longer follows.
    const edited = at('public-1-motif.xlsx');
    await editSharedStringCell(at('public-1.xlsx'), edited, 'Registre public', 'Démission', 'Décès');
    expect((await cli('verify', edited)).code).toBe(3);
  });
});

describe('help', () => {
  it('names the new options', async () => {
    expect((await cli('draw', '--help')).stdout).toContain('--public-out <registre-public.xlsx>');
    expect((await cli('probabilities', '--help')).stdout).toContain('--public-out <table-scellee.xlsx>');
    expect((await cli('replace', '--help')).stdout).toContain('--public-out <registre-public.xlsx>');
    const verify = (await cli('verify', '--help')).stdout;
    for (const option of ['--receipt <reçu>', '--public <registre-public.xlsx>', '--replacement-fingerprint <empreinte>']) expect(verify).toContain(option);
  });
});
