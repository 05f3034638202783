/**
 * The real record of the example table, as LibreOffice Calc sees it: every sheet's values, a copy
 * re-saved by LibreOffice that still verifies, and the printed procès-verbal as PNG pages for a
 * person to look at (test-output/libreoffice-registre/). Skipped without LibreOffice on a
 * developer's machine; a failure under CI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { cliAt } from '../support/cli';
import { buildRecord, newRecordMeta, drawFromTable, ROUBAIX_CLN_2025 } from '../../src/core';
import { group, onlineFormExport, rowsOf, tableOf } from '../support/tables';
import { decodeCsvBytes, parseCsvText } from '../../src/file/csv';
import { planSheet } from '../../src/core/record/plan';
import { newWorkbookBytes } from '../../src/xlsx/newWorkbook';
import { csvDifferences, printToPdf, printToPng, requireLibreOffice, resaveXlsx, sheetsToCsv, testOutputDir } from '../support/libreoffice';
import { pdfPages, type PdfPage } from '../support/pdf';
import { FORM_41, FULL_COUNCIL_15_RESERVES, recordSheet, THIRTEEN_OFFICIALS } from '../support/printCases';
import { MIN_PRINTED_SIZE } from '../../src/core/record/paper';
import { sheetToGrid } from '../support/records';

const withLibreOffice = requireLibreOffice() ? describe : describe.skip;
const REPO = join(__dirname, '..', '..');
const EXAMPLE = join(REPO, 'assets', 'exemple-candidatures.csv');
const SEED = '4 2 6 1 5 3';

const cli = cliAt('2025-06-13');

/** The pages of one record sheet in a printed workbook, known by its footer. */
function pagesOf(pages: readonly PdfPage[], footer: string): PdfPage[] {
  return pages.filter((p) => p.text.includes(footer));
}

withLibreOffice('a 41-row online-form export, printed whole as « imprimer le classeur » prints it', () => {
  const OUT = testOutputDir('libreoffice-formulaire-41');
  const csv = join(OUT, 'formulaire.csv');
  const record = join(OUT, 'registre-formulaire.xlsx');
  let pages: PdfPage[];

  beforeAll(async () => {
    writeFileSync(csv, Papa.unparse(onlineFormExport(FORM_41).rows.map((r) => [...r])));
    const { code, stderr } = await cli('draw', csv, '--seed', '1 2 3', '--date', '2025-06-13', '--exclude-invalid', '--officials', THIRTEEN_OFFICIALS.join(';'), '--out', record, '--replace');
    expect([code, stderr]).toEqual([0, '']);
    pages = pdfPages(printToPdf(record, join(OUT, 'impression')));
  });

  it('prints the Publication on one page, « Vérifier le tirage » with the rest, no text under 8 points', () => {
    const publication = pagesOf(pages, 'Tirage CLN, publication');
    expect(publication).toHaveLength(1);
    expect(publication[0].text).toContain('Membres désignés : 20');
    expect(publication[0].text).toContain('Vérifier le tirage');
    expect(Math.min(...publication[0].textSizes)).toBeGreaterThanOrEqual(MIN_PRINTED_SIZE);
  });

  it('keeps the procès-verbal’s signatures on one page, after all it attests', () => {
    const minutes = pagesOf(pages, 'Procès-verbal du tirage CLN');
    expect(minutes.length).toBeGreaterThanOrEqual(2);
    const signing = minutes.filter((p) => /^\s*Signatures\s*$/m.test(p.text));
    expect(signing).toHaveLength(1);
    expect((signing[0].text.match(/Signature :/g) ?? []).length).toBe(THIRTEEN_OFFICIALS.length);
    for (const page of minutes) expect(Math.min(...page.textSizes)).toBeGreaterThanOrEqual(MIN_PRINTED_SIZE);
  });

  it('prints « Données du tirage » legibly: landscape, every text at 8 points or more, every candidature on paper', () => {
    // Its candidature header, repeated on each of its pages (Tirage and Synthèse share its footer).
    const data = pages.filter((p) => p.text.includes('Valeur lue'));
    expect(data.length).toBeGreaterThanOrEqual(1);
    for (const page of data) {
      expect(page.landscape).toBe(true);
      expect(Math.min(...page.textSizes)).toBeGreaterThanOrEqual(MIN_PRINTED_SIZE);
    }
    const text = data.map((p) => p.text).join('\n');
    expect(text).toContain('["tirage-cln/1","2025-06-13"');
    expect((text.match(/^\s*\d+\s+(oui|non)\b/gm) ?? []).length).toBe(40);
  });
});

