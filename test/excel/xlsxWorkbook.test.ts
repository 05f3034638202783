/** An .xlsx loaded into the simulated Excel by the browser-capable reader, as the preview does. */
import * as fs from 'fs';
import * as path from 'path';
import { prepareDraw } from '../../src/core/draw';
import { InputError } from '../../src/core/errors';
import { simulatedWorkbookFromXlsxBytes } from '../../src/excel/simulated/xlsxWorkbook';
import { SimulatedExcel } from '../../src/excel/simulated/excel';
import { ExcelWorkbookAdapter } from '../../src/excel/workbookAdapter';
import { readTableFile } from '../../src/file/readTable';
import { sourceChoices } from '../../src/taskpane/session/sessionModel';

const ASSETS = path.join(__dirname, '..', '..', 'assets');
const DATE = '2025-06-13';

describe('an .xlsx in the simulated Excel, read in the browser’s way', () => {
  it('gives the adapter the same candidatures, hence the same fingerprint, as the CLI reads from the file', async () => {
    const file = path.join(ASSETS, 'exemple-candidatures.xlsx');
    const excel = new SimulatedExcel(simulatedWorkbookFromXlsxBytes(new Uint8Array(fs.readFileSync(file)), 'exemple-candidatures.xlsx'));
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const [source] = sourceChoices(await adapter.listTables());
    const read = await adapter.readTable(source);
    const fromPane = prepareDraw(read.sheet, { referenceDate: DATE, excludeInvalid: true, bounds: read.bounds }).canonical.fingerprint;
    const cli = await readTableFile(file);
    const fromCli = prepareDraw(cli.sheet, { referenceDate: DATE, excludeInvalid: true, bounds: cli.bounds }).canonical.fingerprint;
    expect(fromPane).toBe(fromCli);
  });

  it('refuses bytes that are not a workbook with the reader’s French message', () => {
    expect(() => simulatedWorkbookFromXlsxBytes(new TextEncoder().encode('Nom;Prénom\nA;B\n'), 'tableau.xlsx')).toThrow(InputError);
    expect(() => simulatedWorkbookFromXlsxBytes(new TextEncoder().encode('Nom;Prénom\nA;B\n'), 'tableau.xlsx')).toThrow(/« tableau\.xlsx »/);
  });
});
