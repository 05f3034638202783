/**
 * LibreOffice (headless) as "another program" in tests: it re-saves our workbooks, exports every
 * sheet to CSV, prints sheets to PDF then PNG. Each run gets its own fresh profile folder (two
 * soffice processes sharing a profile wait on each other or fail), and a 60 s timeout.
 *
 * Under CI (CI=true) a missing LibreOffice is a failure, never a silent skip.
 */

import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Papa from 'papaparse';
import type { CellValue } from '../../src/core/sheet';

const TIMEOUT_MS = 60_000;
/** All sheets, UTF-8, comma, '"', raw values (not "as shown"), formulas as results. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** The repository's test-output/ folder (git-ignored), created on demand. */
export function testOutputDir(...parts: string[]): string {
  const dir = path.join(__dirname, '..', '..', 'test-output', ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Carlito, the font metric-compatible with Calibri that LibreOffice's installers bring (Debian
 * packs it apart): without it LibreOffice draws Calibri's columns and text wider than Excel does,
 * and a print is no longer what Excel's would be.
 */
function calibriMetrics(): boolean {
  return spawnSync('sh', ['-c', 'fc-list | grep -q Carlito'], { stdio: 'ignore' }).status === 0;
}

export function libreOfficeAvailable(): boolean {
  return onPath('soffice') && onPath('pdftoppm') && calibriMetrics();
}

/**
 * True when LibreOffice, pdftoppm and Carlito are there. Otherwise false on a developer's machine (the
 * caller skips), and an error under CI, where their absence is a broken set-up.
 */
export function requireLibreOffice(): boolean {
  if (libreOfficeAvailable()) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      'LibreOffice (soffice), pdftoppm et la police Carlito sont requis sous CI : apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito',
    );
  }
  return false;
}

/** Runs soffice --headless with a profile of its own, in `outDir`; returns its standard output. */
function soffice(args: string[], outDir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tirage-lo-profile-'));
  try {
    return execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args, '--outdir', outDir], {
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOME: profile },
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function expectFile(file: string, what: string): string {
  if (!fs.existsSync(file)) throw new Error(`LibreOffice did not produce ${what}: ${file}`);
  return file;
}

/** "Re-saved by another program": LibreOffice opens the workbook and saves it as .xlsx in outDir. */
export function resaveXlsx(inPath: string, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  if (path.resolve(path.dirname(inPath)) === path.resolve(outDir)) throw new Error('resaveXlsx: outDir must differ from the input folder');
  soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', inPath], outDir);
  return expectFile(path.join(outDir, `${path.parse(inPath).name}.xlsx`), 'an .xlsx');
}

/**
 * Every sheet as CSV rows. With the "-1" (all sheets) token, LibreOffice writes one file per sheet
 * named "<file name without extension>-<sheet name>.csv" in outDir (sheet names cannot hold '/'
 * or other characters a file name refuses), so a fresh outDir maps back to sheet names. Rows are
 * as LibreOffice writes them: padded with "" to the used width; trailing empty rows removed here.
 */
export function sheetsToCsv(xlsxPath: string, outDir: string): Map<string, string[][]> {
  fs.mkdirSync(outDir, { recursive: true });
  const stem = path.parse(xlsxPath).name;
  for (const old of fs.readdirSync(outDir)) if (old.startsWith(`${stem}-`) && old.endsWith('.csv')) fs.rmSync(path.join(outDir, old));
  soffice(['--convert-to', CSV_FILTER, xlsxPath], outDir);
  const sheets = new Map<string, string[][]>();
  for (const file of fs.readdirSync(outDir)) {
    if (!file.startsWith(`${stem}-`) || !file.endsWith('.csv')) continue;
    const text = fs.readFileSync(path.join(outDir, file), 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text, { delimiter: ',', quoteChar: '"', newline: '\n', skipEmptyLines: false }).data;
    while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell === '')) rows.pop();
    sheets.set(file.slice(stem.length + 1, -'.csv'.length), rows);
  }
  if (sheets.size === 0) throw new Error(`LibreOffice wrote no CSV for ${xlsxPath}`);
  return sheets;
}

/** Prints the workbook (every sheet, with its page set-up) to PDF in outDir; returns the PDF's path. */
export function printToPdf(xlsxPath: string, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  soffice(['--convert-to', 'pdf:calc_pdf_Export', xlsxPath], outDir);
  return expectFile(path.join(outDir, `${path.parse(xlsxPath).name}.pdf`), 'a PDF');
}

/** Prints the workbook (every sheet, with its page set-up) to PDF, then each page to a PNG at 80 dpi. */
export function printToPng(xlsxPath: string, outDir: string): string[] {
  const stem = path.parse(xlsxPath).name;
  const pdf = printToPdf(xlsxPath, outDir);
  for (const old of fs.readdirSync(outDir)) if (old.startsWith(`${stem}-`) && old.endsWith('.png')) fs.rmSync(path.join(outDir, old));
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(outDir, stem)], { timeout: TIMEOUT_MS, stdio: 'ignore' });
  // pdftoppm numbers pages "<stem>-1.png", or "<stem>-01.png" when there are ten pages or more.
  return fs
    .readdirSync(outDir)
    .filter((f) => f.startsWith(`${stem}-`) && /-\d+\.png$/.test(f))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]))
    .map((f) => path.join(outDir, f));
}

/**
 * The differences between a grid of values and LibreOffice's CSV of the same sheet. The CSV gives
 * raw values (the filter's "as shown" token is off), except that a number with a percent format
 * keeps its '%' ("6.25%" for 0.0625): numbers are compared as numbers. LibreOffice keeps a line
 * break, not the carriage return before it.
 */
export function csvDifferences(name: string, expected: readonly (readonly CellValue[])[], csv: string[][] | undefined): string[] {
  if (!csv) return [`${name}: no CSV`];
  const differences: string[] = [];
  const rows = Math.max(expected.length, trimmed(csv).length);
  for (let r = 0; r < rows; r++) {
    const want = expected[r] ?? [];
    const found = csv[r] ?? [];
    for (let c = 0; c < Math.max(want.length, found.length); c++) {
      const w = want[c] ?? null;
      const f = found[c] ?? '';
      const same =
        typeof w === 'number'
          ? Math.abs((f.endsWith('%') ? Number(f.slice(0, -1)) / 100 : Number(f)) - w) <= 1e-9 * Math.max(1, Math.abs(w))
          : f === (w === null ? '' : String(w).replace(/\r\n/g, '\n'));
      if (!same) differences.push(`${name} R${r + 1}C${c + 1}: expected ${JSON.stringify(w)}, found ${JSON.stringify(f)}`);
    }
  }
  return differences;
}

export function trimmed(rows: string[][]): string[][] {
  const result = rows.map((cells) => {
    const copy = [...cells];
    while (copy.length > 0 && copy[copy.length - 1] === '') copy.pop();
    return copy;
  });
  while (result.length > 0 && result[result.length - 1].length === 0) result.pop();
  return result;
}
