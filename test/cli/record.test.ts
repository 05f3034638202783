/**
 * The record on disk, end to end through the command line: `draw --out`, then `verify`, on
 * untouched, edited and foreign workbooks.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { ZipPackage } from '../../src/xlsx/zip';
import { cliAt } from '../support/cli';
import { partText, rezip } from '../support/zipWriter';

const REPO = join(__dirname, '..', '..');
const OUT = join(REPO, 'test-output', 'cli-record');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const EXAMPLE_CSV = join(REPO, 'assets', 'exemple-candidatures.csv');
const EXAMPLE_XLSX = join(REPO, 'assets', 'exemple-candidatures.xlsx');
const SEED = '4 2 6 1 5 3';

const cli = cliAt('2025-06-13');

async function drawTo(input: string, out: string, ...extra: string[]): Promise<void> {
  const { code, stderr } = await cli('draw', input, '--seed', SEED, '--date', '2025-06-13', '--out', out, ...extra);
  expect([code, stderr]).toEqual([0, '']);
}

/** A copy of `source` with one cell changed, as a person would do it in a spreadsheet program. */
async function tampered(source: string, sheet: string, address: string, value: ExcelJS.CellValue, name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`no sheet ${sheet}`);
  worksheet.getCell(address).value = value;
  const path = join(OUT, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

async function cellOf(path: string, sheet: string, predicate: (v: ExcelJS.CellValue) => boolean): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  let found = '';
  workbook.getWorksheet(sheet)?.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && predicate(cell.value)) found = cell.address;
    }),
  );
  if (!found) throw new Error(`nothing matches in ${sheet}`);
  return found;
}

const record = join(OUT, 'registre.xlsx');

beforeAll(async () => {
  await drawTo(EXAMPLE_CSV, record, '--place', 'Hôtel de ville', '--officials', 'Mme Une Élue; M. Un Élu');
});

describe('draw --out', () => {
  it('writes a workbook with the candidature sheet first, then the five record sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(record);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Candidatures', 'Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication']);
    const candidatures = workbook.getWorksheet('Candidatures') as ExcelJS.Worksheet;
    expect(candidatures.getCell('B2').value).toBe('Lefèvre');
    expect(candidatures.getCell('E2').value).toBe('14/03/1987');
  });

  it('says where the record was written', async () => {
    const { code, stdout } = await cli('draw', EXAMPLE_CSV, '--seed', SEED, '--date', '2025-06-13', '--out', join(OUT, 'dire.xlsx'));
    expect(code).toBe(0);
    expect(stdout).toContain('Registre écrit : ');
    expect(stdout).toContain('Tirage, Synthèse, Procès-verbal, Données du tirage');
  });

  it('keeps an .xlsx input’s own sheets and adds the record after them; a second draw gets new sheet names', async () => {
    const first = join(OUT, 'depuis-xlsx.xlsx');
    await drawTo(EXAMPLE_XLSX, first);
    const second = join(OUT, 'deux-tirages.xlsx');
    const { code } = await cli('draw', first, '--seed', 'autre graine', '--date', '2025-06-13', '--out', second);
    expect(code).toBe(0);
    const [original, twice] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await original.xlsx.readFile(EXAMPLE_XLSX);
    await twice.xlsx.readFile(second);
    const names = original.worksheets.map((w) => w.name);
    expect(twice.worksheets.map((w) => w.name)).toEqual([
      ...names,
      'Tirage',
      'Synthèse',
      'Procès-verbal',
      'Données du tirage',
      'Publication',
      'Tirage (2)',
      'Synthèse (2)',
      'Procès-verbal (2)',
      'Données du tirage (2)',
      'Publication (2)',
    ]);
    const before = original.worksheets[0];
    const after = twice.getWorksheet(before.name) as ExcelJS.Worksheet;
    before.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: true }, (cell, c) => expect(after.getCell(r, c).value).toEqual(cell.value)));
    const verified = await cli('verify', second);
    expect(verified.code).toBe(0);
    expect(verified.stdout.match(/Registre conforme/g)).toHaveLength(2);
  });

  it('refuses, before the draw, a workbook with a sheet of its own named « Remplacement » or « Données du tirage », which would make the record fail verify (issue 15 §4)', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(EXAMPLE_XLSX);
    workbook.addWorksheet('Remplacement').getCell('A1').value = 'Personnes à rappeler';
    workbook.addWorksheet('Données du tirage').getCell('A1').value = 'Notes';
    const input = join(OUT, 'feuilles-homonymes.xlsx');
    await workbook.xlsx.writeFile(input);
    const out = join(OUT, 'homonymes-registre.xlsx');
    const { code, stderr } = await cli('draw', input, '--seed', SEED, '--date', '2025-06-13', '--out', out);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'Le classeur « feuilles-homonymes.xlsx » a des feuilles « Remplacement », « Données du tirage » qui portent le nom d’une feuille de registre de tirage',
    );
    expect(stderr).toContain('Rien n’a été tiré. Renommez ces feuilles');
    expect(existsSync(out)).toBe(false);
  });

  it('never replaces an existing file unless told to', async () => {
    const before = readFileSync(record);
    const refused = await cli('draw', EXAMPLE_CSV, '--seed', 'autre', '--date', '2025-06-13', '--out', record);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('existe déjà');
    expect(readFileSync(record)).toEqual(before);
    const replaced = join(OUT, 'remplace.xlsx');
    writeFileSync(replaced, 'ancien');
    expect((await cli('draw', EXAMPLE_CSV, '--seed', SEED, '--date', '2025-06-13', '--out', replaced, '--replace')).code).toBe(0);
    expect((await cli('verify', replaced)).code).toBe(0);
  });

  it('says in French when the record’s folder or name cannot be used, and creates nothing', async () => {
    const file = join(OUT, 'un-fichier');
    writeFileSync(file, 'pas un dossier');
    const underFile = await cli('draw', EXAMPLE_CSV, '--seed', SEED, '--date', '2025-06-13', '--out', join(file, 'r.xlsx'));
    expect([underFile.code, underFile.stderr]).toEqual([2, expect.stringContaining('ne peut pas être créé')]);
    const notXlsx = await cli('draw', EXAMPLE_CSV, '--seed', SEED, '--date', '2025-06-13', '--out', join(OUT, 'nouveau', 'r.csv'));
    expect([notXlsx.code, notXlsx.stderr]).toEqual([2, expect.stringContaining('doit être un classeur .xlsx')]);
    expect(existsSync(join(OUT, 'nouveau'))).toBe(false);
  });

  it('refuses to overwrite its input', async () => {
    const copy = join(OUT, 'source.xlsx');
    writeFileSync(copy, readFileSync(EXAMPLE_XLSX));
    const { code, stderr } = await cli('draw', copy, '--seed', SEED, '--out', copy, '--replace');
    expect(code).toBe(2);
    expect(stderr.length).toBeGreaterThan(0);
    expect(readFileSync(copy)).toEqual(readFileSync(EXAMPLE_XLSX));
  });
});

