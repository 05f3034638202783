/** The « Journal des tirages »: appended through the adapter, read back, and checked by `verify`. */
import { allDifferences, prepareDraw, verifyWorkbook } from '../../src/core';
import { JOURNAL_SHEET, journalSheet, type JournalEntry } from '../../src/core/record/journal';
import { planSheet } from '../../src/core/record/plan';
import type { DrawOrder } from '../../src/excel/recordWriter';
import { cellAt } from '../../src/excel/simulated/state';
import type { TableRef } from '../../src/excel/tableReader';
import { ExcelWorkbookAdapter } from '../../src/excel/workbookAdapter';
import { drawOrderFor, excelOf, HEADER, juneRows } from '../support/simulated';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { verifyFile } from '../../src/cli/record';
import { simulatedWorkbookToXlsx } from '../../src/excel/simulated/xlsxFile';

const DATE = '2025-06-13';
const SOURCE: TableRef = { kind: 'sheet', sheet: 'Candidatures' };

function entry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return { time: '2025-06-13T18:04:05Z', fingerprint: 'abc', publicSeed: '4 2 6 1 5 3', outcome: 'requested', dataSheet: '', reason: '', detail: '', ...overrides };
}

async function request(adapter: ExcelWorkbookAdapter, laterDrawReason?: string): Promise<DrawOrder> {
  const read = await adapter.readTable(SOURCE);
  const shown = prepareDraw(read.sheet, { referenceDate: DATE, excludeInvalid: false, bounds: read.bounds }).canonical.fingerprint;
  return drawOrderFor(SOURCE, shown, { referenceDate: DATE, place: 'Hôtel de ville', ...(laterDrawReason ? { laterDrawReason } : {}) }, 'c.xlsx');
}

