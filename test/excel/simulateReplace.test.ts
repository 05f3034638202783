/**
 * `npm run simulate -- replace`: the pane's replacement path on the simulated Excel writes the
 * Remplacement sheet `tirage-cln replace` writes for the same departure, cell for cell (the
 * neutral look of test/support/sheetLook.ts, as the draw's renderer parity), logs it in the
 * journal, and the workbook passes verify.
 * On the example (seed « 4 2 6 1 5 3 »), Est's LEMAIRE (row 12) leaves; ROUSSEL (row 16) joins.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { SimulatedExcel } from '../../src/excel/simulated/excel';
import { main } from '../../src/excel/simulated/simulate';
import { simulateReplacement } from '../../src/excel/simulated/simulateReplace';
import { simulatedWorkbookFromXlsxBytes } from '../../src/excel/simulated/xlsxWorkbook';
import { fileLook, simLook } from '../support/sheetLook';
import { XlsxParts } from '../support/xlsxParts';

const EXAMPLE_CSV = join(__dirname, '../../assets/exemple-candidatures.csv');

async function cli(args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await run(args, { stdout: (t) => lines.push(t), stderr: (t) => lines.push(t), today: () => '2026-06-30' });
  return { code, text: lines.join('') };
}

async function simulate(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    return { code: await main(args), out: out.join(''), err: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('npm run simulate -- replace', () => {
  let dir: string;
  let record: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tirage-simulate-replace-'));
    record = join(dir, 'registre.xlsx');
    const drawn = await cli(['draw', EXAMPLE_CSV, '--seed', '4 2 6 1 5 3', '--date', '2025-06-13', '--out', record]);
    expect(drawn.code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders the Remplacement sheet tirage-cln replace writes, cell for cell', async () => {
    const byCli = join(dir, 'cli.xlsx');
    expect((await cli(['replace', record, '--row', '12', '--date', '2026-01-15', '--reason', 'Démission', '--out', byCli])).code).toBe(0);

    const excel = new SimulatedExcel(simulatedWorkbookFromXlsxBytes(new Uint8Array(readFileSync(record)), 'registre.xlsx'));
    const request = { leavingRow: 12, date: '2026-01-15', reason: 'Démission', chosenRow: null };
    const figures = await simulateReplacement(excel, request, { source: 'registre.xlsx', today: '2026-06-30', time: '2026-06-30T10:00:00Z' });
    expect(figures).toMatchObject({ differences: 0, sheet: 'Remplacement' });

    const file = new ExcelJS.Workbook();
    await file.xlsx.readFile(byCli);
    const written = file.getWorksheet('Remplacement');
    const simulated = excel.sheet('Remplacement');
    expect(written).toBeDefined();
    expect(simulated).toBeDefined();
    const [a, b] = [simLook(simulated!), fileLook(written!, await (await XlsxParts.open(byCli)).sheetXml('Remplacement'))];
    expect(Object.keys(b.cells).length).toBeGreaterThan(10);
    // Cell by cell first, so that a failure names the cell.
    for (const address of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) {
      expect({ address, look: a.cells[address] }).toEqual({ address, look: b.cells[address] });
    }
    expect({ ...a, cells: undefined }).toEqual({ ...b, cells: undefined });
  });

  it('saves a workbook that verifies, the departure logged in the journal', async () => {
    const out = join(dir, 'simulation.xlsx');
    const simulated = await simulate(['replace', record, '--row', '12', '--date', '2026-01-15', '--reason', 'Démission', '--out', out]);
    expect(simulated.err).toBe('');
    expect(simulated.code).toBe(0);
    const figures = JSON.parse(simulated.out);
    expect(figures).toMatchObject({ differences: 0, sheet: 'Remplacement' });
    expect(figures.maxRequestBytes).toBeGreaterThan(0);

    const verified = await cli(['verify', out]);
    expect(verified.text).toContain('Registre conforme');
    expect(verified.code).toBe(0);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(out);
    const journal: string[] = [];
    saved.getWorksheet('Journal des tirages')?.eachRow((row) => row.eachCell((cell) => journal.push(String(cell.value))));
    expect(journal.join(' ')).toContain('Départ de LEMAIRE Jean-Baptiste');
  });

  it('refuses a departure dated before the draw in French, writing nothing', async () => {
    const refused = await simulate(['replace', record, '--row', '12', '--date', '2025-01-15', '--reason', 'Démission', '--out', join(dir, 'avant.xlsx')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('Remplacement daté du mercredi 15 janvier 2025, avant le tirage');
    expect(refused.err).not.toContain('Excel a refusé');
  });
});