describe('verify', () => {
  it('says « Registre conforme », with the fingerprint and the seed', async () => {
    const { code, stdout } = await cli('verify', record);
    expect(code).toBe(0);
    expect(stdout).toContain('Registre conforme');
    expect(stdout).toMatch(/Empreinte des candidatures : [0-9a-f]{64}/);
    expect(stdout).toContain(`Graine publique : « ${SEED} »`);
  });

  it('checks the fingerprint announced in the session', async () => {
    const fingerprint = /Empreinte des candidatures : ([0-9a-f]{64})/.exec((await cli('verify', record)).stdout)?.[1] as string;
    const good = await cli('verify', record, '--fingerprint', fingerprint);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('Empreinte identique à celle annoncée en séance.');
    const bad = await cli('verify', record, '--fingerprint', 'f'.repeat(64));
    expect(bad.code).toBe(3);
    // Never « conforme » then « NON conforme » in one report, and never « other differences » when the fingerprint is the one.
    expect(bad.stdout).not.toContain('Registre conforme');
    expect(bad.stdout).not.toContain('autres différences');
    expect(bad.stdout.trim().split('\n').slice(-3)).toEqual([
      'Ce tirage correspond à ses données, mais son empreinte n’est pas celle annoncée en séance (ci-dessous).',
      `L’empreinte annoncée en séance (${'f'.repeat(64)}) n’est pas celle du tirage consigné (${fingerprint}) : ` +
        'ce registre n’est pas celui du tirage annoncé, ou l’empreinte a été mal recopiée.',
      'Registre NON conforme : l’empreinte annoncée en séance n’est pas celle du registre.',
    ]);
    const mistyped = await cli('verify', record, '--fingerprint', '12ab');
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toContain('Empreinte annoncée illisible : 4 chiffres hexadécimaux trouvés, il en faut 64.');
  });

  it('reads the announced fingerprint as the pane shows it: groups of 8, capitals, line breaks (issue 13 §1)', async () => {
    const fingerprint = /Empreinte des candidatures : ([0-9a-f]{64})/.exec((await cli('verify', record)).stdout)?.[1] as string;
    const groups = (fingerprint.match(/.{8}/g) as string[]).join(' ');
    const good = await cli('verify', record, '--fingerprint', groups);
    expect([good.code, good.stderr]).toEqual([0, '']);
    expect(good.stdout).toContain('Empreinte identique à celle annoncée en séance.');
    expect((await cli('verify', record, '--fingerprint', `${groups.slice(0, 35).toUpperCase()}\n${groups.slice(35)}`)).code).toBe(0);
    const typo = await cli('verify', record, '--fingerprint', groups.replace(/[a-f]/, 'g'));
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Empreinte annoncée illisible : le caractère « g » \(\d+e caractère\) n’est ni un chiffre hexadécimal/);
  });

  it.each([
    ['a name in Tirage', 'Tirage', (v: ExcelJS.CellValue) => v === 'Lefèvre', 'Lefebvre'],
    ['a status in Tirage', 'Tirage', (v: ExcelJS.CellValue) => v === 'Liste complémentaire n° 1', 'Retenu·e'],
    ['a draw number in Tirage', 'Tirage', (v: ExcelJS.CellValue) => v === 16, 2],
    ['the seed in the procès-verbal', 'Procès-verbal', (v: ExcelJS.CellValue) => v === SEED, '4 2 6 1 5 4'],
    ['a member in the procès-verbal', 'Procès-verbal', (v: ExcelJS.CellValue) => typeof v === 'string' && v.includes('LESAGE'), 'H · DUPONT Jean — tirage n° 8'],
    ['a count in Synthèse', 'Synthèse', (v: ExcelJS.CellValue) => v === 13, 14],
    ['the seed in the data', 'Données du tirage', (v: ExcelJS.CellValue) => v === SEED, '1 1 1 1 1 1'],
    ['a name in the data', 'Données du tirage', (v: ExcelJS.CellValue) => v === 'Haddad', 'Hadad'],
  ])('exits 3 naming the cell when %s is edited', async (what, sheet, predicate, value) => {
    const address = await cellOf(record, sheet, predicate);
    const path = await tampered(record, sheet, address, value, `modifie-${what.replace(/\W+/g, '-')}.xlsx`);
    const { code, stdout } = await cli('verify', path);
    expect(code).toBe(3);
    expect(stdout).toContain('Registre NON conforme');
    expect(stdout).toMatch(new RegExp(`(${sheet}, cellule ${address} :|Empreinte recalculée|Clé de tirage recalculée)`));
  });

  it('exits 3 for a record whose « Données du tirage » was deleted, the other record sheets left', async () => {
    const bytes = readFileSync(record);
    const workbookXml = partText(bytes, 'xl/workbook.xml');
    const path = join(OUT, 'sans-donnees.xlsx');
    // The sheet's entry removed from the workbook, as deleting the sheet in a spreadsheet program does.
    writeFileSync(path, rezip(bytes, { 'xl/workbook.xml': workbookXml.replace(/<sheet [^>]*name="Données du tirage"[^>]*\/>/, '') }));
    const { code, stdout } = await cli('verify', path);
    expect(code).toBe(3);
    expect(stdout).toContain('Feuille « Données du tirage » manquante');
    expect(stdout).not.toContain('Registre conforme');
  });

  it('does not advise saving a CSV or a truncated file as CSV: a record cannot be checked in another form', async () => {
    const truncated = join(OUT, 'tronque.xlsx');
    const bytes = readFileSync(record);
    writeFileSync(truncated, bytes.subarray(0, bytes.length >> 1));
    for (const file of [EXAMPLE_CSV, truncated]) {
      const { code, stderr } = await cli('verify', file);
      expect(code).toBe(2);
      expect(stderr).not.toMatch(/(format|en) CSV/i);
      expect(stderr).toMatch(/registre/);
    }
  });

  it('exits 2 for a workbook that is not a record, and for a missing file', async () => {
    const notARecord = await cli('verify', EXAMPLE_XLSX);
    expect(notARecord.code).toBe(2);
    expect(notARecord.stderr).toContain('n’est pas un registre de tirage');
    expect((await cli('verify', join(OUT, 'absent.xlsx'))).code).toBe(2);
  });
});

