/**
 * Renderer parity: the same draw written by the office.js adapter into the simulated Excel and by
 * the file writer (`draw --out`) gives the same sheets — values, number formats, fonts, fills,
 * alignment, borders, merges, widths, heights, tables and filters, frozen panes, print set-up,
 * footer and protection — compared cell by cell. `verify` compares values only; this compares
 * what each renderer made of the plan. The file record is read with exceljs, the simulated one
 * from the simulation's state, and both are described in one neutral shape.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { buildRecord, drawFromTable, newRecordMeta, type Sheet } from '../../src/core';
import { SimulatedExcel } from '../../src/excel/simulated/excel';
import { simulateSession } from '../../src/excel/simulated/simulate';
import { simulatedWorkbookFromTable } from '../../src/excel/simulated/tableWorkbook';
import { parseCsvText } from '../../src/file/csv';
import { writeRecordWorkbook } from '../../src/file/recordWriter';
import { fileLook, simLook } from '../support/sheetLook';
import { XlsxParts } from '../support/xlsxParts';

const CSV = [
  'N°;Nom;Prénom;Sexe;Date de naissance;Secteur',
  '1;"=HYPERLINK(""http://x"";""clic"")";Léa;F;14/03/1987;Centre',
  '2;+33 6 12;Inès;F;01/02/2001;Est',
  '3;-2+3;Noé;H;05/06/1950;Est',
  '4;@SUM(A1);Zoé;F;07/08/1990;Nord',
  '5;Martin;Lucas;H;09/10/1985;Nord',
  "6;'Dubois;Loïc;H;11/12/1970;Sud",
  '7;Petit;Maëlle;F;13/01/2015;Ouest',
  '8;Durand;Hélène;F;15/02/1960;Hem',
  '9;Leroy;François;H;17/03/1999;Ouest',
  '10;Moreau;Chloé;F;19/04/2003;Centre',
  '11;"Ligne\nlongue";Jérôme;H;21/05/1945;Sud',
  '12;Benali;Raphaël;H;23/06/1980;Centre',
].join('\r\n');

/** 120 candidatures: a reserve list long enough for the procès-verbal to break over pages. */
const LONG = [
  'N°;Nom;Prénom;Sexe;Date de naissance;Secteur',
  ...Array.from({ length: 120 }, (_, i) => `${i + 1};Nom${i + 1};Prénom${i + 1};${i % 2 === 0 ? 'F' : 'H'};${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/19${50 + (i % 40)};${['Centre', 'Est', 'Ouest', 'Nord', 'Sud'][i % 5]}`),
].join('\r\n');

describe('renderer parity: office.js adapter on the simulated Excel vs the file writer', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tirage-parity-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['hostile names, ineligible rows', CSV, true],
    ['the June 2025 example', null, false],
    ['a procès-verbal of several pages, its page breaks fixed by the plan', LONG, false],
  ])('%s: every record sheet is rendered alike', async (_, csv, excludeInvalid) => {
    const text = csv ?? readFileSync(join(__dirname, '../../assets/exemple-candidatures.csv'), 'utf8');
    const table: Sheet = parseCsvText(text, 'candidatures.csv');
    const options = { seed: '4 2 6 1 5 3', date: '2025-06-13', excludeInvalid: excludeInvalid as boolean, sourceFile: 'candidatures.csv' };

    const excel = new SimulatedExcel(simulatedWorkbookFromTable(table));
    const figures = await simulateSession(excel, options);
    expect(figures.differences).toBe(0);

    const result = drawFromTable(table, { referenceDate: options.date, publicSeed: options.seed, excludeInvalid: options.excludeInvalid });
    const model = buildRecord(result, newRecordMeta({ place: '', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'candidatures.csv', inputSheets: ['Candidatures'], mandateStart: options.date }));
    const out = join(dir, `record-${excludeInvalid}.xlsx`);
    await writeRecordWorkbook({ input: { kind: 'csv', table }, model, outPath: out });
    const file = new ExcelJS.Workbook();
    await file.xlsx.readFile(out);
    const parts = await XlsxParts.open(out);

    for (const sheet of model.sheets) {
      const simulated = excel.sheet(sheet.name);
      const written = file.getWorksheet(sheet.name);
      expect(simulated).toBeDefined();
      expect(written).toBeDefined();
      const [a, b] = [simLook(simulated!), fileLook(written!, await parts.sheetXml(sheet.name))];
      expect(Object.keys(b.cells).length).toBeGreaterThanOrEqual(sheet.cells.length);
      // Cell by cell first, so that a failure names the cell.
      for (const address of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) {
        expect({ sheet: sheet.name, address, look: a.cells[address] }).toEqual({ sheet: sheet.name, address, look: b.cells[address] });
      }
      expect({ ...a, cells: undefined }).toEqual({ ...b, cells: undefined });
    }
    if (csv === LONG) expect(excel.sheet(model.sheets[2].name)?.pageLayout.rowBreaks.length).toBeGreaterThan(0);
  });
});
