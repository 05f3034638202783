/**
 * Issue 14: the add-in (its real code, on the simulated Excel, through `npm run simulate`) and the
 * command line read one workbook one way — the same candidatures, the same fingerprint — and any
 * record the add-in writes verifies with `tirage-cln verify`; a workbook one of them refuses, the
 * other refuses too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { main as simulate } from '../../src/excel/simulated/simulate';
import { SimulatedExcel } from '../../src/excel/simulated/excel';
import { simulatedWorkbookFromXlsxBytes } from '../../src/excel/simulated/xlsxWorkbook';
import { ExcelWorkbookAdapter } from '../../src/excel/workbookAdapter';
import { prepareDraw } from '../../src/core/draw';
import { readWorkbookSheets } from '../../src/file/recordReader';
import { cliAt } from '../support/cli';
import { python, requireOpenpyxl } from '../support/openpyxl';

const ASSETS = join(__dirname, '../../assets');
const DATE = '2025-06-13';
const SEED = '4 2 6 1 5 3';
const cli = cliAt(DATE);

/** The example table's rows (header first), as the CSV gives them. */
function exampleRows(): string[][] {
  return readFileSync(join(ASSETS, 'exemple-candidatures.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(';'));
}

async function save(workbook: ExcelJS.Workbook, file: string): Promise<string> {
  await workbook.xlsx.writeFile(file);
  return file;
}

/** `npm run simulate` in-process: its exit code, its figures, what it said on stderr. */
async function simulated(...argv: string[]): Promise<{ code: number; figures: { differences?: number }; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    const code = await simulate(argv);
    return { code, figures: out.length > 0 ? JSON.parse(out.join('')) : {}, stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** The fingerprint `verify` finds in a record, with its verdict. */
async function verified(record: string): Promise<{ code: number; fingerprint: string; stdout: string }> {
  const run = await cli('verify', record);
  const fingerprint = /Empreinte des candidatures : ([0-9a-f]{64})/.exec(run.stdout)?.[1] ?? '';
  return { code: run.code, fingerprint, stdout: run.stdout };
}

async function probabilitiesFingerprint(...argv: string[]): Promise<string> {
  const run = await cli('probabilities', ...argv, '--date', DATE, '--exclude-invalid', '--json');
  expect([run.code, run.stderr]).toEqual([0, '']);
  return (JSON.parse(run.stdout) as { fingerprint: string }).fingerprint;
}

describe('one workbook, one reading, in the add-in and the command line (issue 14)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tirage-lecture-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a merged sector cell (F2:F3): the add-in’s record verifies, with the fingerprint and the draw of the CLI’s own record', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Candidatures');
    for (const row of exampleRows()) sheet.addRow(row);
    sheet.mergeCells('F2:F3');
    const file = await save(workbook, join(dir, 'fusion.xlsx'));

    const addIn = join(dir, 'fusion-complement.xlsx');
    const run = await simulated(file, '--seed', SEED, '--date', DATE, '--exclude-invalid', '--out', addIn);
    expect([run.code, run.figures.differences, run.stderr]).toEqual([0, 0, '']);
    const fromAddIn = await verified(addIn);
    expect(fromAddIn.stdout).toContain('Registre conforme');
    expect(fromAddIn.code).toBe(0);

    const ownRecord = join(dir, 'fusion-cli.xlsx');
    const drawn = await cli('draw', file, '--seed', SEED, '--date', DATE, '--exclude-invalid', '--out', ownRecord);
    expect([drawn.code, drawn.stderr]).toEqual([0, '']);
    const fromCli = await verified(ownRecord);
    expect(fromCli.code).toBe(0);
    expect(fromAddIn.fingerprint).toBe(fromCli.fingerprint);
    // The CLI's record, opened in Excel, verifies in the add-in too (which cannot see merged areas).
    const opened = new SimulatedExcel(simulatedWorkbookFromXlsxBytes(new Uint8Array(readFileSync(ownRecord)), 'fusion-cli.xlsx'));
    const check = await new ExcelWorkbookAdapter(opened.run).verifyRecord();
    expect([...check.records.flatMap((r) => r.differences), ...check.differences]).toEqual([]);
    // The same draw: the same members, in the same order, in both records' Tirage sheets.
    const tirage = async (record: string) => (await readWorkbookSheets(record)).find((s) => s.name === 'Tirage')?.rows.map((r) => r.slice(0, 6));
    expect(await tirage(addIn)).toEqual(await tirage(ownRecord));
  });

  it('a 1904-date workbook whose birth dates are formatted as times: one rule, the dates the cells count', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('Candidatures');
    exampleRows().forEach((row, i) => {
      if (i === 0) return void sheet.addRow(row);
      const [day, month, year] = row[4].split('/').map(Number);
      const serial1904 = (Date.UTC(year, month - 1, day) - Date.UTC(1904, 0, 1)) / 86_400_000;
      const added = sheet.addRow([Number(row[0]), row[1], row[2], row[3], serial1904, row[5]]);
      added.getCell(5).numFmt = '[h]:mm:ss';
    });
    const file = await save(workbook, join(dir, 'mac-heures.xlsx'));

    // The add-in reads the birth dates the cells count, as the CLI does: the fingerprint is the CSV's.
    const excel = new SimulatedExcel(simulatedWorkbookFromXlsxBytes(new Uint8Array(readFileSync(file)), 'mac-heures.xlsx'));
    const read = await new ExcelWorkbookAdapter(excel.run).readTable({ kind: 'sheet', sheet: 'Candidatures' });
    const inPane = prepareDraw(read.sheet, { referenceDate: DATE, excludeInvalid: true }).canonical.fingerprint;
    const fromCsv = await probabilitiesFingerprint(join(ASSETS, 'exemple-candidatures.csv'));
    expect(inPane).toBe(fromCsv);
    expect(await probabilitiesFingerprint(file)).toBe(fromCsv);

    const addIn = join(dir, 'mac-heures-complement.xlsx');
    const run = await simulated(file, '--seed', SEED, '--date', DATE, '--exclude-invalid', '--out', addIn);
    expect([run.code, run.figures.differences]).toEqual([0, 0]);
    const fromAddIn = await verified(addIn);
    expect([fromAddIn.code, fromAddIn.fingerprint]).toEqual([0, fromCsv]);
  });

  it('two Excel tables side by side: the whole sheet is refused by both; a table is drawn alike, and its record verifies', async () => {
    const [header, ...rows] = exampleRows();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Inscriptions');
    sheet.addTable({ name: 'Gauche', ref: 'A1', headerRow: true, columns: header.map((name) => ({ name })), rows });
    // The same people again beside it, another session's list (other numbers).
    const others = rows.map((r) => [`B${r[0]}`, ...r.slice(1)]);
    sheet.addTable({ name: 'Droite', ref: 'H1', headerRow: true, columns: header.map((name) => ({ name })), rows: others });
    const file = await save(workbook, join(dir, 'cote-a-cote.xlsx'));

    // The whole sheet: two « N° » columns, refused by the CLI and by the add-in alike.
    const whole = await cli('draw', file, '--seed', SEED, '--date', DATE);
    expect(whole.code).toBe(2);
    expect(whole.stderr).toContain('plusieurs colonnes peuvent être « N° »');
    const excel = new SimulatedExcel(simulatedWorkbookFromXlsxBytes(new Uint8Array(readFileSync(file)), 'cote-a-cote.xlsx'));
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const sheetRead = await adapter.readTable({ kind: 'sheet', sheet: 'Inscriptions' });
    expect(() => prepareDraw(sheetRead.sheet, { referenceDate: DATE, excludeInvalid: true })).toThrow('plusieurs colonnes peuvent être « N° »');

    // The first table, as the add-in offers it first: its record keeps the table's range and verifies.
    const addIn = join(dir, 'cote-a-cote-complement.xlsx');
    const run = await simulated(file, '--seed', SEED, '--date', DATE, '--exclude-invalid', '--out', addIn);
    expect([run.code, run.figures.differences, run.stderr]).toEqual([0, 0, '']);
    const fromAddIn = await verified(addIn);
    expect(fromAddIn.stdout).toContain('Registre conforme');
    expect(fromAddIn.code).toBe(0);
    expect(fromAddIn.fingerprint).toBe(await probabilitiesFingerprint(file, '--table', 'Gauche'));
    const data = (await readWorkbookSheets(addIn)).find((s) => s.name === 'Données du tirage');
    expect(data?.rows.find((r) => r[0] === 'Plage du tableau des candidatures')?.[1]).toBe('A1:F17');

    // The CLI draws the other table by its name, and that record verifies too.
    const right = join(dir, 'cote-a-cote-droite.xlsx');
    const drawn = await cli('draw', file, '--table', 'droite', '--seed', SEED, '--date', DATE, '--out', right);
    expect([drawn.code, drawn.stderr]).toEqual([0, '']);
    const fromRight = await verified(right);
    expect(fromRight.code).toBe(0);
    expect(fromRight.fingerprint).toBe(await probabilitiesFingerprint(file, '--table', 'Droite'));
  });

  (requireOpenpyxl() ? it : it.skip)('a table written by openpyxl goes through `npm run simulate`, and its record verifies', async () => {
    const file = join(dir, 'openpyxl.xlsx');
    const script = [
      'import json, sys, openpyxl',
      'from openpyxl.worksheet.table import Table',
      'wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Candidatures"',
      'rows = json.loads(sys.argv[2])',
      'for r in rows: ws.append(r)',
      'ws.add_table(Table(displayName="Inscrits", ref="A1:F%d" % len(rows)))',
      'wb.save(sys.argv[1])',
    ].join('\n');
    python(script, file, JSON.stringify(exampleRows()));
    const addIn = join(dir, 'openpyxl-complement.xlsx');
    const run = await simulated(file, '--seed', SEED, '--date', DATE, '--out', addIn);
    expect([run.code, run.figures.differences, run.stderr]).toEqual([0, 0, '']);
    const fromAddIn = await verified(addIn);
    expect([fromAddIn.code, fromAddIn.fingerprint]).toEqual([0, await probabilitiesFingerprint(file, '--table', 'Inscrits')]);
  });
});