describe('candidate text stays text', () => {
  const hostile = ['=HYPERLINK("http://example.org","clic")', '+33 6 12', '-2+3', '@SUM(A1:A9)'];

  it('writes hostile names as strings in every sheet, and the record still verifies', async () => {
    const csv = join(OUT, 'hostiles.csv');
    const rows = hostile.map((name, i) => `${i + 1};"${name.replace(/"/g, '""')}";Prénom${i};${i % 2 ? 'H' : 'F'};01/01/1980;Nord`);
    writeFileSync(csv, ['N°;Nom;Prénom;Sexe;Date de naissance;Secteur', ...rows].join('\r\n'));
    const out = join(OUT, 'hostiles.xlsx');
    await drawTo(csv, out);

    const bytes = readFileSync(out);
    const sheets = ZipPackage.open(bytes)
      .names()
      .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets.length).toBe(6);
    for (const file of sheets) expect(partText(bytes, file)).not.toMatch(/<f[ >]/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const values = workbook.worksheets.flatMap((w) => {
      const all: ExcelJS.CellValue[] = [];
      w.eachRow((row) => row.eachCell((cell) => all.push(cell.value)));
      return all;
    });
    for (const name of hostile) expect(values).toContain(name);
    expect((await cli('verify', out)).code).toBe(0);
  });
});
