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
import { ZipPackage } from '../../src/xlsx/zip';
import { cliAt } from '../support/cli';
import { testOutputDir } from '../support/libreoffice';
import { differenceLines } from '../support/records';
import { zipBytes } from '../support/zipWriter';

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

describe('a record in the simulated Excel, verified by the add-in (issue 15 §1)', () => {
  const OUT = testOutputDir('simulated-record');
  const record = path.join(OUT, 'registre.xlsx');

  beforeAll(async () => {
    const { code, stderr } = await cliAt(DATE)('draw', path.join(ASSETS, 'exemple-candidatures.csv'), '--seed', '4 2 6 1 5 3', '--date', DATE, '--out', record, '--replace');
    expect([code, stderr]).toEqual([0, '']);
  });

  async function verified(bytes: Uint8Array) {
    const excel = new SimulatedExcel(simulatedWorkbookFromXlsxBytes(bytes, 'registre.xlsx'));
    return differenceLines(await new ExcelWorkbookAdapter(excel.run).verifyRecord());
  }

  it('conforms as written, number formats read back by office.js included', async () => {
    expect(await verified(new Uint8Array(fs.readFileSync(record)))).toEqual([]);
  });

  it('reads each sheet’s visibility: a very hidden record sheet is a difference', async () => {
    const pkg = ZipPackage.open(new Uint8Array(fs.readFileSync(record)));
    const hidden = zipBytes(
      pkg.names().map((name) => {
        const content = pkg.bytesOf(name);
        if (name !== 'xl/workbook.xml') return { name, content };
        return { name, content: new TextDecoder().decode(content).replace(/(<sheet [^>]*name="Tirage")/, '$1 state="veryHidden"') };
      }),
    );
    expect(await verified(hidden)).toEqual([expect.stringMatching(/^Feuille « Tirage » : masquée \(« très masquée »/)]);
  });
});
