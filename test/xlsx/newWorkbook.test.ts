/**
 * A new workbook written whole from planned sheets (src/xlsx/newWorkbook.ts): every cell read back
 * as planned, hostile and control characters included; two tables of the same name refused (core
 * plans distinct names: Excel would repair such a file);
 * the print titles and the filter's range named for their own sheet; no sheet at all: an empty
 * workbook the record writer can extend (a CSV's record starts from it).
 */
import { planRecord } from '../../src/core/record/plan';
import { readWorkbookSheetsFromBytes } from '../../src/xlsx/open';
import { newWorkbookBytes } from '../../src/xlsx/newWorkbook';
import { modelGrid, sampleModel } from '../support/recordModels';
import { XlsxParts } from '../support/xlsxParts';

describe('a new workbook from planned sheets', () => {
  it('holds every planned cell as planned, control characters included', async () => {
    const model = sampleModel({}, { control: true });
    const sheets = readWorkbookSheetsFromBytes(await newWorkbookBytes(planRecord(model)), 'nouveau.xlsx');
    expect(sheets.map((s) => s.name)).toEqual(model.sheets.map((s) => s.name));
    model.sheets.forEach((sheet, i) => {
      const grid = modelGrid(sheet);
      grid.forEach((row, r) => row.forEach((value, c) => expect([sheet.name, r + 1, c + 1, sheets[i].rows[r]?.[c] ?? null]).toEqual([sheet.name, r + 1, c + 1, value])));
    });
  });

  it('refuses two tables of the same name, Excel comparing them without case', async () => {
    const first = planRecord(sampleModel({ draw: 'Tirage', summary: 'Synthèse', minutes: 'PV', table: 'Tirage' }));
    const second = planRecord(sampleModel({ draw: 'Tirage (2)', summary: 'Synthèse (2)', minutes: 'PV (2)', table: 'TIRAGE' }));
    await expect(newWorkbookBytes([...first, ...second])).rejects.toThrow('two tables named TIRAGE');
  });

  it('writes each sheet’s tables, and names its print titles and filter for that sheet', async () => {
    const first = planRecord(sampleModel({ draw: 'Tirage', summary: 'Synthèse', minutes: 'PV', table: 'Tirage' }));
    const second = planRecord(sampleModel({ draw: 'Tirage (2)', summary: 'Synthèse (2)', minutes: 'PV (2)', table: 'Tirage_2' }));
    const parts = await XlsxParts.open(await newWorkbookBytes([...first, ...second]));
    const tableName = (xml: string) => /<table [^>]*name="([^"]+)"/.exec(xml)?.[1];
    const names = [...(await parts.sheetTables('Tirage')), ...(await parts.sheetTables('Tirage (2)'))].map(tableName);
    expect(names).toEqual(['Tirage', 'Tirage_2']);
    const workbook = await parts.text('xl/workbook.xml');
    const defined = [...workbook.matchAll(/<definedName name="([^"]+)" localSheetId="(\d+)"[^>]*>([^<]*)</g)].map((m) => [m[1], Number(m[2]), m[3]]);
    for (const [name, sheet, value] of defined) {
      const sheetName = [...first, ...second][sheet as number].name.replace(/'/g, '&apos;');
      expect([name, value]).toEqual([name, expect.stringContaining(`&apos;${sheetName}&apos;!`)]);
    }
    expect(defined.map(([name]) => name)).toEqual(expect.arrayContaining(['_xlnm._FilterDatabase']));
  });

  it('with no sheet: an empty workbook, which a record is then added to', async () => {
    const parts = await XlsxParts.open(await newWorkbookBytes([]));
    expect(parts.names().sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml']);
    expect(await parts.text('xl/workbook.xml')).toContain('<sheets></sheets>');
  });
});
