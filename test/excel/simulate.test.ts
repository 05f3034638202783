/** `npm run simulate`: the add-in's code path on the simulated Excel writes a workbook that `tirage-cln verify` accepts. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { main } from '../../src/excel/simulated/simulate';

const ASSETS = join(__dirname, '../../assets');

function captured(): { out: string[]; err: string[]; restore: () => void } {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out, err, restore: () => (stdout.mockRestore(), stderr.mockRestore()) };
}

describe('npm run simulate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tirage-simulate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['exemple-candidatures.csv', 'exemple-candidatures.xlsx'])('%s: prints the round trips, and the saved workbook passes verify', async (input) => {
    const out = join(dir, `${input}.xlsx`);
    const io = captured();
    let code: number;
    try {
      code = await main([join(ASSETS, input), '--seed', '4 2 6 1 5 3', '--date', '2025-06-13', '--out', out]);
    } finally {
      io.restore();
    }
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
    const figures = JSON.parse(io.out.join(''));
    expect(figures).toMatchObject({ readSyncs: 2, differences: 0 });
    expect(figures.writeSyncs).toBeLessThanOrEqual(8);
    expect(figures.maxRequestBytes).toBeGreaterThan(0);

    const lines: string[] = [];
    const exit = await run(['verify', out], { stdout: (t) => lines.push(t), stderr: (t) => lines.push(t), today: () => '2025-06-13' });
    expect(lines.join('')).toContain('Registre conforme');
    expect(exit).toBe(0);
  });

  it('takes the sheet named by --sheet, whatever its capitals, and refuses an unknown one in French', async () => {
    const io = captured();
    let codes: number[];
    try {
      const args = (sheet: string) => [join(ASSETS, 'exemple-candidatures.xlsx'), '--seed', 's', '--date', '2025-06-13', '--sheet', sheet, '--out', join(dir, `${sheet}.xlsx`)];
      codes = [await main(args('candidatures')), await main(args('Inconnue'))];
    } finally {
      io.restore();
    }
    expect(codes).toEqual([0, 2]);
    expect(io.err.join('')).toContain('n’a pas de feuille nommée « Inconnue »');
  });

  it('says in French what is wrong with the table, with exit code 2', async () => {
    const io = captured();
    let code: number;
    try {
      code = await main([join(ASSETS, 'exemple-candidatures.csv'), '--seed', 's', '--date', '13/06/2025', '--out', join(dir, 'x.xlsx')]);
    } finally {
      io.restore();
    }
    expect(code).toBe(2);
    expect(io.err.join('')).toContain('Date du tirage invalide « 13/06/2025 »');
  });

  const verifyExit = async (file: string) => {
    const lines: string[] = [];
    const exit = await run(['verify', file], { stdout: (t) => lines.push(t), stderr: (t) => lines.push(t), today: () => '2025-06-13' });
    return { exit, text: lines.join('') };
  };

  const simulate = async (...args: string[]) => {
    const io = captured();
    let code: number;
    try {
      code = await main([join(ASSETS, 'exemple-candidatures.csv'), '--seed', '4 2 6 1 5 3', '--date', '2025-06-13', ...args]);
    } finally {
      io.restore();
    }
    return { code, out: io.out.join(''), err: io.err.join('') };
  };

  it('--fault cell-edit@3: the adapter waits while a cell is being edited, resumes, and writes a record that verifies', async () => {
    const out = join(dir, 'cell-edit.xlsx');
    const { code, out: json, err } = await simulate('--out', out, '--fault', 'cell-edit@3');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(json)).toMatchObject({ differences: 0, cellEditWaits: 3 });
    expect(await verifyExit(out)).toMatchObject({ exit: 0, text: expect.stringContaining('Registre conforme') });
  });

  it('--seal-key: a sealed draw (tirage-cln/2), its key kept in the workbook as the pane keeps it, writes a record that verifies (issue 16)', async () => {
    const out = join(dir, 'scelle.xlsx');
    const keyFile = join(dir, 'cle.txt');
    writeFileSync(keyFile, `${'0123456789abcdef'.repeat(4)}\n`);
    const { code, out: json, err } = await simulate('--out', out, '--seal-key', keyFile);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(json)).toMatchObject({ differences: 0, algorithm: 'tirage-cln/2', keySyncs: 4 });
    expect(await verifyExit(out)).toMatchObject({ exit: 0, text: expect.stringContaining('Registre conforme') });
  });

  it('--fault hang@6 --sync-timeout: exit 2 with the French message, and --out holds what Excel would have, which does not verify', async () => {
    const out = join(dir, 'hang.xlsx');
    const { code, out: json, err } = await simulate('--out', out, '--fault', 'hang@6', '--sync-timeout', '0.2');
    expect(code).toBe(2);
    expect(json).toBe('');
    expect(err).toContain('Excel n’a pas répondu en 0,2 secondes');
    expect(err).toContain('fermez-le, rouvrez-le, puis vérifiez-le');
    expect((await verifyExit(out)).exit).not.toBe(0);
  });

  it('--fault lost@6: the connection is lost while writing, said in French', async () => {
    const { code, err } = await simulate('--out', join(dir, 'lost.xlsx'), '--fault', 'lost@6');
    expect(code).toBe(2);
    expect(err).toContain('La connexion avec Excel a été perdue');
  });

  it('--fault defined-name:Tirage: the record’s table takes another name, and the record verifies', async () => {
    const out = join(dir, 'defined-name.xlsx');
    const { code, err } = await simulate('--out', out, '--fault', 'defined-name:Tirage');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect((await verifyExit(out)).exit).toBe(0);
  });

  it('refuses an unknown fault in French', async () => {
    const { code, err } = await simulate('--out', join(dir, 'x.xlsx'), '--fault', 'panne');
    expect(code).toBe(2);
    expect(err).toContain('Panne simulée inconnue « panne »');
  });
});