describe('the draw journal', () => {
  it('is created on the first attempt, appended to after, protected, and every value stays text', async () => {
    const excel = excelOf([{ name: 'Candidatures', rows: [HEADER, ...juneRows()] }]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    expect(await adapter.readJournal()).toEqual([]);
    expect(await adapter.appendJournal(entry({ publicSeed: '=HYPERLINK("http://x")' }))).toBe(4);
    expect(await adapter.appendJournal(entry({ outcome: 'refused', detail: 'x'.repeat(300) }))).toBe(5);
    const sheet = excel.sheet(JOURNAL_SHEET);
    expect(sheet?.protection.protected).toBe(true);
    expect(cellAt(sheet!, 3, 2)).toMatchObject({ value: '=HYPERLINK("http://x")', formula: null });
    const entries = await adapter.readJournal();
    expect(entries.map((e) => [e.row, e.outcome, e.publicSeed, e.detail.length])).toEqual([
      [4, 'requested', '=HYPERLINK("http://x")', 0],
      [5, 'refused', '4 2 6 1 5 3', 300],
    ]);
  });

  it('verify reports a logged draw whose record sheets were deleted, even when no record is left', async () => {
    const excel = excelOf([{ name: 'Candidatures', rows: [HEADER, ...juneRows()] }]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const outcome = await adapter.writeRecord(await request(adapter));
    expect(allDifferences(outcome.check)).toEqual([]);
    const dataSheet = outcome.check.records[0].sheetNames.data;
    await adapter.appendJournal(entry({ outcome: 'recorded', dataSheet, fingerprint: outcome.result.prepared.canonical.fingerprint }));
    expect(allDifferences(await adapter.verifyRecord())).toEqual([]);
    excel.workbook.sheets = excel.workbook.sheets.filter((s) => !outcome.sheetNames.includes(s.name));
    const check = verifyWorkbook(await adapter.readRecordSheets());
    expect(check.records).toEqual([]);
    expect(check.differences).toEqual([expect.stringContaining(`ligne 4 : le tirage du 2025-06-13T18:04:05Z`)]);
    expect(check.differences[0]).toContain(`« ${dataSheet} », absente du classeur`);
  });

  it('a later draw keeps the first record intact and writes its reason into the new procès-verbal', async () => {
    const excel = excelOf([{ name: 'Candidatures', rows: [HEADER, ...juneRows()] }]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const first = await adapter.writeRecord(await request(adapter));
    const firstMinutes = first.check.records[0].sheetNames.minutes;
    const before = JSON.stringify([...excel.sheet(firstMinutes)!.cells]);
    const second = await adapter.writeRecord(await request(adapter, 'Coupure de courant pendant la première séance'));
    expect(second.check.records[0].sheetNames.minutes).toBe('Procès-verbal (2)');
    expect(JSON.stringify([...excel.sheet(firstMinutes)!.cells])).toBe(before);
    const minutes = [...excel.sheet('Procès-verbal (2)')!.cells.values()].map((c) => c.value);
    expect(minutes).toContain('Motif du nouveau tirage');
    expect(minutes).toContain('Coupure de courant pendant la première séance');
    expect([...excel.sheet(firstMinutes)!.cells.values()].map((c) => c.value)).not.toContain('Motif du nouveau tirage');
    const check = await adapter.verifyRecord();
    expect(check.records).toHaveLength(2);
    expect(allDifferences(check)).toEqual([]);
  });

  it('the CLI’s verify, on the saved workbook, says which logged draw lost its sheets', async () => {
    const excel = excelOf([{ name: 'Candidatures', rows: [HEADER, ...juneRows()] }]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const first = await adapter.writeRecord(await request(adapter));
    await adapter.appendJournal(entry({ outcome: 'recorded', dataSheet: first.check.records[0].sheetNames.data }));
    const second = await adapter.writeRecord(await request(adapter, 'Essai'));
    await adapter.appendJournal(entry({ outcome: 'recorded', dataSheet: second.check.records[0].sheetNames.data, reason: 'Essai', time: '2025-06-13T18:10:00Z' }));
    // Someone deletes the second record, hoping the first is the only one seen.
    excel.workbook.sheets = excel.workbook.sheets.filter((s) => !second.sheetNames.includes(s.name));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-'));
    const file = path.join(dir, 'registre.xlsx');
    fs.writeFileSync(file, await simulatedWorkbookToXlsx(excel.workbook));
    const outcome = await verifyFile(file);
    expect(outcome.conforming).toBe(false);
    expect(outcome.text).toContain('« Journal des tirages », ligne 5 : le tirage du 2025-06-13T18:10:00Z');
    expect(outcome.text).toContain('« Données du tirage (2) », absente du classeur');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is written from its render plan, as the record is: every cell styled as planned, widths, frozen header, protection', async () => {
    const excel = excelOf([{ name: 'Candidatures', rows: [HEADER, ...juneRows()] }]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    await adapter.appendJournal(entry());
    await adapter.appendJournal(entry({ outcome: 'refused', detail: 'x'.repeat(300) }));
    const plans = [planSheet(journalSheet([{ row: 4, entry: entry() }], true)), planSheet(journalSheet([{ row: 5, entry: entry({ outcome: 'refused', detail: 'x'.repeat(300) }) }], false))];
    const sheet = excel.sheet(JOURNAL_SHEET)!;
    for (const plan of plans) {
      for (const run of plan.styleRuns) {
        const style = plan.styles[run.style];
        for (const r of run.ranges) {
          for (let row = r.fromRow; row <= r.toRow; row++) {
            for (let column = r.fromColumn; column <= r.toColumn; column++) {
              const cell = cellAt(sheet, row - 1, column - 1);
              expect({ row, column, font: cell.style.fontName, size: cell.style.size, format: cell.numberFormat }).toEqual({ row, column, font: style.font.name, size: style.font.size, format: style.numberFormat });
            }
          }
        }
      }
    }
    // The 300-character detail: General, as the plan says of a text over 255 characters, and still text.
    expect(cellAt(sheet, 4, 6)).toMatchObject({ value: 'x'.repeat(300), numberFormat: 'General', formula: null });
    expect(sheet.frozen.rows).toBe(3);
    expect(sheet.merges).toEqual([{ row: 1, column: 0, rowCount: 1, columnCount: 7 }]);
    expect(sheet.columnWidths.size).toBe(7);
    expect(sheet.protection).toMatchObject({ protected: true, allowSort: false, allowAutoFilter: false });
  });
});
