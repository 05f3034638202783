/**
 * Python's openpyxl as "another program" in tests (an archivist's script): Debian's
 * python3-openpyxl, importable by /usr/bin/python3 (not necessarily by another python3 on PATH).
 * Under CI (CI=true) its absence is a failure, never a silent skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export const SYSTEM_PYTHON = '/usr/bin/python3';

export function requireOpenpyxl(): boolean {
  if (spawnSync(SYSTEM_PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0) return true;
  if (process.env.CI === 'true') {
    throw new Error('openpyxl est requis sous CI : apt-get install -y --no-install-recommends python3-openpyxl');
  }
  return false;
}

/** Runs a Python script with /usr/bin/python3; `args` are its sys.argv[1:]. Returns its standard output. */
export function python(script: string, ...args: string[]): string {
  return execFileSync(SYSTEM_PYTHON, ['-c', script, ...args], { encoding: 'utf8', timeout: 60_000 });
}

/** openpyxl opens and saves the workbook, changing nothing. */
export function resaveWithOpenpyxl(inPath: string, outPath: string): void {
  python('import sys, openpyxl\nopenpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])', inPath, outPath);
}

/**
 * openpyxl opens the workbook, replaces the first cell of `sheet` whose value is `from` by `to`,
 * and saves it: returns that cell's address ("E12").
 */
export function editWithOpenpyxl(inPath: string, outPath: string, sheet: string, from: string | number, to: string | number): string {
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'ws = wb[sys.argv[3]]',
    'old, new = json.loads(sys.argv[4]), json.loads(sys.argv[5])',
    'cell = next(c for row in ws.iter_rows() for c in row if c.value == old)',
    'cell.value = new',
    'wb.save(sys.argv[2])',
    'print(cell.coordinate)',
  ].join('\n');
  return python(script, inPath, outPath, sheet, JSON.stringify(from), JSON.stringify(to)).trim();
}
