/**
 * The record as another program sees it: LibreOffice Calc (headless) reads the written file,
 * exports each sheet to CSV, re-saves it, prints it. Four soffice runs in all (~2 s each).
 * Skipped on a machine without LibreOffice; a failure under CI (CI=true).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SheetModel } from '../../src/core/record/model';
import { CSV_SHEET_NAME, type CellValue, type Sheet } from '../../src/core/sheet';
import { sheetFrom } from '../support/sheets';
import { readWorkbookSheets } from '../../src/file/recordReader';
import { writeRecordWorkbook } from '../../src/file/recordWriter';
import { csvDifferences, printToPng, trimmed, requireLibreOffice, resaveXlsx, sheetsToCsv, testOutputDir } from '../support/libreoffice';
import { CONTROL, HOSTILE, clerkWorkbook, modelGrid, sampleModel } from '../support/recordModels';
import { XlsxParts } from '../support/xlsxParts';

const withLibreOffice = requireLibreOffice() ? describe : describe.skip;

withLibreOffice('LibreOffice Calc', () => {
  const OUT = testOutputDir('libreoffice');
  const clerk = path.join(OUT, 'candidatures.xlsx');
  const record = path.join(OUT, 'registre.xlsx');
  const fromCsv = path.join(OUT, 'registre-csv.xlsx');
  const model = sampleModel({}, { control: true });
  const table: Sheet = sheetFrom({
    name: CSV_SHEET_NAME,
    source: 'candidatures.csv',
    rows: [
      { rowNumber: 1, cells: ['N°', 'Nom', 'Date de naissance'] },
      { rowNumber: 2, cells: ['0012', '=HYPERLINK("http://x","clic")', '14/03/1987'] },
      { rowNumber: 4, cells: ['13', '-2+3', '1987-03-14'] },
    ],
  });

  beforeAll(async () => {
    fs.writeFileSync(clerk, await clerkWorkbook());
    await writeRecordWorkbook({ input: { kind: 'xlsx', path: clerk }, model, outPath: record });
    await writeRecordWorkbook({ input: { kind: 'csv', table }, model: sampleModel(), outPath: fromCsv });
  });

  it('exports every sheet to CSV with the model’s values: hostile text stays text, nothing is evaluated', async () => {
    const csv = sheetsToCsv(record, path.join(OUT, 'csv'));
    expect([...csv.keys()].sort()).toEqual(['Candidatures', 'Notes', 'Procès-verbal', 'Synthèse', 'Tirage'].sort());
    for (const sheet of model.sheets) expect(csvDifferences(sheet.name, modelGrid(sheet), csv.get(sheet.name))).toEqual([]);
    expect((csv.get('Tirage') ?? []).slice(4).map((r) => r[1])).toEqual([...HOSTILE]);
    expect((csv.get('Procès-verbal') ?? [])[6][1]).toBe(CONTROL[0]);
    // The clerk's sheets as exceljs reads the input itself.
    const input = await readWorkbookSheets(clerk);
    for (const grid of input) expect(csvDifferences(grid.name, grid.rows, csv.get(grid.name))).toEqual([]);
  });

  it('reads a record made from a CSV: the table as text at its row numbers, then the record', () => {
    const csv = sheetsToCsv(fromCsv, path.join(OUT, 'csv-depuis-csv'));
    expect(trimmed(csv.get('Candidatures') ?? [])).toEqual([
      ['N°', 'Nom', 'Date de naissance'],
      ['0012', '=HYPERLINK("http://x","clic")', '14/03/1987'],
      [],
      ['13', '-2+3', '1987-03-14'],
    ]);
    for (const sheet of sampleModel().sheets) expect(csvDifferences(sheet.name, modelGrid(sheet), csv.get(sheet.name))).toEqual([]);
  });

  it('re-saves the record as .xlsx with the same values and the sheets still protected', async () => {
    const resaved = resaveXlsx(record, path.join(OUT, 'reenregistre'));
    const grids = await readWorkbookSheets(resaved);
    expect(grids.map((g) => g.name)).toEqual(['Notes', 'Candidatures', 'Tirage', 'Synthèse', 'Procès-verbal']);
    for (const sheet of model.sheets) {
      const rows = grids.find((g) => g.name === sheet.name)?.rows ?? [];
      expect([sheet.name, rows]).toEqual([sheet.name, expectedAfterResave(sheet)]);
    }
    const parts = await XlsxParts.open(resaved);
    for (const sheet of model.sheets) {
      const protection = /<sheetProtection [^>]*>/.exec(await parts.sheetXml(sheet.name))?.[0] ?? '';
      expect([sheet.name, protection]).toEqual([sheet.name, expect.stringMatching(/sheet="(1|true)"/)]);
      expect(protection).not.toMatch(/hashValue|password=/);
    }
    // A workbook LibreOffice wrote takes a second record just as well.
    const second = sampleModel({ draw: 'Tirage (2)', summary: 'Synthèse (2)', minutes: 'Procès-verbal (2)' });
    const twice = path.join(OUT, 'reenregistre-deux-tirages.xlsx');
    await writeRecordWorkbook({ input: { kind: 'xlsx', path: resaved }, model: second, outPath: twice });
    const again = await readWorkbookSheets(twice);
    // Values as they were; looks are compared as drawn by `verify` (the style sheet's numbering changes when styles are added).
    const withoutLooks = (sheets: typeof grids) => sheets.map(({ display, ...grid }) => ({ ...grid, display: display === undefined ? undefined : { ...display, looks: null, lookOf: null } }));
    expect(withoutLooks(again.slice(0, 5))).toEqual(withoutLooks(grids));
    for (const sheet of second.sheets) expect(again.find((g) => g.name === sheet.name)?.rows).toEqual(modelGrid(sheet));
  });

  it('prints the sheets (A4, fitted to width) to PNG pages', () => {
    const pages = printToPng(fromCsv, path.join(OUT, 'impression'));
    expect(pages.length).toBeGreaterThanOrEqual(4); // the table, then one page per record sheet at least
    for (const page of pages) {
      const bytes = fs.readFileSync(page);
      expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
      expect(bytes.length).toBeGreaterThan(10_000);
    }
  });
});

/**
 * What LibreOffice gives back: the model's values, control characters and "_x0041_" included
 * (it escapes them as Excel does), except that a CR LF line break comes back as LF (LibreOffice
 * keeps line breaks, not carriage returns; verify compares line breaks without their CR).
 */
function expectedAfterResave(sheet: SheetModel): CellValue[][] {
  return modelGrid(sheet).map((cells) => cells.map((v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n') : v)));
}