withLibreOffice('the example record in LibreOffice Calc', () => {
  const OUT = testOutputDir('libreoffice-registre');
  const record = join(OUT, 'registre-exemple.xlsx');
  const table = parseCsvText(decodeCsvBytes(readFileSync(EXAMPLE)), 'exemple-candidatures.csv');
  const model = buildRecord(drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: SEED, excludeInvalid: false }), newRecordMeta({
    place: '',
    officials: [],
    candidatureSheet: 'Candidatures',
    sourceFile: 'exemple-candidatures.csv',
    inputSheets: ['Candidatures'],
    mandateStart: '2025-06-13',
  }));

  beforeAll(async () => {
    expect((await cli('draw', EXAMPLE, '--seed', SEED, '--date', '2025-06-13', '--out', record, '--replace')).code).toBe(0);
  });

  it('reads every sheet with the values of the record model, and the candidatures as they were', () => {
    const csv = sheetsToCsv(record, join(OUT, 'csv'));
    expect([...csv.keys()].sort()).toEqual(['Candidatures', 'Données du tirage', 'Procès-verbal', 'Publication', 'Synthèse', 'Tirage']);
    for (const sheet of model.sheets) expect(csvDifferences(sheet.name, sheetToGrid(sheet).rows, csv.get(sheet.name))).toEqual([]);
    const source = table.rows;
    expect(csvDifferences('Candidatures', source, csv.get('Candidatures'))).toEqual([]);
  });

  it('still verifies after LibreOffice re-saves it', async () => {
    const resaved = resaveXlsx(record, join(OUT, 'reenregistre'));
    const { code, stdout } = await cli('verify', resaved);
    expect(stdout).toContain('Registre conforme');
    expect(code).toBe(0);
  });

  it('prints the procès-verbal on A4 pages, with lines left to sign by hand', async () => {
    const sheet = planSheet(model.sheets.find((s) => s.role === 'minutes') as (typeof model.sheets)[number]);
    const minutes = join(OUT, 'proces-verbal.xlsx');
    writeFileSync(minutes, await newWorkbookBytes([sheet]));
    const pages = printToPng(minutes, join(OUT, 'impression'));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
    for (const page of pages) {
      const png = readFileSync(page);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.length).toBeGreaterThan(10_000);
    }
    const text = model.sheets.find((s) => s.role === 'minutes')?.cells.map((c) => c.value) ?? [];
    expect(text.filter((v) => v === '______________________').length).toBe(3);
    expect(text.filter((v) => v === 'Signature :').length).toBe(3);
  });

  it('prints the Publication sheet on one A4 portrait page, no text under 8 points, for the example and for a full council with its reserve', async () => {
    // 40 candidatures, 4 women and 4 men in every sector: 20 members and 20 on the reserve list.
    const people = ROUBAIX_CLN_2025.sectors.flatMap((sector) => [...group(sector, 'F', 4, 1970), ...group(sector, 'H', 4, 1990)]);
    const full = drawFromTable(tableOf(rowsOf(people)), { referenceDate: '2025-06-13', publicSeed: SEED, excludeInvalid: false });
    const meta = newRecordMeta({ place: 'Hôtel de ville', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'c.csv', inputSheets: ['Candidatures'], mandateStart: '2025-06-13' });
    const cases = [
      ['publication-exemple', model.sheets.find((s) => s.role === 'publication')],
      ['publication-40', buildRecord(full, meta).sheets.find((s) => s.role === 'publication')],
      ['publication-20-membres-15-reserves', recordSheet(onlineFormExport(FULL_COUNCIL_15_RESERVES), 'publication')],
    ] as const;
    for (const [name, publication] of cases) {
      expect(publication?.print.orientation).toBe('portrait');
      const file = join(OUT, `${name}.xlsx`);
      writeFileSync(file, await newWorkbookBytes([planSheet(publication as (typeof model.sheets)[number])]));
      const pages = pdfPages(printToPdf(file, join(OUT, `impression-${name}`)));
      expect([name, pages.length]).toEqual([name, 1]);
      expect(pages[0].text).toContain('Vérifier le tirage');
      expect([name, Math.min(...pages[0].textSizes)]).toEqual([name, expect.any(Number)]);
      expect(Math.min(...pages[0].textSizes)).toBeGreaterThanOrEqual(MIN_PRINTED_SIZE);
    }
  });
});
