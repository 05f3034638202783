/**
 * The workbooks the pane opens with Excel.createWorkbook (publicationWorkbooks.ts planned, then
 * src/xlsx/newWorkbook.ts, the chunk loaded on demand): no Node API and no XML reader on the
 * writer's path, and what it writes verifies — the sealed table against the fingerprint, the
 * public record alone and against the record it is read from, also once LibreOffice or openpyxl
 * has opened and saved it, as the staff will; the receipts are the record's.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { allPublicDifferences, auditPublicRecord, buildRecord, drawFromTable, newRecordMeta, prepareDraw, verifyPublicWorkbook } from '../../src/core';
import { publicationPlans, type PublicationContent } from '../../src/taskpane/session/publicationWorkbooks';
import { newWorkbookBytes } from '../../src/xlsx/newWorkbook';
import { readWorkbookSheetsFromBytes } from '../../src/xlsx/open';
import { recordToGrids } from '../support/records';
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

/** What the pane does on « Ouvrir … »: the plans, then the bytes, without Node's Buffer (as in the webview). */
function opened(content: PublicationContent): Promise<Uint8Array> {
  return withoutBuffer(() => newWorkbookBytes(publicationPlans(content)));
}

describe('the workbooks the pane opens, as .xlsx bytes', () => {
  const table = tableOf(rowsOf(JUNE_2025));
  const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: false, sealingKey: KEY });
  const meta = newRecordMeta({ place: 'Hôtel de ville', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'c.csv', inputSheets: ['Candidatures'], mandateStart: '2025-06-13' });
  const record = recordToGrids(buildRecord(result, meta), [table]);
  const prepared = prepareDraw(table, { referenceDate: '2025-06-13', excludeInvalid: false, sealingKey: KEY });

  it('the writer (the chunk the pane loads on demand) imports no Node module and no XML reader', () => {
    const imported = [...packagesImported(path.join(SRC, 'xlsx', 'newWorkbook.ts'))];
    // The walk reached the writer's modules (a wrong path would find nothing and pass).
    expect(imported).toContain('fflate');
    expect(imported.filter((name) => name.startsWith('node:') || ['fs', 'path', 'crypto', 'stream', 'os', 'buffer', 'zlib', 'saxes'].includes(name))).toEqual([]);
  });

  it('after the draw: « Registre public » and « Publication », read from the record, which verify alone and are the record’s', async () => {
    const sheets = readWorkbookSheetsFromBytes(await opened({ what: 'publicRecord', sheets: record, source: 'registre.xlsx' }), 'public.xlsx');
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Registre public', 'Publication']);
    const check = verifyPublicWorkbook(sheets, { expectedFingerprint: result.prepared.canonical.fingerprint });
    expect(allPublicDifferences(check)).toEqual([]);
    expect([check.record.stage, check.record.publicSeed]).toEqual(['drawn', '4 2 6 1 5 3']);
    expect(auditPublicRecord(record, sheets).differences).toEqual([]);
  });

  it('before the seed: the sealed table alone, and the receipts the record will hold', async () => {
    const sheets = readWorkbookSheetsFromBytes(await opened({ what: 'sealedTable', prepared }), 'table.xlsx');
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Registre public']);
    const check = verifyPublicWorkbook(sheets, { expectedFingerprint: prepared.canonical.fingerprint });
    expect(allPublicDifferences(check)).toEqual([]);
    expect(check.record.stage).not.toBe('drawn');
    const receipts = readWorkbookSheetsFromBytes(await opened({ what: 'receipts', prepared }), 'recus.xlsx');
    expect(receipts.map((sheet) => sheet.name)).toEqual(['Reçus']);
    expect(receipts[0].rows).toEqual(record.find((sheet) => sheet.name === 'Reçus')?.rows);
  });

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
      writeFileSync(file, await opened({ what: 'publicRecord', sheets: record, source: 'registre.xlsx' }));
      const sheets = await readWorkbookSheets(resave(file, dir));
      const check = verifyPublicWorkbook(sheets, { expectedFingerprint: result.prepared.canonical.fingerprint });
      expect(allPublicDifferences(check)).toEqual([]);
    });
  }
});
