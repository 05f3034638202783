/** The simulated workbook's loader (the CLI's own reader) and Node saver: what the adapter reads survives loading, what it wrote survives saving. */
import * as ExcelJS from 'exceljs';
import { SimulatedExcel } from '../../src/excel/simulated/excel';
import { simulatedWorkbookToXlsx } from '../../src/excel/simulated/xlsxFile';
import { simulatedWorkbookFromXlsxBytes } from '../../src/excel/simulated/xlsxWorkbook';
import { ExcelWorkbookAdapter } from '../../src/excel/workbookAdapter';

async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('simulated workbook from and to .xlsx', () => {
  it.each([false, true])('loads a date cell as its serial in the workbook’s date system (1904: %s), and the adapter reads the same day', async (date1904) => {
    const bytes = await xlsx((workbook) => {
      workbook.properties.date1904 = date1904;
      const sheet = workbook.addWorksheet('Feuil1');
      sheet.getCell('A1').value = new Date(Date.UTC(1987, 2, 14));
      sheet.getCell('A1').numFmt = 'dd/mm/yyyy';
    });
    const state = simulatedWorkbookFromXlsxBytes(bytes, 'classeur.xlsx');
    expect(state.date1904).toBe(date1904);
    expect(state.sheets[0].cells.get('0:0')!.value).toBe(date1904 ? 31850 - 1462 : 31850);
    const read = await new ExcelWorkbookAdapter(new SimulatedExcel(state).run).readTable({ kind: 'sheet', sheet: 'Feuil1' });
    expect(read.sheet.rows[0][0]).toEqual(new Date(Date.UTC(1987, 2, 14)));
  });

  it('loads tables, merges, formulas with their result and protection', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('Feuil1');
      sheet.addTable({ name: 'Inscrits', ref: 'B3', headerRow: true, columns: [{ name: 'Nom' }, { name: 'Âge' }], rows: [['A', 30], ['B', 40]] });
      sheet.getCell('E1').value = { formula: 'C4+C5', result: 70 };
      sheet.mergeCells('A1:C1');
      void sheet.protect('', {});
    });
    const sheet = (simulatedWorkbookFromXlsxBytes(bytes, 'classeur.xlsx')).sheets[0];
    expect(sheet.tables.map((t) => [t.name, t.rect])).toEqual([['Inscrits', { row: 2, column: 1, rowCount: 3, columnCount: 2 }]]);
    expect(sheet.merges).toEqual([{ row: 0, column: 0, rowCount: 1, columnCount: 3 }]);
    expect(sheet.cells.get('0:4')).toMatchObject({ value: 70, formula: '=C4+C5' });
    expect(sheet.protection.protected).toBe(true);
  });

  it('saves what the simulation holds, formulas as formulas and text as text', async () => {
    const excel = new SimulatedExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Feuil1');
      const range = sheet.getRange('A1:B1');
      range.numberFormat = [['@', 'General']];
      range.values = [['=1+1', '=1+1']];
      range.format.fill.color = '#C6EFCE';
      sheet.freezePanes.freezeRows(1);
      sheet.protection.protect({ allowAutoFilter: true });
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await simulatedWorkbookToXlsx(excel.workbook)) as never);
    const sheet = workbook.getWorksheet('Feuil1')!;
    expect(sheet.getCell('A1').value).toBe('=1+1');
    expect(sheet.getCell('B1').value).toMatchObject({ formula: '1+1' });
    expect(sheet.getCell('A1').fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet as unknown as { sheetProtection: { sheet: boolean; autoFilter: boolean } }).sheetProtection).toMatchObject({ sheet: true, autoFilter: true });
  });
});
