/**
 * The public record as .xlsx bytes (src/xlsx/workbookBytes.ts), the function the add-in's pane
 * calls to open it with Excel.createWorkbook: no Node API and no XML reader on its path (the pane
 * loads it on demand), and what it writes is the public record the CLI writes, which verifies
 * alone — also once LibreOffice or openpyxl has opened and saved it, as the staff will.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { allPublicDifferences, drawFromTable, prepareDraw, verifyPublicWorkbook } from '../../src/core';
import { publicRecordBytes, sealedTableBytes } from '../../src/xlsx/workbookBytes';
import { readWorkbookSheetsFromBytes } from '../../src/xlsx/open';
import { readWorkbookSheets } from '../../src/file/recordReader';
import { requireLibreOffice, resaveXlsx, testOutputDir } from '../support/libreoffice';
import { requireOpenpyxl, resaveWithOpenpyxl } from '../support/openpyxl';
import { JUNE_2025, rowsOf, tableOf } from '../support/tables';

const KEY = '9b1f3c07d2e54a6b8c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d';
const SRC = path.join(__dirname, '..', '..', 'src');

/** The packages (not relative imports) every module reachable from `entry` imports. */
function packagesImported(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(ts.sys.readFile(file) ?? '', true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) packages.add(fileName);
      else {
        const base = path.resolve(path.dirname(file), fileName);
        visit(ts.sys.fileExists(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts'));
      }
    }
  };
  visit(entry);
  return packages;
}

/** Runs `act` with Node's Buffer gone, as in the pane's webview. */
async function withoutBuffer<T>(act: () => Promise<T>): Promise<T> {
  const global = globalThis as { Buffer?: unknown };
  const saved = global.Buffer;
  delete global.Buffer;
  try {
    return await act();
  } finally {
    global.Buffer = saved;
  }
}

describe('the public record as .xlsx bytes, for the pane', () => {
  const table = tableOf(rowsOf(JUNE_2025));
  const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: false, sealingKey: KEY });

  it('imports no Node module and no XML reader, and runs without Buffer', async () => {
    const imported = [...packagesImported(path.join(SRC, 'xlsx', 'workbookBytes.ts'))];
    // The walk reached the writer's modules (a wrong path would find nothing and pass).
    expect(imported).toContain('fflate');
    expect(imported.filter((name) => name.startsWith('node:') || ['fs', 'path', 'crypto', 'stream', 'os', 'buffer', 'zlib', 'saxes'].includes(name))).toEqual([]);
    await expect(withoutBuffer(() => publicRecordBytes(result, { place: 'Hôtel de ville', mandateStart: '2025-06-13' }))).resolves.toBeInstanceOf(Uint8Array);
  });

  it('after the draw: « Registre public » and « Publication », which verify alone against the announced fingerprint', async () => {
    const bytes = await withoutBuffer(() => publicRecordBytes(result, { place: 'Hôtel de ville', mandateStart: '2025-06-13' }));
    const sheets = readWorkbookSheetsFromBytes(bytes, 'public.xlsx');
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Registre public', 'Publication']);
    const check = verifyPublicWorkbook(sheets, { expectedFingerprint: result.prepared.canonical.fingerprint });
    expect(allPublicDifferences(check)).toEqual([]);
    expect([check.record.stage, check.record.publicSeed]).toEqual(['drawn', '4 2 6 1 5 3']);
  });

  it('before the seed: the sealed table alone', async () => {
    const prepared = prepareDraw(table, { referenceDate: '2025-06-13', excludeInvalid: false, sealingKey: KEY });
    const sheets = readWorkbookSheetsFromBytes(await withoutBuffer(() => sealedTableBytes(prepared)), 'table.xlsx');
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Registre public']);
    const check = verifyPublicWorkbook(sheets, { expectedFingerprint: prepared.canonical.fingerprint });
    expect(allPublicDifferences(check)).toEqual([]);
    expect(check.record.stage).not.toBe('drawn');
  });

  const meta = { place: 'Hôtel de ville', mandateStart: '2025-06-13' };
  const resavers: [name: string, available: boolean, resave: (file: string, dir: string) => string][] = [
    ['LibreOffice', requireLibreOffice(), (file, dir) => resaveXlsx(file, path.join(dir, 'reenregistre'))],
    [
      'openpyxl',
      requireOpenpyxl(),
      (file, dir) => {
        const out = path.join(dir, 'openpyxl.xlsx');
        resaveWithOpenpyxl(file, out);
        return out;
      },
    ],
  ];
  for (const [name, available, resave] of resavers) {
    (available ? it : it.skip)(`opened and saved again by ${name}, the public record still verifies`, async () => {
      const dir = testOutputDir('public-record-resaved', name);
      const file = path.join(dir, 'registre-public.xlsx');
      writeFileSync(file, await publicRecordBytes(result, meta));
      const sheets = await readWorkbookSheets(resave(file, dir));
      const check = verifyPublicWorkbook(sheets, { expectedFingerprint: result.prepared.canonical.fingerprint });
      expect(allPublicDifferences(check)).toEqual([]);
    });
  }
});
